"""Invariants of the built site: what every page gives the reader.

Each function takes one built page (or the project, for what spans pages)
and reports against the Markdown file and line the finding came from.
A mistake is caught by what it does to the page, whatever its form.
"""

from __future__ import annotations

import html as htmllib
import re
from collections import Counter
from datetime import date, datetime, timezone
from urllib.parse import urlsplit

from guide_core.config import nav_files
from guide_core.problem import Problem

from .site import locate, page_path, problem_at, url_of

CODE = ("code", "pre", "kbd", "samp", "script", "style", "textarea")
BLOCKS = ("p", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "summary", "figcaption",
          "caption", "label", "legend", "blockquote", "div", "section", "article", "details", "option", "button",
          "figure")


def reader_blocks(built):
    """(block element, its text outside code) for each block of the page, in order."""
    from bs4 import Comment
    groups: dict[int, list] = {}
    order = []
    for string in built.article.find_all(string=True):
        if isinstance(string, Comment) or any(p.name in CODE for p in string.parents):
            continue
        block = next((p for p in string.parents if p.name in BLOCKS), None)
        if block is None:
            continue
        if id(block) not in groups:
            groups[id(block)] = [block, []]
            order.append(id(block))
        groups[id(block)][1].append(str(string))
    return [(groups[k][0], "".join(groups[k][1])) for k in order]


# --- 1. No Markdown syntax reaches the reader as text. ---------------------------------

SYNTAX = [
    (re.compile(r"\*\*|(?<![\w_])__(?=\w)|(?<=\w)__(?![\w_])", re.M), "bold marks (** or __) show on the page as text",
     "put the marks right against the words, with no space inside, and check each ** has its pair: **like this**"),
    (re.compile(r"(?<![\w*])\*(?=[A-Za-z])[^*\n]{0,80}[A-Za-z.]\*(?![\w*])|(?<![\w*])\*\s+[^*\n]{1,80}\s+\*(?![\w*])", re.M),
     "italic marks (*) show on the page as text",
     "put the * right against the words, with no space inside: *like this*"),
    (re.compile(r"\[[^\]\n]{1,120}\]\s+\(|\]\((?:[^)\s]*)\)?|!\[[^\]\n]*\]|\(?[\w./-]+\.md(?:#[\w-]*)?\)|\[(?![^\[\]\n]*\])[^\[\]\n]{1,80}", re.M),
     "a link or picture shows as Markdown text",
     "write it as [words](address) with no space between ] and (, and check every bracket is closed"),
    (re.compile(r"\{\s*[:#.][\w-]*[^}\n]*\}", re.M), "an attribute list ({: ...} or { #id }) shows on the page as text",
     "put it at the end of a heading line, or on the line straight under a paragraph, or delete it"),
    (re.compile(r"\*\[[^\]\n]+\]:?", re.M), "a tooltip line (*[term]: meaning) shows on the page as text",
     "tooltips go in includes/abbreviations.md, one a line, as *[term]: meaning"),
    (re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s*\w*", re.M), "a note box (!!! or ???) shows on the page as text",
     "start the line with '!!! note \"Title\"' at the left edge, with a blank line before it and its text indented 4 spaces"),
    (re.compile(r"^\s*\|.*\|\s*$|\|\s*:?-{3,}:?\s*\||^\s*:?-{3,}:?\s*\|", re.M), "a table shows on the page as text with | marks",
     "give the table a blank line before it, a header row, and a line like | --- | --- | under it, with the same number of | on every row"),
    (re.compile(r"<!|-->|[—–]>", re.M), "part of an HTML comment (<!-- -->) shows on the page",
     "write the comment as <!-- words --> with two plain hyphens each end (a phone or Word may turn -- into a dash), "
     "or delete it"),
    (re.compile(r"(?:^|(?<=\s))!\s+(?=\S)", re.M), "a picture mark (!) shows on the page as text",
     "write a picture as ![description](picture.svg), with no space after the !"),
    (re.compile(r"^\s*#{1,6}(?=\S)|^\s*#{2,6}\s", re.M), "a heading mark (#) shows on the page as text",
     "start the heading line with # marks and a space, at the left edge, with a blank line before it: ## Heading"),
    (re.compile(r"```|~~~", re.M), "code fence marks (```) show on the page as text",
     "put ``` alone on the line before and the line after the code, at the left edge"),
    (re.compile(r"(?<![\w:/]):(?:material|octicons|fontawesome|simple)-[a-z0-9-]+:", re.M), "an icon code shows on the page as text",
     "check the icon's name in the icon search of Material for MkDocs, or delete it"),
    (re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{2,5});", re.M), "an HTML entity (such as &nbsp;) shows on the page as text",
     "type the character itself, or a plain space"),
    (re.compile(r"</?[A-Za-z][\w-]*[^<>\n]{0,200}>?", re.M),
     "an HTML tag shows on the page as text",
     "check the tag is complete (<tag ...> and </tag>), or use Markdown instead"),
    (re.compile(r"(?:^|\n)\s*\[[ xX]\]\s", re.M), "a checklist box ([ ]) shows on the page as text",
     "start each checklist item with '- [ ] ' at the left edge, with a blank line before the list"),
    (re.compile(r"\n\s*(?:[-*+]|\d{1,2}[.)])\s+\S", re.M), "a list runs on inside a paragraph, so it shows as one block with - or 1. marks",
     "leave a blank line before the list, and start each item on its own line with '- ' or '1. '"),
    (re.compile(r"\[\^?\d+\]", re.M), "a footnote mark ([^1] or [1]) shows on the page as text",
     "write the footnote as [^1] in the text and '[^1]: the note' on its own line at the end of the page"),
    (re.compile(r"^\s*={3,}\s*$|^\s*-{3,}\s*$|^===\s+\"", re.M), "a line of === or --- shows on the page as text",
     "for a line across the page leave a blank line above ---; for tabs write === \"Tab title\" with the tab's text indented"),
]
ALLOWED_SYNTAX = re.compile(r"^\s*$")


