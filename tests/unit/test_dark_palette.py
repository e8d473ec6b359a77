"""The dark palette changes how a page is painted, never where anything is.

tests/browser/test_layout.py measures boxes (overlaps, sideways scrolling,
target sizes) in the light palette only. That is enough while the dark
palette moves nothing, which this file holds over every stylesheet the site
ships, Material's included:

- a rule for the dark palette (a selector with data-md-color-scheme="slate",
  or a prefers-color-scheme: dark media query) sets only custom properties,
  or one of the few properties listed in PAINT_ONLY with its reason;
- every custom property the dark palette sets, and every one made from
  those, is used only in properties that paint (colours, shadows), or in a
  border, outline or background shorthand where its dark value is a colour.

Colour contrast in the dark palette is axe's job, on every page
(tests/browser/test_accessibility.py).
"""

from __future__ import annotations

import re
from collections import defaultdict

from conftest import ROOT
from support import MATERIAL, css_rules

STYLESHEETS = sorted((MATERIAL / "assets" / "stylesheets").glob("*.min.css")) + sorted(
    (ROOT / "docs" / "assets" / "stylesheets").glob("*.css"))

DARK = re.compile(r"data-md-color-scheme=\"?slate|prefers-color-scheme:\s*dark")

# Properties a dark rule may set besides custom properties, each with why it
# moves nothing.
PAINT_ONLY = {
    "color-scheme": "the browser paints its scrollbars and form controls dark, at the same size",
}
# Material hides an image marked for the light palette only; no page uses one
# (test_no_page_uses_a_palette_only_image), so nothing is hidden.
HIDES_PALETTE_IMAGES = re.compile(r'img\[src\$="#gh-(light|dark)-mode-only"\]')

# Properties that only paint: a value here never moves a box.
PAINTS = {
    "color", "background-color", "background-image", "border-color", "border-top-color",
    "border-right-color", "border-bottom-color", "border-left-color", "outline-color",
    "box-shadow", "text-shadow", "fill", "stroke", "caret-color", "accent-color",
    "text-decoration-color", "scrollbar-color", "-webkit-tap-highlight-color",
}
# Shorthands that also take sizes: a dark custom property may fill only their colour.
SHORTHANDS = {"border", "border-top", "border-right", "border-bottom", "border-left",
              "outline", "background", "text-decoration"}
COLOUR = re.compile(r"^(#[0-9a-fA-F]{3,8}|(rgb|rgba|hsl|hsla)\(.*\)|var\(--[\w-]+\)|transparent|currentcolor)$")


def _dark_rules():
    for path in STYLESHEETS:
        for line, around, declarations in css_rules(path):
            if any(DARK.search(part) for part in around):
                yield path, line, around[-1], declarations


def test_dark_rules_set_only_custom_properties():
    wrong = []
    for path, line, selector, declarations in _dark_rules():
        for name, value in declarations:
            if name.startswith("--") or name in PAINT_ONLY:
                continue
            if name == "display" and value == "none" and HIDES_PALETTE_IMAGES.search(selector):
                continue
            wrong.append(f"{path.name}:{line}: the dark palette sets {name}: {value} on {selector[:80]}. "
                         "Fix: change only colours in the dark palette, through custom properties, "
                         "or measure layout in both palettes in tests/browser/test_layout.py.")
    assert not wrong, "\n".join(wrong)


def test_dark_custom_properties_only_paint():
    dark_values: dict[str, str] = {}
    for _path, _line, _selector, declarations in _dark_rules():
        dark_values.update((name, value) for name, value in declarations if name.startswith("--"))
    assert dark_values, "found no dark palette at all: has Material's palette moved?"
    uses: dict[str, set[tuple[str, str]]] = defaultdict(set)  # custom property -> (property, FILE:LINE)
    values: dict[str, set[str]] = defaultdict(set)  # custom property -> every value it is given
    for path in STYLESHEETS:
        for line, _around, declarations in css_rules(path):
            for name, value in declarations:
                if name.startswith("--"):
                    values[name].add(value)
                for used in re.findall(r"var\((--[\w-]+)", value):
                    uses[used].add((name, f"{path.name}:{line}"))

    def a_colour(variable: str, seen=()) -> bool:
        """Every value the property is given is a colour (hsl(var(--md-hue), ...)
        included), or another property that is."""
        if variable in seen:
            return False
        for value in values.get(variable, {"unset"}):
            alias = re.fullmatch(r"var\((--[\w-]+)\)", value)
            if alias and not a_colour(alias.group(1), (*seen, variable)):
                return False
            if not alias and not COLOUR.match(value):
                return False
        return True
    # A custom property made from a dark one changes with the palette too.
    changing, todo = set(dark_values), list(dark_values)
    while todo:
        for name, _file in uses.get(todo.pop(), ()):
            if name.startswith("--") and name not in changing:
                changing.add(name)
                todo.append(name)
    wrong = []
    for variable in sorted(changing):
        for name, file in sorted(uses.get(variable, ())):
            if name.startswith("--") or name in PAINTS:
                continue
            if name in SHORTHANDS and a_colour(variable):
                continue
            wrong.append(f"{file}: {variable}, which the dark palette changes, sets {name}. "
                         "Fix: use it only for a colour, or measure layout in both palettes "
                         "in tests/browser/test_layout.py.")
    assert not wrong, "\n".join(wrong)


def test_no_page_uses_a_palette_only_image():
    marks = re.compile(r"#(gh-)?(light|dark)(-mode)?-only\b")
    wrong = [f"{path.relative_to(ROOT)}:{number}: an image for one palette only. Fix: use one "
             "image for both, or measure layout in both palettes in tests/browser/test_layout.py."
             for path in sorted((ROOT / "docs").rglob("*.md"))
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if marks.search(line)]
    assert not wrong, "\n".join(wrong)
