"""No file an editor can save makes the checks print a traceback.

Every check in the table (guide_core.checks.CHECKS) is fed each kind of
bad file in each place it reads: a page, the glossary, the self-check page,
an Easy Read page and every data and include file. Each must answer with
"FILE:LINE: what is wrong. Fix: what to do." lines only, never with the
line that says a check itself broke, and a file it cannot read is named.
"""

from __future__ import annotations

import contextlib
import io
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from conftest import ROOT
from guide_core import checks
from guide_core.checks import CHECK_FAULT, CHECKS, Project, run
from scripts import check_content

LINE = re.compile(r"^[^\s:][^:\n]*:\d+: \S.*\. Fix: \S.*$")
PAGES = ["index.md", "glossary.md", "self-check.md", "easy-read/index.md", "why-co-produce.md"]
DATA = ["mkdocs.yml", "includes/abbreviations.md", "docs/self-check.yml", "docs/assets/images/easy-read/pictures.yml",
        "tests/published-links.txt", "allowed-contacts.yml", "words-to-avoid.txt"]
TARGETS = [f"docs/{p}" for p in PAGES] + DATA


def good(target: str) -> str:
    source = ROOT / ("scripts/words-to-avoid.txt" if target == "words-to-avoid.txt" else target)
    return source.read_text(encoding="utf-8")


# Each kind of file an editor's tools can save in place of a text file.
BAD = {
    "Windows-1252 (Word's 'Western')": lambda text: text.encode("cp1252", "replace") + "“quoted” – café\n".encode("cp1252"),
    "UTF-8 with a byte-order mark": lambda text: b"\xef\xbb\xbf" + text.encode("utf-8"),
    "UTF-16 ('Unicode' in Notepad)": lambda text: text.encode("utf-16"),
    "binary (a picture saved under the name)": lambda text: b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + bytes(range(256)),
    "empty": lambda text: b"",
    "only spaces and blank lines": lambda text: b"  \n\n\t\n",
    "cut off half way": lambda text: text.encode("utf-8")[: len(text) // 2],
}
UNREADABLE = {"Windows-1252 (Word's 'Western')", "UTF-8 with a byte-order mark", "UTF-16 ('Unicode' in Notepad)",
              "binary (a picture saved under the name)"}


def small_project(folder: Path) -> Path:
    """A few pages of each kind, with every data file: quick to check many times."""
    for page in PAGES:
        (folder / "docs" / page).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / "docs" / page, folder / "docs" / page)
    shutil.copy2(ROOT / "docs/self-check.yml", folder / "docs/self-check.yml")
    shutil.copytree(ROOT / "docs/assets/images/easy-read", folder / "docs/assets/images/easy-read")
    shutil.copytree(ROOT / "includes", folder / "includes")
    (folder / "tests").mkdir()
    # The published addresses of the pages copied: "why-co-produce/#...", "easy-read/", "./".
    kept = {"./", ""} | {page.removesuffix(".md").removesuffix("index") + ("/" if not page.endswith("index.md") else "")
                         for page in PAGES}
    listed = (ROOT / "tests/published-links.txt").read_text(encoding="utf-8").splitlines()
    (folder / "tests/published-links.txt").write_text(
        "\n".join(line for line in listed if line.split("#", 1)[0] in kept or line.startswith("#")) + "\n",
        encoding="utf-8")
    for name in ("mkdocs.yml", "allowed-contacts.yml", ".pyspelling.yml", ".spelling-wordlist.txt",
                 ".spelling-wordlist-cy.txt"):
        shutil.copy2(ROOT / name, folder / name)
    shutil.copy2(ROOT / "scripts/words-to-avoid.txt", folder / "words-to-avoid.txt")
    return folder


def check_output(folder: Path, *extra: str) -> tuple[int, list[str]]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = check_content.main([str(folder / "docs"), "--words", str(folder / "words-to-avoid.txt"), *extra])
    lines = [line for line in out.getvalue().splitlines()
             if line.strip() and "problem(s) found" not in line and not line.startswith("Content checks passed")]
    return code, lines


def assert_editor_lines(lines: list[str], what: str):
    for line in lines:
        assert LINE.match(line), f"{what}: not a FILE:LINE: ... Fix: ... line:\n{line}"
        assert CHECK_FAULT not in line, f"{what}: a check broke instead of reporting the file:\n{line}"
        assert "Traceback" not in line


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    return small_project(tmp_path_factory.mktemp("template"))


@pytest.fixture
def copy(template, tmp_path) -> Path:
    shutil.copytree(template, tmp_path / "p")
    return tmp_path / "p"


def test_the_small_project_passes(template):
    code, lines = check_output(template, "--no-spelling")
    # Pages left out of the small copy are reported missing from the page tree: that is all.
    assert_editor_lines(lines, "the small project")
    assert all("does not exist" in line for line in lines), "\n".join(lines)