def markdown_syntax(built, project):
    """No Markdown, attribute-list, tooltip, note-box, table or comment syntax in the reader's text."""
    page = built.source
    seen = set()
    for block, text in reader_blocks(built):
        if block.name in ("div", "section", "article", "details", "blockquote", "button", "option", "figure"):
            # Only the text directly inside: the blocks inside it are their own.
            text = "".join(str(s) for s in block.find_all(string=True, recursive=False))
        for pattern, message, fix in SYNTAX:
            for match in pattern.finditer(text):
                found = match.group(0).strip()
                if not found:
                    continue
                context = _context(text, match)
                key = (message, found)
                if key in seen:
                    continue
                seen.add(key)
                line = _syntax_line(page, found, context)
                if "table" in message and line:
                    line = _odd_table_row(page, line)
                yield problem_at(page, context, f"{message}: “{context}”", fix, line)
                break


TABLE_SEPARATOR_CELL = re.compile(r"^\s*:?-{3,}:?\s*$")


def _cells(row: str) -> list[str]:
    return re.split(r"(?<!\\)\|", row.strip().strip("|"))


def _odd_table_row(page, line: int) -> int:
    """In the table around `line`, the first row that breaks it: a separator row that is not
    all --- cells, or a row with a different number of cells from the header; else `line`."""
    lines = page.text.splitlines()
    if not 1 <= line <= len(lines) or "|" not in lines[line - 1]:
        return line
    start = line
    while start > 1 and "|" in lines[start - 2] and lines[start - 2].strip():
        start -= 1
    end = line
    while end < len(lines) and "|" in lines[end] and lines[end].strip():
        end += 1
    rows = lines[start - 1:end]
    width = len(_cells(rows[0]))
    for offset, row in enumerate(rows[1:], start + 1):
        cells = _cells(row)
        if offset == start + 1 and not all(TABLE_SEPARATOR_CELL.match(c) for c in cells):
            return offset
        if len(cells) != width:
            return offset
    return line


def _context(text: str, match) -> str:
    start = max(0, match.start() - 25)
    end = min(len(text), match.end() + 25)
    snippet = " ".join(text[start:end].split())
    return snippet


def _syntax_line(page, found: str, context: str) -> int | None:
    """The Markdown line holding the syntax with the most of the words around it, else the words alone."""
    words = set(re.findall(r"[A-Za-z0-9’'-]{3,}", context))
    lines = page.text.splitlines()
    best, score = None, 0
    for number, line in enumerate(lines, 1):
        if found in line:
            have = sum(1 for w in words if w in line)
            if have > score or best is None and not words:
                best, score = number, have
    if best is not None:
        return best
    return locate(page, context) or next((n for n, line in enumerate(lines, 1) if found in line), None)


# --- 2. No words of the source are lost. -----------------------------------------------

SOURCE_NOT_SHOWN = [
    re.compile(r"<!--.*?-->", re.S),                                   # closed comments
]
LINE_NOT_SHOWN = re.compile(
    r"^\s*(\*\[[^\]]+\]:.*|\[[^\]]+\]:\s*\S+.*|--8<--.*|\{[:#.][^}]*\}\s*)$")  # tooltips, link definitions, snippets, attr lists
TOKEN = re.compile(r"[A-Za-z0-9]+")


