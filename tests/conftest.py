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
A test in the wrong folder stops the run (pytest.UsageError): a unit test
that uses the built site or the browser, or a built-site test that uses the
browser.

The unit tests run first. While they do, one test process builds the site
in the background, once for the whole run: every process reads that one
build (the `site` fixture), so none waits for a build of its own.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import tempfile
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from hypothesis import settings

# Generated-input tests have no time limit: a busy machine is not a failure,
# and speed is measured by ./guide bench, never by a test.
settings.register_profile("guide", deadline=None)
settings.load_profile("guide")

ROOT = Path(__file__).resolve().parent.parent
from guide_core import languages
from guide_core.config import load_config as _load_config, site_url as _site_url
from guide_core.local_site import CHROMIUM_ARGS, build, chromium, copy_project, serve  # noqa: F401
from support import AXE_JS, js, open_page, pdf_text, print_to_pdf, run_axe, tab_to  # noqa: F401

LAYERS = ("unit", "site", "browser", "build")
BROWSER_FIXTURES = {"browser", "page_for"}
BUILT_FIXTURES = {"site", "server"}


ORDER = {"unit": 0, "build": 1, "site": 2, "browser": 3}


def pytest_configure(config):
    # One folder for the run's one build, made by the main process, so every
    # test process (they inherit its environment) finds the same one.
    if not os.environ.get("PYTEST_XDIST_WORKER") and not os.environ.get("GUIDE_TEST_SITE_DIR"):
        os.environ["GUIDE_TEST_SITE_DIR"] = tempfile.mkdtemp(prefix="guide-test-site-")
        config.add_cleanup(_remove_shared_build)


def _remove_shared_build():
    shared = Path(os.environ.pop("GUIDE_TEST_SITE_DIR"))
    with open(shared / "site.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # a build still running finishes first
        shutil.rmtree(shared, ignore_errors=True)


def pytest_collection_finish(session):
    """Start the one build now, in the first test process, if any test reads it."""
    first = os.environ.get("PYTEST_XDIST_WORKER", "gw0") == "gw0"
    if first and any(BUILT_FIXTURES & set(getattr(item, "fixturenames", ())) for item in session.items):
        threading.Thread(target=_shared_build, daemon=True).start()


def _shared_build() -> Path:
    """Build the site once for the run, or wait for the process that is building it."""
    shared = Path(os.environ["GUIDE_TEST_SITE_DIR"])
    site_dir, done, failed = shared / "site", shared / "site.built", shared / "site.failed"
    with open(shared / "site.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # any other process waits here while one builds
        if not (done.exists() or failed.exists()):
            result = build(ROOT, site_dir)
            (done if result.returncode == 0 else failed).write_text(result.stderr, encoding="utf-8")
    if failed.exists():
        pytest.fail(f"The strict build failed:\n{failed.read_text(encoding='utf-8')}", pytrace=False)
    return site_dir


def pytest_collection_modifyitems(config, items):
    items.sort(key=lambda item: ORDER.get(Path(str(item.fspath)).relative_to(ROOT / "tests").parts[0], 1))
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
        if parts[0] == "site" and BROWSER_FIXTURES & uses:
            raise pytest.UsageError(f"{item.nodeid}: a built-site test uses the browser. "
                                    "Fix: move it to tests/browser.")

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
def site() -> Site:
    """The guide built once for the whole run (_shared_build). Read it; do not change it."""
    return Site(dir=_shared_build(), url=_site_url(ROOT / "mkdocs.yml"))


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
