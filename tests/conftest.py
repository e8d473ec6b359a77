"""Shared fixtures: one strict build of the site, a local server, one browser.

Every test looks at the real built site. The build goes into a temporary
folder; nothing is written over docs/ or site/.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts.local_site import CHROMIUM_ARGS, chromium, copy_project, serve  # noqa: E402

CHROMIUM_HELP = (
    "Chromium was not found on PATH. The browser tests need Debian's Chromium:\n"
    "  sudo apt-get install chromium chromium-driver\n"
    "or run ./guide test, which installs it where it can."
)


class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml, ignoring its !ENV and !!python tags."""


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def load_config(path: Path = ROOT / "mkdocs.yml") -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)


def build(project: Path, site_dir: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run a strict MkDocs build of `project` into `site_dir`."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict",
         "--config-file", str(project / "mkdocs.yml"), "--site-dir", str(site_dir)],
        cwd=project, capture_output=True, text=True, env={**os.environ, **(env or {})},
    )


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

    def rel(self, page: Path) -> str:
        return page.relative_to(self.dir).as_posix()

    def address(self, page: Path) -> str:
        """The public address of a built page."""
        rel = self.rel(page)
        rel = rel[: -len("index.html")] if rel.endswith("index.html") else rel
        return self.url + rel


def _is_redirect(page: Path) -> bool:
    head = page.read_text(encoding="utf-8", errors="replace")[:2000]  # the head, policy tag included
    return 'http-equiv="refresh"' in head and "Redirecting" in head


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Site:
    site_dir = tmp_path_factory.mktemp("site")
    result = build(ROOT, site_dir)
    assert result.returncode == 0, f"The strict build failed:\n{result.stderr}"
    url = os.environ.get("SITE_URL") or _default_site_url()
    return Site(dir=site_dir, url=url.rstrip("/") + "/")


def _default_site_url() -> str:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.startswith("site_url:"):
            return line.split('"')[1]
    raise AssertionError("mkdocs.yml has no site_url")


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
