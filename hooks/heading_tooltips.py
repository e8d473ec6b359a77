"""Keep glossary tooltips out of headings.

includes/abbreviations.md is added to every page, so each glossary term
becomes an <abbr> tooltip wherever it appears. In body text that helps. In a
heading it only adds a dotted line under the title (and on the Glossary page
it repeats the definition right below it), so this hook takes the <abbr> tags
out of h1 to h6 and keeps their words.
"""

from __future__ import annotations

import re

HEADING = re.compile(r"<h([1-6])\b([^>]*)>(.*?)</h\1>", re.S | re.I)
ABBR_TAG = re.compile(r"</?abbr\b[^>]*>", re.I)


def strip_heading_tooltips(html: str) -> str:
    """Remove <abbr> tags inside headings, keeping the text they wrap."""
    return HEADING.sub(lambda m: f"<h{m[1]}{m[2]}>{ABBR_TAG.sub('', m[3])}</h{m[1]}>", html)


def on_page_content(html, page, config, files):
    return strip_heading_tooltips(html)
