"""What editors pasting from Word or a web page get wrong, and what would load from other sites."""

from __future__ import annotations

import re

from guide_core.problem import Problem
from guide_core.rules import is_other_origin

from .project import HEADING, IMAGE

LOADING_TAG = re.compile(r"<(iframe|script|embed|object|video|audio|source|link|img|style|track)\b([^>]*)>", re.I)
LOADING_ATTR = re.compile(r"\b(src|href|data|poster|srcset)\s*=\s*[\"']?([^\"'\s>]+)", re.I)
CSS_URL = re.compile(r"(?:url\(\s*[\"']?|@import\s+[\"'])((?:https?:)?//[^\"')\s]+)", re.I)
TICKED = re.compile(r"^\s*(?:[-*+]|\d+\.)\s+\[[xX]\]\s")
EMPTY_HEADING = re.compile(r"^#{1,6}\s*(\{[^}]*\})?\s*#*\s*$")
STRAY_ATTR = re.compile(r"\{\s*#[\w-]+[^}]*\}")
# Bullets Word and web pages paste as characters ( and  are Word's Symbol-font bullets).
PASTED_BULLET = re.compile(r"^\s*([•◦▪▫●○■□‣⁃·∙➢➤►\uf0b7\uf0a7])\s*\S")
PASTED_STYLE = re.compile(r"<font\b|\bstyle=\"|class=\"?Mso|&nbsp;", re.I)


def other_sites(page, project):
    """Anything that would make a reader's browser fetch from another site."""
    fix = ("save the file in docs/assets/ and use its path there; for a video or a map, "
           "link to it with words that say what it is instead of showing it on the page")
    for number, text in page.body:
        for tag, attrs in LOADING_TAG.findall(text):
            tag = tag.lower()
            remote = [v for _, v in LOADING_ATTR.findall(attrs)
                      if any(is_other_origin(s.split()[0]) for s in v.split(",") if s.strip())]
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


def ticked_items(page, project):
    """No checklist item saved ticked."""
    for number, text in page.body:
        if TICKED.match(text):
            yield Problem(page.name, number, "a checklist item is saved ticked ([x]), so every reader starts with it done",
                          "save it unticked: '- [ ] ' (a space between the brackets)")


def empty_and_stray(page, project):
    """Empty headings, tabs, pasted styles and bullets, and '{#id}' that would show as text."""
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
