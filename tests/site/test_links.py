"""Every internal link and #fragment in the built site resolves."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from conftest import parse

LINK_ATTRS = {"a": "href", "link": "href", "img": "src", "script": "src", "source": "src", "image": "href"}


def _ids(path: Path, cache: dict) -> set[str]:
    if path not in cache:
        soup = parse(path)
        cache[path] = {tag["id"] for tag in soup.find_all(id=True)} | {
            tag["name"] for tag in soup.find_all("a", attrs={"name": True})
        }
    return cache[path]


def _target(site, page: Path, url: str) -> Path | None:
    """The file a same-site link points to, or None for other origins."""
    page_address = site.address(page)
    absolute = urljoin(page_address, url)
    if not absolute.startswith(site.url):
        return None
    rel = unquote(urlsplit(absolute).path[len(urlsplit(site.url).path):])
    target = site.dir / rel
    if rel == "" or rel.endswith("/"):
        target = target / "index.html"
    return target


def test_internal_links_and_fragments_resolve(site):
    ids_cache: dict = {}
    broken = []
    for page in site.pages():
        soup = parse(page)
        for tag in soup.find_all(list(LINK_ATTRS)):
            url = tag.get(LINK_ATTRS[tag.name]) or tag.get("xlink:href")
            if not url or url.startswith(("mailto:", "data:", "javascript:", "tel:")):
                continue
            target = _target(site, page, url)
            if target is None:
                continue
            where = f"{site.rel(page)}: <{tag.name}> {url}"
            if not target.exists():
                broken.append(f"{where} -> missing file {target.relative_to(site.dir)}")
                continue
            fragment = urlsplit(url).fragment
            if fragment and target.suffix == ".html" and unquote(fragment) not in _ids(target, ids_cache):
                broken.append(f"{where} -> no element with id '{fragment}'")
    assert not broken, "Broken links:\n" + "\n".join(broken)
