"""The published addresses: every page and heading anchor of a built site,
and whether each listed address still reaches its page and heading, directly
or through a redirect (the command: scripts/published_links.py, which says
how the list is kept)."""

from __future__ import annotations

import functools
import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

ROOT = Path(__file__).resolve().parent.parent  # the project
LIST = ROOT / "tests" / "published-links.txt"
HEADER = """\
# Every published address of the guide: pages and heading anchors,
# relative to the site's address (site_url in mkdocs.yml). "./" is the home page.
# tests/site/test_published_links.py fails if one stops working and no redirect covers it.
# Update with: .venv/bin/python -m scripts.published_links --update
# See README.md, "Changing a page's address".
"""
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
REFRESH = re.compile(r'http-equiv="refresh"\s+content="0;\s*url=([^"]+)"', re.I)


class _Ids(HTMLParser):
    """Every id in a page, and the ids of headings that carry a permalink (¶)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.heading_ids: list[str] = []
        self._heading: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag in HEADINGS:
            self._heading = attrs.get("id")
        elif tag == "a" and self._heading and "headerlink" in (attrs.get("class") or "").split():
            if self._heading not in self.heading_ids:
                self.heading_ids.append(self._heading)

    def handle_endtag(self, tag):
        if tag in HEADINGS:
            self._heading = None


def _read_ids(page: Path) -> _Ids:
    """The ids of a built page, read once while the file is unchanged (the list names a page many times)."""
    stat = page.stat()
    return _parse_ids(page, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=512)
def _parse_ids(page: Path, mtime_ns: int, size: int) -> _Ids:
    parser = _Ids()
    parser.feed(page.read_text(encoding="utf-8", errors="replace"))
    return parser


def is_redirect(page: Path) -> bool:
    head = page.read_text(encoding="utf-8", errors="replace")[:2000]  # the head, policy tag included
    return 'http-equiv="refresh"' in head and "Redirecting" in head


def page_address(site_dir: Path, page: Path) -> str:
    rel = page.relative_to(site_dir).as_posix()
    if rel == "index.html":
        return "./"
    return rel[: -len("index.html")] if rel.endswith("/index.html") else rel


def collect(site_dir: Path) -> list[str]:
    """Every page address and heading anchor in a built site (redirects and 404 left out)."""
    addresses = []
    for page in sorted(site_dir.rglob("*.html")):
        rel = page.relative_to(site_dir).as_posix()
        if rel == "404.html" or rel.startswith("assets/") or is_redirect(page):
            continue
        address = page_address(site_dir, page)
        addresses.append(address)
        addresses.extend(f"{address}#{anchor}" for anchor in _read_ids(page).heading_ids)
    return addresses


def _file_for(site_dir: Path, path: str) -> Path:
    path = unquote(path).lstrip("/")
    if path in ("", ".", "./") or path.endswith("/"):
        return site_dir / path / "index.html"
    return site_dir / path


def resolve(site_dir: Path, address: str) -> str | None:
    """None when the address reaches its page and anchor; otherwise what is wrong."""
    path, _, anchor = address.partition("#")
    path = "" if path in ("./", ".") else path
    seen = []
    for _ in range(5):  # follow at most a few redirects
        page = _file_for(site_dir, path)
        if not page.is_file():
            where = f" (redirected from {seen[0]})" if seen else ""
            return f"no page at {path or './'}{where}"
        if not is_redirect(page):
            break
        match = REFRESH.search(page.read_text(encoding="utf-8", errors="replace"))
        if not match:
            return f"{path} is a redirect page without a target"
        seen.append(path or "./")
        base = "https://site.invalid/" + path
        target = urlsplit(urljoin(base, match.group(1)))
        if target.netloc != "site.invalid":
            return None  # redirected to another site: nothing here to check
        path = posixpath.normpath(target.path.lstrip("/")) + ("/" if target.path.endswith("/") else "")
        path = "" if path in ("./", ".") else path
        anchor = target.fragment or anchor
    else:
        return f"{address} goes round a loop of redirects"
    if anchor and unquote(anchor) not in _read_ids(page).ids:
        moved = f" (the page moved to {path or './'})" if seen else ""
        return f"no heading with id '{anchor}' on {path or './'}{moved}"
    return None


def read_list(path: Path | None = None) -> list[tuple[int, str]]:
    """(line number, address) for each address in the committed list."""
    rows = []
    for number, line in enumerate((path or LIST).read_text(encoding="utf-8").splitlines(), start=1):
        line = line.strip()
        if line and not line.startswith("#"):
            rows.append((number, line))
    return rows
