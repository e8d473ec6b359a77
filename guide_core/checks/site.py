"""The built site, as the checks read it: each page's own text, links and pictures.

`./guide check` builds the site (or reuses a build made from the same
files), then each built page is parsed once here, with its article cut
down to what the page's Markdown gave: no print header, page tools, edit
button, reading-level line, share box or heading anchors.
"""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
import os
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

from guide_core.problem import Problem

# Parts of the article the templates and hooks add around the page's own text.
NOT_PAGE_TEXT = ("print-header", "print-tools", "md-content__button", "page-meta", "share-box", "headerlink",
                 "md-source-file", "guide-feedback")
STAMP = ".built-from"
BUILD_OUTPUT = ".build-output"
SOURCES = ["mkdocs.yml", "docs", "overrides", "hooks", "includes", "guide_core"]


def manifest_of(root: Path) -> dict[str, str]:
    """Every file the build reads, with its size and time: what a build was made from."""
    files = {}
    for part in SOURCES:
        base = root / part
        paths = [base] if base.is_file() else sorted(p for p in base.rglob("*") if p.is_file()
                                                     and "__pycache__" not in p.parts)
        for path in paths:
            info = path.stat()
            files[path.relative_to(root).as_posix()] = f"{info.st_size}:{info.st_mtime_ns}"
    return files


def stamp_of(root: Path) -> str:
    """A fingerprint of every file the build reads: names, sizes and times."""
    text = "".join(f"{name}\0{seen}\n" for name, seen in manifest_of(root).items())
    return hashlib.sha256(text.encode()).hexdigest()


