"""Layout faults, found by kind on every built page, at four widths, in both
colour schemes (tests/browser/js/layout.js does the measuring):

- overlap: no two shown controls overlap, and nothing covers a control's
  centre, so a click there reaches it (the copy-link button once covered
  the "Edit this page" pencil);
- sideways: neither the page nor any box in it scrolls sideways;
- size: every control is at least 24 by 24 CSS px, or has the spacing WCAG
  2.2 SC 2.5.8 (Target Size, Minimum) allows, or is a link in a sentence.

One browser context per width and scheme visits every page in turn.
"""

from __future__ import annotations

import pytest

from support import js

WIDTHS = [320, 390, 1024, 1280]
SCHEMES = {"light": "default", "dark": "slate"}
HEIGHT = 800

COLOUR_JS = js("colour")
LAYOUT_JS = js("layout")

# Boxes that may scroll sideways, each with its reason. Everything else that
# scrolls sideways is a fault.
ALLOWED_SCROLLERS: dict[str, str] = {}

# Pairs of controls ("a | b", CSS selectors) that may overlap, each with its
# reason. There are none.
ALLOWED_OVERLAPS: dict[str, str] = {}


def settle(page) -> None:
    """Wait for fonts and every running transition, so boxes are where a
    reader sees them."""
    page.evaluate("""async () => {
      await document.fonts.ready;
      await Promise.all(document.getAnimations().map(a => a.finished.catch(() => null)));
    }""")


def faults(page) -> dict:
    page.evaluate(COLOUR_JS)
    return page.evaluate(LAYOUT_JS, [ALLOWED_SCROLLERS, ALLOWED_OVERLAPS])


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_no_layout_faults_on_any_page(site, server, browser, scheme, width):
    context = browser.new_context(viewport={"width": width, "height": HEIGHT}, color_scheme=scheme)
    page = context.new_page()
    problems, checked = [], 0
    try:
        for built in site.pages():
            name = site.rel(built)
            page.goto(server + name.removesuffix("index.html"), wait_until="load")
            assert page.evaluate("document.body.dataset.mdColorScheme") == SCHEMES[scheme], (
                f"{name}: the {scheme} scheme did not apply. Fix: check the palette in mkdocs.yml.")
            settle(page)
            found = faults(page)
            assert found["checked"] > 0, f"{name} [{scheme}, {width}px]: layout.js found no controls"
            checked += 1
            for kind, fix in (("overlap", "move or resize one so each can be clicked"),
                              ("sideways", "let the content wrap or narrow it at this width"),
                              ("size", "make it 24 by 24 px or give it more space")):
                problems += [f"{name} [{scheme}, {width}px]: {kind}: {text}. Fix: {fix} "
                             "(docs/assets/stylesheets/guide.css)." for text in found[kind]]
    finally:
        context.close()
    assert checked == len(site.pages())
    assert not problems, f"{len(problems)} layout faults:\n" + "\n".join(problems)
