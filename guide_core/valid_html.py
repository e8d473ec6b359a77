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

`fix_material_markup()` is a plain function, so the same fix can run after
any build; the page pipeline (guide_core/page_pipeline.py) runs it on every
page. tests/site/test_valid_html.py checks every page with the Nu HTML
Checker and no filters. The patch list,
guide_core/patches.py, names this fix and its tests.
"""

from __future__ import annotations

import re

_EMPTY_TABINDEX = re.compile(r'(<label\b[^>]*?)\s+tabindex=""')
_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?)\s+autocomplete="off"')
_SEARCH_AUTOCORRECT = re.compile(r'(<input\b[^>]*\bclass="md-search__input"[^>]*?)\s+autocorrect="off"')


def fix_material_markup(html: str) -> str:
    """`html` with Material's three invalid attributes taken out."""
    for pattern in (_EMPTY_TABINDEX, _CHECKBOX_AUTOCOMPLETE, _SEARCH_AUTOCORRECT):
        html = pattern.sub(r"\1", html)
    return html
