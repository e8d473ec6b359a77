"""Every built page meets the readability floor and shows its reading time and level.

Moved from tests/unit/test_readability.py, which tests plain functions only.
"""
from __future__ import annotations

from bs4 import BeautifulSoup

from guide_core.readability import META_CLASS, measure, meta_line
from support import page_text
from conftest import parse

MIN_WORDS = 80
from guide_core.rules import MAX_GRADE, MAX_SENTENCE_WORDS  # noqa: E402
from guide_core.rules import MIN_READING_EASE as MIN_EASE  # noqa: E402


def _article(page) -> str:
    """The page's own text, as the hook measured it (no template parts)."""
    return page_text(page.read_text(encoding="utf-8"))


def test_every_page_meets_the_readability_floor(site):
    problems = []
    for page in site.content_pages():
        result = measure(_article(page))
        name = site.rel(page)
        long = result.over(MAX_SENTENCE_WORDS)
        if long:
            problems.append(f"{name}: {len(long)} sentence(s) over {MAX_SENTENCE_WORDS} words; split them:\n    "
                            + "\n    ".join(long))
        if result.words < MIN_WORDS or site.text_language(page) != "en-GB":
            continue  # the reading-level formulas are for English
        if result.reading_ease < MIN_EASE or result.grade > MAX_GRADE:
            problems.append(
                f"{name}: reading ease {result.reading_ease} (need >= {MIN_EASE}), grade {result.grade} "
                f"(need <= {MAX_GRADE}). Shorten these sentences and use everyday words:\n    "
                + "\n    ".join(result.longest(3)))
    assert not problems, "\n".join(problems)


def test_each_page_shows_its_reading_time_and_level(site):
    problems = []
    for page in site.content_pages():
        soup = parse(page)
        line = soup.select_one(f"article h1 + p.{META_CLASS}")
        if site.text_language(page) != "en-GB":
            # No reading level is claimed for Welsh: the formulas are for English.
            if soup.select_one(f"article p.{META_CLASS}") is not None:
                problems.append(f"{site.rel(page)}: claims an English reading level for Welsh text")
            continue
        expected = BeautifulSoup(meta_line(measure(_article(page))), "html.parser").get_text()
        if line is None:
            problems.append(f"{site.rel(page)}: no reading time under the title")
        elif line.get_text() != expected:
            problems.append(f"{site.rel(page)}: shows {line.get_text()!r}, expected {expected!r}")
    assert not problems, "\n".join(problems)
