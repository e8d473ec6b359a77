"""Links, from the Markdown: their words, their addresses, their targets."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

from guide_core.problem import Problem
from guide_core.rules import heading_ids, is_bare_address, is_vague_link_text

from .project import AUTOLINK, HTML_LINK, IMAGE, LINK, read_text

EMPTY_LINK = re.compile(r"(?<!!)\[([^\]]*)\]\(\s*(#?)\s*\)|<a\b[^>]*href=\"(#?)\"[^>]*>", re.I)
EMPTY_TEXT_LINK = re.compile(r"(?<![!\]])\[\s*\]\(([^)]+)\)")
BARE_URL = re.compile(r"(?<![\w/(<\"'=])((?:https?://|www\.)[^\s)<>\]\"']+)", re.I)
LINK_DEFINITION = re.compile(r"^\s*\[[^\]]+\]:\s*\S")
MD_LINK = re.compile(r"(?<!!)\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
PUBLISHED = "tests/published-links.txt"


def link_text(page, project):
    """Link text that names where the link goes, not 'here' or a bare address."""
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


def http_links(page, project):
    """No plain http:// link."""
    for number, text in page.body:
        for href in re.findall(r"\(\s*<?(http://[^)\s>]+)", text) + re.findall(r"href=\"(http://[^\"]+)\"", text) \
                + re.findall(r"<(http://[^>\s]+)>", text):
            yield Problem(page.name, number, f"the link {href} uses plain http://",
                          "use the https:// address (check it opens in a browser)")


def empty_links(page, project):
    """No link without an address, or without words."""
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


def bare_addresses(page, project):
    """No web address written out in the text instead of a link."""
    for number, text in page.body:
        if LINK_DEFINITION.match(text):
            continue  # [name]: https://... defines a link; it is not shown
        prose = LINK.sub(r"\1", IMAGE.sub("", text))
        prose = re.sub(r"<[^>]*>", " ", re.sub(r"\]\([^)]*\)", "]", prose))
        for address in BARE_URL.findall(prose):
            address = address.rstrip(".,;:!?")
            yield Problem(page.name, number, f"a bare web address in the text ({address})",
                          f"make it a link with words that name the destination: [Name of the page]({address})")


def internal_links(page, project):
    """Links to pages or headings that exist, with their line (the build names no line)."""
    ids = _ids(project)
    for number, text in page.body:
        for href in MD_LINK.findall(text) + re.findall(r"<a\b[^>]*href=\"([^\"]+)\"", text):
            if re.match(r"[a-z][a-z0-9+.-]*:|//|/", href, re.I) or href == "#":
                continue
            file, _, anchor = href.partition("#")
            target = (page.path.parent / file).resolve() if file else page.path.resolve()
            if file and not target.exists() and not _made_by_build(target, project):
                yield Problem(page.name, number, f"the link '{href}' goes to a file that does not exist",
                              "correct the file name: link to another page by its .md file, "
                              "such as [Principles](principles.md), relative to this page")
            elif anchor and target in ids and anchor not in ids[target]:
                yield Problem(page.name, number, f"the link '{href}' goes to a heading that does not exist",
                              f"use the id of a heading on {project.by_path[target].name}: open the page, "
                              "select the ¶ beside the heading and copy the part after #")


def _made_by_build(target: Path, project) -> bool:
    """A file the build writes into the site, not into docs/: the zip of
    every template's downloads (hooks/template_downloads.py)."""
    from guide_core.template_downloads import ZIP_PATH

    return target == (project.docs / ZIP_PATH).resolve()


def _ids(project) -> dict:
    """Each page's heading ids, worked out once per run."""
    if "_heading_ids" not in project.__dict__:
        project.__dict__["_heading_ids"] = {p.path.resolve(): heading_ids(p.body) for p in project.pages}
    return project.__dict__["_heading_ids"]


def _source_of(address: str, docs: Path) -> Path | None:
    """docs/principles.md for 'principles/', docs/index.md for './'."""
    path = address.split("#", 1)[0].strip("./") if address.split("#", 1)[0] != "./" else ""
    for candidate in ([f"{path}.md", f"{path}/index.md"] if path else ["index.md"]):
        if (docs / candidate).is_file():
            return docs / candidate
    return None


def published_addresses(project):
    """Every published heading address still leads to a heading, from the Markdown alone."""
    listed = project.root / PUBLISHED
    if not listed.is_file():
        return
    redirects = {}
    for plugin in project.settings.get("plugins") or []:
        if isinstance(plugin, dict) and "redirects" in plugin:
            redirects = (plugin["redirects"] or {}).get("redirect_maps") or {}
    ids_of: dict[Path, dict[str, int]] = {}
    sources: dict[str, Path | None] = {}  # by the address's page part: most share a page
    for number, line in enumerate(read_text(listed, PUBLISHED).splitlines(), start=1):
        address = line.strip()
        if not address or address.startswith("#"):
            continue
        where = address.split("#", 1)[0]
        if where not in sources:
            found = _source_of(address, project.docs)
            sources[where] = found and found.resolve()
        source = sources[where]
        if source is None:
            stem = address.split("#", 1)[0].strip("/")
            if not any(str(old).removesuffix(".md").removesuffix("/index") == stem for old in redirects):
                yield Problem(PUBLISHED, number, f"the published page {address} no longer exists",
                              "if the page moved, add a redirect under 'redirect_maps' in mkdocs.yml "
                              "(old-name.md: new-name.md)")
            continue
        page = project.by_path.get(source)
        anchor = address.partition("#")[2]
        if not anchor or page is None:
            continue
        if page.path not in ids_of:
            # A page's own headings are worked out once per run (_ids); the
            # self-check's come from its data file.
            ids_of[page.path] = (heading_ids(built_body(page, project)) if page.meta.get("selfcheck")
                                 else _ids(project)[page.path.resolve()])
        ids = ids_of[page.path]
        if anchor not in ids:
            line_no = _heading_text_line(page, anchor)
            if line_no is None:
                near = difflib.get_close_matches(anchor, list(ids), n=1, cutoff=0.3)
                line_no = ids[near[0]] if near else 1
            yield Problem(page.name, line_no,
                          f"the published address {address} no longer leads to a heading "
                          "(newsletters and emails may link to it)",
                          f"if you renamed the heading, put its old id at the end of the new heading line: "
                          f"'## New heading {{ #{anchor} }}'")


def _heading_text_line(page, anchor: str) -> int | None:
    """The line still holding the heading's words (typed without '## ', say, or with a changed id)."""
    words = [w for w in anchor.split("-") if w]
    if len(words) < 2:
        return None
    pattern = re.compile(r"\W+".join(re.escape(w) for w in words), re.I)
    lines = list(enumerate(page.text.splitlines(), 1))
    # A line that looks like the heading (not a link to it) first.
    for number, line in lines:
        if pattern.search(line) and "](" not in line:
            return number
    return next((n for n, line in lines if pattern.search(line)), None)


def built_body(page, project) -> list[tuple[int, str]]:
    """The page's lines as the build sees them: the self-check's questions and
    headings come from docs/self-check.yml (guide_core/self_check.py)."""
    if not page.meta.get("selfcheck"):
        return page.body
    from guide_core import self_check
    try:
        rendered = self_check.render_page(page.text, project.self_check_data(), page.name)
    except Exception:  # noqa: BLE001 - the self-check data check reports the file's own problem, with its line
        return page.body  # the data file's own check reports its problem, with its line
    return list(enumerate(rendered.splitlines(), start=1))
