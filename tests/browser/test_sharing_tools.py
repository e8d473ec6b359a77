"""The copy-link buttons, the share box's buttons and the 404 page, in Chromium.

The copy-link button by each heading and the share box's Copy summary and
Copy address copy what they say (the clipboard is read back), from the
keyboard too, and do not print; the 404 page's search opens Material's
search, and the page works at any depth. What the built HTML says of them:
tests/site/test_sharing.py.
"""

from __future__ import annotations

import pytest

from conftest import parse as soup_of
from guide_core.local_site import serve
from support import js, meta

# ---------------------------------------------------------------------------
# Copy link and share box
# ---------------------------------------------------------------------------

CLIPBOARD = {"permissions": ["clipboard-read", "clipboard-write"]}

# Material copied: its alert shows, the live region says it, the button ticks.
COPIED_JS = js("copied")


def _page_with_sections(site):
    """A page with at least two h2 sections, to copy a link from."""
    for page in site.content_pages():
        soup = soup_of(page)
        ids = [h["id"] for h in soup.select("article h2[id]") if h.select_one("a.headerlink")]
        if len(ids) >= 2:
            return page, ids
    pytest.fail("No page has two h2 headings with permalinks: the toc permalink setting is off.")


def test_copy_link_button_copies_the_sections_absolute_address(site, server, page_for):
    built, ids = _page_with_sections(site)
    rel = site.rel(built)
    tab = page_for(**CLIPBOARD)
    tab.goto(server + rel.removesuffix("index.html"))
    buttons = tab.locator("article h2 > button.section-link-copy")
    count_h2 = tab.locator("article h2 > a.headerlink").count()
    assert buttons.count() == count_h2, (
        f"{rel}: {buttons.count()} copy-link buttons for {count_h2} h2 permalinks (sharing.js).")
    heading_id = ids[1]
    button = tab.locator(f"article h2[id='{heading_id}'] > button.section-link-copy")
    assert button.get_attribute("aria-label") == "Copy link to this section"
    # The permalink still works as a plain link.
    assert tab.locator(f"article h2[id='{heading_id}'] > a.headerlink").get_attribute("href") == f"#{heading_id}"
    # From the keyboard: focus the button and press Enter.
    button.focus()
    tab.keyboard.press("Enter")
    tab.wait_for_function(COPIED_JS, arg=f"article h2[id='{heading_id}'] > button.section-link-copy")
    assert tab.evaluate("document.activeElement.matches('button.section-link-copy')"), (
        f"{rel}: focus left the copy-link button after copying.")
    copied = tab.evaluate("navigator.clipboard.readText()")
    want = site.address(built) + "#" + heading_id
    assert copied == want, f"{rel}: the copy-link button copied {copied!r}, want {want!r}."


def test_copy_link_button_works_with_space_and_on_the_title(site, server, page_for):
    built, ids = _page_with_sections(site)
    tab = page_for(**CLIPBOARD)
    tab.goto(server + site.rel(built).removesuffix("index.html"))
    title_button = tab.locator("article h1 > button.section-link-copy")
    assert title_button.get_attribute("aria-label") == "Copy link to this page"
    title_button.focus()
    tab.keyboard.press("Space")
    tab.wait_for_function(COPIED_JS, arg="article h1 > button.section-link-copy")
    assert tab.evaluate("navigator.clipboard.readText()") == site.address(built)


def test_share_box_copies_the_summary_and_the_address(site, server, page_for):
    built, _ = _page_with_sections(site)
    soup = soup_of(built)
    tab = page_for(**CLIPBOARD)
    tab.goto(server + site.rel(built).removesuffix("index.html"))
    summary = tab.get_by_role("button", name="Copy summary")
    assert summary.is_visible(), "The Copy summary button should show once JavaScript runs."
    summary.click()
    tab.wait_for_function(COPIED_JS, arg="[data-share-actions] button:last-child")
    want = "\n".join([meta(soup, "og:title")[0], meta(soup, "description")[0], site.address(built)])
    assert tab.evaluate("navigator.clipboard.readText()") == want
    tab.get_by_role("button", name="Copy address").click()
    tab.wait_for_function(COPIED_JS, arg="[data-share-actions] button:first-child")
    assert tab.evaluate("navigator.clipboard.readText()") == site.address(built)


# ---------------------------------------------------------------------------
# The page-not-found page
# ---------------------------------------------------------------------------

def test_404_page_search_opens_materials_search(site, server, page_for):
    tab = page_for()
    tab.goto(server + "404.html")
    tab.fill("#not-found-query", "power")
    tab.keyboard.press("Enter")
    tab.wait_for_url("**/?q=power*")
    # Material reads ?q=, fills its search box and opens search.
    tab.wait_for_function("() => document.getElementById('__search').checked")
    assert tab.input_value("input.md-search__input") == "power"


@pytest.fixture(scope="module")
def server_with_404(site):
    """Serve the build like GitHub Pages: 404.html for any missing address."""
    with serve(site.dir, site.prefix, not_found=site.dir / "404.html") as base:
        yield base


def test_404_page_works_at_any_depth(site, server_with_404, page_for):
    tab = page_for()
    failed = []
    tab.on("requestfailed", lambda request: failed.append(request.url))
    bad = []
    tab.on("response", lambda r: bad.append(r.url) if r.status >= 400 and r.url.endswith((".css", ".js")) else None)
    response = tab.goto(server_with_404 + "an/old/address/that/moved/")
    assert response.status == 404
    assert tab.locator("article h1").inner_text() == "Page not found"
    assert not failed and not bad, f"The 404 page at depth could not load: {failed + bad}"
    # Material's stylesheet loaded: the header is styled, not plain text.
    assert tab.locator(".md-header").evaluate("e => getComputedStyle(e).position") in ("sticky", "fixed")
    tab.get_by_role("link", name="Principles").first.click()
    tab.wait_for_url(server_with_404 + "principles/")


def test_share_box_and_copy_buttons_do_not_print(site, server, page_for):
    built, _ = _page_with_sections(site)
    tab = page_for()
    tab.goto(server + site.rel(built).removesuffix("index.html"))
    tab.emulate_media(media="print")
    shown = tab.evaluate("""() => [...document.querySelectorAll('[data-share-box], .section-link-copy')]
        .filter(e => getComputedStyle(e).display !== 'none' && getComputedStyle(e).opacity !== '0')
        .map(e => e.className)""")
    assert not shown, (f"These print, but are screen tools: {sorted(set(shown))}. "
                       "print.css should hide .no-print.")
    # The last-updated date stays on the handout.
    assert tab.locator("article .md-source-file").is_visible()
