"""The last-updated date under a page reads in words in Chromium
("Last updated: ..."), on screen and to screen readers.

The dates themselves, in the built HTML and sitemap.xml: tests/site/test_page_dates.py."""

from __future__ import annotations


def test_last_updated_reads_in_words_in_the_browser(site, server, page_for):
    tab = page_for()
    tab.goto(server + "principles/")
    date = tab.locator("article .md-source-file .git-revision-date-localized-plugin-date")
    before = date.evaluate("e => getComputedStyle(e, '::before').content")
    assert before == '"Last updated: "', (
        f"The date under the page should read 'Last updated: ...' (guide.css, Last updated), got {before!r}.")
    # Screen readers get the words too: they are in the accessibility tree.
    spoken = tab.locator("article .md-source-file").aria_snapshot()
    assert "Last updated:" in spoken, f"Screen readers hear {spoken!r}, without 'Last updated'."
