"""./guide links: LinkChecker against a local server that answers 200, a
redirect, 404, 500 and a timeout (no internet needed), and with no
internet at all."""

from __future__ import annotations

import http.server
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 1  # seconds LinkChecker waits; the slow address answers only once the tests are done


class _Answers(http.server.BaseHTTPRequestHandler):
    new_home = "/new-home"  # where /moved leads: set by the fixture
    done = threading.Event()  # set when the module's tests end: the slow address then answers

    def do_GET(self):
        path = self.path
        if path == "/slow":
            self.done.wait(timeout=300)
        if path in ("/ok", "/new-home", "/slow"):
            self._send(200, b"<!doctype html><title>ok</title><p>ok</p>")
        elif path == "/moved":
            self.send_response(301)
            self.send_header("Location", self.new_home)
            self.end_headers()
        elif path == "/broken":
            self._send(500, b"broken")
        else:
            self._send(404, b"not found")

    do_HEAD = do_GET

    def _send(self, code, body):
        self.send_response(code)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

    def log_message(self, *args):
        pass


PATHS = ("/ok", "/moved", "/new-home", "/gone", "/broken", "/slow")


@pytest.fixture(scope="module")
def answers():
    """{path: its address}, each path on a server (a port) of its own.

    LinkChecker waits 1 to 6 seconds between requests to one host (the
    politeness in scripts/linkcheckerrc); one host for each link lets it
    check them all at once, as it does links to different websites.
    """
    servers, links = [], {}
    for path in PATHS:
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Answers)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        servers.append(server)
        links[path] = f"http://127.0.0.1:{server.server_address[1]}{path}"
    _Answers.new_home = links["/new-home"]
    yield links
    _Answers.done.set()
    for server in servers:
        server.shutdown()
        server.server_close()


def _site(tmp_path: Path, pages: dict[str, list[str]]) -> Path:
    site = tmp_path / "site"
    for name, links in pages.items():
        page = site / name
        page.parent.mkdir(parents=True, exist_ok=True)
        body = "".join(f'<p><a href="{link}">a link</a></p>' for link in links)
        page.write_text(f"<!doctype html><title>{name}</title>{body}<a href='mailto:a@example.org'>mail</a>",
                        encoding="utf-8")
    site.chmod(0o755)
    tmp_path.chmod(0o755)
    return site


def _run(site: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "scripts.check_links", str(site), "--timeout", str(TIMEOUT),
         "--retry-pause", "0", *extra],
        cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_report_names_page_link_and_status(tmp_path, answers):
    site = _site(tmp_path, {
        "index.html": [answers["/ok"], answers["/moved"]],
        "principles/index.html": [answers["/gone"], answers["/broken"], answers["/slow"]],
    })
    report_file = tmp_path / "report.md"
    done = _run(site, "--report", str(report_file))
    out = done.stdout
    assert done.returncode == 1, f"broken links must fail the check:\n{out}{done.stderr}"
    assert out == report_file.read_text(encoding="utf-8")
    assert out.startswith("Outside links: 5 checked on 2 pages. 3 broken, 1 moved."), out
    broken, moved = out.split("## Moved links")
    # Broken, by page: each line has the status and the link.
    section = broken.split("### Page: principles/")[1]
    assert f"`404 Not Found` {answers['/gone']}" in section, out
    assert f"`500 Internal Server Error` {answers['/broken']}" in section, out
    assert answers["/slow"] in section and "timed out" in section.lower(), out
    assert "### Page: (home page)" not in broken, "the home page has no broken link"
    # The redirect still works, so it is listed as moved, with where it goes.
    assert "### Page: (home page)" in moved
    assert f"`301 Moved Permanently` {answers['/moved']} → {answers['/new-home']}" in moved, out
    # Links that work are not listed; email links are not fetched.
    assert f"{answers['/ok']} " not in out and "mailto:" not in out


def test_all_links_working_passes(tmp_path, answers):
    done = _run(_site(tmp_path, {"index.html": [answers["/ok"]]}))
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.strip() == "Outside links: 1 checked on 1 pages. 0 broken, 0 moved."


def test_no_internet_says_so_and_reports_nothing_broken(tmp_path):
    # .invalid names never resolve: as if this computer had no internet.
    site = _site(tmp_path, {"index.html": ["https://nothing.invalid/a", "https://nowhere.invalid/b"]})
    done = _run(site)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith("Could not reach any other website, so the 2 outside links were not checked."), \
        done.stdout
    assert "broken" not in done.stdout.replace("No link is reported broken", "")


def test_no_built_site_is_a_clear_error(tmp_path):
    done = _run(tmp_path / "missing")
    assert done.returncode == 2
    assert "no built site here. Fix: run ./guide build first." in done.stderr