def _source_lines_shown(page) -> list[tuple[int, str]]:
    """The page's Markdown lines as words a reader should see, with their line numbers."""
    text = page.text
    lines = text.splitlines()
    start = 0
    if lines and lines[0].strip() == "---":
        end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), 0)
        start = end + 1
    # Blank out closed comments, keeping the line count.
    body = "\n".join(lines[start:])
    body = re.sub(r"<!--.*?-->", lambda m: "\n" * m.group(0).count("\n"), body, flags=re.S)
    # HTML tags, even over several lines (their text stays, their attributes do not show).
    body = re.sub(r"<[a-zA-Z/][^<>]*>", lambda m: " " + "\n" * m.group(0).count("\n"), body)
    shown = []
    for offset, line in enumerate(body.split("\n")):
        number = start + offset + 1
        if LINE_NOT_SHOWN.match(line):
            continue
        line = re.sub(r"\]\((?:[^()]|\([^()]*\))*\)", "]", line)          # link and picture addresses
        line = re.sub(r"\]\[[^\]]*\]", "]", line)                      # reference-style link ids
        line = re.sub(r"\{\s*(?:[:#.]|[\w-]+=)[^}]*\}", " ", line)      # attribute lists
        line = re.sub(r"^\s*(?:[-*+]|\d+[.)])\s+(\[[ xX]\]\s+)?", " ", line)  # list marks
        line = re.sub(r"^\s*(?:!!!|\?\?\?\+?)\s*[\w-]+(\s+[\w-]+)*", " ", line)  # note box type and classes
        line = re.sub(r":[a-z0-9]+(?:-[a-z0-9]+)+:", " ", line)        # icon codes
        line = re.sub(r"\[\^\w+\]:?", " ", line)                       # footnote marks
        line = re.sub(r"https?://\S+", " ", line)                      # addresses written out (shown, but split)
        shown.append((number, htmllib.unescape(line)))
    return shown


def _tokens(text: str) -> list[str]:
    return [t.lower() for t in TOKEN.findall(text) if len(t) > 1]


def _built_tokens(built) -> Counter:
    article = built.article
    words = Counter(_tokens(article.get_text(" ")))
    for element in article.find_all(True):
        for name in ("alt", "title", "aria-label", "placeholder", "value", "data-idea", "content"):
            if element.get(name):
                words.update(_tokens(str(element[name])))
    return words


def _sequences(built) -> list[list[str]]:
    """The page's words in reading order, and each attribute a reader meets (alt text, labels) on its own."""
    article = built.article
    runs = [_tokens(article.get_text(" "))]
    for element in article.find_all(True):
        for name in ("alt", "title", "aria-label", "placeholder", "value", "data-idea", "content"):
            if element.get(name):
                runs.append(_tokens(str(element[name])))
    return runs


def words_lost(built, project):
    """Every word of the Markdown reaches the page: none hidden by an unclosed tag or comment, or a broken block.

    A line of 4 words or more must have most of its runs of 3 words on the page, in its order;
    a shorter line, each of its words somewhere on the page."""
    page = built.source
    if page.meta.get("selfcheck"):
        return  # its questions come from docs/self-check.yml, and its markers are comments
    have = _built_tokens(built)
    runs = _sequences(built)
    triples = {tuple(run[i:i + 3]) for run in runs for i in range(len(run) - 2)}
    lost_lines = []
    for number, line in _source_lines_shown(page):
        tokens = _tokens(line)
        lost = []
        if len(tokens) >= 4:
            missing = [i for i in range(len(tokens) - 2) if tuple(tokens[i:i + 3]) not in triples]
            runs_of_two = [i for i in missing if i + 1 in missing]
            if len(missing) * 2 > len(tokens) - 2:
                lost = list(dict.fromkeys(tokens[i] for i in missing))
            elif runs_of_two:
                # Part of the line is gone (a table cell too many, the end of a line read as a tag).
                start = runs_of_two[0]
                lost = list(dict.fromkeys(t for t in tokens[start + 1:start + 3 + len(runs_of_two)] if have[t] == 0)) \
                    or tokens[start + 2:start + 4]
        else:
            for token in tokens:
                if have[token] > 0:
                    have[token] -= 1
                else:
                    lost.append(token)
        if lost:
            lost_lines.append((number, lost))
    if not lost_lines:
        return
    # Lines next to each other are one finding: report where it starts.
    groups = []
    for number, lost in lost_lines:
        if groups and number - groups[-1][-1][0] <= 2:
            groups[-1].append((number, lost))
        else:
            groups.append([(number, lost)])
    for group in groups:
        words = [w for _, lost in group for w in lost]
        first = group[0][0]
        cause = _likely_cause(page, first)
        more = f" and {len(group) - 1} line(s) after it" if len(group) > 1 else ""
        yield Problem(page.name, first,
                      f"words on this line{more} do not reach the page (“{' '.join(words[:6])}”{' …' if len(words) > 6 else ''})"
                      + (f": {cause}" if cause else ""),
                      "look on this line and just above it for an unclosed <!-- comment, a < that the page read as an "
                      "HTML tag (write 'less than', or put the text in `backticks`), or a block that is not closed")


