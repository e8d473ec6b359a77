"""In the built pages, headings have no glossary tooltips and body text does.

Moved from tests/unit/test_tooltips.py, which tests plain functions only.
"""
from __future__ import annotations

import re

from conftest import parse


def test_built_headings_have_no_tooltips_and_body_text_does(site):
    in_headings, with_tooltips = [], 0
    for page in site.content_pages():
        article = parse(page).select_one("article")
        if article is None:
            continue
        for place in article.find_all(re.compile(r"^(h[1-6]|a)$")):
            if place.find("abbr"):
                in_headings.append(f"{site.rel(page)}: <{place.name}> '{place.get_text(strip=True)}' has a tooltip; "
                                   "check the tooltip step in guide_core/page_pipeline.py")
        with_tooltips += bool(article.select("p abbr[title], li abbr[title], td abbr[title]"))
    assert not in_headings, "\n".join(in_headings)
    assert with_tooltips, ("No page shows a glossary tooltip in its text: check that pymdownx.snippets "
                           "auto-appends includes/abbreviations.md")
