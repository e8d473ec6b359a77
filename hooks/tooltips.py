"""Keep glossary tooltips out of headings and links.

includes/abbreviations.md is added to every page, so each glossary term
becomes an <abbr> tooltip wherever it appears. In body text that helps. In a
heading it only adds a dotted line under the title (and on the Glossary page
it repeats the definition right below it). Inside a link it hides the
link's own underline and gives two things to hover. So this hook takes the
<abbr> tags out of h1 to h6 and out of links, and keeps their words.
"""

from __future__ import annotations

import re

PLACES = re.compile(r"<(h[1-6]|a)\b([^>]*)>(.*?)</\1>", re.S | re.I)
ABBR_TAG = re.compile(r"</?abbr\b[^>]*>", re.I)


def strip_tooltips(html: str) -> str:
    """Remove <abbr> tags inside headings and links, keeping the text they wrap."""
    return PLACES.sub(lambda m: f"<{m[1]}{m[2]}>{ABBR_TAG.sub('', m[3])}</{m[1]}>", html)


def on_page_content(html, page, config, files):
    return strip_tooltips(html)
