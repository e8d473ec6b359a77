"""The content checks catch each mistake an editor can make, and say where.

Each test copies docs/ and mkdocs.yml to a temporary folder, makes exactly
one mistake, runs the check as an editor would, and reads its message. The
check runs on the files the test changed, as `./guide check --changed` does
(the whole project is still read, for links and repeated titles); a test
that deletes a file gets the whole check. test_clean_docs_pass and the fault
injection (tests/build) run the whole check.
"""

from __future__ import annotations

import contextlib
import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from scripts import check_content

PAGE = "why-co-produce.md"
OTHER = "principles.md"


_COPIED: dict[Path, dict[Path, tuple[int, int]]] = {}  # each copy's files as copied


def _files(root: Path) -> dict[Path, tuple[int, int]]:
    return {p: (p.stat().st_mtime_ns, p.stat().st_size) for p in root.rglob("*") if p.is_file()}


def changed_since_copied(project: Path) -> set[Path] | None:
    """The files a test changed or added in its copy; None if it deleted any."""
    before, now = _COPIED.get(project), _files(project)
    if before is None or set(before) - set(now):
        return None
    return {path for path, stamp in now.items() if before.get(path) != stamp}


@pytest.fixture
def project(tmp_path) -> Path:
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    shutil.copytree(ROOT / "includes", tmp_path / "includes")
    for name in ("mkdocs.yml", ".pyspelling.yml", ".spelling-wordlist.txt", ".spelling-wordlist-cy.txt"):
        shutil.copy2(ROOT / name, tmp_path / name)
    (tmp_path / "tests").mkdir()
    shutil.copy2(ROOT / "tests" / "published-links.txt", tmp_path / "tests" / "published-links.txt")
    _COPIED[tmp_path] = _files(tmp_path)
    yield tmp_path
    _COPIED.pop(tmp_path, None)


def run_check(project: Path, *extra: str, spelling: bool = False) -> subprocess.CompletedProcess:
    """Run the check's command line on a copy, in this process (quicker than a new Python each time).

    The spell check (slower) runs only where a test is about spelling.
    test_clean_docs_pass runs the real command in its own process.
    """
    changed = changed_since_copied(project)
    only = ["--only", *map(str, sorted(changed))] if changed and "--changed" not in extra else []
    argv = [str(project / "docs"), *extra, *only, *([] if spelling else ["--no-spelling"])]
    if spelling:  # pyspelling runs aspell with the console's encoding: give it a real process
        return subprocess.run([sys.executable, "-m", "scripts.check_content", *argv],
                              cwd=ROOT, capture_output=True, text=True)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = check_content.main(argv)
    return subprocess.CompletedProcess(argv, code, out.getvalue(), err.getvalue())


def append(project: Path, page: str, text: str) -> int:
    """Add text at the end of a page; return the line number of its last line."""
    path = project / "docs" / page
    body = path.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + text + "\n"
    path.write_text(body, encoding="utf-8")
    return len(body.splitlines())


def set_front_matter(project: Path, page: str, key: str, value: str | None) -> int:
    """Change or remove one front matter line; return its line number."""
    path = project / "docs" / page
    lines = path.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines) if line.startswith(f"{key}:"))
    if value is None:
        del lines[number]
    else:
        lines[number] = f"{key}: {value}"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return number + 1


def front_matter(page: str, key: str) -> str:
    for line in (ROOT / "docs" / page).read_text(encoding="utf-8").splitlines():
        if line.startswith(f"{key}:"):
            return line.split(":", 1)[1].strip()
    raise AssertionError(f"docs/{page} has no {key}")


def assert_reported(result, where: str, *phrases: str):
    out = result.stdout
    assert result.returncode == 1, f"The check passed despite the mistake:\n{out}{result.stderr}"
    lines = [line for line in out.splitlines() if line.startswith(where + ":")]
    assert lines, f"No message names {where}:\n{out}"
    assert any(all(p in line for p in phrases) and "Fix:" in line for line in lines), (
        f"No message at {where} says {phrases} with a fix:\n{out}")


