"""The words of the prose: sentence length and words to avoid."""

from __future__ import annotations

import re
from functools import lru_cache

from guide_core.problem import Problem
from guide_core.rules import MAX_EASY_READ_SENTENCE_WORDS, MAX_SENTENCE_WORDS
from guide_core.text import split_sentences, words_outside_quotations

from .project import HEADING, IMAGE, LINK, QUOTED


def sentences(page):
    """Yield (line, sentence) for prose blocks: paragraphs, list items, table cells."""
    block, start = [], 0

    def flush():
        text = " ".join(block)
        text = LINK.sub(r"\1", text)
        text = IMAGE.sub("", text)
        text = re.sub(r"<[^>]+>", " ", text)
        text = re.sub(r"\{[:#.][^}]*\}|[*_]{1,3}|:[a-z0-9-]+:", " ", text)
        for sentence in split_sentences(text):
            yield start, sentence

    for number, raw in page.body:
        text = raw.strip()
        if text.startswith("|"):
            yield from flush()
            block = []
            for cell in text.strip("|").split("|"):
                if not re.fullmatch(r"\s*:?-+:?\s*", cell):
                    block, start = [cell], number
                    yield from flush()
            block = []
            continue
        new_block = not text or HEADING.match(text) or re.match(r"([-*+]|\d+\.)\s", text) \
            or text.startswith(("!!!", "???", ">", "<div", "</div", "===", "*["))
        if new_block:
            yield from flush()
            block = []
            if not text or text.startswith(("!!!", "???", "*[", "<div", "</div")):
                continue
            text = re.sub(r"^(#{1,6}|[-*+]\s+\[[ xX]\]|[-*+]|\d+\.|>|===)\s*", "", text)
            if HEADING.match(raw.strip()):
                block, start = [text], number
                yield from flush()
                block = []
                continue
        if not block:
            start = number
        block.append(text)
    yield from flush()


def sentence_length(page, project):
    """No sentence over the limit, outside quotations: 30 words, and 15 on an Easy Read page."""
    easy = bool(page.meta.get("easy_read")) or "/easy-read/" in page.path.as_posix()
    limit = MAX_EASY_READ_SENTENCE_WORDS if easy else MAX_SENTENCE_WORDS
    for number, sentence in sentences(page):
        count = words_outside_quotations(sentence)
        if count > limit:
            yield Problem(page.name, number,
                          f"a sentence has {count} words: '{sentence[:70]}...'"
                          + (" (Easy Read sentences keep to 15 words)" if easy else ""),
                          f"split it into sentences of {limit} words or fewer"
                          + ("" if easy else " (aim for 15)"))


@lru_cache(maxsize=8)
def _patterns(words: tuple) -> dict:
    return {w: re.compile(rf"\b{re.escape(w)}(s|d|ed|es|ing)?\b", re.I) for w, _ in words}


def words_to_avoid(page, project):
    """No word from scripts/words-to-avoid.txt, outside quotations."""
    words = project.words_to_avoid
    patterns = _patterns(tuple(sorted(words.items())))
    for number, text in page.body:
        if text.lstrip().startswith(">"):
            continue  # a quotation
        prose = QUOTED.sub("", LINK.sub(r"\1", text))
        for word, pattern in patterns.items():
            match = pattern.search(prose)
            if match:
                yield Problem(page.name, number, f"'{match.group(0)}' is on the list of words to avoid",
                              f"write '{words[word]}' instead (list: scripts/words-to-avoid.txt)")
