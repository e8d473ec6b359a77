"""Every link from the built site to another website, checked with LinkChecker
and reported by page (the command: scripts/check_links.py, which says how).

A link that fails is tried again once, after a pause, so a brief outage is
not reported. Redirects are "moved": they still work, but the link should
point at the new address. When no outside website answers at all, nothing
is reported broken.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass
from html import escape
from pathlib import Path
from urllib.parse import unquote, urlsplit

RC = Path(__file__).resolve().parent.parent / "scripts" / "linkcheckerrc"
STATUS = re.compile(r"^(\d{3})\b")
# Not checked: email links only open the reader's email program, and the
# guide's own "Edit this page" and "Suggest a change" links open GitHub's
# sign-in or form pages, the same on every page.
IGNORE = [r"^mailto:", r"^https://github\.com/co-production-guide/guide/(edit/|issues/new)"]
RETRY_PAUSE = 5  # seconds before failed links are tried again


@dataclass(frozen=True)
class Result:
    page: str      # the page the link is on, as its path in the site ("principles/")
    link: str      # the outside address
    status: str    # "404 Not Found", "ReadTimeout: ...", "200 OK"
    valid: bool
    moved_to: str = ""

    @property
    def answered(self) -> bool:
        """True when a web server answered with an HTTP status."""
        return bool(STATUS.match(self.status)) or bool(self.moved_to)


def linkchecker() -> str:
    found = shutil.which("linkchecker", path=str(Path(sys.executable).parent)) or shutil.which("linkchecker")
    if not found:
        raise SystemExit("LinkChecker is not installed. Fix: run ./guide links, which installs it.")
    return found


def run_linkchecker(starts: list[Path], timeout: int | None = None) -> list[dict]:
    """Run LinkChecker on local HTML files; return its rows as dicts."""
    command = [linkchecker(), "-f", str(RC), "--verbose", "--no-warnings", "--no-status",
               "-o", "csv", "--check-extern"]
    for pattern in IGNORE:
        command += ["--ignore-url", pattern]
    if timeout:
        command += ["--timeout", str(timeout)]
    done = subprocess.run(command + [str(p) for p in starts], capture_output=True, text=True)
    # LinkChecker exits 1 when it found a broken link, 2 on its own error.
    if done.returncode not in (0, 1):
        raise RuntimeError(f"LinkChecker failed (exit {done.returncode}):\n{done.stderr.strip()}")
    lines = [line for line in done.stdout.splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(io.StringIO("\n".join(lines)), delimiter=";"))


def _page_name(parent: str, site: Path) -> str:
    path = Path(unquote(urlsplit(parent).path))
    try:
        rel = path.relative_to(site.resolve()).as_posix()
    except ValueError:
        return parent
    return rel[: -len("index.html")] if rel.endswith("index.html") else rel


def _external(url: str) -> bool:
    return urlsplit(url).scheme in ("http", "https")


def _moved_to(row: dict) -> tuple[str, str]:
    """Where a redirect led, and its status ("301 Moved Permanently")."""
    text = f"{row.get('warningstring') or ''} {row.get('infostring') or ''}"
    match = re.search(r"Redirected to `([^']+)'(?: status: (\d{3}[^.]*))?", text)
    return (match.group(1), match.group(2) or "redirect") if match else ("", "")


def _result(page: str, row: dict) -> Result:
    moved_to, moved_status = _moved_to(row)
    return Result(page=page, link=row["urlname"], status=moved_status or row["result"],
                  valid=row["valid"] == "True", moved_to=moved_to)


def outside_links(site: Path) -> list[str]:
    """Every http(s) address the built pages link to, in a rough first pass."""
    found = set()
    for page in Path(site).rglob("*.html"):
        found.update(re.findall(r'href="(https?://[^"]+)"', page.read_text(encoding="utf-8")))
    return sorted(link for link in found if not any(re.search(p, link) for p in IGNORE))


def internet_reachable(links: list[str], hosts: int = 5, wait: float = 5) -> bool:
    """Can this computer open a connection to any of a few linked websites?

    A quick test before the slow full check: with no internet, every link
    would otherwise wait for its timeout and then be reported broken.
    """
    tried = []
    for link in links:
        parts = urlsplit(link)
        where = (parts.hostname, parts.port or (443 if parts.scheme == "https" else 80))
        if not parts.hostname or where in tried:
            continue
        tried.append(where)
        try:
            socket.create_connection(where, timeout=wait).close()
            return True
        except OSError:
            if len(tried) >= hosts:
                break
    return not tried


def check_site(site: Path, timeout: int | None = None, retry_pause: float = RETRY_PAUSE) -> list[Result]:
    """Every outside link in the site, checked, with a retry for failures."""
    site = Path(site)
    with tempfile.TemporaryDirectory() as tmp:
        # LinkChecker run by root reads files as "nobody", so it reads a
        # copy of the pages in a folder anyone may read.
        Path(tmp).chmod(0o755)
        copy = Path(tmp) / "site"
        starts = []
        for page in sorted(site.rglob("*.html")):
            target = copy / page.relative_to(site)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(page, target)
            starts.append(target)
        for folder in [copy, *(p for p in copy.rglob("*") if p.is_dir())]:
            folder.chmod(0o755)
        # Every built page is a start page, so LinkChecker reads them all,
        # including pages no other page links to.
        rows = run_linkchecker(starts, timeout)
        unread = [row["urlname"] for row in rows if not row["parentname"] and row["valid"] != "True"]
        if unread or not rows:
            raise RuntimeError("LinkChecker could not read these pages: " + ", ".join(unread or ["any"]))
        site = copy
        results = [
            _result(_page_name(row["parentname"], site), row)
            for row in rows
            if _external(row["urlname"]) and row["parentname"].startswith("file:")
            and row["result"] != "filtered"
        ]
        failed = sorted({r.link for r in results if not r.valid})
        if failed:
            time.sleep(retry_pause)
            retry = Path(tmp) / "retry.html"
            retry.write_text("".join(f'<a href="{escape(u)}">l</a>\n' for u in failed), encoding="utf-8")
            again = {row["urlname"]: row for row in run_linkchecker([retry], timeout)}
            results = [
                _result(r.page, again[r.link]) if not r.valid and r.link in again else r
                for r in results
            ]
    return sorted(set(results), key=lambda r: (r.page, r.link))


def offline(results: list[Result]) -> bool:
    """No outside website answered at all: the internet is out of reach."""
    return bool(results) and not any(r.answered for r in results)


def report(results: list[Result]) -> tuple[str, int]:
    """The report as plain text (also valid Markdown) and the exit status."""
    links = {r.link for r in results}
    pages = {r.page for r in results}
    if offline(results):
        return (f"Could not reach any other website, so the {len(links)} outside links were not "
                "checked. Is this computer connected to the internet? No link is reported broken.\n", 0)
    broken = [r for r in results if not r.valid]
    moved = [r for r in results if r.valid and r.moved_to]
    out = [f"Outside links: {len(links)} checked on {len(pages)} pages. "
           f"{len({r.link for r in broken})} broken, {len({r.link for r in moved})} moved.", ""]
    for title, group, show in (
        ("Broken links", broken, lambda r: f"- `{r.status}` {r.link}"),
        ("Moved links (they still work; point them at the new address)", moved,
         lambda r: f"- `{r.status}` {r.link} → {r.moved_to}"),
    ):
        if not group:
            continue
        out += [f"## {title}", ""]
        by_page = defaultdict(list)
        for r in group:
            by_page[r.page].append(r)
        for page in sorted(by_page):
            out += [f"### Page: {page or '(home page)'}", ""]
            out += [show(r) for r in by_page[page]]
            out.append("")
    return "\n".join(out) + "\n", 1 if broken else 0