def test_clean_docs_pass():
    result = subprocess.run([sys.executable, "-m", "scripts.check_content", str(ROOT / "docs")],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, "docs/ has content problems:\n" + result.stdout


@pytest.mark.parametrize("key", ["title", "description"])
def test_missing_front_matter(project, key):
    set_front_matter(project, PAGE, key, None)
    assert_reported(run_check(project), f"docs/{PAGE}:1", f"no {key}")


@pytest.mark.parametrize("key", ["title", "description"])
def test_duplicate_front_matter(project, key):
    line = set_front_matter(project, PAGE, key, front_matter(OTHER, key))
    assert_reported(run_check(project), f"docs/{PAGE}:{line}", f"the {key} is the same", f"docs/{OTHER}")


def test_description_too_long(project):
    line = set_front_matter(project, PAGE, "description", "A sentence that goes on. " * 8)
    assert_reported(run_check(project), f"docs/{PAGE}:{line}", "characters long", "160")


def test_image_without_alt_text(project):
    line = append(project, PAGE, "![](assets/images/favicon.svg)")
    assert_reported(run_check(project), f"docs/{PAGE}:{line}", "image 'favicon.svg' has no alt text")


def test_html_image_without_alt_text(project):
    line = append(project, PAGE, '<img src="assets/images/favicon.svg">')
    assert_reported(run_check(project), f"docs/{PAGE}:{line}", "image 'favicon.svg' has no alt text")


def test_unknown_easy_read_picture(project):
    page = "easy-read/your-rights.md"
    line = append(project, page, '![A person sitting calmly](../assets/images/easy-read/brake.svg)'
                  '{ .easy-read-picture data-idea="Taking a break" width="80" height="80" }')
    assert_reported(run_check(project), f"docs/{page}:{line}", "Easy Read picture 'brake'", "'break'")


def test_easy_read_picture_listed_but_its_file_missing(project):
    (project / "docs" / "assets" / "images" / "easy-read" / "break.svg").unlink()
    page = "easy-read/your-rights.md"
    text = (project / "docs" / page).read_text(encoding="utf-8").splitlines()
    line = next(i for i, t in enumerate(text, 1) if "easy-read/break.svg" in t)
    assert_reported(run_check(project), f"docs/{page}:{line}", "Easy Read picture 'break'", "pictures.yml")


def test_image_alt_text_is_a_file_name(project):
    line = append(project, PAGE, "![favicon.svg](assets/images/favicon.svg)")
    assert_reported(run_check(project), f"docs/{PAGE}:{line}", "file name as its alt text")


@pytest.mark.parametrize("label", ["click here", "Here", "read more", "this page"])
def test_vague_link_text(project, label):
    line = append(project, PAGE, f"To learn more, see [{label}](principles.md).")
    assert_reported(run_check(project), f"docs/{PAGE}:{line}", f"'{label}' does not say where it goes")


@pytest.mark.parametrize("text", ["[https://example.org/guide](https://example.org/guide)", "<https://example.org/guide>"])
def test_bare_address_as_link_text(project, text):
    line = append(project, PAGE, f"The guide is at {text}.")
    assert_reported(run_check(project), f"docs/{PAGE}:{line}", "bare address")


def test_skipped_heading_level(project):
    line = append(project, PAGE, "## A section\n\nSome text.\n\n#### Too deep")
    assert_reported(run_check(project), f"docs/{PAGE}:{line}", "'Too deep' skips a level", "h2 to h4")


def test_second_level_one_heading(project):
    line = append(project, PAGE, "# Another title")
    assert_reported(run_check(project), f"docs/{PAGE}:{line}", "more than one level-one heading")


def test_page_not_in_page_tree(project):
    (project / "docs" / "stray.md").write_text("---\ntitle: Stray\ndescription: A stray page.\n---\n\n# Stray\n")
    assert_reported(run_check(project), "docs/stray.md:1", "not in the page tree", "nav:")


def test_page_in_tree_that_does_not_exist(project):
    (project / "docs" / PAGE).unlink()
    config = (project / "mkdocs.yml").read_text().splitlines()
    line = next(i for i, text in enumerate(config, start=1) if text.rstrip().endswith(PAGE))
    assert_reported(run_check(project), f"mkdocs.yml:{line}", f"lists '{PAGE}', which does not exist")


def test_plain_http_link(project):
    line = append(project, PAGE, "Read [the NIHR guidance](http://www.nihr.ac.uk/guidance).")
    assert_reported(run_check(project), f"docs/{PAGE}:{line}", "http://www.nihr.ac.uk/guidance", "https://")


def test_long_sentence(project):
    sentence = "When you plan " + "the work and " * 10 + "the meetings with partners you should take care."
    line = append(project, PAGE, sentence)
    assert_reported(run_check(project), f"docs/{PAGE}:{line}", "a sentence has", "words")


def test_long_quotation_is_allowed(project):
    append(project, PAGE, 'The definition reads "' + "shared power and shared work " * 8 + '" (Author, 2020).')
    result = run_check(project)
    assert "a sentence has" not in result.stdout, result.stdout


@pytest.mark.parametrize("word, plain", [("utilise", "use"), ("facilitate", "help"), ("in order to", "to")])
def test_word_to_avoid(project, word, plain):
    line = append(project, PAGE, f"We {word} meet the group each month.")
    assert_reported(run_check(project), f"docs/{PAGE}:{line}", f"'{word}' is on the list", f"'{plain}")


def test_words_list_can_be_extended(project, tmp_path):
    words = tmp_path / "words.txt"
    words.write_text((ROOT / "scripts/words-to-avoid.txt").read_text() + "synergy: working together\n")
    line = append(project, PAGE, "We want synergy between teams.")
    assert_reported(run_check(project, "--words", str(words)), f"docs/{PAGE}:{line}", "'synergy'", "working together")


# --- What editors really do: one mistake each, as it would be pasted. -------

@pytest.mark.parametrize("text, phrase", [
    ('<iframe src="https://www.youtube.com/embed/abc" title="Video"></iframe>', "from another site"),
    ("![A photo of a meeting](https://example.org/photo.jpg)", "from another site"),
    ('<img src="//example.org/photo.jpg" alt="A meeting">', "from another site"),
    ('<script src="https://example.org/widget.js"></script>', "from another site"),
    ("<script>alert(1)</script>", "<script>"),
    ('<link rel="stylesheet" href="https://example.org/style.css">', "from another site"),
    ('<div style="background: url(https://example.org/bg.png)">Text</div>', "from another site"),
    ('<video src="https://example.org/film.mp4" controls></video>', "from another site"),
    # Empty links
    ("See [the principles]() for more.", "goes to nothing"),
    ("See [the principles](#) for more.", "goes to #"),
    ('See <a href="#">the principles</a>.', "goes to #"),
    ("See [](principles.md).", "has no words"),
])
def test_anything_loaded_from_another_site_and_empty_links(project, text, phrase):
    line = append(project, PAGE, text)
    assert_reported(run_check(project), f"docs/{PAGE}:{line}", phrase)


def test_checklist_item_saved_ticked(project):
    line = append(project, PAGE, "- [ ] Book the room\n- [x] Send the invitations")
    assert_reported(run_check(project), f"docs/{PAGE}:{line}", "saved ticked", "- [ ]")


def test_image_over_200_kb(project):
    photo = project / "docs" / "assets" / "images" / "big-photo.jpg"
    photo.write_bytes(b"\xff\xd8" + b"\0" * (3 * 1024 * 1024))
    assert_reported(run_check(project), "docs/assets/images/big-photo.jpg:1", "3072 KB", "200 KB")


@pytest.mark.parametrize("address", ["https://www.nihr.ac.uk/guidance", "www.nihr.ac.uk"])
def test_bare_address_in_running_text(project, address):
    line = append(project, PAGE, f"Read the guidance at {address} before you start.")
    assert_reported(run_check(project), f"docs/{PAGE}:{line}", "bare web address", address)


@pytest.mark.parametrize("heading", ["##", "### ", "## { #old-id }"])
def test_empty_heading(project, heading):
    line = append(project, PAGE, heading)
    assert_reported(run_check(project), f"docs/{PAGE}:{line}", "empty heading")


def test_colon_in_unquoted_description(project):
    line = set_front_matter(project, PAGE, "description", "Young people: how to involve them")
    result = run_check(project)
    assert_reported(result, f"docs/{PAGE}:{line}", "not valid YAML", "mapping values",
                    'put the description in double quotes', '"Young people: how to involve them"')
    assert f"docs/{PAGE}:1: the page has no title" not in result.stdout, result.stdout
    assert f"docs/{PAGE}:1: the page has no description" not in result.stdout, result.stdout


def test_id_after_bold_text_shows_as_text(project):
    line = append(project, PAGE, "**Who to invite** { #who-to-invite }")
    assert_reported(run_check(project), f"docs/{PAGE}:{line}", "'{ #who-to-invite }' will show on the page as text")


@pytest.mark.parametrize("bullet", ["•", "\uf0b7", "▪"])
def test_bullets_pasted_from_word(project, bullet):
    line = append(project, PAGE, f"{bullet} Book the room\n{bullet} Send the invitations")
    assert_reported(run_check(project), f"docs/{PAGE}:{line}", "pasted bullet", "'- '")


def test_a_link_definition_is_not_a_bare_address(project):
    append(project, PAGE, "Read [the NIHR guidance][nihr].\n\n[nihr]: https://www.nihr.ac.uk/guidance")
    result = run_check(project)
    assert "bare web address" not in result.stdout, result.stdout


@pytest.fixture
def one_page(project) -> Path:
    """The project with only one page, so the (slower) spell check has little to read."""
    for page in (project / "docs").rglob("*.md"):
        if page.name != PAGE:
            page.unlink()
    return project


@pytest.mark.parametrize("word", ["organize", "color", "recieve"])
def test_us_spelling_and_misspelling(one_page, word):
    project = one_page
    line = append(project, PAGE, f"We {word} the meetings with partners.")
    assert_reported(run_check(project, spelling=True), f"docs/{PAGE}:{line}", f"'{word}' is not in the UK English dictionary",
                    ".spelling-wordlist.txt")


def test_an_unknown_word_after_a_number_is_found_on_its_line(one_page):
    """aspell reads letters only: in '12zorbs' it reads 'zorbs' (as in the Welsh '6ed', 6th)."""
    project = one_page
    line = append(project, PAGE, "The group met on the 12zorbs of May.")
    assert_reported(run_check(project, spelling=True), f"docs/{PAGE}:{line}", "'zorbs' is not in the UK English dictionary")


def test_names_can_be_added_to_the_word_list(one_page):
    project = one_page
    append(project, PAGE, "Zorblaxian and Quendry wrote the report.")
    with (project / ".spelling-wordlist.txt").open("a", encoding="utf-8") as words:
        words.write("Zorblaxian\n")
    result = run_check(project, spelling=True)
    assert "'Zorblaxian'" not in result.stdout, result.stdout
    assert_reported(result, f"docs/{PAGE}", "'Quendry' is not in the UK English dictionary")


def test_quotations_keep_their_spelling(one_page):
    project = one_page
    append(project, PAGE, 'Ostrom wrote of people "not in the same organization" (Ostrom, 1996).')
    result = run_check(project, spelling=True)
    assert "organization" not in result.stdout, result.stdout


def test_broken_mkdocs_yml_indentation_gives_its_line_not_a_traceback(project):
    config = project / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines) if line.startswith("  - Home: index.md"))
    lines[number] = "    - Home: index.md"   # two spaces too far in, as a slip in the web editor does
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_check(project)
    assert "Traceback" not in result.stdout + result.stderr, result.stderr
    assert_reported(result, "mkdocs.yml", "not valid YAML", "indentation")


