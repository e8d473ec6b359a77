"""A Welsh page's record of its English page (guide_core/translation.py).

Properties: the fingerprint ignores what a reader cannot see (front matter,
line endings, spaces at line ends, blank lines at either end) and changes
with any word of the text; every broken record gets a message, never an error.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from hypothesis import given, strategies as st

from guide_core import translation

LINES = st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n"),
                         max_size=30), min_size=1, max_size=8)


@given(LINES, st.sampled_from(["\n", "\r\n"]), st.text(alphabet=" \t", max_size=3))
def test_fingerprint_ignores_what_the_reader_cannot_see(lines, newline, trailing):
    text = "\n".join(lines)
    shown = "---\ntitle: A page\n---\n" + newline.join(line + trailing for line in lines) + newline * 2
    assert translation.fingerprint(shown) == translation.fingerprint(text)


@given(LINES, st.integers(min_value=0), st.text(alphabet="abcXYZ1", min_size=1, max_size=3))
def test_fingerprint_changes_with_the_words(lines, where, added):
    text = "\n".join(lines)
    if not translation.body(text):
        return
    spot = where % len(text)
    changed = text[:spot] + added + text[spot:]
    if translation.body(changed) != translation.body(text):
        assert translation.fingerprint(changed) != translation.fingerprint(text)


RECORDS = st.one_of(
    st.none(), st.integers(), st.text(max_size=10), st.lists(st.integers(), max_size=2),
    st.fixed_dictionaries({}, optional={
        "from": st.one_of(st.none(), st.text(max_size=12), st.just("principles.md"), st.integers()),
        "fingerprint": st.one_of(st.none(), st.text(max_size=14), st.just("0123456789ab"), st.integers()),
        "checked": st.one_of(st.none(), st.booleans(), st.dates(), st.text(max_size=10)),
    }),
)


@given(RECORDS)
def test_every_record_is_read_or_told_what_is_wrong(record):
    meta = {"translation": record}
    problems = translation.problems_in(meta)
    good = (isinstance(record, dict) and record.get("from") == "principles.md"
            and record.get("fingerprint") == "0123456789ab"
            and (record.get("checked", False) is False or isinstance(record.get("checked"), datetime.date)))
    assert (problems == []) == good
    for what, fix in problems:
        assert what and fix


def test_stamp_catches_the_welsh_up(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "page.md").write_text("---\ntitle: Page\n---\n\nSome words.\n", encoding="utf-8")
    welsh = docs / "page.cy.md"
    welsh.write_text("---\ntitle: Tudalen\ntranslation:\n  from: page.md\n  fingerprint: aaaaaaaaaaaa\n"
                     "  checked: false\n---\n\nRhai geiriau.\n", encoding="utf-8")
    before = translation.read(docs, "page.cy.md", translation.front_matter(welsh))
    assert before.state == translation.STALE and before.english_changed
    translation.stamp(welsh, docs)
    after = translation.read(docs, "page.cy.md", translation.front_matter(welsh))
    assert after.state == translation.UNCHECKED
    assert "Rhai geiriau." in welsh.read_text(encoding="utf-8")


def test_every_word_a_script_says_is_in_the_strings_files():
    """Property: each GuideStrings.say(KEY, ENGLISH) in the guide's scripts
    names a key the strings files hold (the Welsh has every English key:
    the strings check), and its English fallback is the file's English, so
    a page without the strings block says the same words."""
    import json
    import re
    from pathlib import Path

    from guide_core import strings

    root = Path(__file__).resolve().parents[2]
    english = strings.load(root, "en-GB")["tools"]
    welsh = strings.load(root, "cy")["tools"]
    call = re.compile(r'say\(\s*"([A-Za-z_]+)"\s*,\s*"((?:[^"\\]|\\.)*)"')
    wrong, seen = [], 0
    for script in sorted((root / "docs" / "assets" / "javascripts").glob("*.js")):
        text = script.read_text(encoding="utf-8")
        for match in call.finditer(text):
            seen += 1
            key, fallback = match.group(1), json.loads(f'"{match.group(2)}"')  # JS escapes, as JSON's
            line = text.count("\n", 0, match.start()) + 1
            where = f"{script.relative_to(root)}:{line}"
            if key not in english or key not in welsh:
                wrong.append(f"{where}: says {key!r}, which includes/strings/ lacks. "
                             f"Fix: add tools.{key} to en-GB.yml and cy.yml.")
            elif not english[key].startswith(fallback):
                wrong.append(f"{where}: the English given for {key!r} is not en-GB.yml's. "
                             f"Fix: make them the same words.")
    assert seen > 40, "no GuideStrings.say calls found: has the helper been renamed?"
    assert not wrong, "\n".join(wrong)


@given(LINES)
def test_a_page_without_snippets_has_one_fingerprint_with_or_without_its_folder(lines):
    text = "\n".join(lines)
    if translation.SNIPPET.search(text):
        return
    assert translation.fingerprint(text, Path("/nonexistent")) == translation.fingerprint(text)


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40),
       st.text(alphabet="abcXYZ1.", min_size=1, max_size=10))
def test_a_change_to_an_included_file_changes_the_page_fingerprint(tmp_path_factory, included, added):
    """What the reader sees includes the snippet files, so a Welsh page goes out of
    date when the English page's included text changes, not only its own lines."""
    root = tmp_path_factory.mktemp("project")
    (root / "includes").mkdir()
    shared = root / "includes" / "steps.md"
    page = '# Page\n\n--8<-- "includes/steps.md"\n'
    shared.write_text(included, encoding="utf-8")
    before = translation.fingerprint(page, root)
    shared.write_text(included + "\n" + added, encoding="utf-8")
    assert translation.fingerprint(page, root) != before
    shared.write_text(included, encoding="utf-8")
    assert translation.fingerprint(page, root) == before
    shared.unlink()  # a missing file: the line itself counts, as the build will stop on it
    assert translation.fingerprint(page, root) == translation.fingerprint(page)
