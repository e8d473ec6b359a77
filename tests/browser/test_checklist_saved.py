"""Checklist ticks (checklists.js), on every page with a checklist:

- a page has one record of ticks whatever address opened it:
  /page/ and /page/index.html show the same ticks;
- a tick in one tab shows in another tab of the same browser, and the
  live progress line says so.
"""

from __future__ import annotations

import pytest

from support import open_page


def checklist_pages(site) -> list[str]:
    return [site.rel(page) for page in site.content_pages() if site.soup(page).select(".task-list-item input")]


def ticked(page) -> list[bool]:
    return page.eval_on_selector_all("article .task-list-item input[type=checkbox]", "bs => bs.map(b => b.checked)")


def open_checklist(page, address: str):
    page.goto(address)
    page.wait_for_selector(".checklist-tools__progress")


def test_ticks_are_kept_per_page_not_per_address(site, server, browser):
    pages = checklist_pages(site)
    assert pages, "no page with a checklist was built"
    page = open_page(browser)
    try:
        for rel in pages:
            folder = server + rel.removesuffix("index.html")
            open_checklist(page, folder)
            boxes = page.locator("article .task-list-item input[type=checkbox]")
            boxes.first.press("Space")
            boxes.last.press("Space")
            want = ticked(page)
            open_checklist(page, server + rel)
            assert ticked(page) == want, f"{rel}: the ticks saved at {folder} do not show at {server + rel}"
            page.locator(".checklist-tools__clear").click()
            open_checklist(page, folder)
            assert not any(ticked(page)), f"{rel}: Clear ticks at its index.html address left the ticks at {folder}"
    finally:
        page.context.close()


def test_a_tick_in_another_tab_shows(site, server, browser):
    rel = checklist_pages(site)[0]
    first = open_page(browser)
    second = first.context.new_page()
    try:
        open_checklist(first, server + rel)
        open_checklist(second, server + rel.removesuffix("index.html"))
        first.locator("article .task-list-item input[type=checkbox]").first.press("Space")
        second.wait_for_function("() => document.querySelector('.checklist-tools__progress').textContent.includes('another tab')")
        assert ticked(second) == ticked(first), f"{rel}: a tick in one tab did not show in the other"
    finally:
        first.context.close()
