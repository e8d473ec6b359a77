"""Helpers the browser and built-site tests share, in one place.

- open_page(): a fresh browser context at a width and colour scheme;
- tab_to(): press Tab until a control has focus;
- run_axe(): run the pinned, offline copy of axe-core and list violations;
- print_to_pdf() and pdf_text(): print a page to PDF and read its text back;
- js(): the text of a script in tests/browser/js/, for page.evaluate();
- material_sources() and squash(): the source of the installed Material
  bundle, from its source map, to check what the guide relies on in it.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from functools import lru_cache
from pathlib import Path

import axe_playwright_python
import material

JS_DIR = Path(__file__).resolve().parent / "browser" / "js"
AXE_JS = Path(axe_playwright_python.__file__).parent / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
MATERIAL = Path(material.__file__).parent / "templates"


@lru_cache(maxsize=1)
def material_sources() -> dict[str, str]:
    """The installed Material bundle's sources by path (src/templates/...), from its source map."""
    maps = sorted((MATERIAL / "assets" / "javascripts").glob("bundle.*.min.js.map"))
    assert len(maps) == 1, f"Expected one Material bundle source map in {MATERIAL}, found {maps}"
    data = json.loads(maps[0].read_text(encoding="utf-8"))
    return {re.sub(r"^(\.\./)+", "", name): text
            for name, text in zip(data["sources"], data.get("sourcesContent") or []) if text}


def squash(text: str) -> str:
    """Text with every run of white space made one space, to compare code."""
    return " ".join(text.split())


@lru_cache(maxsize=None)
def js(name: str) -> str:
    """The source of tests/browser/js/NAME.js."""
    return (JS_DIR / f"{name}.js").read_text(encoding="utf-8")


def open_page(browser, scheme: str = "light", width: int = 1280, height: int = 900, **options):
    """A new page in its own context: the site follows the system colour scheme, so emulate it."""
    context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme, **options)
    return context.new_page()


def tab_to(page, selector: str, where: str = "the page", limit: int = 250) -> None:
    """Press Tab until the focused element matches the CSS `selector`."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{where}: Tab never reaches {selector}.")


def run_axe(page, options: dict | None = None, context=None) -> list[dict]:
    """Run axe-core on the open page; return its violations.

    Colour transitions are let finish first, so axe measures what a reader sees.
    """
    if not page.evaluate("typeof axe !== 'undefined'"):
        # Evaluated, not added as a <script>: the pages' security policy
        # blocks an added inline script, as it should.
        page.evaluate(AXE_JS.read_text(encoding="utf-8"))
    page.evaluate("() => Promise.all(document.getAnimations().map(a => a.finished))")
    options = options or {"runOnly": {"type": "tag", "values": AXE_TAGS}}
    result = page.evaluate("([c, o]) => axe.run(c || document, o)", [context, options])
    return result["violations"]


def tool(name: str) -> str:
    path = shutil.which(name)
    assert path, (f"{name} was not found. Install Debian's poppler-utils and zbar-tools "
                  "(./guide test installs them).")
    return path


def print_to_pdf(page, url: str, out: Path) -> Path:
    """Print as ./guide pdf does (scripts/handout_pdfs.py), then leave the
    page in print media, for tests that read its print styles."""
    from scripts.handout_pdfs import print_pdf

    print_pdf(page, url, out)
    page.emulate_media(media="print")
    return out


def pdf_text(pdf: Path) -> str:
    return subprocess.run([tool("pdftotext"), "-layout", str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout
