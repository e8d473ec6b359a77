"""Reading time and reading level under each page title.

The measuring is in guide_core/readability.py; this hook only puts the line
("4 minute read · Reading level: plain English") after the page's h1.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the project root, for guide_core

from guide_core.readability import META_CLASS, Readability, measure, meta_line  # noqa: E402,F401


def on_page_content(html, page, config, files):
    """Put the reading time and level straight after the page's h1."""
    line = meta_line(measure(html))
    match = re.search(r"</h1>", html)
    if not match:
        return line + html
    return html[: match.end()] + line + html[match.end():]
