"""The content checks: one table, read by ./guide check, the build and the tests.

Each check is a plain function from one page (or one file, or the project
as a whole) to the problems it finds, each a Problem that prints as
"FILE:LINE: what is wrong. Fix: what to do.". CHECKS lists them all; run()
calls each one, and turns any error inside a check into one such line, so
no traceback reaches an editor.

    page     function(page, project)   once for each Markdown page
    file     function(path, project)   once for each file under docs/ matching `files`
    project  function(project)         once, for what spans files (the page tree, duplicates)
    built    function(built, project)  once for each built page (project.site), after the build
    site     function(project)         once, over the whole built site (reading order, references)
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from guide_core.config import ConfigError
from guide_core.problem import Problem
from guide_core.rules import IMAGE_EXTENSIONS

from . import (built, data_files, front_matter, headings, images, links, page_tree, pasted, prose, spelling, tooltips,
               translations)
from .project import Page, Project, Unreadable, read_page, read_text  # noqa: F401


@dataclass(frozen=True)
class Check:
    name: str
    function: Callable
    scope: str = "page"             # page, file or project
    files: tuple[str, ...] = ()     # for scope "file": the file endings it reads
    slow: bool = False              # left out by --no-spelling (the tests' quick runs)
    source: str = "docs"            # the file a project check reads, for a message if it breaks

    @property
    def about(self) -> str:
        return (self.function.__doc__ or self.name).strip().splitlines()[0]


CHECKS: tuple[Check, ...] = (
    Check("front matter", front_matter.front_matter),
    Check("same title or description", front_matter.shared_titles, "project"),
    Check("images", images.images),
    Check("image size", images.image_size, "file", files=IMAGE_EXTENSIONS),
    Check("link text", links.link_text),
    Check("headings", headings.headings),
    Check("page tree", page_tree.page_tree, "project", source="mkdocs.yml"),
    Check("plain http links", links.http_links),
    Check("sentence length", prose.sentence_length),
    Check("words to avoid", prose.words_to_avoid),
    Check("other sites", pasted.other_sites),
    Check("empty links", links.empty_links),
    Check("ticked checklist items", pasted.ticked_items),
    Check("bare addresses", links.bare_addresses),
    Check("empty headings and pasted text", pasted.empty_and_stray),
    Check("tooltips", tooltips.tooltips, "project", source=tooltips.TOOLTIPS),
    Check("internal links", links.internal_links),
    Check("published addresses", links.published_addresses, "project", source=links.PUBLISHED),
    Check("page tree form", data_files.page_tree_schema, "project", source="mkdocs.yml"),
    Check("self-check data", data_files.self_check_data, "project", source=data_files.SELF_CHECK),
    Check("Easy Read picture list", data_files.easy_read_pictures, "project", source=data_files.PICTURES),
    Check("tooltip lines", data_files.tooltip_lines, "project", source=data_files.TOOLTIPS),
    Check("glossary terms", data_files.glossary_terms, "project", source="docs/glossary.md"),
    Check("allowed contacts", data_files.allowed_contacts, "project", source=data_files.CONTACTS),
    Check("translations", translations.translations, "project", source="docs"),
    Check("strings files", translations.strings, "project", source="includes/strings/en-GB.yml"),
    Check("Markdown shown as text", built.markdown_syntax, "built"),
    Check("words lost", built.words_lost, "built"),
    Check("addresses", built.addresses, "built"),
    Check("placeholders and contacts", built.unfinished_and_private, "built"),
    Check("dates", built.dates, "built"),
    Check("quotations", built.quotations, "built"),
    Check("page scripts and styles", built.page_assets, "built"),
    Check("empty boxes", built.empty_boxes, "built"),
    Check("repeated ids and text", built.repeated, "built"),
    Check("pasted email", built.email_leftovers, "built"),
    Check("reading order", built.reading_order, "site", source="mkdocs.yml"),
    Check("feed dates", built.feed_dates, "site", source="docs/whats-new.md"),
    Check("references", built.references, "site", source="docs/references.md"),
    Check("spelling", spelling.spelling, "project", slow=True, source=spelling.SPELLING_CONFIG),
)

CHECK_FAULT = ("this is a fault in the check itself: tell a developer, quoting this line "
               "(the other checks still ran)")


def _guarded(check: Check, shown: str, call) -> list[Problem]:
    """The check's problems; any error inside it becomes one line about `shown`."""
    try:
        return list(call())
    except Unreadable as error:
        return [error.problem]
    except ConfigError as error:
        return [error.problem]
    except RecursionError:
        return [Problem(shown, 1, f"the '{check.name}' check could not read this file (it nests too deeply)",
                        "look for a very long run of brackets, quotes or list markers and break it up")]
    except Exception as error:  # noqa: BLE001 - an editor sees a line, never a traceback
        detail = " ".join(f"{type(error).__name__}: {error}".split())[:200]
        return [Problem(shown, 1, f"the '{check.name}' check stopped on this file ({detail})", CHECK_FAULT)]


