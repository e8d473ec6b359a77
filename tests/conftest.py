"""Shared fixtures: one strict build of the site, a local server, one browser.

Every test looks at the real built site. The build goes into a temporary
folder; nothing is written over docs/ or site/.

Tests sit in folders by layer, and each gets the folder's marker:
  tests/unit     plain functions, no build           -m unit
  tests/site     the built site, read as HTML        -m site
  tests/browser  the built site in headless Chromium -m browser
  tests/build    builds of a changed copy (mistakes) -m build
A test elsewhere that uses the browser is marked `browser` too, and one that
builds a copy of the project is marked `build`, so `./guide test --fast`
(-m "not browser and not build") runs without Chromium or extra builds.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
from guide_core import languages
from guide_core.config import load_config as _load_config, site_url as _site_url
from guide_core.local_site import CHROMIUM_ARGS, build, chromium, copy_project, serve  # noqa: F401
from support import AXE_JS, js, open_page, pdf_text, print_to_pdf, run_axe, tab_to  # noqa: F401

LAYERS = ("unit", "site", "browser", "build")
BROWSER_FIXTURES = {"browser", "page_for"}
BUILT_FIXTURES = {"site", "server"}


def pytest_collection_modifyitems(config, items):
    for item in items:
        parts = Path(str(item.fspath)).relative_to(ROOT / "tests").parts
        if parts[0] in LAYERS:
            item.add_marker(getattr(pytest.mark, parts[0]))
        uses = set(getattr(item, "fixturenames", ()))
        if BROWSER_FIXTURES & uses:
            item.add_marker(pytest.mark.browser)
        if parts[0] == "unit" and (BROWSER_FIXTURES | BUILT_FIXTURES) & uses:
            raise pytest.UsageError(f"{item.nodeid}: a unit test uses the built site or the browser. "
                                    "Fix: move it to tests/site or tests/browser.")

CHROMIUM_HELP = (
    "Chromium was not found on PATH. The browser tests need Debian's Chromium:\n"
    "  sudo apt-get install chromium chromium-driver\n"
    "or run ./guide test, which installs it where it can."
)


def load_config(path: Path = ROOT / "mkdocs.yml") -> dict:
    return _load_config(path)


@lru_cache(maxsize=1)
def _settings() -> dict:
    """mkdocs.yml read once, for the language settings (which no variable changes)."""
    return _load_config(ROOT / "mkdocs.yml")


@dataclass
class Site:
    dir: Path
    url: str  # the published address, from site_url

    @property
    def prefix(self) -> str:
        return urlsplit(self.url).path or "/"

    def pages(self) -> list[Path]:
        """Every built HTML page, the 404 page included."""
        return sorted(p for p in self.dir.rglob("*.html") if not _is_redirect(p))

    def content_pages(self) -> list[Path]:
        return [p for p in self.pages() if p.name != "404.html"]

    def soup(self, page: Path) -> BeautifulSoup:
        """The parsed page, parsed once per test session."""
        return parse(page)

    def rel(self, page: Path) -> str:
        return page.relative_to(self.dir).as_posix()

    # The two languages (mkdocs.yml, plugins: i18n): English at the root,
    # Welsh under cy/. Per-page tests ask these rather than assume English.
    def language(self, page: Path) -> str:
        """The language a built page is in: "en-GB" or "cy"."""
        return languages.language_of(self.rel(page), _settings())

    def text_language(self, page: Path) -> str:
        """The language of the page's text: Welsh only where it was built from a
        Welsh file (PAGE.cy.md); a Welsh page not yet translated is English."""
        source = self.source(page) or ""
        return "cy" if source.endswith(".cy.md") else "en-GB"

    def html_lang(self, page: Path) -> str:
        """The lang attribute the page should carry: "en-GB" or "cy"."""
        return languages.html_lang(self.language(page))

    def site_name(self, page: Path) -> str:
        """The guide's name in the page's language."""
        return languages.site_name(_settings(), self.language(page))

    def source(self, page: Path) -> str | None:
        """The docs/ file the page was built from (its Welsh file, or the English it falls back to)."""
        return languages.source_of(self.rel(page), ROOT / "docs", _settings())

    def address(self, page: Path) -> str:
        """The public address of a built page."""
        rel = self.rel(page)
        rel = rel[: -len("index.html")] if rel.endswith("index.html") else rel
        return self.url + rel


@lru_cache(maxsize=None)
def parse(page: Path) -> BeautifulSoup:
    """A built page parsed once per test session. Read it; do not change it."""
    return BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")


def _is_redirect(page: Path) -> bool:
    head = page.read_text(encoding="utf-8", errors="replace")[:2000]  # the head, policy tag included
    return 'http-equiv="refresh"' in head and "Redirecting" in head


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Site:
    site_dir = tmp_path_factory.mktemp("site")
    result = build(ROOT, site_dir)
    assert result.returncode == 0, f"The strict build failed:\n{result.stderr}"
    return Site(dir=site_dir, url=_site_url(ROOT / "mkdocs.yml"))


@pytest.fixture(scope="session")
def server(site):
    """Serve the built site on 127.0.0.1 at the same path as the published site."""
    with serve(site.dir, site.prefix) as base:
        yield base


def chromium_path() -> str:
    path = chromium()
    if not path:
        pytest.fail(CHROMIUM_HELP, pytrace=False)
    return path




@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole test session: Debian's, never a download."""
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page_for(browser):
    """Open new pages in fresh contexts; close them after the test."""
    contexts = []

    def open_page(**context_options):
        context = browser.new_context(**context_options)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()
