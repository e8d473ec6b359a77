"""Welsh pages and the English they were translated from.

A Welsh page is docs/PAGE.cy.md beside docs/PAGE.md. Its front matter says
what it was translated from and whether a fluent Welsh speaker has checked it:

    translation:
      from: principles.md          # the English page, relative to docs/
      fingerprint: 0123456789ab    # of the English text when it was translated
      checked: false               # or the date of the review, 2027-01-15

The fingerprint is the first 12 hex digits of the SHA-256 of the English
page's text without its front matter (line endings, spaces at line ends and
blank lines at either end do not count). When the English page changes, its
fingerprint no longer matches: the Welsh page is out of date. The build shows
a notice on it (hooks/translation.py), ./guide check lists it, and the
translation status page says so.

    python -m guide_core.translation fingerprint docs/principles.md
    python -m guide_core.translation stamp docs/principles.cy.md

prints the fingerprint of an English page, or writes it into a Welsh page's
front matter once its translation has caught up.
"""

from __future__ import annotations

import datetime
import hashlib
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from guide_core.config import safe_load

SUFFIX = ".cy.md"
LENGTH = 12
FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n.*?\n---[ \t]*(\n|\Z)", re.S)

# The states a page can be in, in the order the status page lists them.
CHECKED, UNCHECKED, STALE, MISSING = "checked", "unchecked", "stale", "missing"


