"""Every page offers an "Edit this page" link to its own source file.

That the link does not print is checked in Chromium:
tests/browser/test_edit_link.py."""

from __future__ import annotations


from conftest import load_config, parse

# Material's own label in each language (partials/languages/custom.html and cy.html).
EDIT_LABEL = {"en-GB": "Edit this page", "cy": "Golygu'r dudalen hon"}


def test_every_page_links_to_its_source_for_editing(site):
    edit_uri = load_config()["edit_uri"]
    problems = []
    for built in site.content_pages():
        soup = parse(built)
        link = soup.select_one("article a[rel=edit]")
        if link is None:
            problems.append(f"{site.rel(built)}: no 'Edit this page' link")
            continue
        source = link["href"].removeprefix(edit_uri)
        # A Welsh page edits its Welsh file, or the English one it shows until translated.
        if not link["href"].startswith(edit_uri) or source != site.source(built):
            problems.append(f"{site.rel(built)}: edit link {link['href']} is not the page's source "
                            f"docs/{site.source(built)}")
        if link.get("title") != EDIT_LABEL[site.language(built)]:
            problems.append(f"{site.rel(built)}: edit link is labelled {link.get('title')!r}")
    assert not problems, "\n".join(problems)