def test_tooltip_without_a_glossary_entry(project):
    tips = project / "includes" / "abbreviations.md"
    tips.write_text(tips.read_text(encoding="utf-8") + "*[peer mentor]: Someone who has been through it and helps others\n")
    line = len(tips.read_text(encoding="utf-8").splitlines())
    assert_reported(run_check(project), f"includes/abbreviations.md:{line}", "'peer mentor' has a tooltip but no entry")


def test_capitalised_tooltip_misses_the_lower_case_word(project):
    tips = project / "includes" / "abbreviations.md"
    tips.write_text(tips.read_text(encoding="utf-8") + "*[Honorarium]: A one-off payment to thank someone\n")
    line = len(tips.read_text(encoding="utf-8").splitlines())
    glossary = project / "docs" / "glossary.md"
    glossary.write_text(glossary.read_text(encoding="utf-8") + "\n## Honorarium {#honorarium}\n\nA one-off payment.\n")
    append(project, PAGE, "We paid an honorarium to each partner.")
    assert_reported(run_check(project), f"includes/abbreviations.md:{line}", "gives no tooltip on 'honorarium'",
                    "*[honorarium]:")


def test_renamed_published_heading_says_how_to_keep_its_address(project):
    path = project / "docs" / "about.md"
    lines = path.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines) if line.startswith("## How was this guide made"))
    lines[number] = "## How we made this guide"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert_reported(run_check(project), f"docs/about.md:{number + 1}", "about/#how-was-this-guide-made",
                    "'## New heading { #how-was-this-guide-made }'")


