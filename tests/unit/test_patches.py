"""The patch list (guide_core/patches.py), and the guards of the patches
that had none.

The table is checked as a whole: each file and test it names exists, and
each package is pinned with == in its .in file, with a reason, at the
version the patch is written for, which is also the compiled and the
installed version. Each guard below fails when an upgrade breaks its patch
and checks that the patch still takes effect.
"""

from __future__ import annotations

import glob
import inspect
import re
import uuid
from importlib.metadata import version
from pathlib import Path

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT
from guide_core.patches import PATCHES
from support import MATERIAL, css_rules

IDS = [f"{p.name} ({p.package})" for p in PATCHES]


# --- The table ----------------------------------------------------------------

@pytest.mark.parametrize("patch", PATCHES, ids=IDS)
def test_each_patch_names_a_file_that_exists_and_points_back_to_the_list(patch):
    where = ROOT / patch.where
    assert where.is_file(), f"guide_core/patches.py: {patch.where} does not exist. Fix: correct the entry."
    assert "patches.py" in where.read_text(encoding="utf-8"), (
        f"{patch.where}:1: does not name guide_core/patches.py. Fix: say in its comment that the patch "
        "is listed there, so whoever reads the patch finds its guard.")


@pytest.mark.parametrize("patch", PATCHES, ids=IDS)
def test_each_patch_test_exists(patch):
    assert patch.tests, f"guide_core/patches.py: {patch.name} has no test. Fix: name the tests that guard it."
    for test in patch.tests:
        path, _, name = test.partition("::")
        file = ROOT / path
        assert file.is_file(), f"guide_core/patches.py: {patch.name}: {path} does not exist."
        assert re.search(rf"^def {re.escape(name)}\(", file.read_text(encoding="utf-8"), re.M), (
            f"guide_core/patches.py: {patch.name}: {path} has no test {name}. Fix: correct the entry.")


def _pin(text: str, package: str) -> re.Match | None:
    return re.search(rf"^{re.escape(package)}==(\S+)", text, re.M | re.I)


@pytest.mark.parametrize("patch", PATCHES, ids=IDS)
def test_each_patched_package_is_pinned_with_its_reason(patch):
    source = (ROOT / patch.pinned_in).read_text(encoding="utf-8")
    lines = source.splitlines()
    pinned = [i for i, line in enumerate(lines) if _pin(line, patch.package)]
    assert pinned, (f"{patch.pinned_in}: {patch.package} is not pinned with ==. Fix: pin it at "
                    f"{patch.version}, with the reason (guide_core/patches.py: {patch.name}).")
    line = pinned[0]
    assert _pin(lines[line], patch.package).group(1).split()[0] == patch.version, (
        f"{patch.pinned_in}:{line + 1}: pins {lines[line]}, but {patch.name} is written for "
        f"{patch.version}. Fix: run its tests ({', '.join(patch.tests)}), then update guide_core/patches.py.")
    above = []
    for earlier in reversed(lines[:line]):
        if not earlier.strip():
            break
        above.append(earlier)
    assert "#" in lines[line] or any(text.startswith("#") for text in above), (
        f"{patch.pinned_in}:{line + 1}: the pin of {patch.package} gives no reason. Fix: say which patch needs it.")
    compiled = ROOT / patch.pinned_in.replace(".in", ".txt")
    pin = _pin(compiled.read_text(encoding="utf-8"), patch.package)
    assert pin and pin.group(1) == patch.version, (
        f"{compiled.name}: {patch.package} is {pin and pin.group(1)}, not {patch.version}. Fix: run ./guide pin.")
    assert version(patch.package) == patch.version, (
        f"{patch.package} {version(patch.package)} is installed, not {patch.version}. Fix: run ./guide test.")


# --- Material's breakpoints in guide.css -----------------------------------------

def _material_css() -> Path:
    (path,) = glob.glob(str(MATERIAL / "assets" / "stylesheets" / "main.*.min.css"))
    return Path(path)


# What Material does at each width the guide's stylesheet copies.
MATERIAL_AT = {
    "59.984375em": (".md-search__inner", "the search box, shown only when its button opens it"),
    "76.234375em": (".md-sidebar--primary", "the navigation drawer, off screen until opened"),
}


