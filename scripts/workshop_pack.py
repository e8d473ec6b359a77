"""Print every handout and template of a built site into one PDF booklet,
site/downloads/workshop-pack.pdf (logic: guide_core/printing.py).

    python -m scripts.workshop_pack site

The zip of the templates' Word and OpenDocument files is made by the build
itself (hooks/template_downloads.py), so only this booklet needs Chromium.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from guide_core.local_site import CHROMIUM_ARGS, chromium, serve
from guide_core.printing import PACK, pack_pages, page_count, print_pack
from guide_core.template_downloads import page_path


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("Usage: python -m scripts.workshop_pack SITE_FOLDER", file=sys.stderr)
        return 2
    site = Path(argv[0]).resolve()
    pages = pack_pages()
    if not pages:
        print("mkdocs.yml lists no handout or template pages in its nav.", file=sys.stderr)
        return 1
    missing = [p for p in pages if not (site / page_path(p) / "index.html").is_file()]
    if missing:
        print(f"{site} has no built page for: {', '.join(missing)}. Build the site first "
              "(./guide pack builds it for you).", file=sys.stderr)
        return 1
    executable = chromium()
    unite = shutil.which("pdfunite")
    if not executable or not unite:
        print("Chromium or pdfunite was not found. Install Debian's packages:\n"
              "  sudo apt-get install chromium poppler-utils", file=sys.stderr)
        return 1

    from playwright.sync_api import sync_playwright

    out = site / PACK
    with serve(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        try:
            print_pack(browser.new_page(), base, pages, out, unite)
        finally:
            browser.close()
    print(f"{out.relative_to(site.parent)}: {len(pages)} parts, {page_count(out)} page(s), "
          f"{out.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
