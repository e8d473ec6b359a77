"""Accessibility: WCAG 2.2 AA, checked on the built site in headless Chromium.

What is checked, and how:
- axe-core (the copy pinned with axe-playwright-python, run offline) on every
  built page, 404 included, in the light and dark palette, at 390 and 1280 px
  (in the dark palette, its colour rules; see COLOUR_TAG).
- Keyboard: skip link first, every control reachable with a visible focus
  ring of at least 3:1, menu, sections, palette and search work from keys.
- WCAG 1.4.12 text spacing, 200% text size (reflow at 320 px: test_layout.py).
- Reduced motion: no smooth scrolling, no transitions or animations.
- Links underlined and named for where they go; images and icons described
  or hidden; interface colours in both palettes.
- HTML structure: a BeautifulSoup check for duplicate ids and nesting (the
  Nu HTML Checker runs in tests/site/test_valid_html.py).

Every failure names the page, the palette, the width and the fix.
"""

from __future__ import annotations

import re
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, parse
from guide_core.rules import alt_is_file_name, is_bare_address, is_vague_link_text
from support import AXE_JS, AXE_TAGS, js

# Rules switched off. Each needs a reason and a test that checks the same
# thing another way. There are none: every rule runs.
AXE_DISABLED_RULES: dict[str, str] = {}

SCHEMES = {"light": "default", "dark": "slate"}
WIDTHS = [390, 1280]
HEIGHT = 900

# Material's breakpoint below which the navigation is a drawer.
DRAWER_MAX = 1219


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------

def new_context(browser, scheme="light", width=1280, height=HEIGHT, **options):
    """A browser context in the given palette: the site follows the system
    colour scheme on a first visit, so we emulate it."""
    return browser.new_context(
        viewport={"width": width, "height": height}, color_scheme=scheme, **options
    )


@contextmanager
def opened(browser, scheme="light", width=1280, height=HEIGHT, **options):
    """A new page in its own browser context (see new_context), closed afterwards."""
    context = new_context(browser, scheme, width, height, **options)
    try:
        yield context.new_page()
    finally:
        context.close()


def visit(page, server, site, built: Path, scheme: str | None = None):
    page.goto(server + site.rel(built).removesuffix("index.html"), wait_until="load")
    if scheme:
        actual = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
        assert actual == SCHEMES[scheme], (
            f"{site.rel(built)}: the {scheme} palette did not apply "
            f"(body data-md-color-scheme is {actual!r}, expected {SCHEMES[scheme]!r}). "
            "Check the palette settings in mkdocs.yml."
        )


def content_page_with_most_controls(site) -> Path:
    """The content page (not the home page) with the most links and controls:
    the hardest keyboard walk."""
    def count(p: Path) -> int:
        soup = parse(p)
        article = soup.select_one("article")
        return len(article.select("a[href], input, button, summary, select, textarea")) if article else 0
    pages = [p for p in site.content_pages() if site.rel(p) != "index.html"]
    return max(pages, key=lambda p: (count(p), site.rel(p)))


def home(site) -> Path:
    return site.dir / "index.html"


# Colour maths, in the page: WCAG relative luminance and contrast, with
# semi-transparent colours laid over what is behind them.
COLOUR_JS = js("colour")


# ---------------------------------------------------------------------------
# axe-core on every page, both palettes, two widths
# ---------------------------------------------------------------------------

# The dark palette changes colours only (tests/unit/test_dark_palette.py), so
# in it the rules axe files under colour (cat.color: contrast, and links told
# apart from text) run on every page; the rest would find what the light run
# found. The whole set runs there on the home page too, for the palette
# switch, which every page shows in its dark state.
COLOUR_TAG = "cat.color"


