"""The strict build passes, and each kind of mistake makes it fail."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT, build, copy_project, load_config
from guide_core.config import nav_files


def test_strict_build_passes(site):
    assert (site.dir / "index.html").is_file()
    assert (site.dir / "sitemap.xml").is_file()


def test_every_page_is_in_the_page_tree():
    in_tree = set(nav_files(load_config()["nav"]))
    # A Welsh page (PAGE.cy.md) takes its English page's place in the tree.
    on_disk = {p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md")
               if not p.name.endswith(".cy.md")}
    assert in_tree == on_disk, f"Only in the tree: {in_tree - on_disk}; only on disk: {on_disk - in_tree}"


def _break_link(docs):
    page = docs / "why-co-produce.md"
    page.write_text(page.read_text() + "\nSee [the missing page](no-such-page.md).\n")
    return "why-co-produce.md", "no-such-page.md"


def _break_anchor(docs):
    page = docs / "why-co-produce.md"
    page.write_text(page.read_text() + "\nSee [principles](principles.md#no-such-heading).\n")
    return "why-co-produce.md", "no-such-heading"


def _absolute_link(docs):
    page = docs / "principles.md"
    page.write_text(page.read_text() + "\nSee [the glossary](/glossary.md).\n")
    return "principles.md", "/glossary.md"


def _page_missing_from_tree(docs):
    (docs / "stray-page.md").write_text("---\ntitle: Stray\ndescription: A stray page.\n---\n\n# Stray\n")
    return "stray-page.md", "not included in the \"nav\""


def _missing_page_in_tree(docs):
    (docs / "challenges.md").unlink()
    return "challenges.md", "not found in the documentation files"


MISTAKES = [_break_link, _break_anchor, _absolute_link, _page_missing_from_tree, _missing_page_in_tree]


@pytest.fixture(scope="module")
def broken_build(tmp_path_factory):
    """One strict build of a copy with all five mistakes made at once: MkDocs reports every warning."""
    work = tmp_path_factory.mktemp("mistakes")
    project = copy_project(work / "project")
    made = {mistake.__name__: mistake(project / "docs") for mistake in MISTAKES}
    result = build(project, work / "out")
    return made, result


@pytest.mark.parametrize("mistake", MISTAKES, ids=lambda f: f.__name__.strip("_"))
def test_strict_build_fails_on_mistake(broken_build, mistake):
    made, result = broken_build
    page, detail = made[mistake.__name__]
    assert result.returncode != 0, "The build passed despite five mistakes."
    messages = result.stderr + result.stdout
    assert page in messages, f"MkDocs' message should name {page}:\n{messages}"
    assert detail in messages, f"MkDocs' message should mention {detail!r}:\n{messages}"


def test_build_leaves_docs_untouched(tmp_path):
    before = {p: p.stat().st_mtime_ns for p in (ROOT / "docs").rglob("*") if p.is_file()}
    result = build(ROOT, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    after = {p: p.stat().st_mtime_ns for p in (ROOT / "docs").rglob("*") if p.is_file()}
    assert before == after
