"""The Content-Security-Policy: on every page, allowing Material's inline
scripts by hash only, and no page or tool breaks it in a real browser.

The same visit to each page also holds it to asking nothing of another
origin: every request stays on the local server, fonts, scripts and
pictures included (what the built files name: tests/site/test_offline.py)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from guide_core import csp
from support import js, settled

CLIPBOARD = {"permissions": ["clipboard-read", "clipboard-write"]}

# Records every policy violation and replaces the print dialog, which a
# headless browser cannot show, with a note that the page asked to print.
WATCH = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', e => window.__violations.push(
  e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));
window.print = () => { window.__printed = (window.__printed || 0) + 1; };
"""


def test_every_page_has_a_policy_that_allows_its_own_inline_scripts_only(site):
    problems = csp.check_site(site.dir)
    assert not problems, "\n".join(problems)
    for page in site.pages():
        policy = csp.page_policy(page.read_text(encoding="utf-8"))
        directives = {part.split()[0]: part.split()[1:] for part in policy.split(";")}
        name = site.rel(page)
        assert directives["object-src"] == ["'none'"], name
        assert directives["base-uri"] == ["'self'"], name
        for kind in ("default-src", "font-src", "connect-src", "worker-src"):
            assert directives[kind] == ["'self'"], f"{name}: {kind} {directives[kind]}"
        styles = directives["style-src"]
        assert styles[0] == "'self'" and all(s.startswith("'sha256-") for s in styles[1:]), (
            f"{name}: style-src must be 'self' and hashes only, not {styles}")
        assert directives["img-src"] == ["'self'", "data:"], name
        scripts = directives["script-src"]
        assert scripts[0] == "'self'" and all(s.startswith("'sha256-") for s in scripts[1:]), (
            f"{name}: script-src must be 'self' and hashes only, not {scripts}")
        assert len(scripts) - 1 == len(set(csp.inline_scripts(page.read_text(encoding="utf-8")))), name


def test_a_changed_inline_script_is_reported_by_page_and_script(site):
    page = site.dir / "principles" / "index.html"
    text = page.read_text(encoding="utf-8")
    changed = text.replace('localStorage.getItem("guide-large-print")', 'localStorage.getItem("other")', 1)
    assert changed != text, "the large-print script is missing from principles/index.html"
    problems = csp.problems(changed, "principles/index.html")
    assert len(problems) == 1, problems
    number = next(n for n, script in enumerate(csp.inline_scripts(changed), start=1)
                  if 'getItem("other")' in script)
    assert problems[0].startswith(f"principles/index.html: inline script {number} ("), problems[0]
    assert "does not allow" in problems[0] and "Fix:" in problems[0]


def test_a_script_pasted_into_a_page_is_never_allowed(site):
    text = (site.dir / "principles" / "index.html").read_text(encoding="utf-8")
    pasted = text.replace("</article>", "<script>alert('hello')</script></article>", 1)
    rebuilt = csp.add_policy(pasted)
    assert csp.script_hash("alert('hello')") not in csp.page_policy(rebuilt)
    problems = csp.problems(rebuilt, "principles/index.html")
    assert any("page's text has an inline script (\"alert('hello')\"" in p for p in problems), problems


def test_a_page_without_a_policy_is_reported(site):
    text = (site.dir / "index.html").read_text(encoding="utf-8")
    bare = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", text)
    assert csp.problems(bare, "index.html")[0].startswith(
        "index.html: the page has no Content-Security-Policy <meta> tag.")


def _leaves_the_machine(url: str) -> bool:
    return urlsplit(url).hostname not in ("127.0.0.1", None) and not url.startswith(("data:", "blob:"))