def axe_options(rules: list[str] | None = None) -> dict:
    return {
        "runOnly": {"type": "rule", "values": rules} if rules else {"type": "tag", "values": AXE_TAGS},
        "resultTypes": ["violations"],
        "rules": {rule: {"enabled": False} for rule in AXE_DISABLED_RULES},
    }


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_axe_finds_no_violations(site, server, browser, scheme, width):
    axe_source = AXE_JS.read_text(encoding="utf-8")
    context = new_context(browser, scheme, width)
    page = context.new_page()
    problems = []
    checked = whole_set = 0
    try:
        options = every_rule = axe_options()
        if scheme == "dark":
            page.goto("about:blank")
            page.evaluate(axe_source)
            colour = page.evaluate("([tags, tag]) => axe.getRules(tags).filter(r => r.tags.includes(tag))"
                                   ".map(r => r.ruleId)", [AXE_TAGS, COLOUR_TAG])
            assert colour, f"axe files no rule under {COLOUR_TAG}: has axe renamed the tag?"
            options = axe_options(colour)
        for built in site.pages():
            visit(page, server, site, built, scheme)
            page.evaluate(axe_source)
            here = every_rule if built == home(site) else options
            whole_set += here is every_rule
            result = page.evaluate("options => axe.run(document, options)", here)
            checked += 1
            for violation in result["violations"]:
                for node in violation["nodes"]:
                    summary = (node.get("failureSummary") or "").replace("\n", " ")
                    problems.append(
                        f"{site.rel(built)} [{scheme}, {width}px] rule {violation['id']} "
                        f"({violation['help']}) at {' '.join(map(str, node['target']))}: {summary}"
                    )
    finally:
        context.close()
    assert checked == len(site.pages()) and checked > 0
    assert whole_set == (1 if scheme == "dark" else checked), f"the whole set of rules ran on {whole_set} pages"
    assert not problems, "axe-core found accessibility problems:\n" + "\n".join(problems)


# ---------------------------------------------------------------------------
# Keyboard
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("width", WIDTHS)
def test_skip_link_is_first_and_moves_focus_to_main_content(site, server, browser, width):
    context = new_context(browser, "light", width)
    page = context.new_page()
    try:
        for built in [home(site), content_page_with_most_controls(site)]:
            visit(page, server, site, built)
            page.keyboard.press("Tab")
            # The skip link fades in: wait for it to settle, then measure.
            if page.evaluate("document.activeElement.classList.contains('md-skip')"):
                page.wait_for_function(
                    "() => getComputedStyle(document.activeElement).opacity === '1'", timeout=3000
                )
            first = page.evaluate("""() => {
              const e = document.activeElement; const r = e.getBoundingClientRect();
              return {cls: e.className, text: e.textContent.trim(), opacity: getComputedStyle(e).opacity,
                      inView: r.width > 0 && r.height > 0 && r.top >= 0 && r.bottom <= innerHeight}; }""")
            where = f"{site.rel(built)} at {width}px"
            assert "md-skip" in first["cls"], (
                f"{where}: the first Tab stop is {first['cls']!r} ({first['text']!r}), "
                "not the 'Skip to content' link."
            )
            assert first["inView"] and float(first["opacity"]) == 1, (
                f"{where}: the skip link has focus but is not shown (opacity {first['opacity']})."
            )
            page.keyboard.press("Enter")
            inside = page.evaluate(
                "() => !!document.activeElement.closest('main .md-content')"
            )
            assert inside, (
                f"{where}: after the skip link, focus is on "
                f"{page.evaluate('document.activeElement.outerHTML.slice(0, 80)')}, not in the main "
                "content. See material-fixes.js."
            )
            page.keyboard.press("Tab")
            after = page.evaluate(
                "() => !!document.activeElement.closest('main, .md-footer, .md-top')"
            )
            assert after, f"{where}: Tab after the skip link left the main content."
    finally:
        context.close()


FOCUS_WALK_JS = js("focus-walk")

FOCUS_STEP_JS = js("focus-step")

REACHABLE_JS = js("reachable")


