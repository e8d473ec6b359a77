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
import sys
import tempfile
from pathlib import Path

from guide_core import local_site
from guide_core.published_links import HEADER, LIST, ROOT, collect, read_list, resolve


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
        listed = read_list(LIST) if LIST.exists() else []
        broken = [(n, a, p) for n, a in listed if (p := resolve(site_dir, a))]
        for number, address, problem in broken:
            print(f"tests/published-links.txt:{number}: {address}: {problem}. Fix: add a redirect in mkdocs.yml "
                  "(redirect_maps) for a moved page, or keep a heading's old id with '## New heading { #old-id }'.")
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
