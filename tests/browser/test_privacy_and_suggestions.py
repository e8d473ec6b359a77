"""The privacy page's Clear button, the footer links, and "Suggest a change"."""

from __future__ import annotations

import os
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

from conftest import build
from guide_core.local_site import copy_project, serve
from support import settled

ISSUES = "https://github.com/co-production-guide/guide/issues/new"


def _soup(path):
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_footer_links_privacy_on_every_page(site):
    for page in site.pages():
        links = [a.get_text(strip=True) for a in _soup(page).select("footer .guide-footer-links a[href]")]
        assert "privacy" in links, f"{site.rel(page)}: no Privacy link in the footer (overrides/partials/copyright.html)"


def test_accessibility_statement_links_the_privacy_page(site):
    hrefs = [a["href"] for a in _soup(site.dir / "accessibility-statement" / "index.html").select("article a[href]")]
    assert "../privacy/" in hrefs


def test_clear_button_removes_only_what_the_guide_saved_by_keyboard(server, page_for):
    page = page_for()
    page.goto(server + "accessibility-checklist/")
    page.locator("article li.task-list-item label").first.click()
    page.locator("[data-large-print]").click()
    page.locator("form[data-md-component=palette] label:visible").first.click()
    page.evaluate("localStorage.setItem('another-site', 'keep')")
    saved = page.evaluate("Object.keys(localStorage)")
    assert any(k.startswith("co-production-guide:checklist:") for k in saved), saved
    assert "guide-large-print" in saved and "/guide/.__palette" in saved, saved

    page.goto(server + "privacy/")
    button = page.get_by_role("button", name="Clear everything this guide saved")
    assert button.is_visible()
    for _ in range(300):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.hasAttribute('data-clear-saved')"):
            break
    else:
        pytest.fail("Tab never reached the Clear button")
    page.keyboard.press("Enter")
    status = page.locator("[data-clear-status]")
    assert status.inner_text().startswith("Done. The guide has removed everything it saved"), status.inner_text()
    assert page.evaluate("Object.keys(localStorage)") == ["another-site"], "other sites' records must stay"
    assert not page.evaluate("document.documentElement.classList.contains('large-print')")
    page.keyboard.press("Enter")
    assert status.inner_text() == "The guide had saved nothing in this browser."
    page.goto(server + "accessibility-checklist/")
    assert page.locator("article li.task-list-item input:checked").count() == 0


def test_clear_button_is_hidden_without_javascript(server, page_for):
    page = page_for(java_script_enabled=False)
    page.goto(server + "privacy/")
    assert page.locator("[data-clear-saved]").count() == 1
    assert not page.locator("[data-clear-saved]").is_visible()


def test_every_page_has_a_github_suggestion_with_its_address(site):
    for page in site.content_pages():
        link = _soup(page).select_one("[data-suggest-box] a[data-suggest=issue]")
        assert link, f"{site.rel(page)}: no Suggest a change link (overrides/guide/suggest-change.html)"
        url = urlsplit(link["href"])
        assert f"{url.scheme}://{url.netloc}{url.path}" == ISSUES
        query = parse_qs(url.query)
        assert query["title"][0].startswith("Suggestion for the guide: ")
        assert query["body"][0].startswith(f"Page: {site.address(page)}\n"), (site.rel(page), query["body"])


@pytest.fixture(scope="module")
def site_with_email(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("project"))
    out = tmp_path_factory.mktemp("site-email")
    result = build(project, out, env={"GUIDE_FEEDBACK_EMAIL": "suggestions@example.org"})
    assert result.returncode == 0, result.stderr
    return out


def test_without_an_address_there_is_no_email_link(site):
    assert not _soup(site.dir / "principles" / "index.html").select("a[data-suggest=email]")


