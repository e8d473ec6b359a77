"""Reading time and reading level under each page title.

The measuring is in guide_core/readability.py; this hook only puts the line
("4 minute read · Reading level: plain English") after the page's h1, and
marks the text it measured: the HTML Markdown made, before the templates.
"""

from __future__ import annotations

import re

from guide_core.readability import (  # noqa: F401
    META_CLASS, Readability, mark_text, measure, meta_line, page_text,
)


def on_page_content(html, page, config, files):
    """Put the reading time and level straight after the page's h1.

    Not on Welsh text: the reading-level formulas are for English
    (hooks/translation.py sets text_language)."""
    if not str(page.meta.get("text_language", "en")).startswith("en"):
        return html
    line = meta_line(measure(html))
    match = re.search(r"</h1>", html)
    if not match:
        return line + html
    return html[: match.end()] + line + html[match.end():]


def on_page_context(context, page, config, nav):
    """Mark the page's own text in the built page, so tests can measure it too.

    Marked here, after the other hooks have read the content (the updates
    feed takes its entries from it) and after the search index has.
    """
    page.content = mark_text(page.content)
    return context