def run(project: Project, checks: Iterable[Check] = CHECKS, *, slow: bool = True,
        only: set[Path] | None = None) -> list[Problem]:
    """Every problem the checks find, sorted by file and line.

    `only` limits page and file checks (and spelling) to those files: ./guide check --changed."""
    only = None if only is None else {Path(p).resolve() for p in only}
    pages = [p for p in project.pages if only is None or p.path.resolve() in only]
    problems = [p for p in project.unreadable if only is None or (project.root / p.file).resolve() in only]
    for check in checks:
        if check.slow and not slow:
            continue
        if check.scope == "page":
            for page in pages:
                problems += _guarded(check, page.name, lambda: check.function(page, project))
        elif check.scope == "file":
            for path in sorted(project.docs.rglob("*")):
                if path.suffix.lower().lstrip(".") in check.files and path.is_file() \
                        and (only is None or path.resolve() in only):
                    problems += _guarded(check, project.shown(path), lambda: check.function(path, project))
        elif check.scope == "built":
            if project.site is None:
                continue
            for built_page in project.site.pages.values():
                if only is None or built_page.source.path.resolve() in only:
                    problems += _guarded(check, built_page.source.name, lambda: check.function(built_page, project))
        elif check.scope == "site":
            if project.site is not None:
                problems += _guarded(check, check.source, lambda: check.function(project))
        elif check.function is spelling.spelling:
            problems += _guarded(check, check.source, lambda: check.function(project, None if only is None else pages))
        else:
            problems += _guarded(check, check.source, lambda: check.function(project))
    return sorted(set(problems), key=lambda p: (p.file, p.line, p.message))


def check(docs: Path, config: Path | None = None, words: Path | None = None, spelling: bool = True,
          only: set[Path] | None = None, site_dir: Path | None = None) -> list[Problem]:
    """Load the project beside `docs` and run every check on it; with `site_dir`, build
    there first (or reuse a build from the same files) and check the built pages too.

    The build runs while the checks of the Markdown (spelling among them) do:
    it is another process, so the two share the machine's cores."""
    kwargs = {"words": words} if words else {}
    project = Project.load(docs, config, **kwargs)
    if site_dir is None:
        return run(project, slow=spelling, only=only)
    from concurrent.futures import ThreadPoolExecutor

    from .site import Site, build_for_check
    with ThreadPoolExecutor(max_workers=1) as pool:
        building = pool.submit(build_for_check, project.root, Path(site_dir), dirty=only is not None)
        problems = run(project, [c for c in CHECKS if c.scope not in ("built", "site")], slow=spelling, only=only)
        try:
            built, fresh = building.result()
        except Exception as error:  # noqa: BLE001 - one line, never a traceback
            built, fresh = [Problem("mkdocs.yml", 1, f"the build could not run ({type(error).__name__}: {error})",
                                    "run ./guide build to see the whole message")], False
    problems += built
    if fresh:
        project.site = Site.read(Path(site_dir), project)
        problems += run(project, [c for c in CHECKS if c.scope in ("built", "site")], slow=spelling, only=only)
    return sorted(set(problems), key=lambda p: (p.file, p.line, p.message))
