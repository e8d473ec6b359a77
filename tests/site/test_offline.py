"""No page or stylesheet names anything to load from another origin.

That no request leaves the machine in Chromium, as each page loads and its
switches are pressed: tests/browser/test_csp.py."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from conftest import parse

# Attributes that make the browser fetch something as the page loads.
LOADING = [("script", "src"), ("img", "src"), ("source", "src"), ("iframe", "src"),
           ("video", "src"), ("audio", "src"), ("embed", "src"), ("object", "data")]
LOADING_LINK_RELS = {"stylesheet", "icon", "preload", "modulepreload", "prefetch", "preconnect",
                     "dns-prefetch", "manifest", "apple-touch-icon"}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)""")
CSS_IMPORT = re.compile(r"""@import\s+['"]([^'"]+)""")


def _foreign(url: str) -> bool:
    return bool(urlsplit(url.strip()).netloc) or url.strip().startswith("//")


def test_pages_load_nothing_from_other_origins(site):
    problems = []
    for page in site.pages():
        soup = parse(page)
        for tag_name, attr in LOADING:
            for tag in soup.find_all(tag_name, attrs={attr: True}):
                if _foreign(tag[attr]):
                    problems.append(f"{site.rel(page)}: <{tag_name} {attr}={tag[attr]}>")
        for tag in soup.find_all("link", href=True):
            if set(tag.get("rel", [])) & LOADING_LINK_RELS and _foreign(tag["href"]):
                problems.append(f"{site.rel(page)}: <link rel={tag.get('rel')} href={tag['href']}>")
        for style in soup.find_all("style"):
            problems += [f"{site.rel(page)}: inline style loads {u}" for u in CSS_URL.findall(style.text) if _foreign(u)]
    assert not problems, "Pages load from other origins:\n" + "\n".join(problems)


def test_stylesheets_load_nothing_from_other_origins(site):
    problems = []
    for sheet in site.dir.rglob("*.css"):
        text = sheet.read_text(encoding="utf-8", errors="replace")
        for url in CSS_URL.findall(text) + CSS_IMPORT.findall(text):
            if _foreign(url):
                problems.append(f"{sheet.relative_to(site.dir)}: {url}")
    assert not problems, "Stylesheets load from other origins:\n" + "\n".join(problems)
