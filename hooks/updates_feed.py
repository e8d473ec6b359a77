"""Atom feed of the What's new page, written to feed.xml at build time.

docs/whats-new.md lists changes under date headings such as
"## 24 November 2026". Each date section becomes one feed entry, newest
first, with absolute links so feed readers and newsletter tools can follow
them. Every page's head links to the feed (overrides/guide/head-sharing.html).

A date heading that is not a real date ("24 November 2026") stops the
strict build with a message naming the heading.
"""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import urljoin

from guide_core import feed, languages
from guide_core.feed import ATOM, FEED, SOURCE, build_feed  # noqa: F401

log = logging.getLogger("mkdocs.hooks.updates_feed")
_entries: list[dict] = []
_page_url = ""
_dirty = False


def on_startup(command, dirty):
    # A --dirty build (./guide check --changed) reads only changed pages:
    # the feed written by the last whole build stays.
    global _dirty
    _dirty = dirty


def parse_entries(html: str, page_url: str) -> list[dict]:
    """guide_core.feed.parse_entries, with a non-date heading reported as a build warning."""
    return feed.parse_entries(html, page_url, warn=log.warning)


def on_page_content(html, page, config, files):
    global _entries, _page_url
    if page.file.src_uri == SOURCE:
        _page_url = page.canonical_url or urljoin(config["site_url"] or "", page.url)
        _entries = parse_entries(html, _page_url)
        if not _entries:
            log.warning(f"{SOURCE} has no dated sections, so the updates feed would be empty.")
    return html


def on_post_build(config):
    # One feed, from the English What's new; the Welsh build writes none.
    if not languages.is_default(config):
        return
    if not _page_url:
        if _dirty:
            return
        log.warning(f"docs/{SOURCE} is missing, so feed.xml was not written.")
        return
    site_url = config["site_url"] or ""
    data = build_feed(_entries, site_url, config["site_name"], _page_url)
    (Path(config["site_dir"]) / FEED).write_bytes(data)
