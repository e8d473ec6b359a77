"""The words the guide's own parts say, one file per language.

includes/strings/LOCALE.yml (en-GB.yml, cy.yml) hold the same keys: the page
tools, the print header, the checklists and the translation notices. The
build gives a page the strings of the language its text is in (a Welsh
build of a page not yet translated is in English), in the template and as a
JSON block the page's scripts read (GuideStrings, in
docs/assets/javascripts/guide-tools.js).
"""

from __future__ import annotations

import datetime
from functools import lru_cache
from pathlib import Path

from guide_core.config import safe_load

FOLDER = Path("includes") / "strings"
DEFAULT = "en-GB"


@lru_cache(maxsize=None)
def _load(path: Path, stamp: float) -> dict:
    data = safe_load(path.read_text(encoding="utf-8"))
    return data if isinstance(data, dict) else {}


def load(root: Path, locale: str) -> dict:
    """The strings of one language; any key it lacks comes from British English."""
    def one(name):
        path = Path(root) / FOLDER / f"{name}.yml"
        return _load(path, path.stat().st_mtime) if path.is_file() else {}
    return _merge(one(DEFAULT), one(locale)) if locale != DEFAULT else one(DEFAULT)


def _merge(base: dict, over: dict) -> dict:
    merged = dict(base)
    for key, value in over.items():
        merged[key] = _merge(base[key], value) if isinstance(value, dict) and isinstance(base.get(key), dict) else value
    return merged


def keys(data: dict, prefix: str = "") -> set[str]:
    """Every key path in a strings file: tools.clear_ticks, translation.states.stale ..."""
    found = set()
    for key, value in data.items():
        path = f"{prefix}{key}"
        found |= keys(value, path + ".") if isinstance(value, dict) else {path}
    return found


def long_date(strings: dict, iso: str) -> str:
    """2026-12-03 as '3 December 2026' (or '3 Rhagfyr 2026')."""
    day = datetime.date.fromisoformat(iso)
    return f"{day.day} {strings['months'][day.month - 1]} {day.year}"


# Strings only one kind of page's script uses: given to those pages alone,
# so every other page stays as light as before.
PAGE_TOOLS = {"self_check_": "selfcheck"}


def for_page(words: dict, meta: dict) -> dict:
    """The strings a page gets: its tools' words, without those for tools it does not have."""
    tools = {key: value for key, value in (words.get("tools") or {}).items()
             if not any(key.startswith(prefix) and not meta.get(flag) for prefix, flag in PAGE_TOOLS.items())}
    return {**words, "tools": tools}