def test_email_link_carries_page_and_section(site_with_email, page_for):
    built = site_with_email / "principles" / "index.html"
    link = _soup(built).select_one("a[data-suggest=email]")
    url = urlsplit(link["href"])
    assert url.scheme == "mailto" and unquote(url.path) == "suggestions@example.org"
    body = parse_qs(url.query)["body"][0]
    assert body.startswith("Page: https://co-production-guide.github.io/guide/principles/\n"), body

    with serve(site_with_email, "/guide/") as base:
        page = page_for(viewport={"width": 390, "height": 800})
        page.goto(base + "principles/")
        heading = page.locator("article h2[id]").nth(1)
        section_id, text = heading.get_attribute("id"), heading.evaluate(
            "h => { const c = h.cloneNode(true); c.querySelectorAll('.headerlink, button').forEach(e => e.remove());"
            " return c.textContent.trim(); }")
        heading.scroll_into_view_if_needed()
        page.evaluate("h => window.scrollTo(0, h.getBoundingClientRect().top + window.scrollY - 10)",
                      heading.element_handle())
        settled(page)  # the reader reads the section, then moves to the link
        email = page.locator("a[data-suggest=email]")
        email.focus()
        href = urlsplit(email.get_attribute("href"))
        query = parse_qs(href.query)
        assert query["subject"][0] == f"Suggestion for the guide: Principles ({text})", query
        assert query["body"][0].startswith(
            f"Page: https://co-production-guide.github.io/guide/principles/#{section_id}\nSection: {text}\n"), query
        # A link to a section names that section, wherever the reader is.
        page.goto(base + f"principles/#{section_id}")
        settled(page)
        issue = page.locator("a[data-suggest=issue]")
        issue.focus()
        query = parse_qs(urlsplit(issue.get_attribute("href")).query)
        assert query["title"][0].endswith(f"({text})") and f"#{section_id}\n" in query["body"][0], query


SCHEMES = {"light": "default", "dark": "slate"}


def _palette_keys(page):
    return [k for k in page.evaluate("Object.keys(localStorage)") if k.endswith(".__palette")]


@pytest.mark.parametrize("system", list(SCHEMES))
def test_colours_are_saved_only_when_the_reader_presses_the_switch(server, page_for, system):
    """docs/privacy.md: the colours are saved when you press the switch, and
    Clear everything removes them. Walk a reader through: first visits,
    the switch, Clear everything, and the next load."""
    other = next(s for s in SCHEMES if s != system)
    page = page_for(color_scheme=system)
    scheme = lambda: page.evaluate("document.body.dataset.mdColorScheme")  # noqa: E731
    for path in ("", "principles/", "privacy/"):
        page.goto(server + path, wait_until="load")
        assert scheme() == SCHEMES[system], f"{path or 'home'}: a {system} system shows {scheme()}"
        assert not _palette_keys(page), (
            f"{path or 'home'}: the colours were saved on a visit, before the switch was pressed: "
            f"{_palette_keys(page)}. Fix: overrides/guide/head-palette.html.")
    page.locator("form[data-md-component=palette] label:visible").first.click()
    assert scheme() == SCHEMES[other]
    assert _palette_keys(page), "pressing the switch saved nothing"
    page.goto(server + "principles/", wait_until="load")
    assert scheme() == SCHEMES[other], "the chosen colours did not last to the next page"

    page.goto(server + "privacy/", wait_until="load")
    page.get_by_role("button", name="Clear everything this guide saved").click()
    assert not _palette_keys(page)
    assert scheme() == SCHEMES[system], (
        f"after Clear everything the page still shows {scheme()}, not the system's "
        f"{SCHEMES[system]}. Fix: clear-saved.js sends guide:cleared (head-palette.html).")
    page.locator("form[data-md-component=palette] label:visible").first.wait_for()
    for path in ("privacy/", ""):
        page.goto(server + path, wait_until="load")
        assert scheme() == SCHEMES[system]
        assert not _palette_keys(page), f"{path or 'home'}: the colours came back after Clear everything"


@pytest.mark.parametrize("system", list(SCHEMES))
def test_system_colours_show_before_materials_script_runs(server, page_for, system):
    """With nothing saved, the page shows the system's colours from its first
    paint: before Material's bundle runs (here, never)."""
    page = page_for(color_scheme=system)
    page.route("**/assets/javascripts/bundle.*.min.js", lambda route: route.abort())
    page.goto(server + "principles/", wait_until="load")
    assert page.evaluate("document.body.dataset.mdColorScheme") == SCHEMES[system]
