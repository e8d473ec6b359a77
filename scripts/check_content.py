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
from guide_core.problem import Problem
from guide_core.config import ConfigError, SafeLoader, load_config, nav_files, nav_line, yaml_problem
from guide_core.rules import (
    IMAGE_EXTENSIONS, MAX_IMAGE_BYTES, MAX_SENTENCE_WORDS, alt_is_file_name, description_problem,
    MAX_TOOLTIP_WORDS, in_glossary, is_bare_address, is_other_origin, is_vague_link_text, shared_values,
    heading_ids, tooltips, EASY_READ_PICTURES, easy_read_picture_problem,
)
from guide_core.text import split_sentences, words_outside_quotations

WORDS_TO_AVOID = Path(__file__).resolve().parent / "words-to-avoid.txt"

FENCE = re.compile(r"^\s*(```|~~~)")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
IMAGE = re.compile(r"!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
HTML_IMG = re.compile(r"<img\b[^>]*>", re.I)
LINK = re.compile(r"(?<!!)\[([^\]]+)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
HTML_LINK = re.compile(r"<a\b[^>]*href=\"([^\"]+)\"[^>]*>(.*?)</a>", re.I | re.S)
QUOTED = re.compile(r"[\"“][^\"”]{0,600}[\"”]")


@dataclass
class Page:
    path: Path
    name: str  # path shown in messages, e.g. docs/principles.md
    meta: dict
    meta_lines: dict  # front matter key -> line number
    body: list[tuple[int, str]]  # (line number, text) of prose lines, code removed
    meta_error: Problem | None = None  # front matter that is not valid YAML


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
    if not error and not isinstance(meta, dict):
        error = Problem(shown, 2, "the front matter is not a list of 'name: value' lines",
                        "write it as 'title: ...' and 'description: ...' lines between the '---' lines")
    return Page(path, shown, meta if isinstance(meta, dict) else {}, meta_lines, body, error)


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
    return Problem(shown, found.line, f"the front matter at the top is not valid YAML ({found.message.split('(', 1)[1].rstrip(')')})", fix)


# --- The checks. Each takes the pages and yields problems. ------------------

def check_front_matter(pages: list[Page]):
    for page in pages:
        if page.meta_error:
            yield page.meta_error
    readable = [p for p in pages if not p.meta_error]
    for key in ("title", "description"):
        values = {}
        for page in readable:
            value = str(page.meta.get(key) or "").strip()
            values[page.name] = value
            problem = description_problem(value) if key == "description" else (
                None if value else (f"the page has no {key}",
                                    f"add a line '{key}: ...' to the front matter between the '---' lines at the top"))
            if problem:
                yield Problem(page.name, page.meta_lines.get(key, 1) if value else 1, *problem)
        by_name = {p.name: p for p in readable}
        for names in shared_values(values):
            for name in names:
                yield Problem(name, by_name[name].meta_lines.get(key, 1),
                              f"the {key} is the same as on another page ({', '.join(names)})",
                              f"give each page its own {key}")


def check_images(pages: list[Page], docs: Path):
    listed = _easy_read_pictures(docs)
    for page in pages:
        for number, text in page.body:
            for alt, src in IMAGE.findall(text):
                yield from _alt_problems(page, number, alt, src)
                yield from _picture_problems(page, number, src, listed)
            for tag in HTML_IMG.findall(text):
                alt = re.search(r"\balt=\"([^\"]*)\"", tag)
                src = re.search(r"\bsrc=\"([^\"]*)\"", tag)
                yield from _alt_problems(page, number, alt.group(1) if alt else "", src.group(1) if src else "")
                yield from _picture_problems(page, number, src.group(1) if src else "", listed)


def _easy_read_pictures(docs: Path) -> list[str]:
    """The names in docs/assets/images/easy-read/pictures.yml that have their file."""
    folder = docs / EASY_READ_PICTURES
    try:
        entries = yaml.safe_load((folder / "pictures.yml").read_text(encoding="utf-8")) or []
    except (OSError, yaml.YAMLError):
        return []  # the Easy Read tests report a missing or broken list, with its line
    return [e["name"] for e in entries if isinstance(e, dict) and (folder / f"{e.get('name')}.svg").is_file()]


def _picture_problems(page, number, src, listed):
    problem = easy_read_picture_problem(src, listed)
    if problem:
        yield Problem(page.name, number, *problem)


def _alt_problems(page, number, alt, src):
    image = Path(src).name or src
    alt = alt.strip()
    if not alt:
        yield Problem(page.name, number, f"image '{image}' has no alt text",
                      f"describe what the image shows inside the square brackets: ![A short description]({src})")
    elif alt_is_file_name(alt, src):
        yield Problem(page.name, number, f"image '{image}' has a file name as its alt text ('{alt}')",
                      "replace it with a few words that say what the image shows")


def check_link_text(pages: list[Page]):
    for page in pages:
        for number, text in page.body:
            links = LINK.findall(text) + [(t, h) for h, t in HTML_LINK.findall(text)]
            for label, href in links:
                if is_vague_link_text(label):
                    yield Problem(page.name, number, f"the link text '{label}' does not say where it goes",
                                  f"use words that name the destination, for example the page or section title ({href})")
                elif is_bare_address(label):
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
        for sentence in split_sentences(text):
            yield start, sentence

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
            count = words_outside_quotations(sentence)
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
    in_tree = nav_files(load_config(config).get("nav"))
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


# --- What editors pasting from Word or a web page get wrong. ---------------

LOADING_TAG = re.compile(r"<(iframe|script|embed|object|video|audio|source|link|img|style|track)\b([^>]*)>", re.I)
LOADING_ATTR = re.compile(r"\b(src|href|data|poster|srcset)\s*=\s*[\"']?([^\"'\s>]+)", re.I)
CSS_URL = re.compile(r"(?:url\(\s*[\"']?|@import\s+[\"'])((?:https?:)?//[^\"')\s]+)", re.I)
EMPTY_LINK = re.compile(r"(?<!!)\[([^\]]*)\]\(\s*(#?)\s*\)|<a\b[^>]*href=\"(#?)\"[^>]*>", re.I)
EMPTY_TEXT_LINK = re.compile(r"(?<![!\]])\[\s*\]\(([^)]+)\)")
TICKED = re.compile(r"^\s*(?:[-*+]|\d+\.)\s+\[[xX]\]\s")
BARE_URL = re.compile(r"(?<![\w/(<\"'=])((?:https?://|www\.)[^\s)<>\]\"']+)", re.I)
EMPTY_HEADING = re.compile(r"^#{1,6}\s*(\{[^}]*\})?\s*#*\s*$")
STRAY_ATTR = re.compile(r"\{\s*#[\w-]+[^}]*\}")
# Bullets Word and web pages paste as characters ( and  are Word's Symbol-font bullets).
PASTED_BULLET = re.compile(r"^\s*([•◦▪▫●○■□‣⁃·∙➢➤►\uf0b7\uf0a7])\s*\S")
PASTED_STYLE = re.compile(r"<font\b|\bstyle=\"|class=\"?Mso|&nbsp;", re.I)
LINK_DEFINITION = re.compile(r"^\s*\[[^\]]+\]:\s*\S")
ATTR_BLOCK = re.compile(r"\{[:#.][^}]*\}")


def check_other_sites(pages: list[Page]):
    """Anything that would make a reader's browser fetch from another site."""
    fix = ("save the file in docs/assets/ and use its path there; for a video or a map, "
           "link to it with words that say what it is instead of showing it on the page")
    for page in pages:
        for number, text in page.body:
            for tag, attrs in LOADING_TAG.findall(text):
                tag = tag.lower()
                remote = [v for _, v in LOADING_ATTR.findall(attrs) if any(is_other_origin(s.split()[0]) for s in v.split(",") if s.strip())]
                if tag == "link" and "stylesheet" not in attrs.lower() and "preload" not in attrs.lower():
                    remote = remote if "icon" in attrs.lower() else []
                if remote:
                    yield Problem(page.name, number, f"this <{tag}> would load {remote[0]} from another site", fix)
                elif tag in ("iframe", "embed", "object"):
                    yield Problem(page.name, number, f"an embedded <{tag}> shows another site inside the page",
                                  "link to it with words that say what it is instead")
                elif tag == "script":
                    yield Problem(page.name, number, "a <script> in a page runs code the guide does not test",
                                  "remove it; page behaviour belongs in docs/assets/javascripts/ (ask a developer)")
            for address in CSS_URL.findall(text):
                yield Problem(page.name, number, f"this style would load {address} from another site", fix)
            for _, src in IMAGE.findall(text):
                if is_other_origin(src):
                    yield Problem(page.name, number, f"the image {src} would load from another site", fix)


def check_empty_links(pages: list[Page]):
    for page in pages:
        for number, text in page.body:
            for match in EMPTY_LINK.finditer(text):
                label = match.group(1) if match.group(1) is not None else "a link"
                target = "#" if (match.group(2) or match.group(3)) else "nothing"
                yield Problem(page.name, number, f"the link '{label}' goes to {target}",
                              "put the page or web address in the round brackets, e.g. [Principles](principles.md), "
                              "or remove the square brackets")
            for href in EMPTY_TEXT_LINK.findall(text):
                yield Problem(page.name, number, f"the link to {href} has no words, so readers cannot see or hear it",
                              f"put words that name the destination in the square brackets: [Name of page]({href})")


def check_ticked_items(pages: list[Page]):
    for page in pages:
        for number, text in page.body:
            if TICKED.match(text):
                yield Problem(page.name, number, "a checklist item is saved ticked ([x]), so every reader starts with it done",
                              "save it unticked: '- [ ] ' (a space between the brackets)")


def check_image_sizes(docs: Path, shown_root: Path):
    for image in sorted(docs.rglob("*")):
        if image.suffix.lower().lstrip(".") in IMAGE_EXTENSIONS and image.is_file():
            size = image.stat().st_size
            if size > MAX_IMAGE_BYTES:
                yield Problem(image.relative_to(shown_root).as_posix(), 1,
                              f"the image is {size / 1024:.0f} KB, over {MAX_IMAGE_BYTES // 1024} KB, so it is slow on a phone",
                              "make it at most 1600 pixels wide and save it as JPEG (quality about 80) or WebP")


def check_bare_addresses(pages: list[Page]):
    for page in pages:
        for number, text in page.body:
            if LINK_DEFINITION.match(text):
                continue  # [name]: https://... defines a link; it is not shown
            prose = LINK.sub(r"\1", IMAGE.sub("", text))
            prose = re.sub(r"<[^>]*>", " ", re.sub(r"\]\([^)]*\)", "]", prose))
            for address in BARE_URL.findall(prose):
                address = address.rstrip(".,;:!?")
                yield Problem(page.name, number, f"a bare web address in the text ({address})",
                              f"make it a link with words that name the destination: [Name of the page]({address})")


def check_empty_and_stray(pages: list[Page]):
    for page in pages:
        for number, text in page.body:
            stripped = text.strip()
            if EMPTY_HEADING.match(stripped) and stripped.startswith("#"):
                yield Problem(page.name, number, "an empty heading (a line with only #)",
                              "write the heading's words after the # and a space, or delete the line")
                continue
            if text.startswith("\t"):
                yield Problem(page.name, number, "a line starts with a tab, so it shows as a grey code box",
                              "delete the tab; in a list, start the item with '- ' instead")
            if PASTED_STYLE.search(text):
                yield Problem(page.name, number, "formatting pasted from Word or a web page (style, font or &nbsp;)",
                              "paste as plain text (Ctrl+Shift+V) and use Markdown: **bold**, ## headings, - lists")
            if PASTED_BULLET.match(text):
                yield Problem(page.name, number, f"a line starts with a pasted bullet ('{PASTED_BULLET.match(text).group(1)}'), "
                              "so the list runs together as one paragraph",
                              "start each item on its own line with '- ' (a hyphen and a space), with a blank line before the list")
            if not HEADING.match(stripped) and stripped not in STRAY_ATTR.findall(stripped):
                # "{#id}" alone on the line under a paragraph, or straight after a word
                # ("*text*{#id}"), is attr_list syntax; after a space inside a line it shows as text.
                for match in STRAY_ATTR.finditer(text):
                    stray = match.group(0)
                    if match.start() and text[match.start() - 1].isspace():
                        yield Problem(page.name, number, f"'{stray}' will show on the page as text: "
                                      "an address like this only works at the end of a heading line",
                                      "move it to the end of the heading line ('## Heading { #old-id }'), or delete it")


# --- Spelling: UK English, with pyspelling and aspell's en_GB dictionary. ---

SPELLING_CONFIG = ".pyspelling.yml"
WORD_LIST = ".spelling-wordlist.txt"


def check_spelling(pages: list[Page], root: Path):
    """Words aspell's British English dictionary does not know, outside code and quotations."""
    import shutil
    import tempfile

    if not shutil.which("aspell") or not list(Path("/usr/lib/aspell").glob("en_GB*")):
        yield Problem(SPELLING_CONFIG, 1, "the spell checker (aspell with its en_GB dictionary) is not installed",
                      "run ./guide check, which installs Debian's aspell and aspell-en, or ask an administrator for them")
        return
    from pyspelling import spellcheck

    settings = yaml.safe_load((root / SPELLING_CONFIG).read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as work:
        for task in settings["matrix"]:
            task["sources"] = [str(root / "docs" / "**" / "*.md")]
            task["dictionary"]["wordlists"] = [str(root / w) for w in task["dictionary"]["wordlists"]]
            task["dictionary"]["output"] = str(Path(work) / "guide.dic")
        config = Path(work) / "spelling.yml"
        config.write_text(yaml.safe_dump(settings), encoding="utf-8")
        unknown = defaultdict(set)
        for result in spellcheck(str(config)):
            if result.error:
                yield Problem(SPELLING_CONFIG, 1, f"the spell check stopped ({result.error.splitlines()[-1]})",
                              "check .pyspelling.yml against the pyspelling documentation")
                return
            # The context is "FILE: html>body>p", where in the page the words are.
            unknown[Path(re.sub(r": html>.*$", "", result.context)).resolve()].update(result.words)
    for page in pages:
        for word in sorted(unknown.get(page.path.resolve(), ())):
            pattern = re.compile(rf"(?<![\w'’-]){re.escape(word)}(?![\w-])")
            lines = [n for n, text in page.body if pattern.search(text)] or [1]
            yield Problem(page.name, lines[0], f"'{word}' is not in the UK English dictionary",
                          f"correct the spelling (UK English: organise, colour, centre), or if it is a name "
                          f"or a term the guide uses, add it on a line of its own to {WORD_LIST}")


# --- Glossary tooltips (includes/abbreviations.md). -------------------------

TOOLTIPS = "includes/abbreviations.md"


def check_tooltips(pages: list[Page], root: Path):
    """Every tooltip has a glossary entry; a tooltip written with a capital also covers the word in lower case."""
    path = root / TOOLTIPS
    glossary = next((p for p in pages if p.path.name == "glossary.md"), None)
    if not path.is_file() or glossary is None:
        return
    entries = tooltips(path.read_text(encoding="utf-8"))
    glossary_text = glossary.path.read_text(encoding="utf-8")
    terms = {term for _, term, _ in entries}
    for number, term, meaning in entries:
        if not in_glossary(term, glossary_text):
            yield Problem(TOOLTIPS, number, f"'{term}' has a tooltip but no entry in {glossary.name}",
                          f"add a '## {term[0].upper() + term[1:]}' entry with a plain definition to {glossary.name}")
        if not meaning or len(meaning.split()) > MAX_TOOLTIP_WORDS:
            yield Problem(TOOLTIPS, number, f"the tooltip for '{term}' has {len(meaning.split())} words",
                          f"keep it to {MAX_TOOLTIP_WORDS} or fewer, with the full meaning in {glossary.name}")
        lower = term[0].lower() + term[1:]
        if term[0].isupper() and term[1:2].islower() and lower not in terms:
            pattern = re.compile(rf"(?<![\w-]){re.escape(lower)}(?![\w-])")
            used = next((p.name for p in pages for _, text in p.body
                         if not text.startswith("*[") and pattern.search(text)), None)
            if used:
                yield Problem(TOOLTIPS, number, f"tooltips match capitals exactly, so '*[{term}]' gives no tooltip "
                              f"on '{lower}' ({used})",
                              f"add a second line '*[{lower}]: {meaning}' below it")


# --- Links and published addresses, from the Markdown alone. ----------------

PUBLISHED = "tests/published-links.txt"
MD_LINK = re.compile(r"(?<!!)\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")


def _source_of(address: str, docs: Path) -> Path | None:
    """docs/principles.md for 'principles/', docs/index.md for './'."""
    path = address.split("#", 1)[0].strip("./") if address.split("#", 1)[0] != "./" else ""
    for candidate in ([f"{path}.md", f"{path}/index.md"] if path else ["index.md"]):
        if (docs / candidate).is_file():
            return docs / candidate
    return None


def check_links(pages: list[Page], docs: Path):
    """Links to pages or headings that do not exist, with their line (the build names no line)."""
    by_path = {p.path.resolve(): p for p in pages}
    ids = {p.path.resolve(): heading_ids(p.body) for p in pages}
    for page in pages:
        for number, text in page.body:
            for href in MD_LINK.findall(text) + re.findall(r"<a\b[^>]*href=\"([^\"]+)\"", text):
                if re.match(r"[a-z][a-z0-9+.-]*:|//|/", href, re.I) or href == "#":
                    continue
                file, _, anchor = href.partition("#")
                target = (page.path.parent / file).resolve() if file else page.path.resolve()
                if file and not target.exists():
                    yield Problem(page.name, number, f"the link '{href}' goes to a file that does not exist",
                                  "correct the file name: link to another page by its .md file, "
                                  "such as [Principles](principles.md), relative to this page")
                elif anchor and target in by_path and anchor not in ids[target]:
                    yield Problem(page.name, number, f"the link '{href}' goes to a heading that does not exist",
                                  f"use the id of a heading on {by_path[target].name}: open the page, "
                                  "select the ¶ beside the heading and copy the part after #")


def check_published_addresses(pages: list[Page], docs: Path, root: Path, config: Path):
    """Every published heading address still leads to a heading, from the Markdown alone."""
    import difflib

    listed = root / PUBLISHED
    if not listed.is_file():
        return
    redirects = {}
    for plugin in load_config(config).get("plugins") or []:
        if isinstance(plugin, dict) and "redirects" in plugin:
            redirects = (plugin["redirects"] or {}).get("redirect_maps") or {}
    by_path = {p.path.resolve(): p for p in pages}
    ids_of: dict[Path, dict[str, int]] = {}  # each page's heading ids, worked out once
    for number, line in enumerate(listed.read_text(encoding="utf-8").splitlines(), start=1):
        address = line.strip()
        if not address or address.startswith("#"):
            continue
        source = _source_of(address, docs)
        if source is None:
            stem = address.split("#", 1)[0].strip("/")
            if not any(old.removesuffix(".md").removesuffix("/index") == stem for old in redirects):
                yield Problem(PUBLISHED, number, f"the published page {address} no longer exists",
                              "if the page moved, add a redirect under 'redirect_maps' in mkdocs.yml "
                              "(old-name.md: new-name.md)")
            continue
        page = by_path.get(source.resolve())
        anchor = address.partition("#")[2]
        if not anchor or page is None:
            continue
        if page.path not in ids_of:
            ids_of[page.path] = heading_ids(_built_body(page))
        ids = ids_of[page.path]
        if anchor not in ids:
            near = difflib.get_close_matches(anchor, list(ids), n=1, cutoff=0.3)
            line_no = ids[near[0]] if near else 1
            yield Problem(page.name, line_no,
                          f"the published address {address} no longer leads to a heading "
                          "(newsletters and emails may link to it)",
                          f"if you renamed the heading, put its old id at the end of the new heading line: "
                          f"'## New heading {{ #{anchor} }}'")


def _built_body(page: Page) -> list[tuple[int, str]]:
    """The page's lines as the build sees them: the self-check's questions and
    headings come from docs/self-check.yml (guide_core/self_check.py)."""
    if not page.meta.get("selfcheck"):
        return page.body
    from guide_core import self_check
    try:
        text = page.path.read_text(encoding="utf-8")
        rendered = self_check.render_page(text, self_check.load(page.path.parent / "self-check.yml"), page.name)
    except self_check.SelfCheckError:
        return page.body  # the build reports the data file's own problem, with its line
    return list(enumerate(rendered.splitlines(), start=1))


def check(docs: Path, config: Path | None = None, words: Path = WORDS_TO_AVOID,
          spelling: bool = True) -> list[Problem]:
    docs = docs.resolve()
    config = (config or docs.parent / "mkdocs.yml").resolve()
    shown_root = docs.parent
    pages = [read_page(p, p.relative_to(shown_root).as_posix()) for p in sorted(docs.rglob("*.md"))]
    problems = []
    problems += check_front_matter(pages)
    problems += check_images(pages, docs)
    problems += check_link_text(pages)
    problems += check_headings(pages)
    problems += check_page_tree(pages, docs, config)
    problems += check_http_links(pages)
    problems += check_sentence_length(pages)
    problems += check_words_to_avoid(pages, load_words_to_avoid(words))
    problems += check_other_sites(pages)
    problems += check_empty_links(pages)
    problems += check_ticked_items(pages)
    problems += check_image_sizes(docs, shown_root)
    problems += check_bare_addresses(pages)
    problems += check_empty_and_stray(pages)
    problems += check_tooltips(pages, shown_root)
    problems += check_links(pages, docs)
    problems += check_published_addresses(pages, docs, shown_root, config)
    if spelling:
        problems += check_spelling(pages, shown_root)
    return sorted(set(problems), key=lambda p: (p.file, p.line, p.message))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("docs", nargs="?", default=str(ROOT / "docs"))
    parser.add_argument("--config", default=None, help="mkdocs.yml (default: beside the docs folder)")
    parser.add_argument("--words", default=str(WORDS_TO_AVOID), help="the words-to-avoid list")
    parser.add_argument("--no-spelling", action="store_true", help="leave out the spell check (for quick tests)")
    args = parser.parse_args(argv)
    try:
        problems = check(Path(args.docs), Path(args.config) if args.config else None, Path(args.words),
                         spelling=not args.no_spelling)
    except ConfigError as error:
        problems = [error.problem]
    for problem in problems:
        print(problem)
    if problems:
        print(f"\n{len(problems)} problem(s) found. Each line says the file, the line number and the fix.")
        return 1
    print("Content checks passed: no problems found.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