@pytest.mark.parametrize("kind", list(BAD))
@pytest.mark.parametrize("target", TARGETS)
def test_every_check_reads_every_kind_of_bad_file(copy, target, kind):
    path = copy / target
    path.write_bytes(BAD[kind](good(target)))
    code, lines = check_output(copy, "--no-spelling")
    assert_editor_lines(lines, f"{target} as {kind}")
    if kind in UNREADABLE:
        assert code == 1 and any(line.startswith(f"{target}:") for line in lines), (
            f"{target} saved as {kind} is not named:\n" + "\n".join(lines))


@pytest.mark.parametrize("target", [f"docs/{PAGES[0]}", "includes/abbreviations.md", "mkdocs.yml"])
def test_a_folder_or_a_broken_link_in_place_of_a_file(copy, target):
    path = copy / target
    path.unlink()
    if target.endswith(".md") and target.startswith("docs/"):
        path.mkdir()            # a folder named like a page
    else:
        path.symlink_to(copy / "no-such-file")   # a link to nothing
    code, lines = check_output(copy, "--no-spelling")
    assert_editor_lines(lines, f"{target} unreadable")
    assert code == 1 and any(line.startswith(f"{target}:") for line in lines), "\n".join(lines)


def spelling_output(folder: Path) -> list[str]:
    """The whole check, spelling included. pyspelling runs aspell with the console's encoding,
    so the output it writes to has one (a StringIO has none)."""
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        check_content.main([str(folder / "docs"), "--words", str(folder / "words-to-avoid.txt")])
    out.flush()
    text = out.buffer.getvalue().decode("utf-8")
    return [line for line in text.splitlines()
            if line.strip() and "problem(s) found" not in line and not line.startswith("Content checks passed")]


def test_the_spell_check_reads_bad_pages_and_a_bad_settings_file(copy):
    """The spell check runs aspell over the pages: a page that is not text is left to its own message."""
    for kind, make in BAD.items():
        name = re.sub(r"\W+", "-", kind).strip("-").lower()
        (copy / "docs" / f"{name}.md").write_bytes(make(good("docs/index.md")))
    lines = spelling_output(copy)
    assert_editor_lines(lines, "bad pages with spelling")
    assert not any(line.startswith(".pyspelling.yml:") for line in lines), "\n".join(lines)
    for kind in sorted(UNREADABLE):
        (copy / ".pyspelling.yml").write_bytes(BAD[kind](good(".pyspelling.yml")))
        lines = spelling_output(copy)
        assert_editor_lines(lines, f".pyspelling.yml as {kind}")
        assert any(line.startswith(".pyspelling.yml:") for line in lines), "\n".join(lines)


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.name)
def test_a_check_that_breaks_gives_one_line(template, check, monkeypatch):
    """An error inside any check becomes one line naming the file; the other checks still run."""
    def broken(*args, **kwargs):
        raise KeyError("something unexpected")
        yield  # noqa: unreachable - a generator, as every check is

    project = Project.load(template / "docs", words=template / "words-to-avoid.txt")
    project.site = fake_site(project, template / "site")
    problems = run(project, [checks.Check(check.name, broken, check.scope, check.files, False, check.source)])
    assert problems, f"the '{check.name}' check broke silently"
    for problem in problems:
        assert LINE.match(str(problem)) and check.name in problem.message, str(problem)


def fake_site(project, folder: Path):
    """A built site with one small page for each Markdown page, with no build."""
    from guide_core.checks.site import BuiltPage, Site, url_of
    site = Site(folder, project)
    for page in project.pages:
        url = url_of(page.path.relative_to(project.docs).as_posix())
        site.pages[url] = BuiltPage(url, folder / url / "index.html", page,
                                    "<html><head></head><body><article><p>Text.</p></article></body></html>")
    return site


TEXT_FILES = st.sampled_from(TARGETS)
CONTENT = st.one_of(
    st.binary(max_size=400),
    st.text(max_size=400),
    # Lines made of the characters Markdown and YAML care about.
    st.lists(st.text(alphabet="-*#[](){}:!<>`|~_=\"' \t\u00a0\u200b\ufeff“”–•é0a", max_size=40), max_size=12)
      .map("\n".join),
)


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(target=TEXT_FILES, content=CONTENT)
def test_any_content_in_any_file_gives_editor_lines(template, tmp_path_factory, target, content):
    folder = tmp_path_factory.mktemp("generated")
    shutil.copytree(template, folder, dirs_exist_ok=True)
    data = content if isinstance(content, bytes) else content.encode("utf-8")
    (folder / target).write_bytes(data)
    code, lines = check_output(folder, "--no-spelling")
    assert_editor_lines(lines, f"{target} = {data[:80]!r}")
