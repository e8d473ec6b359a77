"""Search on first use (docs/assets/javascripts/search-on-demand.js), in the built site.

What the shim relies on in Material's bundle is checked without a build
or browser in tests/unit/test_search_shim_material.py.

The shim holds back Material's search index and worker until a reader
shows they want to search. These tests check:
- what it relies on in the installed Material bundle, so an upgrade that
  changes it fails here with a clear message;
- in a browser, that nothing of search loads before intent, that every
  kind of intent loads it, and that a typed query gets the same results as
  Material without the shim, on a phone and a wide screen;
- that highlighting from a result (?h=) and opening search from an address
  (?q=) still work.
"""

from __future__ import annotations

import json
import re

import pytest

from conftest import ROOT
from support import settled

SHIM = ROOT / "docs" / "assets" / "javascripts" / "search-on-demand.js"
SEARCH_REQUEST = re.compile(r"/search/search_index\.json$|/workers/search\.[0-9a-f]+\.min\.js$")
PAGE = "principles/"
QUERY = "payment"


def test_material_config_still_names_the_worker(site):
    html = (site.dir / PAGE / "index.html").read_text(encoding="utf-8")
    config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>',
                                  html, re.S).group(1))
    assert re.search(r"workers/search\.[0-9a-f]+\.min\.js$", config["search"]), config["search"]
    shim = html.find("assets/javascripts/search-on-demand.js")
    bundle = html.find("assets/javascripts/bundle.")
    assert 0 < shim < bundle, "The search shim must come before Material's bundle in every page."


# --- In a browser -------------------------------------------------------------

def open_page(page_for, server, address, width=1280, shim=True):
    page = page_for(viewport={"width": width, "height": 800})
    search_requests: list[str] = []
    page.on("request", lambda r: search_requests.append(r.url) if SEARCH_REQUEST.search(r.url) else None)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    shim_requests: list[str] = []
    page.on("request", lambda r: shim_requests.append(r.url) if SHIM.name in r.url else None)
    if not shim:
        # The same page with the shim's file served empty.
        page.route(re.compile(re.escape(SHIM.name) + r"$"),
                   lambda route: route.fulfill(status=200, content_type="text/javascript", body=""))
    page.goto(server + address, wait_until="networkidle")
    # Heard as a request, or in the page's own record of what it loaded (the
    # request event was once not heard on a busy machine, with the page unchanged).
    loaded = shim_requests or page.evaluate(
        "name => performance.getEntriesByType('resource').some(e => e.name.endsWith('/' + name))", SHIM.name)
    assert loaded, f"{address}: the page does not load {SHIM.name}"
    return page, search_requests, errors


def results(page) -> list[str]:
    page.wait_for_selector(".md-search-result__item", timeout=10000)
    settled(page)
    return page.eval_on_selector_all(".md-search-result__item a", "els => els.map(a => a.href)")


def type_query(page, width, query=QUERY):
    if width < 960:
        page.locator('label.md-header__button[for="__search"]').click()
    else:
        page.locator(".md-search__input").click()
    page.keyboard.type(query, delay=30)


def test_nothing_of_search_loads_before_intent(page_for, server):
    for width in (390, 1280):
        page, requests, errors = open_page(page_for, server, PAGE, width)
        page.mouse.wheel(0, 800)
        page.keyboard.press("Tab")
        # Whatever the scroll and Tab set off has been fetched by then.
        page.wait_for_load_state("networkidle")
        assert not requests, f"{width}px: search loaded before any intent to search: {requests}"
        assert not errors, errors


@pytest.mark.parametrize("width", [390, 1280])
def test_a_query_gets_the_same_results_as_without_the_shim(page_for, server, width):
    page, requests, errors = open_page(page_for, server, PAGE, width, shim=False)
    type_query(page, width)
    expected = results(page)
    assert requests, "without the shim Material loads the index at once"
    page, requests, errors = open_page(page_for, server, PAGE, width)
    assert not requests
    type_query(page, width)
    found = results(page)
    assert found and found == expected, f"{width}px: with the shim {found}, without it {expected}"
    assert not errors, errors


@pytest.mark.parametrize("intent", ["focus", "button", "slash", "s", "f"])
def test_each_intent_loads_search(page_for, server, intent):
    width = 390 if intent == "button" else 1280
    page, requests, errors = open_page(page_for, server, PAGE, width)
    if intent == "focus":
        page.locator(".md-search__input").focus()
    elif intent == "button":
        page.locator('label.md-header__button[for="__search"]').click()
    else:
        page.keyboard.press({"slash": "/", "s": "s", "f": "f"}[intent])
    page.wait_for_function(
        "() => document.activeElement && document.activeElement.matches('.md-search__input')")
    page.keyboard.type(QUERY, delay=30)
    assert results(page), f"{intent}: no results"
    assert any("search_index.json" in r for r in requests), f"{intent}: the index did not load"
    assert not errors, errors


@pytest.mark.parametrize("folder", ["", "cy/"])
def test_each_language_searches_its_own_pages(page_for, server, folder):
    """A Welsh page searches the Welsh pages (cy/search/search_index.json), an
    English page the English ones: every result is in the page's own language."""
    page, requests, errors = open_page(page_for, server, folder + PAGE, 1280)
    type_query(page, 1280)
    found = results(page)
    assert found, f"{folder or 'English'}: no results"
    index = f"{server}{folder}search/search_index.json"
    assert index in requests, f"{folder or 'English'}: asked for {requests}, not {index}"
    welsh = [url for url in found if url.startswith(server + "cy/")]
    assert welsh == (found if folder else []), f"{folder or 'English'} page, results: {found}"
    assert not errors, errors


def test_a_welsh_word_finds_the_welsh_pages(page_for, server):
    """A reader on a Welsh page who types a Welsh word gets the Welsh pages
    that use it, the translated pages among them, all under cy/."""
    page, _, errors = open_page(page_for, server, "cy/" + PAGE, 1280)
    type_query(page, 1280, "cydgynhyrchu")
    found = results(page)
    assert found and all(url.startswith(server + "cy/") for url in found), found
    assert any(url.startswith(server + "cy/what-is-co-production/") for url in found), \
        f"the Welsh page that says 'cydgynhyrchu' most is not found: {found}"
    assert not errors, errors


def test_address_with_q_opens_search_with_results(page_for, server):
    page, requests, errors = open_page(page_for, server, f"?q={QUERY}")
    assert results(page), "?q= did not show results"
    assert page.locator(".md-search__input").input_value() == QUERY
    assert not errors, errors


def test_highlighting_from_a_result_still_works(page_for, server):
    page, requests, errors = open_page(page_for, server, PAGE + "?h=power")
    page.wait_for_selector("article mark", timeout=10000)
    marked = page.eval_on_selector_all("article mark", "els => els.map(m => m.textContent.toLowerCase())")
    assert marked and all("power" in m for m in marked), marked
    assert not errors, errors


def test_without_javascript_search_loads_nothing_and_the_page_reads(browser, server):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        requests: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        page.goto(server + PAGE, wait_until="networkidle")
        assert page.locator("article h1").is_visible()
        assert not [r for r in requests if SEARCH_REQUEST.search(r)]
    finally:
        context.close()