def _likely_cause(page, number: int) -> str:
    lines = page.text.splitlines()
    before = "\n".join(lines[:number])
    if before.rfind("<!--") > before.rfind("-->"):
        return "an HTML comment (<!--) above it is never closed"
    line = lines[number - 1] if 0 < number <= len(lines) else ""
    if re.search(r"<[A-Za-z]", line):
        return "a '<' on it starts what the page reads as an HTML tag"
    return ""


# --- 3. Every link and picture address can work. -----------------------------------------

SCHEMES = {"https", "http", "mailto", "tel"}
HOST = re.compile(r"^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}$")
ADDRESS_TEXT = re.compile(r"^(https?://|www\.)\S+$|^\S+\.(com|org|uk|net|gov|nhs)\S*$", re.I)
EMAIL = re.compile(r"^[\w.+'-]+@[\w-]+(\.[\w-]+)+$")


def addresses(built, project):
    """Every link and picture address can work: a known scheme, no spaces, a real host, a target that exists."""
    page, site = built.source, project.site
    for element, attr in [(a, "href") for a in built.article.find_all("a", href=True)] + \
                         [(img, "src") for img in built.article.find_all("img")]:
        raw = element.get(attr)
        text = " ".join(element.get_text(" ").split()) if attr == "href" else element.get("alt", "")
        if raw is None or raw == "":
            yield problem_at(page, text or "src=", f"the {'link' if attr == 'href' else 'picture'} “{text}” has no address",
                             "put the address in the round brackets: [words](page.md) or ![description](picture.svg)")
            continue
        href = raw.strip()
        if href.startswith("data:") and attr == "src":
            continue
        where = _source_address(href)
        problem = _address_problem(href, raw, attr, site, built)
        if problem:
            yield problem_at(page, where, *problem, line=_line_of_address(page, where, text))
            continue
        if attr == "href" and text and ADDRESS_TEXT.match(text) and not element.find("img"):
            yield problem_at(page, text, f"the link text is an address (“{text}”), which a screen reader reads out letter by letter",
                             "write words that name the destination: [Name of the page](address)",
                             line=_line_of_address(page, where, text))


