"""What every check reads: the project's pages, read once, and its settings.

A Page is one Markdown file with its front matter and its prose lines
(code blocks and HTML comments taken out). A Project holds the pages and
the files the checks share, each read once when a check first asks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import yaml

from guide_core.config import ConfigError, SafeLoader, load_yaml, yaml_problem, safe_load
from guide_core.problem import Problem
from guide_core.rules import EASY_READ_PICTURES

ROOT = Path(__file__).resolve().parent.parent.parent
WORDS_TO_AVOID = ROOT / "scripts" / "words-to-avoid.txt"

FENCE = re.compile(r"^\s*(```|~~~)")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
IMAGE = re.compile(r"!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
HTML_IMG = re.compile(r"<img\b[^>]*>", re.I)
LINK = re.compile(r"(?<!!)\[([^\]]+)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
HTML_LINK = re.compile(r"<a\b[^>]*href=\"([^\"]+)\"[^>]*>(.*?)</a>", re.I | re.S)
QUOTED = re.compile(r"[\"“][^\"”]{0,600}[\"”]")


class Unreadable(Exception):
    """A file a check cannot read as text; `problem` says which and what to do."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        super().__init__(str(problem))


def read_text(path: Path, shown: str) -> str:
    """The file's text as UTF-8, or Unreadable with one plain line."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise Unreadable(Problem(shown, 1, f"the file cannot be opened ({error.strerror or error})",
                                 "check the file exists and you may read it; save it again from your editor")) from None
    if data.startswith(b"\xef\xbb\xbf"):
        raise Unreadable(Problem(shown, 1, "the file starts with a byte-order mark (an invisible character some "
                                 "editors add)", "save it as 'UTF-8' (not 'UTF-8 with BOM'): in Notepad choose "
                                 "Save as, Encoding: UTF-8"))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise Unreadable(Problem(shown, 1, "the file is saved as UTF-16 ('Unicode'), not UTF-8",
                                 "save it again choosing the encoding 'UTF-8' (in Notepad: Save as, Encoding: UTF-8)"))
    if b"\0" in data[:8192]:
        raise Unreadable(Problem(shown, 1, "the file is not text (it holds binary data, like a picture or a Word "
                                 "file saved under a .md name)", "save the page as plain text with the .md ending, "
                                 "or move the file to docs/assets/ if it is a picture or a download"))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[:error.start].count(b"\n") + 1
        raise Unreadable(Problem(shown, line, "the file is not saved as UTF-8 (a character on this line cannot be read)",
                                 "save it again choosing the encoding 'UTF-8', then check the character on this line "
                                 "(often a curly quote, a dash or an accent pasted from Word)")) from None


@dataclass
class Page:
    path: Path
    name: str  # path shown in messages, e.g. docs/principles.md
    meta: dict
    meta_lines: dict  # front matter key -> line number
    body: list[tuple[int, str]]  # (line number, text) of prose lines, code removed
    meta_error: Problem | None = None  # front matter that is not valid YAML
    text: str = ""  # the whole file


def read_page(path: Path, shown: str, text: str | None = None) -> Page:
    """The page, split into front matter and prose. Raises Unreadable for a file that is not text."""
    text = read_text(path, shown) if text is None else text
    lines = text.splitlines()
    meta, meta_lines, start, error = {}, {}, 0, None
    if lines and lines[0].strip() == "---":
        for end in range(1, len(lines)):
            if lines[end].strip() == "---":
                try:
                    meta = yaml.load("\n".join(lines[1:end]), Loader=SafeLoader) or {}
                except yaml.YAMLError as problem:
                    meta, error = {}, _front_matter_problem(problem, shown, lines)
                for number in range(1, end):
                    key = lines[number].split(":", 1)[0].strip()
                    if key and not lines[number].startswith(" "):
                        meta_lines.setdefault(key, number + 1)
                start = end + 1
                break
    body, in_fence, in_comment = [], False, False
    for number, line in enumerate(lines[start:], start=start + 1):
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        if "<!--" in line:
            in_comment = "-->" not in line.split("<!--", 1)[1]
            line = line.split("<!--", 1)[0]
        elif in_comment:
            in_comment = "-->" not in line
            continue
        body.append((number, re.sub(r"`[^`]*`", "", line)))
    if not error and not isinstance(meta, dict):
        error = Problem(shown, 2, "the front matter is not a list of 'name: value' lines",
                        "write it as 'title: ...' and 'description: ...' lines between the '---' lines")
    return Page(path, shown, meta if isinstance(meta, dict) else {}, meta_lines, body, error, text)


def _front_matter_problem(error: yaml.YAMLError, shown: str, lines: list[str]) -> Problem:
    """A YAML error in the front matter, with its line and a plain fix."""
    found = yaml_problem(error, shown, first_line=2)
    text = lines[found.line - 1] if 0 < found.line <= len(lines) else ""
    key = text.split(":", 1)[0].strip()
    if text.count(":") > 1 and key and not text.split(":", 1)[1].strip().startswith(('"', "'")):
        fix = (f"put the {key} in double quotes, like this: {key}: \"{text.split(':', 1)[1].strip()}\" "
               "(a colon inside the text confuses the front matter)")
    else:
        fix = ("write each front matter line as 'name: value'; put any value that holds a colon, "
               "a # or a quotation mark in double quotes")
    detail = found.message.split("(", 1)[1].rstrip(")") if "(" in found.message else found.message
    return Problem(shown, found.line, f"the front matter at the top is not valid YAML ({detail})", fix)


def load_words_to_avoid(path: Path = WORDS_TO_AVOID, shown: str = "scripts/words-to-avoid.txt") -> dict[str, str]:
    words = {}
    for line in read_text(path, shown).splitlines():
        line = line.strip()
        if line and not line.startswith("#") and ":" in line:
            word, plain = line.split(":", 1)
            words[word.strip().lower()] = plain.strip()
    return words


@dataclass
class Project:
    """The guide's folder: docs/, mkdocs.yml and the files beside them."""
    root: Path
    docs: Path
    config: Path
    words_file: Path = WORDS_TO_AVOID
    pages: list[Page] = field(default_factory=list)
    unreadable: list[Problem] = field(default_factory=list)  # pages that are not text
    site: object = None  # the built site (guide_core.checks.site.Site), for the built-site checks

    @classmethod
    def load(cls, docs: Path, config: Path | None = None, words: Path = WORDS_TO_AVOID) -> "Project":
        docs = Path(docs).resolve()
        config = Path(config or docs.parent / "mkdocs.yml").absolute()  # not resolved: a link keeps its name
        project = cls(docs.parent, docs, config, Path(words))
        for path in sorted(docs.rglob("*.md")):
            shown = path.relative_to(project.root).as_posix()
            try:
                project.pages.append(read_page(path, shown))
            except Unreadable as error:
                project.unreadable.append(error.problem)
        return project

    def shown(self, path: Path) -> str:
        """The path as messages show it, from the project folder."""
        try:
            return Path(path).resolve().relative_to(self.root).as_posix()
        except ValueError:
            return str(path)

    @cached_property
    def settings(self) -> dict:
        """mkdocs.yml (raises ConfigError, with its line, when it is not valid YAML)."""
        shown = self.config.name
        data = load_yaml(self.config_text, shown)
        if not isinstance(data, dict):
            raise ConfigError(shown, 1, "the file is not a list of settings",
                              "start each setting at the left edge: 'name: value'")
        return data

    @cached_property
    def config_text(self) -> str:
        return read_text(self.config, self.config.name)

    @cached_property
    def words_to_avoid(self) -> dict[str, str]:
        return load_words_to_avoid(self.words_file, self.shown(self.words_file))

    @cached_property
    def easy_read_pictures(self) -> list[str]:
        """The names in docs/assets/images/easy-read/pictures.yml that have their file."""
        folder = self.docs / EASY_READ_PICTURES
        try:
            entries = safe_load((folder / "pictures.yml").read_text(encoding="utf-8")) or []
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            return []  # the picture list's own check reports a missing or broken list, with its line
        if not isinstance(entries, list):
            return []
        return [e["name"] for e in entries if isinstance(e, dict) and isinstance(e.get("name"), str)
                and (folder / f"{e.get('name')}.svg").is_file()]

    def self_check_data(self):
        """docs/self-check.yml as guide_core/self_check.py reads it, once (its errors raised each time)."""
        if "_self_check" not in self.__dict__:
            from guide_core import self_check
            try:
                self.__dict__["_self_check"] = (self_check.load(self.docs / "self-check.yml"), None)
            except Exception as error:  # noqa: BLE001 - kept, and raised to each caller
                self.__dict__["_self_check"] = (None, error)
        data, error = self.__dict__["_self_check"]
        if error is not None:
            raise error
        return data

    @cached_property
    def by_path(self) -> dict[Path, Page]:
        return {p.path.resolve(): p for p in self.pages}
