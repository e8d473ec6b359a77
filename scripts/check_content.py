"""Content checks for the guide's pages, with messages an editor can act on.

Usage: python -m scripts.check_content [DOCS_DIR] [--config MKDOCS_YML]

Each problem prints as "FILE:LINE: what is wrong. Fix: what to do." and the
command exits 1 if there is any. It reads the Markdown in docs/ and the page
tree in mkdocs.yml; it builds nothing, so it runs in a second.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
WORDS_TO_AVOID = Path(__file__).resolve().parent / "words-to-avoid.txt"
MAX_DESCRIPTION = 160
MAX_SENTENCE_WORDS = 30
VAGUE_LINK_TEXT = {"here", "click here", "read more", "more", "this page", "this link", "link", "click", "this"}
IMAGE_FILE = re.compile(r"\.(png|jpe?g|gif|svg|webp|avif)$", re.I)

FENCE = re.compile(r"^\s*(```|~~~)")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
IMAGE = re.compile(r"!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
HTML_IMG = re.compile(r"<img\b[^>]*>", re.I)
LINK = re.compile(r"(?<!!)\[([^\]]+)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
HTML_LINK = re.compile(r"<a\b[^>]*href=\"([^\"]+)\"[^>]*>(.*?)</a>", re.I | re.S)
QUOTED = re.compile(r"[\"“][^\"”]{0,600}[\"”]")
WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*")
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])")


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    message: str
    fix: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}. Fix: {self.fix}"


@dataclass
class Page:
    path: Path
    name: str  # path shown in messages, e.g. docs/principles.md
    meta: dict
    meta_lines: dict  # front matter key -> line number
    body: list[tuple[int, str]]  # (line number, text) of prose lines, code removed


def load_words_to_avoid(path: Path = WORDS_TO_AVOID) -> dict[str, str]:
    words = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#") and ":" in line:
            word, plain = line.split(":", 1)
            words[word.strip().lower()] = plain.strip()
    return words


def read_page(path: Path, shown: str) -> Page:
    lines = path.read_text(encoding="utf-8").splitlines()
    meta, meta_lines, start = {}, {}, 0
    if lines and lines[0].strip() == "---":
        for end in range(1, len(lines)):
            if lines[end].strip() == "---":
                try:
                    meta = yaml.safe_load("\n".join(lines[1:end])) or {}
                except yaml.YAMLError:
                    meta = {}
                for number in range(1, end):
                    key = lines[number].split(":", 1)[0].strip()
                    if key and not lines[number].startswith(" "):
                        meta_lines.setdefault(key, number + 1)
                start = end + 1
                break
    body, in_fence, in_comment = [], False, False
    for number, text in enumerate(lines[start:], start=start + 1):
        if FENCE.match(text):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        if "<!--" in text:
            in_comment = "-->" not in text.split("<!--", 1)[1]
            text = text.split("<!--", 1)[0]
        elif in_comment:
            in_comment = "-->" not in text
            continue
        body.append((number, re.sub(r"`[^`]*`", "", text)))
    return Page(path, shown, meta if isinstance(meta, dict) else {}, meta_lines, body)


def nav_files(nav) -> list[str]:
    found = []
    for item in nav or []:
        value = list(item.values())[0] if isinstance(item, dict) else item
        if isinstance(value, list):
            found += nav_files(value)
        elif isinstance(value, str) and not re.match(r"https?://", value):
            found.append(value)
    return found


class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml, ignoring its !ENV and !!python tags."""


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def nav_line(config_text: str, file: str) -> int:
    for number, line in enumerate(config_text.splitlines(), start=1):
        if re.search(rf"(:|-)\s*{re.escape(file)}\s*$", line):
            return number
    return 1


# --- The checks. Each takes the pages and yields problems. ------------------

def check_front_matter(pages: list[Page]):
    for key in ("title", "description"):
        seen = defaultdict(list)
        for page in pages:
            value = str(page.meta.get(key) or "").strip()
            if not value:
                yield Problem(page.name, 1, f"the page has no {key}",
                              f"add a line '{key}: ...' to the front matter between the '---' lines at the top")
                continue
            seen[value.lower()].append(page)
            if key == "description" and len(value) > MAX_DESCRIPTION:
                yield Problem(page.name, page.meta_lines.get(key, 1),
                              f"the description is {len(value)} characters long",
                              f"shorten it to {MAX_DESCRIPTION} characters or fewer: one plain sentence")
        for same in seen.values():
            if len(same) > 1:
                others = ", ".join(p.name for p in same)
                for page in same:
                    yield Problem(page.name, page.meta_lines.get(key, 1),
                                  f"the {key} is the same as on another page ({others})",
                                  f"give each page its own {key}")