def _source_address(href: str) -> str:
    """How the address is likely written in the Markdown: a page link as its .md file."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path:
        return href
    path = parts.path.rstrip("/")
    path = re.sub(r"^(\.\./)+", "", path)
    from urllib.parse import unquote
    return unquote(path.split("/")[-1] or href)


def _line_of_address(page, where: str, text: str) -> int | None:
    for needle in (where, where.replace(" ", "%20"), text):
        if needle:
            line = locate(page, needle)
            if line:
                return line
    return None


def _address_problem(href: str, raw: str, attr: str, site, built):
    what = "link" if attr == "href" else "picture"
    from urllib.parse import unquote
    local = not urlsplit(href).scheme
    if raw != raw.strip() or re.search(r"\s", href) or (local and re.search(r"\s", unquote(href))):
        return (f"the {what} address “{raw.strip()}” has a space in it, so it breaks",
                "take out the spaces; a file name uses hyphens: my-page.md")
    parts = urlsplit(href)
    scheme = parts.scheme.lower()
    if scheme and scheme not in SCHEMES:
        if re.match(r"^[a-z]:$", scheme + ":") and len(scheme) == 1:
            return (f"the {what} address “{href}” is a file on a computer (C:\\...), which readers cannot open",
                    "put the file in docs/ and link to it there, or link to a web page")
        return (f"the {what} address “{href}” starts with '{scheme}:', which browsers do not open",
                "use an https:// address, mailto: for an email address, or a page's .md file")
    if scheme in ("http", "https"):
        host = (parts.hostname or "").lower()
        if not HOST.match(host) or ".." in host:
            return (f"the {what} address “{href}” has no real web site name ('{host or 'none'}')",
                    "copy the address again from the browser's address bar; it looks like https://www.example.org/page")
        return None
    if scheme == "mailto":
        address = href[len("mailto:"):].split("?")[0]
        if not EMAIL.match(address):
            return (f"the email link “{href}” is not a working email address",
                    "write it as mailto:name@example.org, with nothing else in it")
        return None
    if scheme == "tel":
        if not re.fullmatch(r"\+?[0-9]{6,15}", href[4:].replace("-", "")):
            return (f"the phone link “{href}” is not a number a phone can dial", "write it as tel:+441234567890, digits only")
        return None
    if parts.netloc:
        return None  # //host/... is reported as loading from another site by the source checks
    if href.startswith("www.") or re.match(r"^[\w-]+\.(com|org|uk|net|gov|co)\b", href):
        return (f"the {what} address “{href}” has no https://, so it goes to a page of this guide that does not exist",
                f"start it with https://, as in https://{href}")
    rel, fragment = site.resolve(built, href)
    if rel is None:
        return None
    if not site.exists(rel):
        return (f"the {what} goes to “{href}”, which is not a page or file of the built guide",
                "link to another page by its .md file, relative to this page, such as [Principles](principles.md); "
                "check the spelling and whether the page was renamed")
    if fragment:
        target = site.page_at(rel) if rel.endswith(".html") else None
        ids = target.ids if target is not None else (built.ids if rel == page_path(built.url) else None)
        if ids is not None and unquote_id(fragment) not in ids:
            return (f"the link “{href}” goes to a heading or entry that is not on that page (#{fragment})",
                    "open the page, select the ¶ beside the heading you want, and copy the part after #")
    return None


def unquote_id(fragment: str) -> str:
    from urllib.parse import unquote
    return unquote(fragment)


# --- 4. The reading order is whole. ---------------------------------------------------------

def reading_order(project):
    """Every page in the page tree once, with Previous and Next links that follow the tree."""
    site = project.site
    files = [f for f in nav_files(project.settings.get("nav")) if (project.docs / f).is_file()]
    order = list(dict.fromkeys(files))
    shown = project.config.name
    for index, file in enumerate(order):
        built = site.pages.get(url_of(file))
        if built is None:
            continue
        for direction, other in (("prev", order[index - 1] if index else None),
                                 ("next", order[index + 1] if index + 1 < len(order) else None)):
            href = built.footer_link(direction)
            word = "Previous" if direction == "prev" else "Next"
            if other is None:
                continue
            if href is None:
                yield Problem(built.source.name, built.source.meta_lines.get("hide", 1),
                              f"the page has no '{word}' link to {other}, so a reader going through the guide in order stops here",
                              "take 'footer' out of 'hide:' in the front matter (the page tree sets the order)")
                continue
            rel, _ = site.resolve(built, href)
            if rel != page_path(url_of(other)):
                from guide_core.config import nav_line
                yield Problem(shown, nav_line(project.config_text, file),
                              f"the '{word}' link on {built.source.name} goes to {rel}, not to {other} as the page tree says",
                              "check the page tree under 'nav:' lists each page once, in reading order")


# --- 5. Nothing unfinished or private is published. -------------------------------------------

PLACEHOLDER = re.compile(
    r"\b(TODO|TO ?DO:|TBC|TBD|TBA|FIXME|XXX+|lorem ipsum|dolor sit amet|PLACEHOLDER|INSERT [A-Z]+|DRAFT:?)\b"
    r"|\[(?:insert|add|link|name|date|citation|ref|source)(?: [^\]]{0,30})?\]|\?\?\?|\{\{[^}]*\}\}",
    re.I)
UPPER_ONLY = {"todo", "tbc", "tbd", "tba", "fixme", "draft", "draft:", "placeholder"}
EMAIL_IN_TEXT = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"(?<![\w/.-])(?:\+44\s?\(?0?\)?\s?|\(?0)\d{2,5}\)?[\s-]?\d{3,4}[\s-]?\d{3,4}(?![\w/-])")


def unfinished_and_private(built, project):
    """No placeholder words (TODO, TBC, lorem ipsum ...), and no email address or phone number off the allowed list."""
    from .data_files import CONTACTS, contacts
    page = built.source
    allowed = contacts(project)
    texts = [text for _, text in reader_blocks(built)]
    hrefs = [a["href"] for a in built.article.find_all("a", href=True)]
    seen = set()
    for text in texts:
        for match in PLACEHOLDER.finditer(text):
            word = match.group(0)
            if word.lower() in UPPER_ONLY and not word.isupper():
                continue  # "to do" and "draft" are ordinary words in lower case
            if word in seen:
                continue
            seen.add(word)
            yield problem_at(page, word, f"“{word}” is a placeholder left in the page",
                             "write the finished text, or take the unfinished part out until it is ready")
    found = {}
    for text in texts:
        for match in EMAIL_IN_TEXT.finditer(text):
            found.setdefault(match.group(0), "email address")
        for match in PHONE.finditer(text):
            digits = re.sub(r"\D", "", match.group(0))
            if 10 <= len(digits) <= 13:
                found.setdefault(match.group(0).strip(), "phone number")
    for href in hrefs:
        if href.lower().startswith("mailto:"):
            found.setdefault(href[7:].split("?")[0], "email address")
        elif href.lower().startswith("tel:"):
            found.setdefault(href[4:], "phone number")
    for contact, kind in found.items():
        key = contact.replace(" ", "").replace("-", "").lower()
        if key in allowed or key.replace("+44", "0") in allowed or key.replace("(0)", "") in allowed:
            continue
        yield problem_at(page, contact, f"the {kind} “{contact}” is published on the page, and it is not on the allowed list",
                         f"take it out (it may be someone's own, pasted from an email); if the guide should show it, "
                         f"add it to {CONTACTS} with the reason")


# --- 6. Dates make sense. ---------------------------------------------------------------------

MONTHS = {m: i for i, m in enumerate(["january", "february", "march", "april", "may", "june", "july", "august",
                                      "september", "october", "november", "december"], 1)}
DATE = re.compile(r"\b(\d{1,2})\s+(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{4})\b")
# "checked on 2 December 2026", "Checked 1 December 2026:", "last reviewed on 1 Dec 2026", "verified: 3rd June 2025".
MONTH_WORD = r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
CHECKED = re.compile(r"\b(?:[Cc]hecked|[Rr]eviewed|[Vv]erified)(?:\s+(?:on|in|at))?:?\s+(\d{1,2})(?:st|nd|rd|th)?\s+"
                     + MONTH_WORD + r"\.?,?\s+(\d{4})\b")


def today() -> date:
    return datetime.now(timezone.utc).date()


def _date(day, month, year) -> date | None:
    month = month.lower()
    number = MONTHS.get(month) or next((n for m, n in MONTHS.items() if m.startswith(month[:3])), None)
    try:
        return date(int(year), number, int(day))
    except (ValueError, TypeError):
        return None


def twelve_months_before(day: date) -> date:
    """The same day a year earlier (28 February for 29 February)."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


