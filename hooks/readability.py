"""Reading time and reading level under each page title.

The measuring is in guide_core/readability.py; the page pipeline
(guide_core/page_pipeline.py) puts the line ("4 minute read · Reading
level: plain English") after the page's h1. This hook marks the text it
measured: the HTML Markdown made, before the templates.
"""

from __future__ import annotations

from guide_core.readability import mark_text


def on_page_context(context, page, config, nav):
    """Mark the page's own text in the built page, so tests can measure it too.

    Marked here, after the other hooks have read the content (the updates
    feed takes its entries from it) and after the search index has.
    """
    page.content = mark_text(page.content)
    return context
