"""hooks/updates_feed.py and docs/whats-new.md: the Atom feed of changes.

The feed must parse as XML, use absolute addresses that reach built pages,
and carry one entry per date heading on the What's new page.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import datetime

from bs4 import BeautifulSoup

from conftest import ROOT, load_config
from guide_core.feed import parse_entries
from guide_core.published_links import resolve

ATOM = {"a": "http://www.w3.org/2005/Atom"}
DATE_HEADING = re.compile(r"^## (.+)$", re.M)


def _feed(site):
    path = site.dir / "feed.xml"
    assert path.is_file(), "feed.xml was not built: is hooks/updates_feed.py in mkdocs.yml hooks?"
    try:
        return ET.parse(path).getroot()
    except ET.ParseError as error:
        raise AssertionError(f"feed.xml is not well-formed XML: {error}") from None


def _check_address(site, url: str) -> str | None:
    if not url.startswith(site.url):
        return f"{url} is not an absolute address of the guide ({site.url}...)"
    return resolve(site.dir, url[len(site.url):] or "./")


def test_feed_is_atom_with_absolute_self_and_page_links(site):
    feed = _feed(site)
    assert feed.tag == "{http://www.w3.org/2005/Atom}feed"
    assert feed.findtext("a:title", namespaces=ATOM)
    assert feed.findtext("a:id", namespaces=ATOM) == site.url + "feed.xml"
    links = {link.get("rel"): link.get("href") for link in feed.findall("a:link", ATOM)}
    assert links.get("self") == site.url + "feed.xml"
    assert links.get("alternate") == site.url + "whats-new/"
    datetime.fromisoformat(feed.findtext("a:updated", namespaces=ATOM))


def test_one_entry_per_date_heading_newest_first(site):
    source = (ROOT / "docs" / "whats-new.md").read_text(encoding="utf-8")
    headings = DATE_HEADING.findall(source)
    assert headings, "docs/whats-new.md has no '## 24 November 2026' style date headings."
    days = [datetime.strptime(h.strip(), "%d %B %Y") for h in headings]
    entries = _feed(site).findall("a:entry", ATOM)
    assert len(entries) == len(headings), (
        f"feed.xml has {len(entries)} entries for {len(headings)} date headings in docs/whats-new.md.")
    updated = [datetime.fromisoformat(e.findtext("a:updated", namespaces=ATOM)).date() for e in entries]
    assert updated == sorted((d.date() for d in days), reverse=True), "Entries should be newest first, one per date."
    for entry in entries:
        assert entry.findtext("a:title", namespaces=ATOM).startswith("Changes to the guide, ")
        content = entry.find("a:content", ATOM)
        assert content.get("type") == "html" and content.text and "<li>" in content.text


def test_every_feed_link_is_absolute_and_reaches_a_built_page(site):
    feed = _feed(site)
    problems = []
    for entry in feed.findall("a:entry", ATOM):
        for link in entry.findall("a:link", ATOM):
            if problem := _check_address(site, link.get("href")):
                problems.append(f"entry link: {problem}")
        if entry.findtext("a:id", namespaces=ATOM) != entry.find("a:link", ATOM).get("href"):
            problems.append("entry id should be its permanent address")
        html = BeautifulSoup(entry.findtext("a:content", namespaces=ATOM), "html.parser")
        hrefs = [a["href"] for a in html.select("a[href]")]
        assert hrefs, "The entry's content has no links to check."
        for href in hrefs:
            if href.startswith(("https://", "http://")) and not href.startswith(site.url):
                continue  # an outside source
            if problem := _check_address(site, href):
                problems.append(f"link in content: {problem}")
        if html.select("a.headerlink"):
            problems.append("the content still has ¶ permalinks")
    assert not problems, "feed.xml (hooks/updates_feed.py):\n" + "\n".join(problems)


def test_whats_new_is_in_the_nav_under_resources():
    nav = load_config()["nav"]
    resources = next(item["Resources"] for item in nav if "Resources" in item)
    assert {"What's new": "whats-new.md"} in resources, "Add What's new: whats-new.md to Resources in mkdocs.yml."


def test_a_heading_that_is_not_a_date_is_reported():
    html = ('<p>Intro.</p><h2 id="24-november-2026">24 November 2026<a class="headerlink" href="#x">¶</a></h2>'
            '<ul><li><a href="../principles/">Principles</a></li></ul>'
            '<h2 id="recent-changes">Recent changes</h2><p>Text.</p>')
    warnings = []
    entries = parse_entries(html, "https://example.org/guide/whats-new/", warn=warnings.append)
    assert [e["id"] for e in entries] == ["24-november-2026"]
    assert any("Recent changes" in w for w in warnings), "A non-date heading should be named in a warning (strict builds stop)."
    assert 'href="https://example.org/guide/principles/"' in entries[0]["content"]
    assert "headerlink" not in entries[0]["content"]
