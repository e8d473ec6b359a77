"""The list of published addresses: every page and every heading anchor.

Newsletters and emails link to pages and to sections of pages. Once an
address is published it must keep working. tests/published-links.txt lists
every address the guide has published, relative to the site's address:

    ./                          the home page
    principles/                 a page
    principles/#sharing-power   a section of a page

tests/site/test_published_links.py builds the site and fails if any listed
address no longer reaches a page and heading, directly or through a
redirect from mkdocs-redirects (`redirect_maps` in mkdocs.yml).

Adding new addresses to the list is a deliberate act, after you have
checked the old ones still work:

    .venv/bin/python -m scripts.published_links --update   # build, then add every current address
    .venv/bin/python -m scripts.published_links --check    # build, then list addresses that broke

--update keeps addresses that are already listed and still resolve, and
refuses to drop one that broke: fix it first (see README.md, "Changing a
page's address"). --replace writes only the current addresses and drops
broken ones: use it only before the guide is first published. Use
--site DIR to read an existing build instead.
"""

from __future__ import annotations

import argparse
import functools
import posixpath
import re
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from guide_core import local_site

ROOT = Path(__file__).resolve().parent.parent
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


def _build(site_dir: Path) -> None:
    result = local_site.build(ROOT, site_dir)
    if result.returncode != 0:
        sys.exit(f"The strict build failed, so the list was not changed:\n{result.stderr}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check or update tests/published-links.txt.")
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--update", action="store_true", help="add every current address to the list")
    action.add_argument("--check", action="store_true", help="list addresses that no longer work")
    action.add_argument("--replace", action="store_true",
                        help="write only the current addresses, dropping broken ones (before first publication)")
    parser.add_argument("--site", type=Path, help="read this built site instead of building one")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="published-links-") as tmp:
        site_dir = args.site or Path(tmp)
        if not args.site:
            _build(site_dir)
        listed = read_list() if LIST.exists() else []
        broken = [(n, a, p) for n, a in listed if (p := resolve(site_dir, a))]
        for number, address, problem in broken:
            print(f"tests/published-links.txt line {number}: {address}: {problem}")
        if args.check:
            print(f"{len(listed) - len(broken)} of {len(listed)} published addresses work.")
            return 1 if broken else 0
        if args.replace:
            current = collect(site_dir)
            LIST.write_text(HEADER + "\n".join(current) + "\n", encoding="utf-8")
            print(f"tests/published-links.txt: replaced with {len(current)} current addresses "
                  f"({len(broken)} listed addresses dropped).")
            return 0
        if broken:
            print("Not updated: fix the addresses above first. Add a redirect in mkdocs.yml "
                  "(redirect_maps) for a moved page, or keep a heading's old id with "
                  "'## New heading { #old-id }'. See README.md, \"Changing a page's address\".")
            return 1
        current = collect(site_dir)
        kept = [a for _, a in listed]
        added = [a for a in current if a not in set(kept)]
        # Current addresses in page and heading order, then old ones a redirect or id still serves.
        older = sorted(set(kept) - set(current))
        LIST.write_text(HEADER + "\n".join(current + older) + "\n", encoding="utf-8")
        print(f"tests/published-links.txt: {len(kept)} kept, {len(added)} added.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
