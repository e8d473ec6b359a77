"""Each page's title and description."""

from __future__ import annotations

from guide_core.problem import Problem
from guide_core.rules import description_problem, shared_values


def front_matter(page, project):
    """A title and a description of the right length, in front matter that is valid YAML."""
    if page.meta_error:
        yield page.meta_error
        return
    for key in ("title", "description"):
        value = str(page.meta.get(key) or "").strip()
        problem = description_problem(value) if key == "description" else (
            None if value else (f"the page has no {key}",
                                f"add a line '{key}: ...' to the front matter between the '---' lines at the top"))
        if problem:
            yield Problem(page.name, page.meta_lines.get(key, 1) if value else 1, *problem)


def shared_titles(project):
    """No two pages in the same language with the same title, or the same description."""
    for welsh in (False, True):
        yield from _shared([p for p in project.pages if not p.meta_error and p.name.endswith(".cy.md") == welsh])


def _shared(readable):
    by_name = {p.name: p for p in readable}
    for key in ("title", "description"):
        values = {p.name: str(p.meta.get(key) or "").strip() for p in readable}
        for names in shared_values(values):
            for name in names:
                yield Problem(name, by_name[name].meta_lines.get(key, 1),
                              f"the {key} is the same as on another page ({', '.join(names)})",
                              f"give each page its own {key}")
