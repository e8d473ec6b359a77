"""The breakpoints guide.css copies from Material still take effect, at
exactly the widths where Material changes its layout (guide_core/patches.py).

Either side of each breakpoint: below it Material hides the part (its
search box behind a button, its drawer off screen) and guide.css makes the
hidden part take no Tab stop; above it both show.
"""

from __future__ import annotations

import pytest

PAGE = "principles/"
EM = 16  # px: Material's stylesheet sets no other root font size for screens

# (breakpoint in em, what guide.css hides below it, how Material shows it is hidden)
BREAKPOINTS = [
    (59.984375, ".md-search__inner",
     "() => getComputedStyle(document.querySelector('label.md-header__button[for=\"__search\"]')).display !== 'none'"),
    (76.234375, ".md-sidebar--primary",
     "() => document.querySelector('.md-sidebar--primary').getBoundingClientRect().right <= 0"),
]


@pytest.mark.parametrize("breakpoint, hidden, material_hides", BREAKPOINTS, ids=["search", "drawer"])
def test_breakpoints_hide_what_material_hides(page_for, server, breakpoint, hidden, material_hides):
    edge = breakpoint * EM
    for width, below in ((int(edge), True), (int(edge) + 1, False)):
        page = page_for(viewport={"width": width, "height": 800})
        page.goto(server + PAGE, wait_until="load")
        assert page.evaluate(material_hides) == below, (
            f"{width}px: Material {'does not hide' if below else 'hides'} {hidden} here: its breakpoint moved "
            f"from {breakpoint}em. Fix: change docs/assets/stylesheets/guide.css to Material's new breakpoint.")
        visibility = page.evaluate("s => getComputedStyle(document.querySelector(s)).visibility", hidden)
        assert (visibility == "hidden") == below, (
            f"{width}px: {hidden} is {visibility}. docs/assets/stylesheets/guide.css should hide it below "
            f"{breakpoint}em, where Material does, and only there.")