def focus_walk(page, where: str, max_steps: int = 800) -> tuple[list[str], list[dict]]:
    """Tab through a page; return problems and the stops seen."""
    page.evaluate(COLOUR_JS)
    page.evaluate(FOCUS_WALK_JS)
    problems, stops = [], []
    seen = set()
    for _ in range(max_steps):
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUS_STEP_JS)
        if stop is None:
            break
        if stop["key"] in seen:
            # Back at a stop already seen: the walk has wrapped round.
            if stops and stop["key"] == stops[0]["key"]:
                break
            continue
        seen.add(stop["key"])
        stops.append(stop)
        label = f"{where}: focus on {stop['name']}"
        if not stop["visible"]:
            problems.append(f"{label} is off screen or hidden: a keyboard user cannot see it.")
            continue
        if stop["focused"] == stop["unfocused"]:
            problems.append(
                f"{label} looks the same with and without focus ({stop['focused']}). "
                "Give it a focus ring in guide.css (Focus)."
            )
            continue
        if stop["style"] != "none":
            if stop["width"] < 2:
                problems.append(f"{label}: focus ring is {stop['width']}px; make it at least 2px.")
            if max(stop["ringContrast"], stop["ringVsOwn"]) < 3:
                problems.append(
                    f"{label}: focus ring {stop['ring']} on {stop['behind']} has contrast "
                    f"{stop['ringContrast']:.2f}:1, below 3:1. Change --guide-focus-ring in guide.css."
                )
    else:
        problems.append(f"{where}: Tab never came back round after {max_steps} stops.")
    return problems, stops


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_every_control_is_reachable_with_a_visible_focus_ring(site, server, browser, scheme, width):
    # Reduced motion only makes the walk quicker (no fades to wait for);
    # focus rings look the same either way.
    problems = []
    with opened(browser, scheme, width, reduced_motion="reduce") as page:
        for built in [home(site), content_page_with_most_controls(site)]:
            where = f"{site.rel(built)} [{scheme}, {width}px]"
            visit(page, server, site, built, scheme)
            wait_for_search(page)
            found, stops = focus_walk(page, where)
            problems += found
            assert len(stops) >= 5, f"{where}: only {len(stops)} Tab stops; the walk did not run."
            visited = {s["key"] for s in stops}
            for entry in page.evaluate(REACHABLE_JS):
                name, key = entry.rsplit("|", 1)
                if key not in visited:
                    problems.append(f"{where}: {name} is shown but Tab never reaches it.")
    assert not problems, "Keyboard focus problems:\n" + "\n".join(problems)


def wait_for_search(page):
    """The page and Material's search are set up. The index itself loads on
    first use (docs/assets/javascripts/search-on-demand.js), so a query waits for
    its results."""
    page.wait_for_function(
        "() => document.readyState === 'complete' && !!document.querySelector('.md-search-result__meta')",
        timeout=15000,
    )


def _tab_to(page, predicate_js: str, where: str, limit: int = 60):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => {{ const e = document.activeElement; return !!({predicate_js}); }}"):
            return
    raise AssertionError(f"{where}: Tab never reached the control ({predicate_js}).")


def test_palette_switch_works_from_the_keyboard(site, server, browser):
    for width in WIDTHS:
        context = new_context(browser, "light", width)
        page = context.new_page()
        try:
            built = content_page_with_most_controls(site)
            where = f"{site.rel(built)} at {width}px"
            visit(page, server, site, built, "light")
            _tab_to(page, "e.classList.contains('md-option')", where)
            scheme = lambda: page.evaluate("document.body.getAttribute('data-md-color-scheme')")
            page.keyboard.press("Enter")
            assert scheme() == "slate", f"{where}: Enter on the palette switch did not turn on dark mode."
            assert page.evaluate("document.activeElement.classList.contains('md-option')"), (
                f"{where}: focus left the palette switch after Enter."
            )
            page.keyboard.press("Space")
            assert scheme() == "default", (
                f"{where}: Space on the palette switch did not turn light mode back on. "
                "See material-fixes.js."
            )
        finally:
            context.close()


