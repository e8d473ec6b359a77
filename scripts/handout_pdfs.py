"""Print the handout pages of a built site to PDF.

    python -m scripts.handout_pdfs site

Each page in docs/handouts/ (for example docs/handouts/principles.md) is
built to site/handouts/<name>/. This serves the built folder on 127.0.0.1,
prints each of those pages with Debian's headless Chromium (through
Playwright) using the guide's print stylesheet, and saves the result as
site/handouts/pdf/<name>.pdf. It writes nothing into docs/.
Only this command needs Chromium; the normal build does not.
"""

from __future__ import annotations

import sys
from pathlib import Path

from guide_core.local_site import CHROMIUM_ARGS, ROOT, chromium, serve

HANDOUTS = ROOT / "docs" / "handouts"
PDF_FOLDER = Path("handouts") / "pdf"
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
    import re
    data = pdf.read_bytes()
    return len(re.findall(rb"/Type\s*/Page(?!s)", data))


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("Usage: python -m scripts.handout_pdfs SITE_FOLDER", file=sys.stderr)
        return 2
    site = Path(argv[0]).resolve()
    names = handout_names()
    if not names:
        print(f"No handout pages found in {HANDOUTS}.", file=sys.stderr)
        return 1
    missing = [n for n in names if not (site / "handouts" / n / "index.html").is_file()]
    if missing:
        print(f"{site} has no built page for: {', '.join(missing)}. Build the site first "
              "(./guide pdf builds it for you).", file=sys.stderr)
        return 1
    executable = chromium()
    if not executable:
        print("Chromium was not found. Install Debian's Chromium:\n"
              "  sudo apt-get install chromium", file=sys.stderr)
        return 1

    from playwright.sync_api import sync_playwright

    too_long = []
    with serve(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            for name in names:
                out = site / PDF_FOLDER / f"{name}.pdf"
                print_pdf(page, f"{base}handouts/{name}/", out)
                sides = page_count(out)
                print(f"{out.relative_to(site.parent)}: {sides} page(s)")
                if sides > MAX_SIDES:
                    too_long.append(f"docs/handouts/{name}.md prints on {sides} sides")
        finally:
            browser.close()
    for line in too_long:
        print(f"Warning: {line}; a handout should fit on {MAX_SIDES} sides of A4.", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
