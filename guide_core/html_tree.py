"""A built page as a tree: parsed once, changed in place, written out once.

The page pipeline (guide_core/page_pipeline.py) parses each built page with
lexbor, the HTML standard's own parsing rules (through selectolax), lets
every step change the tree, and writes it out once. Writing out spells some
markup in the standard's one way, which browsers read the same:
`<path/>` becomes `<path></path>`, `hidden` becomes `hidden=""`, and
`<!doctype html>` becomes `<!DOCTYPE html>`.

Steps use the tree's own methods (css, css_first, attrs, decompose,
insert_after); these few helpers cover what it lacks.
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser, LexborNode

Tree = LexborHTMLParser
Node = LexborNode


def parse(html: str | Tree) -> Tree:
    """The page as a tree (a tree is given back as it is)."""
    return html if isinstance(html, LexborHTMLParser) else LexborHTMLParser(html)


def nodes(snippet: str) -> list[Node]:
    """The top-level nodes an HTML snippet makes, ready to put into a page.
    Parsed as the body of a page, so a <meta> or <script> stays where it is."""
    body = LexborHTMLParser(f"<body>{snippet}</body>").body
    return list(body.iter(include_text=True)) if body is not None else []


def put_after(anchor: Node, snippet: str) -> None:
    """The snippet's nodes, in order, right after `anchor`."""
    for node in reversed(nodes(snippet)):
        anchor.insert_after(node)


def put_first(parent: Node, snippet: str) -> None:
    """The snippet's nodes, in order, as the first children of `parent`."""
    first = parent.child
    if first is None:
        for node in nodes(snippet):
            parent.insert_child(node)
        return
    for node in nodes(snippet):
        first.insert_before(node)


def inside(node: Node, tag: str, class_name: str) -> bool:
    """Whether an element around `node` (not the node itself) is a `tag`
    with the class `class_name`."""
    parent = node.parent
    while parent is not None and parent.is_element_node:
        if parent.tag == tag and class_name in (parent.attributes.get("class") or "").split():
            return True
        parent = parent.parent
    return False


def rewrite(html: str, change) -> str:
    """`html` parsed, changed in place by `change(tree)`, and written out."""
    tree = parse(html)
    change(tree)
    return tree.html


def rewrite_text(snippet: str, change) -> str:
    """A page's own text (an HTML fragment) parsed, changed in place by
    `change(body)`, and written out."""
    body = parse(f"<body>{snippet}</body>").body
    change(body)
    return body.inner_html