def check_images(pages: list[Page]):
    for page in pages:
        for number, text in page.body:
            for alt, src in IMAGE.findall(text):
                yield from _alt_problems(page, number, alt, src)
            for tag in HTML_IMG.findall(text):
                alt = re.search(r"\balt=\"([^\"]*)\"", tag)
                src = re.search(r"\bsrc=\"([^\"]*)\"", tag)
                yield from _alt_problems(page, number, alt.group(1) if alt else "", src.group(1) if src else "")


def _alt_problems(page, number, alt, src):
    image = Path(src).name or src
    alt = alt.strip()
    if not alt:
        yield Problem(page.name, number, f"image '{image}' has no alt text",
                      f"describe what the image shows inside the square brackets: ![A short description]({src})")
    elif IMAGE_FILE.search(alt) or alt.lower() in {Path(src).stem.lower(), image.lower()}:
        yield Problem(page.name, number, f"image '{image}' has a file name as its alt text ('{alt}')",
                      "replace it with a few words that say what the image shows")


def check_link_text(pages: list[Page]):
    for page in pages:
        for number, text in page.body:
            links = LINK.findall(text) + [(t, h) for h, t in HTML_LINK.findall(text)]
            for label, href in links:
                words = re.sub(r"[*_`]", "", re.sub(r"<[^>]+>", "", label)).strip().lower().rstrip(".")
                if words in VAGUE_LINK_TEXT:
                    yield Problem(page.name, number, f"the link text '{label}' does not say where it goes",
                                  f"use words that name the destination, for example the page or section title ({href})")
                elif re.match(r"(https?://|www\.)", words):
                    yield Problem(page.name, number, f"the link text is a bare address ('{label}')",
                                  "use words that name the destination instead of the address")
            for address in AUTOLINK.findall(text):
                yield Problem(page.name, number, f"the link text is a bare address ('{address}')",
                              "write it as [words that name the destination](" + address + ")")


def check_headings(pages: list[Page]):
    for page in pages:
        level_before, h1_lines = 0, []
        for number, text in page.body:
            match = HEADING.match(text)
            if not match:
                continue
            level = len(match.group(1))
            if level == 1:
                h1_lines.append(number)
            if level_before and level > level_before + 1:
                yield Problem(page.name, number,
                              f"heading '{match.group(2)}' skips a level (h{level_before} to h{level})",
                              f"use {'#' * (level_before + 1)} for this heading, or add the missing level above it")
            level_before = level
        for number in h1_lines[1:]:
            yield Problem(page.name, number, "the page has more than one level-one heading (# )",
                          "keep one '# Title' at the top; use '## ' for the sections below it")


def check_http_links(pages: list[Page]):
    for page in pages:
        for number, text in page.body:
            for href in re.findall(r"\(\s*<?(http://[^)\s>]+)", text) + re.findall(r"href=\"(http://[^\"]+)\"", text) \
                    + re.findall(r"<(http://[^>\s]+)>", text):
                yield Problem(page.name, number, f"the link {href} uses plain http://",
                              "use the https:// address (check it opens in a browser)")


