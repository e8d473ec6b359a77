"""Print the handout pages of a built site to PDF (logic: guide_core/printing.py).

    python -m scripts.handout_pdfs site

Saves each handout as site/handouts/pdf/<name>.pdf and warns of one that
prints on more than two sides. It writes nothing into docs/.
"""

from __future__ import annotations

import sys
from pathlib import Path

from guide_core.local_site import CHROMIUM_ARGS, chromium, serve
from guide_core.printing import HANDOUTS, MAX_SIDES, PDF_FOLDER, handout_names, page_count, print_pdf


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