def body(text: str) -> str:
    """A page's text as the fingerprint sees it."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = FRONT_MATTER.sub("", text, count=1)
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")


# A pymdownx.snippets line, --8<-- "includes/FILE.md": the file's text is part of the page.
SNIPPET = re.compile(r"""^[ \t]*-{1,}8<-{1,}[ \t]+(["'])([^"'\n]+)\1[ \t]*$""", re.M)


def with_snippets(text: str, root: Path | None, depth: int = 3) -> str:
    """The page's text with each file it includes written in, as the reader sees it.
    A file that cannot be read stays a line (the build reports it)."""
    if root is None or depth == 0:
        return text

    def include(match):
        try:
            return with_snippets((Path(root) / match.group(2)).read_text(encoding="utf-8-sig"), root, depth - 1)
        except (OSError, UnicodeDecodeError):
            return match.group(0)
    return SNIPPET.sub(include, text)


def fingerprint(text: str, root: Path | None = None) -> str:
    """A short hash of what the page says; with `root` (the project folder, where
    snippets are found), of the files it includes too, so a change to them counts."""
    return hashlib.sha256(body(with_snippets(text, root)).encode("utf-8")).hexdigest()[:LENGTH]


def english_of(welsh_rel: str) -> str:
    """principles.cy.md -> principles.md"""
    return welsh_rel[: -len(SUFFIX)] + ".md"


def welsh_of(english_rel: str) -> str:
    return english_rel[: -len(".md")] + SUFFIX


@dataclass(frozen=True)
class Translation:
    welsh: str                   # the Welsh file, relative to docs/ (principles.cy.md)
    english: str                 # the English page it says it comes from
    recorded: str                # the fingerprint in its front matter
    current: str | None          # the English page's fingerprint now (None: no such page)
    checked: str | None          # the date a fluent speaker checked it, or None
    english_changed: str | None  # when the English page last changed (YYYY-MM-DD), if it is out of date

    @property
    def state(self) -> str:
        if self.current != self.recorded:
            return STALE
        return CHECKED if self.checked else UNCHECKED


def record(meta: dict) -> dict | None:
    """The translation block of a page's front matter, or None."""
    value = meta.get("translation") if isinstance(meta, dict) else None
    return value if isinstance(value, dict) else None


def problems_in(meta: dict) -> list[tuple[str, str]]:
    """What is wrong with a Welsh page's translation block: (what, fix) pairs."""
    block = record(meta)
    if block is None:
        return [("the Welsh page does not say which English page it translates",
                 "add to its front matter 'translation:' with 'from: PAGE.md', 'fingerprint:' "
                 "(python -m guide_core.translation fingerprint docs/PAGE.md prints it) and 'checked: false'")]
    found = []
    if not isinstance(block.get("from"), str) or not block["from"].endswith(".md"):
        found.append(("'translation: from:' is not the English page's file name",
                      "write the English file, relative to docs/, such as 'from: principles.md'"))
    if not re.fullmatch(r"[0-9a-f]{%d}" % LENGTH, str(block.get("fingerprint", ""))):
        found.append(("'translation: fingerprint:' is missing or not 12 letters and digits",
                      "run python -m guide_core.translation stamp on this file (it writes the fingerprint in quotes)"))
    checked = block.get("checked", False)
    if checked is not False and not isinstance(checked, datetime.date):
        found.append(("'translation: checked:' is neither false nor a date",
                      "write 'checked: false', or the date a fluent Welsh speaker checked it, such as 2027-01-15"))
    return found


def changed_on(path: Path) -> str:
    """The date a file last changed: today if it has changes not yet committed,
    else its last commit's date; its own date where git cannot tell."""
    folder = str(path.parent)
    try:
        dirty = subprocess.run(["git", "-C", folder, "status", "--porcelain", "--", path.name],
                               capture_output=True, text=True, timeout=20)
        if dirty.returncode == 0 and not dirty.stdout.strip():
            last = subprocess.run(["git", "-C", folder, "log", "-1", "--format=%cs", "--", path.name],
                                  capture_output=True, text=True, timeout=20)
            if last.returncode == 0 and last.stdout.strip():
                return last.stdout.strip()
        elif dirty.returncode == 0:
            return datetime.date.today().isoformat()
    except (OSError, subprocess.SubprocessError):
        pass
    return datetime.date.fromtimestamp(path.stat().st_mtime).isoformat()


def read(docs: Path, welsh_rel: str, meta: dict) -> Translation | None:
    """The translation a Welsh page records, compared with its English page now."""
    block = record(meta)
    if block is None or problems_in(meta):
        return None
    english = block["from"]
    source = docs / english
    try:
        current = fingerprint(source.read_text(encoding="utf-8-sig"), docs.parent)
    except (OSError, UnicodeDecodeError):
        current = None
    recorded = str(block["fingerprint"])
    checked = block.get("checked")
    return Translation(
        welsh=welsh_rel, english=english, recorded=recorded, current=current,
        checked=checked.isoformat() if isinstance(checked, datetime.date) else None,
        english_changed=changed_on(source) if current not in (None, recorded) else None,
    )


def front_matter(path: Path) -> dict:
    try:
        match = FRONT_MATTER.match(path.read_text(encoding="utf-8-sig"))
        meta = safe_load(match.group(0).strip().strip("-")) if match else {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}
    return meta if isinstance(meta, dict) else {}


def status(docs: Path, pages: list[str]) -> list[tuple[str, str, Translation | None]]:
    """Each English page of the page tree with its state: (English file, state, translation)."""
    rows = []
    for english in pages:
        welsh = docs / welsh_of(english)
        found = read(docs, welsh_of(english), front_matter(welsh)) if welsh.is_file() else None
        rows.append((english, found.state if found else MISSING, found))
    return rows


def stamp(path: Path, docs: Path) -> str:
    """Write the English page's fingerprint now into a Welsh page's front matter."""
    text = path.read_text(encoding="utf-8-sig")
    block = record(front_matter(path)) or {}
    english = block.get("from") or english_of(path.relative_to(docs).as_posix())
    value = fingerprint((docs / english).read_text(encoding="utf-8-sig"), docs.parent)
    if re.search(r"(?m)^  fingerprint:.*$", text):
        text = re.sub(r"(?m)^  fingerprint:.*$", f"  fingerprint: \"{value}\"", text, count=1)
    else:
        raise ValueError(f"{path}: no 'translation:' block with a 'fingerprint:' line")
    path.write_text(text, encoding="utf-8")
    return value


# ---------------------------------------------------------------------------
# What the build shows: the notice on a Welsh page and the status table.
# ---------------------------------------------------------------------------

HELP_TRANSLATE = "https://github.com/co-production-guide/guide/blob/main/CONTRIBUTING.md#translating-into-welsh"


def notice(docs: Path, source: str, meta: dict, words: dict, edit_uri: str = "") -> dict | None:
    """The notice at the top of a page in the Welsh build: its kind, its text and
    its link, in Welsh. None for a translated page a fluent speaker has checked."""
    said = words["translation"]
    if not source.endswith(SUFFIX):
        return {"kind": MISSING, "text": said["missing"], "link": said["missing_link"], "href": HELP_TRANSLATE}
    found = read(docs, source, meta)
    if found is None:  # ./guide check says what is wrong with its front matter
        return {"kind": STALE, "text": said["stale"].replace("{DATE}", "?"), "link": said["stale_link"],
                "href": _english_address(english_of(source))}
    if found.state == STALE:
        from guide_core.strings import long_date
        return {"kind": STALE, "text": said["stale"].replace("{DATE}", long_date(words, found.english_changed)),
                "link": said["stale_link"], "href": _english_address(found.english)}
    if found.state == UNCHECKED:
        return {"kind": UNCHECKED, "text": said["unchecked"], "link": "", "href": ""}
    return None


def _english_address(english: str) -> str:
    """The English page's address from a Welsh page one folder deeper (cy/PAGE/)."""
    stem = english[: -len(".md")]
    stem = "" if stem == "index" else stem.removesuffix("/index")
    depth = english.count("/") + (0 if stem == "" or english.endswith("index.md") else 1) + 1
    return "../" * depth + (stem + "/" if stem else "")


def status_table(docs: Path, pages: list[str], words: dict, welsh: bool) -> str:
    """A Markdown table of every page in the page tree and its translation state."""
    said = words["translation"]
    lines = [f"| {said['table_page']} | {said['table_state']} |", "| --- | --- |"]
    for english, state, found in status(docs, pages):
        title = _title(docs / (welsh_of(english) if welsh and found else english)) or english
        text = said["states"][state]
        if state == STALE and found and found.english_changed:
            from guide_core.strings import long_date
            text += f" ({long_date(words, found.english_changed)})"
        lines.append(f"| [{title}]({english}) | {text} |")
    return "\n".join(lines) + "\n"


def _title(path: Path) -> str:
    value = front_matter(path).get("title") if path.is_file() else None
    return str(value).replace("|", "\\|") if value else ""


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in ("fingerprint", "stamp"):
        print("usage: python -m guide_core.translation fingerprint docs/PAGE.md\n"
              "       python -m guide_core.translation stamp docs/PAGE.cy.md", file=sys.stderr)
        return 2
    path = Path(argv[1])
    try:
        docs = next((p for p in path.resolve().parents if p.name == "docs"), path.resolve().parent)
        if argv[0] == "fingerprint":
            print(fingerprint(path.read_text(encoding="utf-8-sig"), docs.parent))
        else:
            print(stamp(path, docs))
    except (OSError, UnicodeDecodeError, ValueError) as error:
        print(f"{path}:1: {error}. Fix: give the path of a readable page.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