def checked_dates(text: str, now: date) -> list[tuple[str, str]]:
    """Each 'checked' date in the text: (as written, 'ok', 'old', 'future' or 'not a date').
    A date is old when it is before the same day twelve months ago."""
    found = []
    for match in CHECKED.finditer(text):
        when = _date(*match.groups())
        if when is None:
            kind = "not a date"
        elif when > now:
            kind = "future"
        elif when < twelve_months_before(now):
            kind = "old"
        else:
            kind = "ok"
        found.append((match.group(0), kind))
    return found


def dates(built, project):
    """No date in the future on What's new; a 'checked' date over 12 months old is a warning."""
    page = built.source
    now = today()
    whats_new = page.path.name == "whats-new.md"
    for _, text in reader_blocks(built):
        if whats_new:
            for match in DATE.finditer(text):
                when = _date(*match.groups())
                if when and when > now:
                    yield problem_at(page, match.group(0), f"the date {match.group(0)} on What's new is in the future",
                                     "write the date the change was published; check the year")
        for written, kind in checked_dates(text, now):
            if kind == "not a date":
                yield problem_at(page, written, f"“{written}” is not a real date", "check the day and the month")
            elif kind == "future":
                yield problem_at(page, written, f"the date in “{written}” is in the future",
                                 "write the date the facts were checked")
            elif kind == "old":
                problem = problem_at(page, written,
                                     f"“{written}” is more than 12 months ago, so the facts may have changed",
                                     "check the facts again at their source and update the date")
                yield Problem(problem.file, problem.line, problem.message, problem.fix, warning=True)


def feed_dates(project):
    """The feed gives no date in the future."""
    feed = project.site.dir / "feed.xml"
    if not feed.is_file():
        return
    text = feed.read_text(encoding="utf-8", errors="replace")
    now = datetime.now(timezone.utc)
    source = project.docs / "whats-new.md"
    page = next((p for p in project.pages if p.path == source), None)
    for match in re.finditer(r"<(updated|published)>(\d{4}-\d{2}-\d{2})", text):
        when = datetime.fromisoformat(match.group(2)).replace(tzinfo=timezone.utc)
        if when.date() > now.date():
            y, m, d = match.group(2).split("-")
            shown = f"{int(d)} {list(MONTHS)[int(m) - 1].title()} {y}"
            if page is not None:
                yield problem_at(page, shown, f"the feed (feed.xml) gives {match.group(2)}, a date in the future",
                                 "write the date the change was published on What's new; check the year")
            else:
                yield Problem("docs/whats-new.md", 1, f"the feed gives {match.group(2)}, a date in the future",
                              "write the date the change was published; check the year")


# --- 7. Citations and references. -------------------------------------------------------------

CITATION = re.compile(r"\(([A-Z][^()]{1,240}?),\s*((?:1[89]|20)\d{2}[a-z]?|n\.d\.(?:-?[a-z])?)\)")
REFERENCE_ID = re.compile(r"^\{\s*#([\w-]+)[^}]*\}\s*$")