def test_search_opens_and_closes_from_the_keyboard(site, server, browser):
    built = content_page_with_most_controls(site)
    is_open = "document.getElementById('__search').checked"
    # Wide screens: the search box is in the header.
    context = new_context(browser, "light", 1280)
    page = context.new_page()
    try:
        where = f"{site.rel(built)} at 1280px"
        visit(page, server, site, built)
        wait_for_search(page)
        _tab_to(page, "e.classList.contains('md-search__input')", where)
        try:
            page.wait_for_function(f"() => {is_open}", timeout=5000)
        except Exception:
            raise AssertionError(f"{where}: focusing the search box did not open search.") from None
        page.keyboard.type("co-production")
        page.wait_for_function(
            "() => document.querySelectorAll('.md-search-result__item').length > 0", timeout=10000
        )
        page.keyboard.press("Escape")
        assert not page.evaluate(is_open), f"{where}: Escape did not close search."
    finally:
        context.close()
    # Small screens: a search button opens a full-screen panel.
    context = new_context(browser, "light", 390)
    page = context.new_page()
    try:
        where = f"{site.rel(built)} at 390px"
        visit(page, server, site, built)
        wait_for_search(page)
        _tab_to(page, "e.matches('label[for=\"__search\"] > [role=button]')", where)
        name = page.evaluate("document.activeElement.getAttribute('aria-label')")
        assert name, f"{where}: the search button has no name for screen readers."
        page.keyboard.press("Enter")
        assert page.evaluate(is_open), f"{where}: Enter on the search button did not open search."
        page.wait_for_function("() => document.activeElement.classList.contains('md-search__input')",
                               timeout=5000)
        page.keyboard.press("Escape")
        assert not page.evaluate(is_open), f"{where}: Escape did not close search."
        assert page.evaluate("document.activeElement.matches('label[for=\"__search\"] > [role=button]')"), (
            f"{where}: after closing search, focus did not go back to the search button. "
            "See material-fixes.js."
        )
        page.keyboard.press("Space")
        assert page.evaluate(is_open), f"{where}: Space on the search button did not open search."
    finally:
        context.close()