def _sentences(page: Page):
    """Yield (line, sentence) for prose blocks: paragraphs, list items, table cells."""
    block, start = [], 0

    def flush():
        text = " ".join(block)
        text = LINK.sub(r"\1", text)
        text = IMAGE.sub("", text)
        text = re.sub(r"<[^>]+>", " ", text)
        text = re.sub(r"\{[:#.][^}]*\}|[*_]{1,3}|:[a-z0-9-]+:", " ", text)
        for sentence in SENTENCE_END.split(text):
            if sentence.strip():
                yield start, " ".join(sentence.split())

    for number, raw in page.body:
        text = raw.strip()
        if text.startswith("|"):
            yield from flush()
            block = []
            for cell in text.strip("|").split("|"):
                if not re.fullmatch(r"\s*:?-+:?\s*", cell):
                    block, start = [cell], number
                    yield from flush()
            block = []
            continue
        new_block = not text or HEADING.match(text) or re.match(r"([-*+]|\d+\.)\s", text) \
            or text.startswith(("!!!", "???", ">", "<div", "</div", "===", "*["))
        if new_block:
            yield from flush()
            block = []
            if not text or text.startswith(("!!!", "???", "*[", "<div", "</div")):
                continue
            text = re.sub(r"^(#{1,6}|[-*+]\s+\[[ xX]\]|[-*+]|\d+\.|>|===)\s*", "", text)
            if HEADING.match(raw.strip()):
                block, start = [text], number
                yield from flush()
                block = []
                continue
        if not block:
            start = number
        block.append(text)
    yield from flush()


def check_sentence_length(pages: list[Page]):
    for page in pages:
        for number, sentence in _sentences(page):
            count = len(WORD.findall(QUOTED.sub("", sentence)))
            if count > MAX_SENTENCE_WORDS:
                yield Problem(page.name, number,
                              f"a sentence has {count} words: '{sentence[:70]}...'",
                              f"split it into sentences of {MAX_SENTENCE_WORDS} words or fewer (aim for 15)")


def check_words_to_avoid(pages: list[Page], words: dict[str, str]):
    patterns = {w: re.compile(rf"\b{re.escape(w)}(s|d|ed|es|ing)?\b", re.I) for w in words}
    for page in pages:
        for number, text in page.body:
            if text.lstrip().startswith(">"):
                continue  # a quotation
            prose = QUOTED.sub("", LINK.sub(r"\1", text))
            for word, pattern in patterns.items():
                match = pattern.search(prose)
                if match:
                    yield Problem(page.name, number, f"'{match.group(0)}' is on the list of words to avoid",
                                  f"write '{words[word]}' instead (list: scripts/words-to-avoid.txt)")


def check_page_tree(pages: list[Page], docs: Path, config: Path):
    text = config.read_text(encoding="utf-8")
    data = yaml.load(text, Loader=_Loader) or {}
    in_tree = nav_files(data.get("nav"))
    shown_config = config.name
    on_disk = {p.path.relative_to(docs).as_posix() for p in pages}
    for file in in_tree:
        if file not in on_disk:
            yield Problem(shown_config, nav_line(text, file), f"the page tree lists '{file}', which does not exist",
                          f"create docs/{file}, or remove or correct that line under 'nav:'")
    for page in pages:
        rel = page.path.relative_to(docs).as_posix()
        if rel not in in_tree:
            yield Problem(page.name, 1, "the page is not in the page tree, so readers cannot find it",
                          f"add it under 'nav:' in {shown_config}, for example '- {page.meta.get('title', 'Title')}: {rel}'")


def check(docs: Path, config: Path | None = None, words: Path = WORDS_TO_AVOID) -> list[Problem]:
    docs = docs.resolve()
    config = (config or docs.parent / "mkdocs.yml").resolve()
    shown_root = docs.parent
    pages = [read_page(p, p.relative_to(shown_root).as_posix()) for p in sorted(docs.rglob("*.md"))]
    problems = []
    problems += check_front_matter(pages)
    problems += check_images(pages)
    problems += check_link_text(pages)
    problems += check_headings(pages)
    problems += check_page_tree(pages, docs, config)
    problems += check_http_links(pages)
    problems += check_sentence_length(pages)
    problems += check_words_to_avoid(pages, load_words_to_avoid(words))
    return sorted(set(problems), key=lambda p: (p.file, p.line, p.message))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("docs", nargs="?", default=str(ROOT / "docs"))
    parser.add_argument("--config", default=None, help="mkdocs.yml (default: beside the docs folder)")
    parser.add_argument("--words", default=str(WORDS_TO_AVOID), help="the words-to-avoid list")
    args = parser.parse_args(argv)
    problems = check(Path(args.docs), Path(args.config) if args.config else None, Path(args.words))
    for problem in problems:
        print(problem)
    if problems:
        print(f"\n{len(problems)} problem(s) found. Each line says the file, the line number and the fix.")
        return 1
    print("Content checks passed: no problems found.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