def _open(page_for, url, on_request=None, **options):
    tab = page_for(**options)
    if on_request:
        tab.on("request", on_request)
    errors = []
    tab.on("console", lambda m: errors.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    tab.on("pageerror", lambda e: errors.append(f"script error: {e}"))
    tab.add_init_script(WATCH)
    tab.goto(url)
    tab.wait_for_load_state("load")
    return tab, errors


def _assert_clean(tab, errors, what):
    violations = tab.evaluate("window.__violations")
    assert not violations and not errors, (
        f"{what}: the page broke its Content-Security-Policy or logged an error:\n  "
        + "\n  ".join(violations + errors))


SHARDS = 4  # the pages in four parts, so the test processes share them


@pytest.mark.parametrize("shard", range(SHARDS))
def test_every_page_runs_with_no_policy_violation_console_error_or_outside_request(
        site, server, page_for, shard):
    problems, outside = [], []
    now = {"page": "", "requests": 0}  # the page the tab is on, and requests seen

    def note(request):
        now["requests"] += 1
        if _leaves_the_machine(request.url):
            outside.append(f"{now['page'] or 'home'}: {request.url}")
    tab = None
    for page in site.pages()[shard::SHARDS]:
        rel = now["page"] = site.rel(page).removesuffix("index.html")
        if tab is None:
            tab, errors = _open(page_for, server + rel, on_request=note)
        else:  # one tab goes from page to page, as a reader's does; the watch starts again on each
            errors.clear()
            tab.goto(server + rel)
            tab.wait_for_load_state("load")
        # The colour switch (Material's palette) and the large print switch.
        toggle = tab.locator("form[data-md-component=palette] label:visible").first
        toggle.click()
        large = tab.locator("[data-large-print]")
        if large.count():
            large.click()
        settled(tab)
        violations = tab.evaluate("window.__violations")
        if violations or errors:
            problems.append(f"{rel or 'home'}: " + "; ".join(violations + errors))
    assert not problems, "Pages that break the policy or log errors:\n  " + "\n  ".join(problems)
    assert now["requests"] > 0, "the request listener heard nothing: is it still attached before the first page?"
    assert not outside, ("Requests to other origins. Fix: ship the file with the site "
                         "(docs/assets/):\n  " + "\n  ".join(sorted(set(outside))))


def test_search_copy_share_and_print_run_under_the_policy(site, server, page_for):
    tab, errors = _open(page_for, server + "principles/", **CLIPBOARD)
    # Search: Material loads its index and runs its worker.
    tab.locator(".md-search__input").click()
    tab.keyboard.type("power")
    tab.wait_for_selector(".md-search-result__item", timeout=15000)
    tab.keyboard.press("Escape")
    # Copy link, share box, print and large print.
    tab.locator("article h2 > button.section-link-copy").first.click()
    tab.wait_for_function(js("copied"), arg="article h2 > button.section-link-copy")
    tab.get_by_role("button", name="Copy summary").click()
    tab.wait_for_function(js("copied"), arg="[data-share-actions] button:last-child")
    tab.get_by_role("button", name="Copy address").click()
    tab.locator("[data-print-page]").click()
    # The button loads the print-only QR image first, then asks to print.
    try:
        tab.wait_for_function("() => window.__printed >= 1", timeout=5000)
    except Exception:
        pass
    assert tab.evaluate("window.__printed") == 1, "Print this page did not ask the browser to print"
    tab.locator("[data-large-print]").click()
    assert tab.evaluate("document.documentElement.classList.contains('large-print')")
    # Suggest a change: the script updates the link on focus.
    tab.locator("a[data-suggest=issue]").focus()
    _assert_clean(tab, errors, "principles/ with search, copy, share and print")


@pytest.mark.parametrize("path", ["accessibility-checklist/", "handouts/principles/"])
def test_checklists_run_under_the_policy(server, page_for, path):
    tab, errors = _open(page_for, server + path)
    boxes = tab.locator("article li.task-list-item label")
    boxes.nth(0).click()
    boxes.nth(1).click()
    tab.locator(".checklist-tools__clear").click()
    assert tab.locator("article li.task-list-item input:checked").count() == 0
    _assert_clean(tab, errors, f"{path} with ticks and Clear ticks")


def test_self_check_runs_under_the_policy(server, page_for):
    tab, errors = _open(page_for, server + "self-check/")
    form = tab.locator("form.self-check-form")
    for i in range(form.locator("fieldset").count()):
        form.locator("fieldset").nth(i).locator("input[type=radio]").first.check()
    form.locator("button[type=submit]").click()
    assert tab.locator("#self-check-result").is_visible()
    form.locator("button[type=reset]").click()
    _assert_clean(tab, errors, "self-check/ answered, shown and reset")


@pytest.fixture(scope="module")
def scrollbar_browser(browser):
    """Chromium showing its scroll bars, as on a reader's desktop: Playwright
    hides them in a headless browser, and then the lightbox adds no style."""
    from conftest import CHROMIUM_ARGS, chromium_path

    shown = browser.browser_type.launch(executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS,
                                        ignore_default_args=["--hide-scrollbars"])
    yield shown
    shown.close()


@pytest.mark.parametrize("width", [1024, 1280])
def test_lightbox_keeps_the_page_still_under_the_policy(server, scrollbar_browser, width):
    """The lightbox hides the page's scroll bar and makes up its width with
    a style it adds; the policy must allow that style, or the page jumps."""
    context = scrollbar_browser.new_context(viewport={"width": width, "height": 720})
    try:
        tab = context.new_page()
        tab.add_init_script(WATCH)
        tab.goto(server + "related-terms/", wait_until="load")
        bar = tab.evaluate("innerWidth - document.documentElement.clientWidth")
        assert bar > 0, f"related-terms/ at {width}px shows no scroll bar, so this test checks nothing"
        where = "() => document.querySelector('article h1').getBoundingClientRect().left"
        before = tab.evaluate(where)
        tab.locator("article a.glightbox").first.click()
        tab.wait_for_selector(".glightbox-container .gslide-image img", state="visible")
        violations = tab.evaluate("window.__violations")
        assert not violations, (
            f"related-terms/ at {width}px: opening the lightbox broke the policy: {violations}. "
            "Fix: allow the lightbox's style by hash (guide_core/csp.py, lightbox_styles).")
        margin = tab.evaluate("getComputedStyle(document.body).marginRight")
        after = tab.evaluate(where)
        assert margin == f"{bar}px" and after == before, (
            f"related-terms/ at {width}px: with the lightbox open the page moved from {before}px "
            f"to {after}px (body margin {margin}, scroll bar {bar}px). "
            "Fix: allow the lightbox's style by hash (guide_core/csp.py, lightbox_styles).")
        tab.keyboard.press("Escape")
        tab.wait_for_selector(".glightbox-container", state="detached")
        assert tab.evaluate("!document.querySelector('.gcss-styles')"), "the lightbox's style stayed after closing"
    finally:
        context.close()


def test_lightbox_opens_and_closes_under_the_policy(server, page_for):
    tab, errors = _open(page_for, server + "related-terms/")
    tab.locator("article a.glightbox").first.click()
    tab.wait_for_selector(".glightbox-container .gslide-image img", state="visible")
    tab.keyboard.press("Escape")
    tab.wait_for_selector(".glightbox-container", state="detached")
    settled(tab)
    _assert_clean(tab, errors, "related-terms/ with the picture enlarged and closed")


def test_privacy_clear_button_runs_under_the_policy(server, page_for):
    tab, errors = _open(page_for, server + "privacy/")
    tab.get_by_role("button", name="Clear everything this guide saved").click()
    _assert_clean(tab, errors, "privacy/ after Clear everything")