def test_guide_css_breakpoints_are_materials():
    guide = (ROOT / "docs" / "assets" / "stylesheets" / "guide.css").read_text(encoding="utf-8")
    copied = set(re.findall(r"Mirrors Material's breakpoint[^*]*?max-width\s+([\d.]+em)", guide))
    assert copied == set(MATERIAL_AT), (
        f"docs/assets/stylesheets/guide.css copies Material's breakpoints {sorted(copied)}; this test knows "
        f"{sorted(MATERIAL_AT)}. Fix: add what Material does at the new one to MATERIAL_AT.")
    material = list(css_rules(_material_css()))
    for width, (selector, meaning) in MATERIAL_AT.items():
        assert re.search(rf"@media screen and \(max-width:\s*{re.escape(width)}\)", guide)
        assert any(selector in around[-1] and any(part.startswith("@media") and f"max-width:{width}"
                                                  in part.replace(" ", "") for part in around)
                   for _line, around, _declarations in material), (
            f"docs/assets/stylesheets/guide.css: Material {version('mkdocs-material')} no longer styles "
            f"{selector} ({meaning}) below max-width {width}. Fix: find its new breakpoint in Material's "
            "stylesheet and change guide.css and this test to it.")


# --- textstat's private module ---------------------------------------------------------

def test_textstat_counts_syllables_through_the_guides_dictionary(monkeypatch):
    import textstat
    from textstat.backend.counts import _count_syllables

    import guide_core.readability as readability
    counter = inspect.unwrap(_count_syllables.count_syllables)
    assert "get_cmudict" in counter.__code__.co_names, (
        "textstat no longer counts syllables through textstat.backend.counts._count_syllables.get_cmudict. "
        "Fix: read the new textstat and change guide_core/readability.py, or drop its quicker dictionary.")
    assert _count_syllables.get_cmudict is readability._cmudict, "guide_core/readability.py's patch is not in place"
    # A word no dictionary has, new each run so textstat's cache has not seen it.
    word = "zq" + uuid.uuid4().hex[:8].translate(str.maketrans("0123456789", "ghijklmnop"))
    monkeypatch.setattr(readability, "_pronunciations", lambda: {word: [["AH0", "AH0", "AH0", "AH0", "AH0"]]})
    assert textstat.syllable_count(word) == 5, "textstat did not read the guide's dictionary"


# --- pyspelling's private _block_text ----------------------------------------------------

def test_pyspelling_filter_still_keeps_blocks_in_block_text():
    from pyspelling.filters import html, xml
    source = inspect.getsource(xml.XmlFilter)
    for relied_on in ("self._block_text = OrderedDict()", "self._block_text.items()",
                      "name in self.break_tags"):
        assert relied_on in source, (
            f"pyspelling {version('pyspelling')} changed its HTML filter: guide_core/spelling.py relies on "
            f"{relied_on!r}. Fix: read pyspelling/filters/xml.py and change guide_core/spelling.py.")
    assert issubclass(html.HtmlFilter, xml.XmlFilter)


def test_page_filter_gives_one_block_a_page():
    from pyspelling.filters import SourceText

    from guide_core.spelling import PageFilter, _Blocks
    page = ("<html><head><title>T</title></head><body><h1>Heading wurd</h1><p>One paragraf.</p>"
            "<ul><li>A list item</li></ul><p>Two</p></body></html>")
    page_filter = PageFilter({"mode": "html"})
    blocks = [s for s in page_filter.sfilter(SourceText(page, "page.html", "utf-8", "html"))
              if s.category == "htmlcontent"]
    assert isinstance(page_filter._block_text, _Blocks), "pyspelling no longer fills the filter's _block_text"
    body = [b for b in blocks if b.context.endswith("html>body")]
    assert len(body) == 1, f"the page's body gave {len(body)} blocks, not one: {[b.text for b in blocks]}"
    assert all(word in body[0].text for word in ("wurd", "paragraf", "list item", "Two"))


# --- rules.slugify uses the toc extension's ------------------------------------------------

# Letters, digits, punctuation, symbols and spaces: what headings are written in.
HEADING_TEXT = st.text(st.characters(categories=("L", "N", "P", "S", "Zs"),
                                     exclude_characters="#{}[]()<>*_`\\&!"),
                       min_size=1, max_size=30).filter(lambda t: t.strip())


@settings(max_examples=200)
@given(st.lists(HEADING_TEXT, min_size=1, max_size=4))
def test_heading_ids_are_the_toc_extensions(headings):
    headings = headings + headings   # each twice, so unique() numbers them
    from guide_core.rules import heading_ids
    lines = [(n + 1, f"## {text}") for n, text in enumerate(headings)]
    rendered = markdown.markdown("\n\n".join(text for _, text in lines), extensions=["toc"])
    expected = re.findall(r'<h2 id="([^"]*)"', rendered)
    ours = list(heading_ids(lines))
    assert ours == expected, (
        f"Python-Markdown {version('markdown')} gives these headings {expected}; guide_core/rules.py "
        f"works out {ours}. Fix: read the toc extension's new code and change slugify() or heading_ids() in rules.py.")
