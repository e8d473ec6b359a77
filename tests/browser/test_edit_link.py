"""The "Edit this page" link shows on screen and does not print, in Chromium.

That every page links to its own source is checked in the built HTML:
tests/site/test_editing.py."""

from __future__ import annotations


def test_edit_link_is_hidden_in_print(site, server, page_for):
    page = page_for()
    page.goto(server + "principles/")
    link = page.locator("article a[rel=edit]")
    assert link.is_visible(), "The edit link should show on screen"
    page.emulate_media(media="print")
    assert not link.is_visible(), "The edit link shows in print; hide it in print.css"