def test_menu_and_sections_open_and_close_from_the_keyboard(site, server, browser):
    """On small screens the navigation is a drawer with one panel per section."""
    built = content_page_with_most_controls(site)
    where = f"{site.rel(built)} at 390px"
    context = new_context(browser, "light", 390)
    page = context.new_page()
    try:
        visit(page, server, site, built)
        drawer_open = "document.getElementById('__drawer').checked"
        _tab_to(page, "e.matches('label[for=\"__drawer\"] > [role=button]')", where)
        assert page.evaluate("document.activeElement.getAttribute('aria-label')"), (
            f"{where}: the menu button has no name for screen readers."
        )
        page.keyboard.press("Enter")
        assert page.evaluate(drawer_open), f"{where}: Enter on the menu button did not open the menu."
        page.wait_for_function("() => !!document.activeElement.closest('.md-sidebar--primary')", timeout=5000)

        # The page's section panel is showing; its title label goes back.
        section = page.evaluate("""() => {
          const t = document.querySelector('.md-nav--primary .md-nav__toggle:not(#__toc):checked');
          return t ? t.id : null; }""")
        if section:
            assert page.evaluate(
                f"document.activeElement.matches('label.md-nav__title[for=\"{section}\"]')"
            ), f"{where}: opening the menu did not put focus on the '{section}' panel's back button."
            page.keyboard.press("Enter")
            assert not page.evaluate(f"document.getElementById('{section}').checked"), (
                f"{where}: Enter on the back button did not leave the section panel."
            )
            page.wait_for_function(
                f"() => document.activeElement.matches('label.md-nav__link[for=\"{section}\"]')", timeout=5000
            )
        # Every section label is a Tab stop in the top panel and opens with Space.
        labels = page.evaluate("""() => [...document.querySelectorAll(
            '.md-nav--primary > .md-nav__list > .md-nav__item > label.md-nav__link')].map(l => l.htmlFor)""")
        assert len(labels) >= 2, f"{where}: fewer than two navigation sections found in the menu."
        page.focus(f'label.md-nav__link[for="{labels[0]}"]')
        reached = [labels[0]]
        for _ in range(40):
            page.keyboard.press("Tab")
            name = page.evaluate("document.activeElement.matches('label.md-nav__link')"
                                 " ? document.activeElement.htmlFor : null")
            if name and name not in reached:
                reached.append(name)
            if len(reached) == len(labels):
                break
        assert reached == labels, (
            f"{where}: Tab reached the section buttons {reached}, not all of {labels}."
        )
        target = labels[-1]
        page.keyboard.press("Space")
        assert page.evaluate(f"document.getElementById('{target}').checked"), (
            f"{where}: Space on a section button did not open the section."
        )
        page.wait_for_function(
            f"() => document.activeElement.matches('label.md-nav__title[for=\"{target}\"]')", timeout=5000
        )
        # Links of other panels are hidden, so Tab stays in the one showing.
        stray = page.evaluate(f"""() => [...document.querySelectorAll('.md-nav--primary a[href]')]
            .filter(a => getComputedStyle(a).visibility === 'visible'
                      && !a.closest('.md-nav__toggle#{target} ~ .md-nav'))
            .filter(a => !a.closest('label.md-nav__title'))
            .map(a => a.textContent.trim())""")
        assert not stray, f"{where}: links outside the open panel can still take focus: {stray}"
        page.keyboard.press("Escape")
        assert not page.evaluate(drawer_open), f"{where}: Escape did not close the menu."
        assert page.evaluate("document.activeElement.matches('label[for=\"__drawer\"] > [role=button]')"), (
            f"{where}: after closing the menu, focus did not go back to the menu button."
        )
        hidden_links = page.evaluate("""() => [...document.querySelectorAll('.md-sidebar--primary a[href]')]
            .filter(a => getComputedStyle(a).visibility === 'visible').length""")
        assert hidden_links == 0, (
            f"{where}: with the menu closed, {hidden_links} menu links can still take focus off screen."
        )
    finally:
        context.close()


# ---------------------------------------------------------------------------
# Reflow, text spacing and zoom
# ---------------------------------------------------------------------------

OVERFLOW_JS = js("overflow")

CLIPPED_TEXT_JS = js("clipped-text")

