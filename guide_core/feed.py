"""The What's new page as an Atom feed: entries from its date headings, and the feed's XML.

hooks/updates_feed.py calls these at build time and writes feed.xml.
"""

from __future__ import annotations

import html as html_lib
import re
import xml.etree.ElementTree as ET
from datetime import datetime, timezone
from urllib.parse import urljoin

from guide_core import html_tree
from guide_core.rules import strip_tooltips

SOURCE = "whats-new.md"
FEED = "feed.xml"
ATOM = "http://www.w3.org/2005/Atom"
DATE_FORMAT = "%d %B %Y"

H2 = re.compile(r'<h2 id="(?P<id>[^"]+)"[^>]*>(?P<text>.*?)</h2>', re.S)
HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
TAG = re.compile(r"<[^>]+>")
URL_ATTR = re.compile(r'(?P<attr>\b(?:href|src))="(?P<url>[^"]*)"')


def parse_entries(html: str, page_url: str, warn=print) -> list[dict]:
    """Split the page's HTML into one entry per date heading; `warn` hears of a heading that is not a date."""
    # The page's text as the site shows it: no tooltips in links.
    html = html_tree.rewrite_text(html, strip_tooltips)
    entries = []
    matches = list(H2.finditer(html))
    for i, match in enumerate(matches):
        text = html_lib.unescape(TAG.sub("", HEADERLINK.sub("", match["text"]))).strip()
        try:
            day = datetime.strptime(text, DATE_FORMAT).replace(tzinfo=timezone.utc)
        except ValueError:
            warn(
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
