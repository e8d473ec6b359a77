"""Printing built pages to PDF, as a reader's browser prints them.

The handouts (`./guide pdf`, scripts/handout_pdfs.py): each page in
docs/handouts/ (for example docs/handouts/principles.md) is built to
site/handouts/<name>/ and printed to site/handouts/pdf/<name>.pdf.

The workshop pack (`./guide pack`, scripts/workshop_pack.py): every handout
and template (not the templates index), in the order of the page tree in
mkdocs.yml, each printed on its own, so it starts on a new A4 sheet with its
print header: the guide's name, the page's address and a QR code of it.
pdfunite (Debian's poppler-utils, which the print tests use too) joins the
parts into site/downloads/workshop-pack.pdf.

The commands serve the built folder on 127.0.0.1 and print with Debian's
headless Chromium through Playwright, using the guide's print stylesheet.
They write nothing into docs/.
"""

from __future__ import annotations

import re
import subprocess
import tempfile
from pathlib import Path

from guide_core.config import load_config, nav_files
from guide_core.local_site import ROOT
from guide_core.template_downloads import is_template, page_path

HANDOUTS = ROOT / "docs" / "handouts"
PDF_FOLDER = Path("handouts") / "pdf"
PACK = Path("downloads") / "workshop-pack.pdf"
MAX_SIDES = 2


def handout_names(docs: Path = HANDOUTS) -> list[str]:
    """The handout pages: one per Markdown file in docs/handouts/."""
    return sorted(p.stem for p in docs.glob("*.md") if p.stem != "index")


# The print header's QR code is a lazy image (it costs nothing on screen).
# Load it and wait until it has decoded before printing, as the guide's
# "Print this page" button does (guide-tools.js): printing at once can start
# before it has loaded on a busy machine. A QR code that cannot load still
# prints empty, so the print tests that read it fail.
LOAD_PRINT_QR = """async () => {
    const qr = document.querySelector(".print-header__qr");
    if (!qr) return;
    qr.loading = "eager";
    await qr.decode().catch(() => {});
}"""


def print_pdf(page, url: str, out: Path) -> None:
    """Print one page as the reader's browser would, at default settings.

    page.pdf() prints with print media. Any media emulation left by a page
    printed before is switched off first ("null"): an emulated media type
    would both print with it and race the QR code's load."""
    page.emulate_media(media="null")
    page.goto(url, wait_until="load")
    page.evaluate(LOAD_PRINT_QR)
    out.parent.mkdir(parents=True, exist_ok=True)
    page.pdf(path=str(out), prefer_css_page_size=True, print_background=False)


def page_count(pdf: Path) -> int:
    """Pages in a PDF, from its page objects (no extra tool needed)."""
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf.read_bytes()))


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