TEXT_SPACING_CSS = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
"""




@pytest.mark.parametrize("width", WIDTHS)
def test_text_spacing_does_not_clip_text(site, server, browser, width):
    problems = []
    with opened(browser, "light", width) as page:
        for built in site.pages():
            visit(page, server, site, built)
            # As a reader's own style sheet: the pages' security policy
            # blocks an added <style> element, as it should.
            page.evaluate("css => { const s = new CSSStyleSheet(); s.replaceSync(css);"
                          " document.adoptedStyleSheets = [...document.adoptedStyleSheets, s]; }",
                          TEXT_SPACING_CSS)
            applied = page.evaluate("getComputedStyle(document.querySelector('main p, main h1')).letterSpacing")
            assert applied != "normal", "The text spacing style did not apply."
            page.evaluate(COLOUR_JS)
            for item in page.evaluate(CLIPPED_TEXT_JS):
                problems.append(f"{site.rel(built)} at {width}px with wider text spacing: {item} cuts off text.")
            result = page.evaluate(OVERFLOW_JS)
            if result["scroll"] > result["client"]:
                problems.append(f"{site.rel(built)} at {width}px with wider text spacing: the page scrolls "
                                "sideways: " + "; ".join(result["wide"]))
    assert not problems, "Text spacing problems (WCAG 1.4.12):\n" + "\n".join(problems)


def test_text_at_200_percent_stays_readable(site, server, browser):
    """Doubling the text size in a 640px window (1280px at 200% zoom)."""
    problems = []
    with opened(browser, "light", 640) as page:
        for built in site.pages():
            visit(page, server, site, built)
            before = page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
            page.evaluate(f"document.documentElement.style.fontSize = '{before * 2}px'")
            body = page.evaluate("parseFloat(getComputedStyle(document.querySelector('main article h1 ~ p') || document.querySelector('main h1')).fontSize)")
            assert body >= before * 1.5, f"{site.rel(built)}: text did not grow with the root font size."
            page.evaluate(COLOUR_JS)
            result = page.evaluate(OVERFLOW_JS)
            if result["scroll"] > result["client"]:
                problems.append(f"{site.rel(built)} at 200% text: the page scrolls sideways: "
                                + "; ".join(result["wide"]))
            for item in page.evaluate(CLIPPED_TEXT_JS):
                problems.append(f"{site.rel(built)} at 200% text: {item} cuts off text.")
    assert not problems, "Text size problems (WCAG 1.4.4):\n" + "\n".join(problems)


# ---------------------------------------------------------------------------
# Motion
# ---------------------------------------------------------------------------

MOTION_JS = js("motion")


@pytest.mark.parametrize("width", WIDTHS)
def test_reduced_motion_stops_transitions_and_smooth_scrolling(site, server, browser, width):
    pages = [home(site), content_page_with_most_controls(site)]
    # Without the setting, Material does animate: this shows the check can fail.
    context = new_context(browser, "light", width, reduced_motion="no-preference")
    page = context.new_page()
    try:
        visit(page, server, site, pages[0])
        page.evaluate(COLOUR_JS)
        assert page.evaluate(MOTION_JS)["moving"], "Expected Material's transitions without reduced motion."
    finally:
        context.close()

    problems = []
    with opened(browser, "light", width, reduced_motion="reduce") as page:
        for built in pages:
            visit(page, server, site, built)
            page.evaluate(COLOUR_JS)
            # Look at the closed state, then with the menu and search open.
            states = [("page", None), ("menu open", "__drawer"), ("search open", "__search")]
            for state, toggle in states:
                if toggle:
                    page.evaluate(f"(() => {{ const t = document.getElementById('{toggle}'); "
                                  "t.checked = true; t.dispatchEvent(new Event('change')); })()")
                result = page.evaluate(MOTION_JS)
                where = f"{site.rel(built)} at {width}px, {state}, reduced motion"
                if result["scroll"] != "auto":
                    problems.append(f"{where}: scroll-behavior is {result['scroll']}, not auto.")
                for item in result["moving"]:
                    problems.append(f"{where}: {item} still moves.")
                if toggle:
                    page.evaluate(f"(() => {{ const t = document.getElementById('{toggle}'); "
                                  "t.checked = false; t.dispatchEvent(new Event('change')); })()")
    assert not problems, "Motion problems (WCAG 2.3.3):\n" + "\n".join(sorted(set(problems))[:60])


# ---------------------------------------------------------------------------
# Links
# ---------------------------------------------------------------------------

UNDERLINE_JS = js("underline")


def test_links_in_text_are_underlined(site, server, browser):
    # In the light palette: an underline is not a colour, and the dark palette
    # changes colours only (tests/unit/test_dark_palette.py).
    scheme = "light"
    context = new_context(browser, scheme, 1280)
    page = context.new_page()
    problems = []
    total = 0
    try:
        for built in site.pages():
            visit(page, server, site, built, scheme)
            page.evaluate(COLOUR_JS)
            total += page.evaluate("document.querySelectorAll('article a[href]').length")
            for link in page.evaluate(UNDERLINE_JS):
                problems.append(f"{site.rel(built)} [{scheme}]: {link} is not underlined.")
    finally:
        context.close()
    assert total > 0, "No links found in any article: the check did not run."
    assert not problems, (
        "Links must not rely on colour alone (WCAG 1.4.1). Underline them in guide.css (Text and links):\n"
        + "\n".join(problems)
    )




def test_link_text_makes_sense_out_of_context(site):
    problems = []
    for built in site.pages():
        soup = parse(built)
        for article in soup.select("article"):
            for a in article.select("a[href]"):
                text = " ".join(a.get_text(" ").split())
                if "headerlink" in (a.get("class") or []):
                    # The pilcrow is a permalink; its purpose is in its title.
                    if not (a.get("title") or a.get("aria-label")):
                        problems.append(f"{site.rel(built)}: a permalink has no title.")
                    continue
                name = (a.get("aria-label") or text or " ".join(
                    img.get("alt", "") for img in a.select("img")) or a.get("title") or "").strip()
                if not name:
                    problems.append(f"{site.rel(built)}: link to {a['href']} has no text.")
                elif is_vague_link_text(name):
                    problems.append(
                        f"{site.rel(built)}: link text {name!r} (to {a['href']}) does not say where it goes."
                    )
                elif is_bare_address(name):
                    problems.append(
                        f"{site.rel(built)}: link text is a bare address {name!r}; name the page instead."
                    )
    assert not problems, "Link text problems (WCAG 2.4.4):\n" + "\n".join(problems)


# ---------------------------------------------------------------------------
# Images and icons
# ---------------------------------------------------------------------------

def test_images_have_real_alt_text(site):
    problems = []
    for built in site.pages():
        soup = parse(built)
        for img in soup.select("img"):
            where = f"{site.rel(built)}: image {img.get('src', '')!r}"
            decorative = img.get("role") in ("presentation", "none") or img.get("aria-hidden") == "true"
            if not img.has_attr("alt"):
                problems.append(f"{where} has no alt attribute.")
                continue
            alt = img["alt"].strip()
            if not alt and not decorative:
                problems.append(f"{where} has empty alt text but is not marked decorative "
                                "(role=\"presentation\" or aria-hidden=\"true\").")
            elif alt_is_file_name(alt, img.get("src", "")):
                problems.append(f"{where} has alt text {alt!r}, a file name, not a description.")
        for svg in soup.select("article svg[role=img], article [role=img]"):
            if not (svg.get("aria-label") or svg.get("aria-labelledby") or svg.select_one("title")):
                problems.append(f"{site.rel(built)}: a diagram (role=img) has no text equivalent.")
    assert not problems, "Image problems (WCAG 1.1.1):\n" + "\n".join(problems)


ICONS_JS = js("icons")


@pytest.mark.parametrize("width", WIDTHS)
def test_icons_are_hidden_or_named_by_their_control(site, server, browser, width):
    problems = []
    with opened(browser, "light", width) as page:
        for built in site.pages():
            visit(page, server, site, built)
            page.evaluate(COLOUR_JS)
            for item in page.evaluate(ICONS_JS):
                problems.append(f"{site.rel(built)} at {width}px: icon in {item} is neither hidden "
                                "(aria-hidden) nor named by its control.")
    assert not problems, "Icon problems:\n" + "\n".join(problems)


# ---------------------------------------------------------------------------
# Colours of interface parts, both palettes
# ---------------------------------------------------------------------------

# A sample of every kind of theme part, added to a real page so their
# colours are measured even when no page uses them yet.
SAMPLE_HTML = """
<div id="guide-sample">
  <div class="admonition note"><p class="admonition-title">Note</p><p>Sample text.</p></div>
  <div class="admonition tip"><p class="admonition-title">Tip</p><p>Sample text.</p></div>
  <div class="admonition warning"><p class="admonition-title">Warning</p><p>Sample text.</p></div>
  <div class="admonition example"><p class="admonition-title">Example</p><p>Sample text.</p></div>
  <div class="admonition abstract"><p class="admonition-title">Summary</p><p>Sample text.</p></div>
  <div class="admonition success"><p class="admonition-title">Success</p><p>Sample text.</p></div>
  <div class="admonition question"><p class="admonition-title">Question</p><p>Sample text.</p></div>
  <div class="admonition failure"><p class="admonition-title">Failure</p><p>Sample text.</p></div>
  <div class="admonition danger"><p class="admonition-title">Danger</p><p>Sample text.</p></div>
  <div class="admonition bug"><p class="admonition-title">Bug</p><p>Sample text.</p></div>
  <div class="admonition quote"><p class="admonition-title">Quote</p><p>Sample text.</p></div>
  <details class="info"><summary>Info</summary><p>Sample text.</p></details>
  <p>Some <code>inline code</code> and a <a href="#guide-sample">sample link</a>.</p>
