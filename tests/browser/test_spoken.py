"""What a screen reader says on a checklist, the share box and the search
box, in English and in Welsh, from the virtual screen reader
(tools/jstest, tests/support.py ScreenReader) walking the real page.

Each expected phrase comes from the page itself (a checkbox's own text) or
from the strings files the page is built from (includes/strings/), so the
tests follow the words wherever an editor changes them.
"""

from __future__ import annotations

import pytest

from conftest import ROOT
from guide_core.strings import load
from support import ScreenReader

# A page with a checklist in each language; the share box is on every page.
CHECKLISTS = [("accessibility-checklist/", "en-GB"), ("cy/getting-started/", "cy")]
PAGES = [("about/", "en-GB"), ("cy/about/", "cy"), ("cy/principles/", "cy")]


def said(name: str, locale: str, **fill) -> str:
    group, key = name.split(".")
    text = load(ROOT, locale)[group][key]
    for key, value in fill.items():
        text = text.replace("{" + key + "}", str(value))
    return text


def walk_to(reader, starts: str, limit: int = 300) -> list[str]:
    """Press "next" until the reader says a phrase that starts with `starts`."""
    for _ in range(limit):
        reader.next()
        spoken = reader.spoken()
        if spoken and spoken[-1].startswith(starts):
            return spoken
    raise AssertionError(f"the screen reader never said {starts!r}; its last words: {reader.spoken()[-6:]}")


@pytest.mark.parametrize("path,locale", CHECKLISTS)
def test_a_checklist_is_spoken_box_by_box_in_its_language(server, page_for, path, locale):
    page = page_for()
    page.goto(server + path)
    page.wait_for_selector(".checklist-tools button")
    boxes = page.evaluate("""() => [...document.querySelectorAll('article li.task-list-item')].slice(0, 3)
        .map(li => li.textContent.replace(/\\s+/g, ' ').trim())""")
    total = page.locator("article li.task-list-item input[type=checkbox]").count()
    reader = ScreenReader(page, ".checklist-tools")
    reader.next(8)
    spoken = reader.spoken()
    reader.stop()
    # Before the list: how many are done, the Clear button and where ticks are kept.
    for phrase in (said("tools.ticks_done", locale, DONE=0, ALL=total), "button, " + said("tools.clear_ticks", locale),
                   said("tools.ticks_note", locale)):
        assert phrase in spoken, f"{path}: the reader never says {phrase!r} before the list; it says {spoken}"
    reader = ScreenReader(page, "article ul.task-list")
    for text in boxes:
        heard = walk_to(reader, "checkbox, ")[-1]
        assert heard == f"checkbox, {text}, not checked", f"{path}: a box is read as {heard!r}, not by its text"
    reader.stop()
    # Live regions are heard inside the reader's container: take the one that
    # holds both the count and the list, and tick the first box from there.
    reader = ScreenReader(page, ":has(> .checklist-tools)")
    walk_to(reader, "checkbox, ", limit=3000)
    reader.act()
    heard = reader.wait_for(said("tools.ticks_done", locale, DONE=1, ALL=total))
    assert any(said("tools.ticks_done", locale, DONE=1, ALL=total) in p for p in heard), \
        f"{path}: ticking a box is not announced; the reader says {heard[-6:]}"


@pytest.mark.parametrize("path,locale", PAGES)
def test_the_share_box_is_spoken_in_the_page_language(server, page_for, path, locale):
    page = page_for()
    page.goto(server + path)
    page.wait_for_selector("[data-share-box]")
    address = page.inner_text("[data-share-address]")
    reader = ScreenReader(page, "[data-share-box]")
    reader.next(40)
    spoken = reader.spoken()
    title = said("page.share_title", locale)
    want = [f"region, {title}", f"heading, {title}, level 2", said("page.share_address", locale), address.strip(),
            said("page.share_summary", locale)]
    if page.is_visible("[data-share-actions]"):
        want += ["button, " + said("page.copy_address", locale), "button, " + said("page.copy_summary", locale)]
    missing = [w for w in want if w not in spoken]
    assert not missing, f"{path}: the reader never says {missing}; it says {spoken}"
    order = [spoken.index(w) for w in want]
    assert order == sorted(order), f"{path}: the share box is read out of order: {spoken}"


