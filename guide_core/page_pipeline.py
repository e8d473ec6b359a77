"""Every change the build makes to a page's HTML, in the order it is made.

MkDocs hands each page to hooks/pages.py twice: its own text, as Markdown
made it (on_page_content), and the whole page once the templates are
around it (on_post_page; the 404 page through on_post_template).

- The text steps add to the text's HTML (data, a wrapper) without parsing
  it: plain functions of the HTML and what the build knows of the page (a
  Page), giving the HTML back.
- The page steps work on the whole page parsed once (guide_core/html_tree.py):
  each changes the one tree in place, and the tree is written out once, at
  the end. This is the page's one parse: the reading level is measured on
  the same tree the other steps change.

Each list runs in the order written here. Nothing else in the build rewrites
a page's HTML, and no step reads a built page back from disk.

To add a step: write the function in the module that owns its rule, then
list it here, where its order among the others is plain to see.
"""

from __future__ import annotations

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
    template: bool = False                   # a static template (the 404 page), with no text of its own


Step = Callable[[str, Page], str]


# ---------------------------------------------------------------------------
# The steps on a page's own text (on_page_content): text added, nothing parsed
# ---------------------------------------------------------------------------
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
    ("self-check data", self_check_data),
    ("the text's language", text_language),
)


# ---------------------------------------------------------------------------
# The steps on the whole built page (on_post_page, on_post_template), each
# changing the page's one parsed tree in place (guide_core/html_tree.py)
# ---------------------------------------------------------------------------
TreeStep = Callable[[Tree, Page], None]


def _own_text(tree: Tree, page: Page):
    """The article that holds the page's own text, or None (a static template
    such as the 404 page has no text of its own)."""
    return None if page.template else tree.css_first(readability.ARTICLE)


def reading_line(tree: Tree, page: Page) -> None:
    """Reading time and level after the h1, measured on the page's own text
    (the article less the template parts). Not on Welsh text: the
    reading-level formulas are for English. Once: a page that has its line
    keeps it."""
    article = _own_text(tree, page)
    if (article is None or not str(page.meta.get("text_language", "en")).startswith("en")
            or article.css_first("." + readability.META_CLASS) is not None):
        return
    line = readability.meta_line(readability.measure(article, readability.OWN_TEXT_SKIP))
    heading = article.css_first("h1")
    html_tree.put_after(heading, line) if heading is not None else html_tree.put_first(article, line)


def easy_read_pictures(tree: Tree, page: Page) -> None:
    """Each Easy Read picture inside the page, not a request of its own."""
    article = _own_text(tree, page)
    if article is not None:
        pictures.inline_pictures(article, page.docs_dir / pictures.FOLDER)


def no_tooltips_in_headings_or_links(tree: Tree, page: Page) -> None:
    article = _own_text(tree, page)
    if article is not None:
        strip_tooltips(article)


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
    ("reading time and level", reading_line),
    ("Easy Read pictures in the page", easy_read_pictures),
    ("no tooltips in headings or links", no_tooltips_in_headings_or_links),
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


# The built files the page pipeline made in this build, by their full path:
# the site-wide policy step (hooks/csp.py) leaves them alone, unread.
MADE: set[Path] = set()


def run_page(html: str, page: Page, steps: tuple[tuple[str, TreeStep], ...] = PAGE_STEPS) -> str:
    """The whole page, parsed once, through the page steps, written out once."""
    tree = html_tree.parse(html)
    for _name, step in steps:
        step(tree, page)
    return tree.html
