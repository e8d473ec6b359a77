"""The guide's templates (overrides/) render in both engines that read them:
Jinja2 under MkDocs, and minijinja under Zensical, which has none of Python's
string or dict methods. So a template calls filters (`x | replace(a, b)`,
`x | default(y)`), never a method (`x.replace(a, b)`, `d.get(k)`): Zensical
stopped at the first such call. `./guide bench` builds with Zensical too."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT

TAGS = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
STRINGS = re.compile(r"'[^']*'|\"[^\"]*\"")
METHOD = re.compile(r"(\w*)[)\]}'\"]?\.(\w+)\s*\(")
IMPORT = re.compile(r"\{%-?\s*import\s+\S+\s+as\s+(\w+)")
# Calls both engines make the same way: loop.cycle(), and a macro of a
# template imported with {% import ... as name %} (Material's language files).
BOTH = {"cycle"}


def method_calls(text: str) -> list[tuple[int, str]]:
    """(line, method) for each method called inside a template tag, strings aside."""
    found, imported = [], set(IMPORT.findall(text))
    for tag in TAGS.finditer(text):
        code = STRINGS.sub(lambda m: '""' if m.group(0)[0] == '"' else "''", tag.group(0))
        for call in METHOD.finditer(code):
            if call.group(2) not in BOTH and call.group(1) not in imported:
                found.append((text.count("\n", 0, tag.start()) + 1, call.group(2)))
    return found


def test_no_template_calls_a_method():
    wrong = [f"{path.relative_to(ROOT)}:{line}: calls .{name}(), which Zensical's template engine lacks. "
             f"Fix: use a filter, such as '| replace(a, b)' or '| default(y)', or an if-else."
             for path in sorted((ROOT / "overrides").rglob("*.html"))
             for line, name in method_calls(path.read_text(encoding="utf-8"))]
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("text, expected", [
    ("{{ {'cy': 'cy_GB'}.get(locale, 'en_GB') }}", [(1, "get")]),
    ('{{ (a or "x {LINK}").replace("{LINK}", b) }}', [(1, "replace")]),
    ("<p>\n{% set x = page.meta.title.strip() %}", [(2, "strip")]),
    ('{{ a | replace("{LINK}", b) }} {{ "a.b(c)" }} <script>x.click()</script>', []),
    ('{% import "partials/languages/en.html" as language %}{{ language.t(key) }}{{ other.t(key) }}', [(1, "t")]),
])
def test_the_method_finder_finds_calls_and_leaves_filters_strings_and_scripts(text, expected):
    assert method_calls(text) == expected
