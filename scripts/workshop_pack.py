"""Print every handout and template of a built site into one PDF booklet.

    python -m scripts.workshop_pack site

The booklet is site/downloads/workshop-pack.pdf: each page in docs/handouts/
and docs/templates/ (not the templates index), in the order of the page tree
in mkdocs.yml. Each part is printed on its own, as scripts/handout_pdfs.py
prints a handout, so it starts on a new A4 sheet with its print header: the
guide's name, the page's address and a QR code of it. pdfunite (Debian's
poppler-utils, which the print tests use too) joins the parts.

The zip of the templates' Word and OpenDocument files is made by the build
itself (hooks/template_downloads.py), so only this booklet needs Chromium.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from guide_core.config import load_config, nav_files
from guide_core.local_site import CHROMIUM_ARGS, chromium, serve
from guide_core.template_downloads import is_template, page_path
from scripts.handout_pdfs import page_count, print_pdf

PACK = Path("downloads") / "workshop-pack.pdf"


def is_handout(src_uri: str) -> bool:
    parts = src_uri.split("/")
    return len(parts) == 2 and parts[0] == "handouts" and parts[1].endswith(".md")


def pack_pages(nav=None) -> list[str]:
    """The booklet's pages as docs/ paths (handouts/principles.md), in page-tree order."""
    if nav is None:
        nav = load_config()["nav"]
    return [f for f in nav_files(nav) if is_handout(f) or is_template(f)]


def print_pack(page, base: str, pages: list[str], out: Path, unite: str = "pdfunite") -> None:
    """Print each page (docs/ paths) from the site served at `base` with a
    Playwright `page`, each to its own PDF, and join them in order into `out`."""
    with tempfile.TemporaryDirectory() as tmp:
        parts = []
        for number, src_uri in enumerate(pages, start=1):
            part = Path(tmp) / f"{number:02d}.pdf"
            print_pdf(page, base + page_path(src_uri), part)
            parts.append(str(part))
        out.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([unite, *parts, str(out)], check=True)


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
