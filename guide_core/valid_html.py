"""Valid HTML: fix the three places where Material's templates break the
HTML standard, in every built page (the 404 page too).

- `tabindex=""` on the drawer's section labels (partials/nav-item.html,
  when a section takes no focus): an empty tabindex is not a number.
  Browsers already read it as no tabindex, so it goes.
- `autocomplete="off"` on the hidden drawer and search checkboxes
  (base.html): the standard allows autocomplete only on text-like inputs.
  It stopped some browsers reopening the drawer or search on Back;
  material-fixes.js closes them when a page is restored instead.
- `autocorrect="off"` on the search box (partials/search.html): the HTML
  standard lists autocorrect, but the Nu HTML Checker pinned for the
  tests does not know it yet. material-fixes.js sets it on the box.

`fix_material_markup()` is a plain function of the parsed page, so the same
fix can run after any build; the page pipeline (guide_core/page_pipeline.py) runs it on every
page. tests/site/test_valid_html.py checks every page with the Nu HTML
Checker and no filters. The patch list,
guide_core/patches.py, names this fix and its tests.
"""

from __future__ import annotations

from guide_core.html_tree import Tree

# (elements, the attribute to take off them)
_INVALID = (
    ('label[tabindex=""]', "tabindex"),
    ('input[type="checkbox"][autocomplete="off"]', "autocomplete"),
    ('input.md-search__input[autocorrect="off"]', "autocorrect"),
)


def fix_material_markup(tree: Tree) -> None:
    """Take Material's three invalid attributes out of the page."""
    for selector, attribute in _INVALID:
        for element in tree.css(selector):
            del element.attrs[attribute]
