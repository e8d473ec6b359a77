"""The content rules, each written once. check_content, the hooks and the tests call them."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path, PurePosixPath

from markdown.extensions import toc

MAX_DESCRIPTION = 160          # characters: search results and link previews cut longer ones
MAX_SENTENCE_WORDS = 30        # words in a sentence outside quotations
MAX_EASY_READ_SENTENCE_WORDS = 15
MAX_IMAGE_BYTES = 200 * 1024   # a photo larger than this is slow on a phone
MIN_READING_EASE = 60
MAX_GRADE = 9

# Link text that does not say where the link goes (WCAG 2.4.4).
VAGUE_LINK_TEXT = frozenset({
    "here", "click here", "read more", "more", "this page", "this", "link", "click",
    "this link", "more info", "more information", "find out more", "learn more", "go",
})
BARE_ADDRESS = re.compile(r"^(https?://|www\.)\S+$", re.I)
IMAGE_EXTENSIONS = ("png", "jpg", "jpeg", "gif", "svg", "webp", "avif")
# Alt text that is a file name ("photo.jpg") or a placeholder word ("image 2").
FILE_NAME_ALT = re.compile(
    r"(^[\w\-. ]+\.(png|jpe?g|gif|svg|webp|avif)$)|(^(img|image|picture|photo|diagram|icon|graphic)[\s_\-]*\d*$)",
    re.I)
OTHER_ORIGIN = re.compile(r"^(https?:)?//", re.I)


def link_text_key(label: str) -> str:
    """Link text as a reader hears it: no markup, lower case, no closing punctuation."""
    text = re.sub(r"[*_`]", "", re.sub(r"<[^>]+>", "", label))
    return " ".join(text.split()).lower().strip(" .:!?…")


def is_vague_link_text(label: str) -> bool:
    return link_text_key(label) in VAGUE_LINK_TEXT


def is_bare_address(label: str) -> bool:
    return bool(BARE_ADDRESS.match(link_text_key(label)))


def alt_is_file_name(alt: str, src: str = "") -> bool:
    alt = alt.strip()
    name = PurePosixPath(src).name
    return bool(alt) and bool(FILE_NAME_ALT.match(alt) or alt.lower() in {name.lower(), PurePosixPath(src).stem.lower()} - {""})


# An Easy Read picture: docs/assets/images/easy-read/NAME.svg, listed by
# NAME in pictures.yml there (guide_core/pictures.py puts it in the page).
EASY_READ_PICTURES = "assets/images/easy-read/"
EASY_READ_PICTURE = re.compile(r"(?:^|/)assets/images/easy-read/([^/]*?)(?:\.svg)?$")


def easy_read_picture_problem(src: str, listed: list[str]) -> tuple[str, str] | None:
    """(what is wrong, fix) if src names an Easy Read picture that is not listed."""
    match = EASY_READ_PICTURE.search(src)
    if not match or (src.endswith(".svg") and match.group(1) in listed):
        return None
    import difflib
    name = match.group(1) or src
    near = difflib.get_close_matches(name, listed, n=3, cutoff=0.5)
    return (f"the Easy Read picture '{name}' is not one of the pictures in docs/{EASY_READ_PICTURES} "
            "(each is a NAME.svg file, listed in pictures.yml)",
            (f"did you mean {' or '.join(repr(n) for n in near)}? " if near else "")
            + f"Use a listed name, as in ../{EASY_READ_PICTURES}NAME.svg, or add a new picture "
            "as CONTRIBUTING.md says in 'Add a picture to an Easy Read page'")


def description_problem(text: str) -> tuple[str, str] | None:
    """(what is wrong, fix) for a page description, or None if it is fine."""
    text = (text or "").strip()
    if not text:
        return ("the page has no description",
                "add a line 'description: ...' to the front matter between the '---' lines at the top")
    if len(text) > MAX_DESCRIPTION:
        return (f"the description is {len(text)} characters long",
                f"shorten it to {MAX_DESCRIPTION} characters or fewer: one plain sentence")
    return None


def shared_values(values: dict[str, str]) -> list[list[str]]:
    """Groups of names whose values are the same (ignoring case and spaces), e.g. two pages' descriptions."""
    seen = defaultdict(list)
    for name, value in values.items():
        key = " ".join(str(value or "").split()).lower()
        if key:
            seen[key].append(name)
    return [names for names in seen.values() if len(names) > 1]


def is_other_origin(address: str) -> bool:
    """True for an address that would load from another site (http://, https:// or //)."""
    return bool(OTHER_ORIGIN.match(address.strip()))


# A glossary tooltip line in includes/abbreviations.md: *[term]: short meaning
TOOLTIP = re.compile(r"^\*\[(?P<term>[^\]]+)\]:\s*(?P<meaning>.*)$")
MAX_TOOLTIP_WORDS = 20


def tooltips(text: str) -> list[tuple[int, str, str]]:
    """(line, term, meaning) for each tooltip line of includes/abbreviations.md."""
    return [(n, m["term"], m["meaning"]) for n, line in enumerate(text.splitlines(), 1) if (m := TOOLTIP.match(line))]


