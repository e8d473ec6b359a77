"""Atom feed of the What's new page, written to feed.xml at build time.

docs/whats-new.md lists changes under date headings such as
"## 24 November 2026". Each date section becomes one feed entry, newest
first, with absolute links so feed readers and newsletter tools can follow
them. Every page's head links to the feed (overrides/guide/head-sharing.html).

A date heading that is not a real date ("24 November 2026") stops the
strict build with a message naming the heading.
"""

from __future__ import annotations

import html as html_lib
import logging
import re
import xml.etree.ElementTree as ET
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urljoin

SOURCE = "whats-new.md"
FEED = "feed.xml"
ATOM = "http://www.w3.org/2005/Atom"
DATE_FORMAT = "%d %B %Y"

log = logging.getLogger("mkdocs.hooks.updates_feed")

H2 = re.compile(r'<h2 id="(?P<id>[^"]+)"[^>]*>(?P<text>.*?)</h2>', re.S)
HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
TAG = re.compile(r"<[^>]+>")
URL_ATTR = re.compile(r'(?P<attr>\b(?:href|src))="(?P<url>[^"]*)"')

_entries: list[dict] = []
_page_url = ""


def parse_entries(html: str, page_url: str) -> list[dict]:
    """Split the page's HTML into one entry per date heading."""
    entries = []
    matches = list(H2.finditer(html))
    for i, match in enumerate(matches):
        text = html_lib.unescape(TAG.sub("", HEADERLINK.sub("", match["text"]))).strip()
        try:
            day = datetime.strptime(text, DATE_FORMAT).replace(tzinfo=timezone.utc)
        except ValueError:
            log.warning(
                f"{SOURCE}: the heading '## {text}' is not a date like '24 November 2026'. "
                "Each level-two heading on the What's new page must be a date."
            )
            continue
        end = matches[i + 1].start() if i + 1 < len(matches) else len(html)
        body = HEADERLINK.sub("", html[match.end():end]).strip()
        body = URL_ATTR.sub(lambda m: f'{m["attr"]}="{urljoin(page_url, html_lib.unescape(m["url"]))}"', body)
        entries.append({
            "id": match["id"],
            "title": f"Changes to the guide, {text}",
            "date": day,
            "link": f"{page_url}#{match['id']}",
            "content": body,
        })
    return sorted(entries, key=lambda e: e["date"], reverse=True)


def on_page_content(html, page, config, files):
    global _entries, _page_url
    if page.file.src_uri == SOURCE:
        _page_url = page.canonical_url or urljoin(config["site_url"] or "", page.url)
        _entries = parse_entries(html, _page_url)
        if not _entries:
            log.warning(f"{SOURCE} has no dated sections, so the updates feed would be empty.")
    return html


def build_feed(entries: list[dict], site_url: str, site_name: str, page_url: str) -> bytes:
    ET.register_namespace("", ATOM)

    def sub(parent, tag, text=None, **attrs):
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        if text is not None:
            element.text = text
        return element

    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "en-GB"})
    sub(feed, "title", f"What's new in {site_name}")
    sub(feed, "subtitle", "Dated changes to the guide: new pages, sections and tools.")
    sub(feed, "id", urljoin(site_url, FEED))
    sub(feed, "link", rel="self", type="application/atom+xml", href=urljoin(site_url, FEED))
    sub(feed, "link", rel="alternate", type="text/html", href=page_url)
    newest = entries[0]["date"] if entries else datetime.now(timezone.utc)
    sub(feed, "updated", newest.isoformat())
    author = sub(feed, "author")
    sub(author, "name", site_name)
    for entry in entries:
        item = sub(feed, "entry")
        sub(item, "title", entry["title"])
        sub(item, "id", entry["link"])
        sub(item, "link", rel="alternate", type="text/html", href=entry["link"])
        sub(item, "updated", entry["date"].isoformat())
        sub(item, "content", entry["content"], type="html")
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


def on_post_build(config):
    if not _page_url:
        log.warning(f"docs/{SOURCE} is missing, so feed.xml was not written.")
        return
    site_url = config["site_url"] or ""
    data = build_feed(_entries, site_url, config["site_name"], _page_url)
    (Path(config["site_dir"]) / FEED).write_bytes(data)
