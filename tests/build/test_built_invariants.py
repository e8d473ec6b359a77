"""The built-site invariants (guide_core/checks/built.py) on a real build.

One copy of the guide gets a real mistake on every page, and one mistake
for each invariant that spans pages; it is built once, and each mistake
must come back on its own Markdown file and line with a true message.
The clean guide, built by the session's strict build, must pass them all.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, copy_project
from guide_core.checks import CHECKS, Project, check, run
from guide_core.checks.site import Site

BUILT = [c for c in CHECKS if c.scope in ("built", "site")]


def _pages(docs: Path) -> list[str]:
    return sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))


def _append(docs: Path, rel: str, lines: list[str]) -> int:
    """Append `lines` (after a blank line) to the page; the line number of the first."""
    page = docs / rel
    text = page.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    first = text.count("\n") + 1
    page.write_text(text + "\n".join(lines) + "\n", encoding="utf-8")
    return first


# On every page, in this order (the open comment last: it hides what follows).
EVERY_PAGE = [
    ("bold", lambda slug: f"This sentence about {slug} has **bold that never closes.", "bold marks"),
    ("contact", lambda slug: f"Ring Jo about {slug} on 07700 900 {100 + len(slug):03d} after lunch.", "phone number"),
    ("address", lambda slug: f"Read [the notes on {slug}](notes-{slug.replace(' ', '-')}.md) first.", "not a page or file"),
    ("placeholder", lambda slug: f"The figures for {slug} are TBC until spring.", "placeholder"),
    ("comment", lambda slug: f"<!-- check the {slug} section with Sam", "comment"),
]


@pytest.fixture(scope="module")
def broken(tmp_path_factory):
    """A copy with every mistake made, built and checked once."""
    work = tmp_path_factory.mktemp("invariants")
    project = copy_project(work / "project", checks=True)
    docs = project / "docs"
    made: dict[tuple[str, str], int] = {}
    # One of each kind that spans the site (before the open comments below).
    made[("whats-new.md", "future")] = _append(docs, "whats-new.md", ["## 3 December 2099", "", "We added a page about the 2099 changes."])
    made[("why-co-produce.md", "citation")] = _append(
        docs, "why-co-produce.md", ["Partners stay longer when they are paid (Okonkwo, 2020)."])
    # A grouped citation whose first source has no entry (the second has one).
    made[("principles.md", "grouped")] = _append(
        docs, "principles.md", ["Sharing power takes time (Adebayo, 2018; SCIE, 2013)."])
    for rel in _pages(docs):
        if rel == "self-check.md":
            continue  # its page is made from docs/self-check.yml
        slug = Path(rel).stem.replace("-", " ")
        # A template's raw HTML stops the build with its own line (hooks/template_downloads.py),
        # so templates get every mistake but the comment.
        kinds = [k for k in EVERY_PAGE if not (rel.startswith("templates/") and k[0] == "comment")]
        first = _append(docs, rel, [line for _, make, _ in kinds for line in (make(slug), "")])
        for offset, (kind, _, _) in enumerate(kinds):
            made[(rel, kind)] = first + 2 * offset
    problems = check(docs, spelling=False, site_dir=project / ".cache" / "check-site")
    return made, problems


def _found(problems, rel: str, line: int, words: str) -> bool:
    return any(p.file == f"docs/{rel}" and p.line == line and words in p.message for p in problems)


@pytest.mark.parametrize("kind,words", [(kind, words) for kind, _, words in EVERY_PAGE])
def test_every_page_reports_each_mistake_on_its_line(broken, kind, words):
    made, problems = broken
    missed = [f"docs/{rel}:{line}" for (rel, k), line in made.items() if k == kind and not _found(problems, rel, line, words)]
    pages = [rel for (rel, k) in made if k == kind]
    assert pages, "no page got the mistake"
    assert not missed, (f"{kind}: not reported as '{words}' on its line on {len(missed)} of {len(pages)} pages: "
                        f"{missed[:8]}\n" + "\n".join(str(p) for p in problems if p.file in {m.split(':')[0] for m in missed[:3]})[:3000])


def test_a_future_date_on_whats_new_is_reported(broken):
    made, problems = broken
    line = made[("whats-new.md", "future")]
    assert _found(problems, "whats-new.md", line, "in the future"), [str(p) for p in problems if "whats-new" in p.file]


def test_a_citation_with_no_reference_is_reported(broken):
    made, problems = broken
    line = made[("why-co-produce.md", "citation")]
    assert _found(problems, "why-co-produce.md", line, "no entry on the References page"), \
        [str(p) for p in problems if "why-co" in p.file]


def test_each_source_in_a_grouped_citation_is_checked(broken):
    made, problems = broken
    line = made[("principles.md", "grouped")]
    assert _found(problems, "principles.md", line, "“Adebayo, 2018”"), \
        [str(p) for p in problems if "principles" in p.file]
    assert not _found(problems, "principles.md", line, "“SCIE, 2013”")


def test_every_message_names_a_file_line_and_fix(broken):
    _, problems = broken
    for problem in problems:
        text = str(problem)
        assert problem.line >= 1 and problem.fix and ". Fix: " in text, text


def test_the_clean_guide_passes_every_built_check(site):
    project = Project.load(ROOT / "docs")
    project.site = Site.read(site.dir, project)
    assert project.site.pages, "the session build holds no pages the checks can read"
    errors = [str(p) for p in run(project, BUILT) if not p.warning]
    assert not errors, "\n".join(errors)