WELSH_TOOLTIPS = "includes/abbreviations.cy.md"


def glossary_once(mdx_configs: dict, root, name: str = "includes/abbreviations.md", welsh: bool = False) -> dict:
    """Markdown settings that read the tooltips once per build, not once per page.

    mkdocs.yml has pymdownx.snippets append `name` to every page; the abbr
    extension then parses its lines again for each page. This returns the
    same tooltips as abbr's glossary, with `name` taken out of auto_append.
    It returns no change when the file is not appended, or holds anything
    other than tooltip lines (which only appending would show).
    """
    snippets = dict(mdx_configs.get("pymdownx.snippets") or {})
    appended = list(snippets.get("auto_append") or [])
    if welsh:  # the Welsh terms, added to the glossary the English build made
        name, appended = WELSH_TOOLTIPS, [WELSH_TOOLTIPS]
        if not (Path(root) / name).is_file():
            return {}
    if name not in appended:
        return {}
    lines = [line for line in (Path(root) / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    found = tooltips("\n".join(lines))
    if len(found) != len(lines):
        return {}
    glossary = dict(mdx_configs.get("abbr", {}).get("glossary") or {})
    for _, term, meaning in found:
        # As the abbr extension reads each line: a meaning of '' or "" takes a tooltip away.
        if meaning.strip() in ("''", '""'):
            glossary.pop(term.strip(), None)
        elif term.strip() and meaning.strip():
            glossary[term.strip()] = meaning.strip()
    snippets["auto_append"] = [path for path in appended if path != name]
    if welsh:
        snippets = dict(mdx_configs.get("pymdownx.snippets") or {})
    return {"pymdownx.snippets": snippets, "abbr": {**mdx_configs.get("abbr", {}), "glossary": glossary}}


# In a heading a tooltip only adds a dotted line under the title (and on the
# Glossary page repeats the definition right below it); inside a link it hides
# the link's underline and gives two things to hover.
TOOLTIP_PLACES = ", ".join(f"{place} abbr" for place in ("h1", "h2", "h3", "h4", "h5", "h6", "a"))


def strip_tooltips(root) -> None:
    """Take out the <abbr> tags inside headings and links under `root`, an
    element of a parsed page (guide_core/html_tree.py), keeping their words."""
    for abbr in root.css(TOOLTIP_PLACES):
        abbr.unwrap()


def glossary_names(glossary_text: str) -> set[str]:
    """The terms docs/glossary.md defines: its headings, with any short form in brackets.

    "## British Sign Language (BSL) {#british-sign-language}" names "british sign language" and "bsl".
    """
    names = set()
    for heading in re.findall(r"^#{2,6}\s+(.*?)\s*$", glossary_text, re.M):
        heading = re.sub(r"\{[^}]*\}", "", heading).strip().lower()
        names.add(heading)
        names.add(re.sub(r"\s*\([^)]*\)", "", heading))
        names.update(short.strip() for short in re.findall(r"\(([^)]*)\)", heading))
    return names


def in_glossary(term: str, glossary_text: str, names: set[str] | None = None) -> bool:
    """True if a glossary heading defines the term, or a plural or other form of it
    (co-applicants: Co-applicant; tokenistic: Tokenism). `names`: glossary_names, worked out once."""
    names = glossary_names(glossary_text) if names is None else names
    term = term.lower()
    return (term in names or term.removesuffix("s") in names
            or (len(term) >= 7 and any(name.startswith(term[:6]) for name in names)))


# --- Heading addresses, worked out from the Markdown as Python-Markdown's toc does. ---

HEADING_LINE = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
HEADING_ID = re.compile(r"\s*\{[^}]*#([\w-]+)[^}]*\}\s*#*\s*$")
EXPLICIT_ID = re.compile(r"\{[^}]*#([\w-]+)[^}]*\}|\bid=\"([^\"]+)\"")


def slugify(text: str) -> str:
    """The id Python-Markdown's toc extension gives a heading, from its Markdown.

    The toc extension slugifies the heading's rendered text, so the links,
    tags and emphasis marks are taken out first (guide_core/patches.py)."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)       # links and images: their words
    text = re.sub(r"<[^>]+>|[*_`]", "", text)                    # tags and emphasis marks
    return toc.slugify(text, "-")


def heading_ids(lines: list[tuple[int, str]]) -> dict[str, int]:
    """Every id a page's headings and attribute lists give, with its line."""
    ids: dict[str, int] = {}
    for number, text in lines:
        match = HEADING_LINE.match(text.strip())
        if match:
            explicit = HEADING_ID.search(match.group(2))
            if explicit:
                ids.setdefault(explicit.group(1), number)
                continue
            ids[toc.unique(slugify(match.group(2).rstrip("#").strip()), set(ids))] = number
            continue
        for found in EXPLICIT_ID.findall(text):
            ids.setdefault(found[0] or found[1], number)
    return ids