def test_renamed_heading_that_keeps_its_id_passes(project):
    path = project / "docs" / "about.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("## How was this guide made?", "## How we made this guide { #how-was-this-guide-made }"),
                    encoding="utf-8")
    result = run_check(project)
    assert "how-was-this-guide-made" not in result.stdout, result.stdout


@pytest.mark.parametrize("link, phrase", [
    ("[the missing page](no-such-page.md)", "a file that does not exist"),
    ("[principles](principles.md#no-such-heading)", "a heading that does not exist"),
    ("[this section](#no-such-heading)", "a heading that does not exist"),
])
def test_broken_link_with_its_line(project, link, phrase):
    line = append(project, PAGE, f"See {link} for more.")
    assert_reported(run_check(project), f"docs/{PAGE}:{line}", phrase)


@pytest.mark.parametrize("text, phrase", [
    ("\tBook the room early.", "starts with a tab"),
    ('<span style="font-family: Calibri">Book the room early.</span>', "formatting pasted"),
    ('<p class="MsoNormal">Book the room early.</p>', "formatting pasted"),
    ("Book the room&nbsp;early.", "formatting pasted"),
])
def test_pasted_from_word_or_a_web_page(project, text, phrase):
    line = append(project, PAGE, text)
    assert_reported(run_check(project), f"docs/{PAGE}:{line}", phrase)