def _read_manifest(stamp: Path) -> dict[str, str] | None:
    try:
        data = json.loads(stamp.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


BUILD_WARNING = re.compile(r"^(WARNING|ERROR)\s+-\s+(.*)$")
DOC_FILE = re.compile(r"Doc file '([^']+)'")
QUOTED_IN_WARNING = re.compile(r"'([^']+)'")
PAGE_FIRST = re.compile(r"^(?:docs/)?([\w./-]+\.md): ")   # a hook's warning that starts with the page
DIRTY_NOTICE = "A 'dirty' build is being performed"
EDITOR_LINE = re.compile(r"^(?P<file>[\w./-]+):(?P<line>\d+): (?P<message>.+?)\.? Fix: (?P<fix>.+)$")


def build_for_check(root: Path, site_dir: Path, *, dirty: bool = False) -> tuple[list[Problem], bool]:
    """Build into site_dir unless a build from the same files is there.

    With `dirty` (./guide check --changed), when the only files changed since
    the last whole build are existing Markdown pages, only those pages are
    built again (MkDocs' --dirty); the record of the whole build is kept, so
    the next whole check builds everything.
    Returns (problems, whether site_dir now holds a build of these files)."""
    want = manifest_of(root)
    stamp = site_dir / STAMP
    have = _read_manifest(stamp)
    said = site_dir / BUILD_OUTPUT
    if have == want:
        # The same files: the same warnings as when it was built.
        return build_problems(said.read_text(encoding="utf-8") if said.is_file() else "", root), True
    # Not strict: a warning (a broken link) is reported below, and the built pages are still checked.
    command = [sys.executable, "-m", "mkdocs", "build", "--no-strict", "--config-file", str(root / "mkdocs.yml"),
               "--site-dir", str(site_dir)]
    changed = set() if have is None else {name for name in want.keys() | have.keys() if want.get(name) != have.get(name)}
    partial = dirty and have is not None and all(
        name.startswith("docs/") and name.endswith(".md") and name in have and name in want for name in changed)
    if partial:
        command.append("--dirty")
    done = subprocess.run(command, cwd=root, capture_output=True, text=True,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    problems = build_problems(done.stdout + done.stderr, root)
    if done.returncode != 0 and not problems:
        last = next((line for line in reversed((done.stdout + done.stderr).splitlines()) if line.strip()), "")
        problems.append(Problem("mkdocs.yml", 1, f"the build stopped ({' '.join(last.split())[:200]})",
                                "run ./guide build to see the whole message; if it names a file, start there"))
    if done.returncode == 0 and not partial:
        said.write_text(done.stdout + done.stderr, encoding="utf-8")
        stamp.write_text(json.dumps(want, indent=0) + "\n", encoding="utf-8")
    elif done.returncode != 0:
        stamp.unlink(missing_ok=True)
    return problems, done.returncode == 0


def build_problems(output: str, root: Path) -> list[Problem]:
    """The build's warnings and errors, each as an editor line with its file (and line where it can be found)."""
    problems = []
    for raw in output.splitlines():
        text = raw.strip()
        editor = EDITOR_LINE.match(re.sub(r"^\w+\s+-\s+", "", text))
        if editor:
            problems.append(Problem(editor["file"], int(editor["line"]), editor["message"], editor["fix"]))
            continue
        match = BUILD_WARNING.match(text)
        if not match:
            continue
        message = " ".join(match.group(2).split())
        if DIRTY_NOTICE in message:
            continue  # ./guide check --changed builds only the changed pages, on purpose
        doc = DOC_FILE.search(message) or PAGE_FIRST.match(message)
        if doc:
            file = f"docs/{doc.group(1)}"
            quoted = [q for q in QUOTED_IN_WARNING.findall(message) if q != doc.group(1)]
            line = _find_line(root / file, quoted[0]) if quoted else 1
            problems.append(Problem(file, line, f"the build says: {message.rstrip('.')}",
                                    "correct the link or the file it names"))
        else:
            problems.append(Problem("mkdocs.yml", 1, f"the build says: {message.rstrip('.')}",
                                    "fix what it names; ./guide build shows the same message"))
    return problems


def _find_line(path: Path, needle: str) -> int:
    try:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if needle in line:
                return number
    except (OSError, UnicodeDecodeError):
        pass
    return 1


@dataclass
class BuiltPage:
    """One built page: its address, its Markdown page and its own text, parsed once."""
    url: str                      # "why-co-produce/", "" for the home page
    path: Path                    # site/why-co-produce/index.html
    source: object                # the Markdown Page it came from
    html: str = ""

    @cached_property
    def article(self):
        """The page's own text as a parsed tree (BeautifulSoup), without what the templates add."""
        from bs4 import BeautifulSoup
        start = self.html.find("<article")
        end = self.html.find("</article>", start)
        soup = BeautifulSoup(self.html[start:end + len("</article>")] if start >= 0 else "", "html.parser")
        article = soup.find("article") or soup
        for name in NOT_PAGE_TEXT:
            for element in article.select(f".{name}"):
                element.decompose()
        for element in article.select("script, style, svg, template"):
            element.decompose()
        return article

    @cached_property
    def ids(self) -> set[str]:
        return set(re.findall(r"\bid=\"([^\"]+)\"", self.html))

    def footer_link(self, direction: str) -> str | None:
        match = re.search(rf'<a href="([^"]*)" class="md-footer__link md-footer__link--{direction}"', self.html)
        return match.group(1) if match else None

    @cached_property
    def head(self) -> str:
        return self.html[: self.html.find("</head>")]


def url_of(rel: str) -> str:
    """The address a docs/ Markdown file is built at: 'why-co-produce/', 'easy-read/', '';
    a Welsh page (PAGE.cy.md) under cy/: 'cy/why-co-produce/'."""
    if rel.endswith(".cy.md"):
        return "cy/" + url_of(rel.removesuffix(".cy.md") + ".md")
    stem = rel.removesuffix(".md")
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


@dataclass
class Site:
    dir: Path
    project: object
    pages: dict[str, BuiltPage] = field(default_factory=dict)   # url -> page

    @classmethod
    def read(cls, site_dir: Path, project) -> "Site":
        site = cls(Path(site_dir), project)
        for page in project.pages:
            rel = page.path.relative_to(project.docs).as_posix()
            url = url_of(rel)
            path = site.dir / url / "index.html"
            if path.is_file():
                site.pages[url] = BuiltPage(url, path, page, path.read_text(encoding="utf-8", errors="replace"))
        return site

    def resolve(self, page: BuiltPage, href: str) -> tuple[str | None, str]:
        """(site-relative file, fragment) a link on `page` goes to; file None for another site."""
        base = "https://site.invalid/" + page.url
        target = urlsplit(urljoin(base, href))
        if target.netloc != "site.invalid":
            return None, target.fragment
        rel = unquote(target.path.lstrip("/"))
        if rel == "" or rel.endswith("/"):
            rel += "index.html"
        return rel, target.fragment

    def exists(self, rel: str) -> bool:
        path = self.dir / rel
        return path.is_file() or (path.is_dir() and (path / "index.html").is_file())

    def page_at(self, rel: str) -> BuiltPage | None:
        url = rel.removesuffix("index.html")
        return self.pages.get(url)


# --- Putting a finding back on its Markdown line. -------------------------------------

def _words(text: str) -> list[str]:
    return re.findall(r"[\w’'-]+", text.lower())


def locate(page, needle: str, after: int = 0) -> int | None:
    """The line of the page's Markdown that holds `needle` (or most of its words), or None."""
    lines = page.text.splitlines()
    needle = needle.strip()
    if not needle:
        return None
    for number, line in enumerate(lines, 1):
        if number > after and needle in line:
            return number
    lowered = needle.lower()
    for number, line in enumerate(lines, 1):
        if number > after and lowered in line.lower():
            return number
    # The words of the needle in order on one line, with any markup between them.
    words = _words(needle)[:8]
    if not words:
        return None
    for size in range(len(words), 0, -1):
        pattern = re.compile(r"\W+(?:\S*?\W+)??".join(re.escape(w) for w in words[:size]), re.I)
        for number, line in enumerate(lines, 1):
            if number > after and pattern.search(line):
                return number
        if size <= 2:
            break
    return None


def problem_at(page, needle: str, message: str, fix: str, line: int | None = None) -> Problem:
    """A Problem on the Markdown line that holds `needle`; where none does, the file and the quoted text."""
    line = line or locate(page, needle)
    if line is None:
        quoted = " ".join(needle.split())[:60]
        return Problem(page.name, 1, f"{message} (on the page: “{quoted}”)", fix)
    return Problem(page.name, line, message, fix)


def page_path(url: str) -> str:
    return str(PurePosixPath(url) / "index.html") if url else "index.html"