</div>
"""

CONTRAST_JS = js("contrast")


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_interface_colours_have_enough_contrast(site, server, browser, scheme, width):
    problems = []
    with opened(browser, scheme, width) as page:
        for built in [home(site), content_page_with_most_controls(site)]:
            visit(page, server, site, built, scheme)
            page.evaluate(COLOUR_JS)
            states = [("closed", None), ("search open", "__search"), ("menu open", "__drawer")]
            for state, toggle in states:
                if toggle:
                    page.evaluate(f"document.getElementById('{toggle}').checked = true")
                for item in page.evaluate(CONTRAST_JS, SAMPLE_HTML):
                    problems.append(
                        f"{site.rel(built)} [{scheme}, {width}px, {state}]: {item['what']} {item['sel']} "
                        f"{item['fg']} on {item['bg']} is {item['ratio']:.2f}:1, needs {item['min']}:1. "
                        "Fix the colour in guide.css."
                    )
                if toggle:
                    page.evaluate(f"document.getElementById('{toggle}').checked = false")
    assert not problems, "Colour contrast problems:\n" + "\n".join(sorted(set(problems)))


# ---------------------------------------------------------------------------
# Valid HTML
# ---------------------------------------------------------------------------

# Valid HTML with no filters: tests/site/test_valid_html.py.


# Elements that may not contain interactive content, and elements that may
# only hold phrasing content.
INTERACTIVE = "a[href], button, input, select, textarea, details, label, iframe"
PHRASING_ONLY = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "span", "em", "strong", "code", "label", "button", "abbr"]
FLOW_ONLY = ["div", "p", "ul", "ol", "dl", "table", "section", "article", "nav", "aside", "header",
             "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "figure", "hr", "main"]


def test_no_duplicate_ids_or_bad_nesting(site):
    problems = []
    for built in site.pages():
        text = built.read_text(encoding="utf-8")
        soup = BeautifulSoup(text, "html.parser")
        seen: dict[str, int] = {}
        for el in soup.select("[id]"):
            seen[el["id"]] = seen.get(el["id"], 0) + 1
        for ident, count in seen.items():
            if count > 1:
                problems.append(f"{site.rel(built)}: id {ident!r} is used {count} times.")
        for el in soup.select("a[href], button"):
            inner = el.select_one(INTERACTIVE)
            if inner is not None:
                problems.append(f"{site.rel(built)}: <{inner.name}> inside <{el.name}> "
                                f"({' '.join(el.get_text().split())[:40]!r}): controls cannot nest.")
        for tag in PHRASING_ONLY:
            for el in soup.find_all(tag):
                block = el.find(FLOW_ONLY)
                if block is not None:
                    problems.append(f"{site.rel(built)}: <{block.name}> inside <{tag}> "
                                    f"({' '.join(el.get_text().split())[:40]!r}): not allowed there.")
        for el in soup.select("ul, ol"):
            for child in el.find_all(recursive=False):
                if child.name not in ("li", "script", "template"):
                    problems.append(f"{site.rel(built)}: <{child.name}> directly inside <{el.name}>.")
    assert not problems, "HTML structure problems:\n" + "\n".join(problems)
