"""The built site on this machine: one build function for every command and test.

- serve(): the built site on 127.0.0.1, at the same path as the published site
  (with gzip=True, compressed and over kept-alive connections, as a real host);
- copy_project(): what a build needs, copied so a test or benchmark can change it;
- build(): the one MkDocs build of a project into a folder, which ./guide,
  the benchmark and the tests all call;
- CHROMIUM_ARGS and chromium(): Debian's Chromium from PATH, never a download.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import os
import mimetypes
import shutil
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ["mkdocs.yml", "docs", "overrides", "hooks", "includes", "scripts", "guide_core"]
# What ./guide check reads besides: the spell check's settings and word lists, the allowed
# contacts and the published addresses.
CHECK_PARTS = [".pyspelling.yml", ".spelling-wordlist.txt", ".spelling-wordlist-cy.txt", "allowed-contacts.yml",
               "tests/published-links.txt"]
# Share images (guide_core/share_card.py), print QR codes (guide_core/print_qr.py) and
# template downloads (guide_core/template_downloads.py), each file named by a hash of what it holds.
CACHES = [".cache/share-images", ".cache/print-qr", ".cache/template-downloads"]
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def copy_project(dest: Path, caches: bool = True, checks: bool = False) -> Path:
    """Copy what a build needs into `dest`, so the copy can be changed; with
    `checks`, what ./guide check reads as well (CHECK_PARTS).

    With `caches`, the copy also gets the files builds keep by a hash of what
    they show (CACHES), so its build draws only the share images and makes
    only the downloads of pages the copy changes: the same files, sooner.
    """
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS + (CACHES if caches else []) + (CHECK_PARTS if checks else []):
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part)
        elif src.exists():
            (dest / part).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / part)
    return dest


def build(project: Path = ROOT, site_dir: Path | None = None, *, strict: bool = True,
          clean: bool = False, env: dict | None = None, capture: bool = True) -> subprocess.CompletedProcess:
    """Run an MkDocs build of `project` into `site_dir` (strict unless told);
    the caller reads the result. With `capture=False` the build prints as it goes."""
    command = [sys.executable, "-m", "mkdocs", "build", "--config-file", str(project / "mkdocs.yml"),
               "--site-dir", str(site_dir or project / "site")]
    command += ["--strict"] if strict else []
    command += ["--clean"] if clean else []
    return subprocess.run(
        command, cwd=project, capture_output=capture, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
    )


class _Handler(http.server.SimpleHTTPRequestHandler):
    prefix = "/"
    not_found: Path | None = None

    def translate_path(self, path):
        if path.startswith(self.prefix):
            path = "/" + path[len(self.prefix):]
        return super().translate_path(path)

    def send_error(self, code, message=None, explain=None):
        if code != 404 or self.not_found is None:
            return super().send_error(code, message, explain)
        body = self.not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map")


class _GzipHandler(_Handler):
    """Sends text files gzip-compressed (level 6, like common hosts) over
    HTTP/1.1 keep-alive, when the browser accepts gzip."""

    protocol_version = "HTTP/1.1"
    cache: dict = {}

    def do_GET(self):
        path = Path(self.translate_path(self.path.split("?", 1)[0].split("#", 1)[0]))
        if path.is_dir():
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.is_file() and path.suffix in COMPRESSIBLE):
            return super().do_GET()
        key = (path, path.stat().st_mtime_ns)
        if key not in self.cache:
            self.cache[key] = gzip.compress(path.read_bytes(), compresslevel=6)
        body = self.cache[key]
        self.send_response(200)
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        self.send_header("Content-Type", kind + ("; charset=utf-8" if kind.startswith("text/") or
                                                 kind.endswith(("json", "javascript", "svg+xml")) else ""))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        self.wfile.write(body)


class _Server(http.server.ThreadingHTTPServer):
    """Quiet when a browser drops a connection part way, as when a tab closes
    while a file loads: nothing is wrong. Any other fault prints as usual."""

    def handle_error(self, request, client_address):
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


@contextlib.contextmanager
def serve(site_dir: Path, prefix: str = "/", not_found: Path | None = None, gzip: bool = False):
    """Serve `site_dir` on 127.0.0.1 under `prefix`; yield the base address.

    With `not_found`, a missing address gets that page with status 404, as
    GitHub Pages does with 404.html. With `gzip`, text files go compressed.
    """
    base = _GzipHandler if gzip else _Handler
    handler = type("Handler", (base,), {"prefix": prefix, "not_found": not_found, "cache": {}})
    httpd = _Server(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(site_dir)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}{prefix}"
    finally:
        httpd.shutdown()
        httpd.server_close()