@pytest.mark.parametrize("path,locale", PAGES)
def test_the_search_box_is_named_in_the_page_language(server, page_for, path, locale):
    page = page_for()
    page.goto(server + path)
    page.wait_for_function("() => document.querySelector('.md-search[role=dialog]').getAttribute('aria-label')")
    name = page.get_attribute(".md-search__input", "aria-label")
    language = page.get_attribute("html", "lang")
    # Material's own words for the page's language ("Search", "Chwilio").
    assert name == ("Search" if language.startswith("en") else "Chwilio"), f"{path}: the search box is named {name!r}"
    page.click(".md-search__input") if page.is_visible(".md-search__input") else page.click("label[for=__search]")
    reader = ScreenReader(page, ".md-search")
    reader.next(3)
    spoken = reader.spoken()
    assert f"dialog, {name}" in spoken[0] or any(p.startswith(f"dialog, {name}") for p in spoken), \
        f"{path}: the search panel is not read as a dialog named {name!r}: {spoken}"
    assert any(p.startswith(f"textbox, {name}") for p in spoken), f"{path}: the search box is not read: {spoken}"


def test_the_self_check_takes_its_words_from_the_page_strings(server, page_for):
    """The self-check's buttons, legend and messages come from the page's strings
    (includes/strings/), not from the script: given the Welsh strings, it speaks Welsh."""
    import json
    import re as regex

    welsh = load(ROOT, "cy")["tools"]
    page = page_for()

    def swap(route):
        response = route.fetch()
        html = regex.sub(r'(<script type="application/json" id="guide-strings">).*?(</script>)',
                         lambda m: m[1] + json.dumps(welsh).replace("<", "\\u003c") + m[2], response.text(), flags=regex.S)
        route.fulfill(response=response, body=html)

    page.route(server + "self-check/", swap)
    page.goto(server + "self-check/")
    page.wait_for_selector("form.self-check-form fieldset.self-check-question")
    assert page.inner_text("fieldset.self-check-who legend").strip() == welsh["self_check_who"]
    assert page.inner_text("form.self-check-form button[type=submit]").strip() == welsh["self_check_show"]
    assert page.inner_text("form.self-check-form button[type=reset]").strip() == welsh["self_check_clear"]
    page.click("form.self-check-form button[type=submit]")
    reader = ScreenReader(page, "#self-check-result")
    reader.next(2)
    assert any(welsh["self_check_answer_every"] in p for p in reader.spoken()), reader.spoken()


@pytest.mark.parametrize("path,locale", [("related-terms/", "en-GB"), ("cy/related-terms/", "cy")])
def test_a_wide_table_is_named_in_the_page_language(server, page_for, path, locale):
    """A table wider than the text scrolls sideways in a box a keyboard can
    reach; the reader hears that box named in the page's language. (The
    guide's tables fit a 320 px phone today, so the test widens one, as a
    table with more columns would be.)"""
    page = page_for(viewport={"width": 320, "height": 640})
    page.goto(server + path)
    page.wait_for_selector(".md-typeset__scrollwrap table")
    page.evaluate("""() => {
        document.querySelector('.md-typeset__scrollwrap table').style.minWidth = '60rem';
        window.dispatchEvent(new Event('resize'));
    }""")
    page.wait_for_selector(".md-typeset__scrollwrap[role=region]")
    name = said("tools.table_scrolls", locale)
    reader = ScreenReader(page, "article")
    heard = walk_to(reader, "region, ", limit=3000)[-1]
    reader.stop()
    assert heard == f"region, {name}", f"{path}: the wide table's box is read as {heard!r}, not {name!r}"