def references(project):
    """Every citation has its References entry; every entry is cited somewhere or listed as further reading."""
    site = project.site
    ref_page = next((p for p in project.pages if p.path == project.docs / "references.md"), None)
    if ref_page is None:
        return
    lines = ref_page.text.splitlines()
    entries, further, heading = {}, set(), ""
    for number, line in enumerate(lines, 1):
        if line.startswith("#"):
            heading = line.lower()
        match = REFERENCE_ID.match(line.strip())
        if match:
            text = re.sub(r"<[^>]+>", "", lines[number - 2]) if number > 1 else ""
            entries[match.group(1)] = (number - 1 if number > 1 else number, text)
            if "further reading" in heading or "further-reading" in line:
                further.add(match.group(1))
    ref_url = url_of("references.md")
    cited = set()
    for built in site.pages.values():
        for a in built.article.find_all("a", href=True):
            rel, fragment = site.resolve(built, a["href"])
            if rel == page_path(ref_url) and fragment:
                cited.add(fragment)
        if built.source is ref_page:
            continue
        for _, text in reader_blocks(built):
            for match in CITATION.finditer(text):
                for author, year in _cited_sources(match):
                    if _has_entry(author, year, entries):
                        continue
                    yield problem_at(built.source, match.group(0),
                                     f"the citation “{author.strip()}, {year}” in “{match.group(0)}” "
                                     "has no entry on the References page",
                                         "add the source to docs/references.md (as the entries there are written, "
                                         "with its {#author-year} line), and link the citation to it: "
                                         "([Author, year](references.md#author-year))")
    for ref_id, (number, text) in entries.items():
        if ref_id not in cited and ref_id not in further:
            yield Problem(ref_page.name, number, f"the source #{ref_id} is not cited on any page",
                          "cite it where the guide uses it, as ([Author, year](references.md#" + ref_id + ")), "
                          "or list it under a '## Further reading' heading, or remove it")


CITED_YEAR = re.compile(r"^(.+?),\s*((?:1[89]|20)\d{2}[a-z]?|n\.d\.(?:-?[a-z])?)$")


def _cited_sources(match) -> list[tuple[str, str]]:
    """Each (author, year) in a citation: "(A, 2024; B, n.d.)" cites A and B."""
    *earlier, last = match.group(1).split(";")
    sources = []
    for part in earlier:
        cited = CITED_YEAR.match(part.strip())
        if cited:
            sources.append((cited.group(1), cited.group(2)))
    return sources + [(last, match.group(2))]


def _has_entry(author: str, year: str, entries: dict) -> bool:
    """An entry written 'Author ... (year)', as docs/references.md writes them."""
    first = re.findall(r"[A-Za-z]+", author)
    for ref_id, (_, text) in entries.items():
        if f"({year})" in text and first and text.lower().startswith(first[0].lower()):
            return True
    return False


# --- 8. Quotations have a source. ---------------------------------------------------------------

SPEECH = re.compile(r"\b(said|says|told us|tells us|told me|explained|explains|put it|puts it|wrote|writes|recalls|"
                    r"recalled|commented|added|in (?:his|her|their) words)\b", re.I)
QUOTE = re.compile(r"[“\"]([^”\"]{12,600})[”\"]")


def quotations(built, project):
    """Words presented as someone's (a block quotation, or a quotation with 'said') come with their source."""
    page = built.source
    for quote in built.article.find_all("blockquote"):
        text = " ".join(quote.get_text(" ").split())
        following = quote.find_next_sibling()
        after = " ".join(following.get_text(" ").split()) if following is not None else ""
        if not (quote.find("a", href=True) or quote.find("cite") or CITATION.search(text)
                or (after.startswith(("—", "–", "-", "Source")) and (following.find("a", href=True) or CITATION.search(after)))):
            yield problem_at(page, text[:60], f"the quotation “{text[:50]}…” has no source",
                             "say whose words they are and where they were published, with a link or a citation "
                             "([Author, year](references.md#author-year)) inside the quotation or on the line after it")
    for block, text in reader_blocks(built):
        if block.name not in ("p", "li", "td", "dd"):
            continue
        for match in QUOTE.finditer(text):
            if len(match.group(1).split()) < 4:
                continue
            before, after = text[max(0, match.start() - 40): match.start()], text[match.end(): match.end() + 40]
            if not (re.search(SPEECH.pattern + r"[^.!?]{0,25}[:,]?\s*$", before, re.I)
                    or re.match(r"^[,.]?\s*(?:[\w ]{0,25}\s)?" + SPEECH.pattern, after, re.I)):
                continue
            if block.find("a", href=True) or CITATION.search(text):
                continue
            yield problem_at(page, match.group(1)[:50], f"the words “{match.group(1)[:50]}” are given as someone's, with no source",
                             "add a citation or a link to where they were said or published, or write them in your own words")


# --- 9. Stylesheets and scripts come from what the page is. -------------------------------------

