"""Every page has one h1, a title, a unique description and lang en-GB."""

from __future__ import annotations

from collections import defaultdict

from conftest import parse
from guide_core.rules import description_problem, shared_values


def _soup(page):
    return parse(page)


def test_each_page_has_one_h1_title_and_language(site):
    problems = []
    for page in site.pages():
        soup = _soup(page)
        name = site.rel(page)
        h1s = soup.find_all("h1")
        if len(h1s) != 1:
            problems.append(f"{name}: has {len(h1s)} h1 headings; give it exactly one")
        title = soup.title.get_text(strip=True) if soup.title else ""
        if not title:
            problems.append(f"{name}: has no <title>")
        if soup.html.get("lang") != site.html_lang(page):
            problems.append(f"{name}: lang is {soup.html.get('lang')!r}, not {site.html_lang(page)!r}")
    assert not problems, "\n".join(problems)


def test_descriptions_are_present_and_unique(site):
    # Unique within each language: a Welsh page not yet translated keeps its English description.
    seen = defaultdict(dict)
    problems = []
    for page in site.content_pages():
        tag = _soup(page).find("meta", attrs={"name": "description"})
        seen[site.language(page)][site.rel(page)] = text = (tag.get("content") or "").strip() if tag else ""
        if description_problem(text):
            problems.append(f"{site.rel(page)}: {'; '.join(description_problem(text))}")
    for language in seen.values():
        problems += [f"Pages share a description: {', '.join(p)}" for p in shared_values(language)]
    assert not problems, "\n".join(problems)


def test_titles_are_unique(site):
    seen = defaultdict(list)
    for page in site.content_pages():
        seen[_soup(page).title.get_text(strip=True)].append(site.rel(page))
    shared = {t: p for t, p in seen.items() if len(p) > 1}
    assert not shared, f"Pages share a <title>: {shared}"


def test_no_source_data_is_published(site):
    """docs/ holds data the build reads (YAML, Markdown); only what it makes is published."""
    sources = sorted(site.rel(p) for pattern in ("*.yml", "*.yaml", "*.md") for p in site.dir.rglob(pattern))
    assert not sources, (
        f"These source files are published as they are: {sources}. "
        "Fix: leave them out with exclude_docs in mkdocs.yml."
    )
