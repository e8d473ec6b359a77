"""What a page is, from its folder and what it holds: the stylesheets and scripts it needs.

An editor never sets a flag for these. meta_for() says what a page's
settings should be for the templates (overrides/guide/page-styles.html,
page-scripts.html); no hook applies it yet, so a page still names them in
its front matter, and ./guide check confirms each built page loads what it
holds needs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

TASK_ITEM = re.compile(r"^\s*(?:[-*+]|\d+\.)\s+\[[ xX]\]\s", re.M)


@dataclass(frozen=True)
class Kind:
    what: str                              # "a checklist", for messages
    holds: Callable[[str, str], bool]      # (path under docs/, Markdown) -> True if the page is this kind
    meta: dict                             # the settings the templates and hooks read
    assets: tuple[str, ...]                # the files the built page must then load


KINDS = (
    Kind("a checklist", lambda rel, text: bool(TASK_ITEM.search(text)),
         {"checklist": True}, ("assets/javascripts/checklists.js",)),
    Kind("the self-check", lambda rel, text: "<!-- self-check:" in text,
         {"selfcheck": True}, ("assets/javascripts/self-check.js", "assets/stylesheets/self-check.css")),
    Kind("the budget planner", lambda rel, text: "data-budget-form" in text,
         {"budget_planner": True, "styles": ["budget-planner"]},
         ("assets/javascripts/number-input.js", "assets/javascripts/budget-planner.js",
          "assets/stylesheets/budget-planner.css")),
    Kind("the button that clears saved answers", lambda rel, text: "data-clear-saved" in text,
         {"clear_saved": True}, ("assets/javascripts/clear-saved.js",)),
    Kind("a template", lambda rel, text: rel.startswith("templates/") and rel != "templates/index.md",
         {"styles": ["templates"]}, ("assets/stylesheets/templates.css",)),
)


def kinds_of(rel: str, markdown: str) -> list[Kind]:
    return [kind for kind in KINDS if kind.holds(rel, markdown)]


def meta_for(rel: str, markdown: str, meta: dict | None = None) -> dict:
    """The page's settings with what its kinds need added (styles are merged, not replaced)."""
    result = dict(meta or {})
    for kind in kinds_of(rel, markdown):
        for key, value in kind.meta.items():
            if key == "styles":
                result["styles"] = list(dict.fromkeys([*(result.get("styles") or []), *value]))
            else:
                result[key] = value
    return result


def needs(rel: str, markdown: str) -> list[tuple[str, str]]:
    """(what the page holds, a file it must load) for each of its kinds."""
    return [(kind.what, asset) for kind in kinds_of(rel, markdown) for asset in kind.assets]
