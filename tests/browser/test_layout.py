"""Layout faults, found by kind on every built page, at four widths
(tests/browser/js/layout.js does the measuring):

- overlap: no two shown controls overlap, and nothing covers a control's
  centre, so a click there reaches it (the copy-link button once covered
  the "Edit this page" pencil);
- sideways: neither the page nor any box in it scrolls sideways;
- size: every control is at least 24 by 24 CSS px, or has the spacing WCAG
  2.2 SC 2.5.8 (Target Size, Minimum) allows, or is a link in a sentence;
- reflow (WCAG 1.4.10), at 320 px: the page does not scroll sideways, and
  every table sits in a box that scrolls sideways.

One browser context per width visits every page in turn, in the light
palette. The dark palette only repaints: tests/unit/test_dark_palette.py
holds every stylesheet to that, so measuring boxes in both would find the
same faults twice. axe checks colours in both, on every page.
"""

from __future__ import annotations

import pytest

from support import js, settled

SCHEME = "light"  # its data-md-color-scheme is "default"
HEIGHT = 800

COLOUR_JS = js("colour")
LAYOUT_JS = js("layout")
OVERFLOW_JS = js("overflow")
REFLOW_WIDTH = 320  # WCAG 1.4.10: 320 CSS px wide, no sideways scrolling
WIDTHS = [REFLOW_WIDTH, 390, 1024, 1280]

# Boxes that may scroll sideways, each with its reason. Everything else that
# scrolls sideways is a fault.
ALLOWED_SCROLLERS: dict[str, str] = {}

# Pairs of controls ("a | b", CSS selectors) that may overlap, each with its
# reason. There are none.
ALLOWED_OVERLAPS: dict[str, str] = {}


def faults(page) -> dict:
    page.evaluate(COLOUR_JS)
    return page.evaluate(LAYOUT_JS, [ALLOWED_SCROLLERS, ALLOWED_OVERLAPS])


def reflow_faults(page, name: str) -> list[str]:
    result = page.evaluate(OVERFLOW_JS)
    problems = []
    if result["scroll"] > result["client"]:
        problems.append(f"{name} at {REFLOW_WIDTH}px: reflow: the page scrolls sideways "
                        f"({result['scroll']}px wide in {result['client']}px). Too wide: "
                        + "; ".join(result["wide"]) + ". Fix: let it wrap (WCAG 1.4.10).")
    problems += [f"{name} at {REFLOW_WIDTH}px: reflow: {table} is not inside a box that scrolls sideways. "
                 "Fix: keep it in Material's .md-typeset__scrollwrap, or give its box overflow-x: auto."
                 for table in result["tables"]]
    return problems


@pytest.mark.parametrize("width", WIDTHS)
def test_no_layout_faults_on_any_page(site, server, browser, width):
    scheme = SCHEME
    context = browser.new_context(viewport={"width": width, "height": HEIGHT}, color_scheme=scheme)
    page = context.new_page()
    problems, checked = [], 0
    try:
        for built in site.pages():
            name = site.rel(built)
            page.goto(server + name.removesuffix("index.html"), wait_until="load")
            assert page.evaluate("document.body.dataset.mdColorScheme") == "default", (
                f"{name}: the {scheme} scheme did not apply. Fix: check the palette in mkdocs.yml.")
            settled(page)  # fonts in, transitions over: boxes are where a reader sees them
            found = faults(page)
            assert found["checked"] > 0, f"{name} [{scheme}, {width}px]: layout.js found no controls"
            checked += 1
            for kind, fix in (("overlap", "move or resize one so each can be clicked"),
                              ("sideways", "let the content wrap or narrow it at this width"),
                              ("size", "make it 24 by 24 px or give it more space")):
                problems += [f"{name} [{scheme}, {width}px]: {kind}: {text}. Fix: {fix} "
                             "(docs/assets/stylesheets/guide.css)." for text in found[kind]]
            if width == REFLOW_WIDTH:
                problems += reflow_faults(page, name)
    finally:
        context.close()
    assert checked == len(site.pages())
    assert not problems, f"{len(problems)} layout faults:\n" + "\n".join(problems)
