"""The page tree in mkdocs.yml and the pages on disk match."""

from __future__ import annotations

from guide_core.config import nav_files, nav_line
from guide_core.problem import Problem


def page_tree(project):
    text = project.config_text
    in_tree = nav_files(project.settings.get("nav"))
    shown_config = project.config.name
    on_disk = {p.path.relative_to(project.docs).as_posix() for p in project.pages}
    on_disk |= {p.file.removeprefix("docs/") for p in project.unreadable}
    for file in in_tree:
        if file not in on_disk:
            yield Problem(shown_config, nav_line(text, file), f"the page tree lists '{file}', which does not exist",
                          f"create docs/{file}, or remove or correct that line under 'nav:'")
    for page in project.pages:
        rel = page.path.relative_to(project.docs).as_posix()
        # A Welsh page (PAGE.cy.md) takes its English page's place in the tree;
        # the translations check says when that English page is missing.
        if rel not in in_tree and not rel.endswith(".cy.md"):
            yield Problem(page.name, 1, "the page is not in the page tree, so readers cannot find it",
                          f"add it under 'nav:' in {shown_config}, for example '- {page.meta.get('title', 'Title')}: {rel}'")
