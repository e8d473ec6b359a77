"""Every change the build makes to a page's HTML, in the order it is made.

MkDocs hands each page to hooks/pages.py twice: its own text, as Markdown
made it (on_page_content), and the whole page once the templates are
around it (on_post_page; the 404 page through on_post_template).

- The text steps are plain functions of the text's HTML and what the build
  knows of the page (a Page), giving the HTML back.
- The page steps work on the whole page parsed once (guide_core/html_tree.py):
  each changes the one tree in place, and the tree is written out once, at
  the end.

Each list runs in the order written here. Nothing else in the build rewrites
a page's HTML, and no step reads a built page back from disk.

To add a step: write the function in the module that owns its rule, then
list it here, where its order among the others is plain to see.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from guide_core import csp, html_tree, languages, lightbox, pictures, readability, self_check, valid_html
from guide_core.html_tree import Tree
from guide_core.rules import strip_tooltips


@dataclass
class Page:
    """What a step may know about the page it changes."""
    meta: dict = field(default_factory=dict)  # front matter, and what the hooks recorded (page.meta)
    docs_dir: Path = Path("docs")
    language: str = languages.DEFAULT        # the language this build is of (en-GB or cy)
    serving: bool = False                    # mkdocs serve: the preview, with live reload


Step = Callable[[str, Page], str]


# ---------------------------------------------------------------------------
# The steps on a page's own text (on_page_content)
# ---------------------------------------------------------------------------
def reading_line(html: str, page: Page) -> str:
    """Reading time and level after the h1. Not on Welsh text: the reading-level
    formulas are for English."""
    if not str(page.meta.get("text_language", "en")).startswith("en"):
        return html
    line = readability.meta_line(readability.measure(html))
    match = re.search(r"</h1>", html)
    return line + html if not match else html[: match.end()] + line + html[match.end():]


def easy_read_pictures(html: str, page: Page) -> str:
    """Each Easy Read picture inside the page, not a request of its own."""
    if "easy-read-picture" not in html:
        return html
    return pictures.inline_pictures(html, page.docs_dir / pictures.FOLDER)


def no_tooltips_in_headings_or_links(html: str, page: Page) -> str:
    return strip_tooltips(html)


def self_check_data(html: str, page: Page) -> str:
    """The self-check's scoring data, after its questions (hooks/self_check.py
    loads it once, into the page's meta)."""
    data = page.meta.get("self_check_data")
    return html + self_check.data_block(data) if data is not None else html


def text_language(html: str, page: Page) -> str:
    """English text in the Welsh build says so, for screen readers and spelling.
    Last: it wraps the whole text."""
    said = page.meta.get("text_language")
    return f'<div lang="{said}">{html}</div>' if said and said != page.language else html


TEXT_STEPS: tuple[tuple[str, Step], ...] = (
    ("reading time and level", reading_line),
    ("Easy Read pictures in the page", easy_read_pictures),
    ("no tooltips in headings or links", no_tooltips_in_headings_or_links),
    ("self-check data", self_check_data),
    ("the text's language", text_language),
)


# ---------------------------------------------------------------------------
# The steps on the whole built page (on_post_page, on_post_template), each
# changing the page's one parsed tree in place (guide_core/html_tree.py)
# ---------------------------------------------------------------------------
TreeStep = Callable[[Tree, Page], None]


def lightbox_on_first_use(tree: Tree, page: Page) -> None:
    if page.meta.get("glightbox") is not False:
        lightbox.load_on_first_use(tree)


def material_markup_made_valid(tree: Tree, page: Page) -> None:
    valid_html.fix_material_markup(tree)


def no_head_language_links(tree: Tree, page: Page) -> None:
    languages.drop_head_alternates(tree)


def content_security_policy(tree: Tree, page: Page) -> None:
    """Last: the policy holds the hashes of the page's inline scripts as the
    steps before left them. Not in the preview: mkdocs serve's live-reload
    script changes on every request, so no hash could allow it."""
    if not page.serving:
        csp.add_policy_to_tree(tree)


PAGE_STEPS: tuple[tuple[str, TreeStep], ...] = (
    ("lightbox on first use", lightbox_on_first_use),
    ("Material's markup made valid", material_markup_made_valid),
    ("no head language links", no_head_language_links),
    ("Content-Security-Policy", content_security_policy),
)


def run(steps: tuple[tuple[str, Step], ...], html: str, page: Page) -> str:
    """The page's own text through the text steps."""
    for _name, step in steps:
        html = step(html, page)
    return html


def run_page(html: str, page: Page, steps: tuple[tuple[str, TreeStep], ...] = PAGE_STEPS) -> str:
    """The whole page, parsed once, through the page steps, written out once."""
    tree = html_tree.parse(html)
    for _name, step in steps:
        step(tree, page)
    return tree.html