def page_assets(built, project):
    """A page that holds a checklist, a self-check or the budget planner loads the script that makes it work."""
    from guide_core.page_kinds import needs
    page = built.source
    rel = page.path.relative_to(project.docs).as_posix()
    loaded = set(re.findall(r"<(?:script|link)\b[^>]*\b(?:src|href)=\"([^\"]+)\"", built.html))
    loaded = {site_rel for href in loaded if (site_rel := project.site.resolve(built, href)[0])}
    for kind, asset in needs(rel, page.text):
        if asset not in loaded:
            yield Problem(page.name, 1, f"the page holds {kind} but does not load {asset}, so it will not work",
                          "this is set by the page's folder and contents (guide_core/page_kinds.py): tell a developer")


# --- 10. No box is empty, nothing is there twice, nothing is left of an email. -------------

def empty_boxes(built, project):
    """A note box, a collapsible box or a tab holds text: when its text is not indented, the box is empty."""
    page = built.source
    for box in built.article.select(".admonition, details, .tabbed-content"):
        title = box.find(class_="admonition-title") or box.find("summary")
        if box.name == "div" and "tabbed-content" in box.get("class", []):
            label = box.find_previous_sibling("label") or box.parent.find("label")
            name = " ".join(label.get_text(" ").split()) if label else ""
            content = box.get_text(" ").strip() or box.find(["img", "table", "iframe"])
            kind = "tab"
        else:
            name = " ".join(title.get_text(" ").split()) if title else ""
            rest = [c for c in box.children if c is not title and (getattr(c, "name", None) or str(c).strip())]
            content = any((c.get_text(" ").strip() if hasattr(c, "get_text") else str(c).strip())
                          or (hasattr(c, "find") and c.find(["img", "table"])) for c in rest)
            kind = "note box"
        if content:
            continue
        line = _box_line(page, name)
        yield problem_at(page, name or "!!!", f"the {kind} “{name}” is empty: its text is not indented under it, "
                         "so it shows outside the box",
                         "indent every line of the box's text by 4 spaces (plain spaces, not a tab or spaces pasted "
                         "from Word), with a blank line after the box's first line", line=line)


def _box_line(page, name: str) -> int | None:
    for number, line in enumerate(page.text.splitlines(), 1):
        if re.match(r"^\s*(?:!!!|\?\?\?\+?|===)", line) and (not name or name in line.replace("“", '"').replace("”", '"')
                                                            or name in line):
            return number
    return None


def repeated(built, project):
    """Nothing on a page twice: no id given to two headings, no paragraph pasted twice."""
    page = built.source
    ids = Counter(element["id"] for element in built.article.find_all(id=True))
    for ident, count in ids.items():
        if count > 1 and not ident.startswith("__"):
            lines = [n for n, line in enumerate(page.text.splitlines(), 1) if re.search(rf"\{{[^}}]*#{re.escape(ident)}\b", line)]
            line = lines[1] if len(lines) > 1 else (lines[0] if lines else None)
            yield problem_at(page, "#" + ident, f"two parts of the page have the same id #{ident}, so links to it "
                             "find only the first (a section pasted twice?)",
                             "delete the copy, or give the second heading its own { #id }", line=line)
    if page.meta.get("selfcheck"):
        return  # its answers come from docs/self-check.yml, where some repeat on purpose
    if page.meta.get("translation_status"):
        return  # its table is made by the build, one state for each page, and states repeat
    seen = {}
    for block, text in reader_blocks(built):
        if block.name not in ("p", "li", "td", "dd", "blockquote"):
            continue
        words = " ".join(text.split())
        if len(words.split()) < 10:
            continue
        if words in seen:
            first = seen[words]
            line = locate(page, words[:80], after=first or 0) if first else None
            yield problem_at(page, words[:60], f"the same text is on the page twice (“{words[:50]}…”)",
                             "delete the copy (it may have been pasted twice)", line=line)
        else:
            seen[words] = locate(page, words[:80])


EMAIL_LEFTOVER = re.compile(
    r"^(?:On .{5,80} wrote:|-{2,}\s*(?:Original|Forwarded) [Mm]essage\s*-{2,}|Sent from my \w+.*|Get Outlook for \w+.*"
    r"|(?:From|Sent|To|Cc|Subject):\s.+|(?:Kind|Best|Warm|Many) (?:regards|wishes),?|Thanks,?|Cheers,?)$")


def email_leftovers(built, project):
    """No part of an email (its header lines, 'On ... wrote:', 'Sent from my phone', a sign-off) on a page."""
    page = built.source
    for block, text in reader_blocks(built):
        for piece in re.split(r"\n", text):
            piece = " ".join(piece.split())
            match = EMAIL_LEFTOVER.match(piece)
            if match:
                yield problem_at(page, piece, f"“{piece[:60]}” looks like part of an email pasted into the page",
                                 "delete the email's header, sign-off and signature; keep only the text the page needs")
                break
