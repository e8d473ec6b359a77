"""Word (.docx) and OpenDocument (.odt) copies of the template pages.

Each page in docs/templates/ (except index.md) is a template. Its Markdown is
the one source: the site renders it as a page to print, and pandoc (from the
pypandoc-binary wheel) turns the same text into files to edit. Nothing here
writes a document format by hand.

Plain functions, so any build tool can call them:
- check_template(): the page uses only what both outputs can carry;
- convert(): one page to one format, cached by content;
- build_downloads(): every template in a docs folder, into an output folder.

From the command line: python -m scripts.template_downloads docs OUT_DIR [SITE_URL]
(scripts/template_downloads.py).
"""

from __future__ import annotations

import hashlib
import os
import math
import posixpath
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE_DIR = ROOT / ".cache" / "template-downloads"
TEMPLATES_DIR = "templates"
# Bump when the conversion changes, so cached files are made again.
VERSION = "4"

FORMATS = {
    "docx": "Word document",
    "odt": "OpenDocument text",
}

FIX = ("Fix: use only headings, paragraphs, lists, links, bold text and tables "
       "on a template page, so the Word and OpenDocument downloads match it.")

# Markdown the site understands but the downloads cannot carry.
UNSUPPORTED = [
    (re.compile(r"^\s*(!!!|\?\?\?\+?)\s"), "a note box (admonition)"),
    (re.compile(r"^\s*===\s"), "a content tab"),
    (re.compile(r"^\s*<[A-Za-z!/]"), "raw HTML"),
    (re.compile(r"^\s*-{2}8<-{2}"), "an included snippet"),
    (re.compile(r"^\*\[[^\]]+\]:"), "an abbreviation definition"),
    (re.compile(r"\{:|\{\s*\.[A-Za-z]"), "a class or attribute list"),
    (re.compile(r"!\["), "an image"),
]
FRONT_MATTER = re.compile(r"\A---\s*\n.*?\n---\s*\n", re.S)
LINK = re.compile(r"(\]\()([^)\s]+)(\))")


class TemplateError(Exception):
    """A template page that cannot be made into downloads. The message
    names the file and line and says how to fix it."""


@dataclass(frozen=True)
class Download:
    name: str        # file name, such as partner-role.docx
    fmt: str         # docx or odt
    label: str       # Word document
    size: int        # bytes

    @property
    def size_text(self) -> str:
        return file_size(self.size)


def file_size(size: int) -> str:
    """Sizes as readers see them: 12 KB, 1.2 MB."""
    if size < 1024 * 1024:
        return f"{max(1, math.ceil(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def is_template(src_uri: str) -> bool:
    """Pages in docs/templates/, except the index, are templates."""
    parts = src_uri.split("/")
    return (len(parts) == 2 and parts[0] == TEMPLATES_DIR
            and parts[1].endswith(".md") and parts[1] != "index.md")


def split_front_matter(markdown: str) -> tuple[str, int]:
    """The page text without its front matter, and how many lines that was."""
    match = FRONT_MATTER.match(markdown)
    if not match:
        return markdown, 0
    return markdown[match.end():], match.group(0).count("\n")


def check_template(source: str, markdown: str) -> None:
    """Raise TemplateError if the page uses Markdown the downloads cannot carry."""
    body, offset = split_front_matter(markdown)
    in_code = False
    for number, line in enumerate(body.splitlines(), start=offset + 1):
        if line.lstrip().startswith("```"):
            in_code = not in_code
            continue
        if in_code:
            continue
        for pattern, what in UNSUPPORTED:
            if pattern.search(line):
                raise TemplateError(f"{source}:{number}: the template uses {what}, which the "
                                    f"Word and OpenDocument downloads cannot show. {FIX}")
    if not re.search(r"^# \S", body, re.M):
        raise TemplateError(f"{source}:{offset + 1}: the template has no title. "
                            "Fix: start the page with one '# ' heading.")


def page_title(markdown: str) -> str:
    """The page's title as the site shows it: the front matter's title, or
    else the text of its first '# ' heading."""
    from guide_core.config import safe_load

    match = FRONT_MATTER.match(markdown)
    if match:
        meta = safe_load(match.group(0).strip().strip("-")) or {}
        if isinstance(meta, dict) and str(meta.get("title") or "").strip():
            return str(meta["title"]).strip()
    body, _ = split_front_matter(markdown)
    heading = re.search(r"^# (.+?)\s*(\{[^}]*\})?\s*$", body, re.M)
    return re.sub(r"[*_`]", "", heading.group(1)).strip() if heading else ""


def absolute_links(body: str, src_uri: str, site_url: str) -> str:
    """Links to other pages of the guide become full addresses, so they work
    from a file on someone's computer."""
    here = posixpath.dirname(src_uri)
    base = site_url.rstrip("/") + "/"

    def rewrite(match: re.Match) -> str:
        target = match.group(2)
        if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I):
            return match.group(0)  # already a full address, or mailto:
        path, _, fragment = target.partition("#")
        if not path:
            address = base + page_path(src_uri)
        else:
            resolved = posixpath.normpath(posixpath.join(here, path))
            address = base + (page_path(resolved) if resolved.endswith(".md") else resolved)
        if fragment:
            address += "#" + fragment
        return match.group(1) + address + match.group(3)

    return LINK.sub(rewrite, body)


def page_path(src_uri: str) -> str:
    """The published path of a page, with directory addresses."""
    stem = src_uri[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def pandoc_version() -> str:
    import pypandoc
    return str(pypandoc.get_pandoc_version())


def convert(markdown: str, fmt: str, *, source: str, src_uri: str, site_url: str,
            cache_dir: Path | None = CACHE_DIR) -> bytes:
    """One template page's Markdown as a .docx or .odt file, as bytes.

    Raises TemplateError, naming `source`, if the page cannot be converted.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; use one of {sorted(FORMATS)}")
    check_template(source, markdown)
    body, _ = split_front_matter(markdown)
    body = absolute_links(body, src_uri, site_url)
    try:
        version = pandoc_version()
    except Exception as error:  # pypandoc could not find or run pandoc
        raise TemplateError(f"{source}: pandoc could not run, so the {FORMATS[fmt]} download "
                            f"was not made ({error}). Fix: install the pinned packages with "
                            "./guide build, which installs pypandoc-binary.") from error
    key = hashlib.sha256("\0".join([VERSION, version, fmt, body]).encode()).hexdigest()
    cached = cache_dir / f"{key}.{fmt}" if cache_dir else None
    if cached and cached.is_file():
        return cached.read_bytes()
    data = with_title(_pandoc(body, fmt, source), fmt, page_title(markdown), source)
    if cached:
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_suffix(f".{fmt}.{os.getpid()}.tmp")  # its own name: two builds may run at once
        tmp.write_bytes(data)
        tmp.replace(cached)
    return data


def _pandoc(body: str, fmt: str, source: str) -> bytes:
    import tempfile

    import pypandoc

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / f"template.{fmt}"
        try:
            # No "smart" quotes or dashes: the download keeps the page's own characters.
            pypandoc.convert_text(body, fmt, format="markdown-smart", outputfile=str(out),
                                  extra_args=["--metadata", "lang=en-GB"])
        except Exception as error:
            raise TemplateError(f"{source}: pandoc could not make the {FORMATS[fmt]} download: "
                                f"{error}. Fix: check the page's Markdown, or run "
                                "./guide build to install the pinned pandoc.") from error
        if not out.is_file() or out.stat().st_size == 0:
            raise TemplateError(f"{source}: pandoc made no {FORMATS[fmt]} file. "
                                "Fix: check the page's Markdown.")
        return ruled_tables(out.read_bytes(), fmt, source)


# Pandoc's tables have no cell borders, so a printed form would have no
# boxes to write in. One rule for both formats: a thin black line round
# every cell. In .docx it goes in the "Table" style pandoc gives every
# table (word/styles.xml); in .odt, in the two cell styles it gives every
# cell (content.xml). Word wants <w:tblBorders> straight after <w:tblInd>.
RULE_DOCX = ('<w:tblBorders>' + "".join(
    f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    for side in ("top", "left", "bottom", "right", "insideH", "insideV")) + '</w:tblBorders>')
RULES = {
    "docx": ("word/styles.xml",
             re.compile(r'(<w:style [^>]*w:styleId="Table"[^>]*>(?:(?!</w:style>).)*?<w:tblPr>\s*<w:tblInd [^>]*/>)',
                        re.S),
             lambda match: match.group(1) + RULE_DOCX),
    "odt": ("content.xml",
            re.compile(r'(<style:style style:name="Table(?:Header)?RowCell" style:family="table-cell">\s*'
                       r'<style:table-cell-properties) fo:border="none"'),
            lambda match: match.group(1) + ' fo:border="0.5pt solid #000000" fo:padding="0.1cm"'),
}


# The document's title in its properties (File > Properties in Word and
# LibreOffice, and what a screen reader may announce): pandoc leaves it
# empty unless the text has a title block, which would print the title twice.
TITLES = {"docx": "docProps/core.xml", "odt": "meta.xml"}
TITLE = re.compile(r"<dc:title>[^<]*</dc:title>|<dc:title/>")


def with_title(data: bytes, fmt: str, title: str, source: str) -> bytes:
    """The converted file with `title` as its document title."""
    from xml.sax.saxutils import escape

    if not title:
        raise TemplateError(f"{source}:1: the template has no title. Fix: start the page with one '# ' heading.")
    return _rewrite(data, TITLES[fmt], TITLE, lambda match: f"<dc:title>{escape(title)}</dc:title>",
                    f"{source}: the {FORMATS[fmt]} download has no title field in {TITLES[fmt]}; "
                    "pandoc's output has changed. Fix: update TITLES in guide_core/template_downloads.py.")


def ruled_tables(data: bytes, fmt: str, source: str) -> bytes:
    """The converted file with a line round every table cell."""
    part, pattern, rule = RULES[fmt]
    return _rewrite(data, part, pattern, rule,
                    f"{source}: the {FORMATS[fmt]} download has no table style to "
                    f"rule in {part}; pandoc's output has changed. Fix: update "
                    "RULES in guide_core/template_downloads.py for the pinned pandoc.")


def _rewrite(data: bytes, part: str, pattern: re.Pattern, rule, error: str) -> bytes:
    """The file with `pattern` replaced by `rule` in its member `part`."""
    import io

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        entries = [(info, archive.read(info)) for info in archive.infolist()]
    if part not in {info.filename for info, _ in entries}:
        raise TemplateError(error)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for info, content in entries:
            if info.filename == part:
                text, count = pattern.subn(rule, content.decode("utf-8"))
                if not count:
                    raise TemplateError(error)
                content = text.encode("utf-8")
            # Same names, order, dates and compression, so the file stays as
            # pandoc wrote it (OpenDocument needs "mimetype" first and stored).
            archive.writestr(info, content)
    return out.getvalue()


def download_name(src_uri: str, fmt: str) -> str:
    return f"{Path(src_uri).stem}.{fmt}"


def make_downloads(markdown: str, *, source: str, src_uri: str, site_url: str,
                   cache_dir: Path | None = CACHE_DIR) -> dict[str, bytes]:
    """Every download of one template: {file name: bytes}."""
    return {download_name(src_uri, fmt): convert(markdown, fmt, source=source, src_uri=src_uri,
                                                 site_url=site_url, cache_dir=cache_dir)
            for fmt in FORMATS}


def describe(name: str, data: bytes) -> Download:
    fmt = name.rsplit(".", 1)[1]
    return Download(name=name, fmt=fmt, label=FORMATS[fmt], size=len(data))


def download_links(downloads: list[Download]) -> str:
    """The Markdown a template page shows above its text (not printed)."""
    links = " or ".join(f"[{d.label} (.{d.fmt}, {d.size_text})]({d.name})" for d in downloads)
    return (
        '<div class="template-downloads no-print" markdown>\n\n'
        f"**Download this template to change it:** {links}. "
        "Both open in Microsoft Word and in LibreOffice, which is free.\n\n"
        "</div>\n"
    )


def add_download_links(markdown: str, downloads: list[Download]) -> str:
    """Put the download links straight after the page's title."""
    block = download_links(downloads)
    match = re.search(r"^# .*\n", markdown, re.M)
    if not match:
        return block + "\n" + markdown
    return markdown[: match.end()] + "\n" + block + "\n" + markdown[match.end():]


def build_downloads(docs_dir: Path, out_dir: Path, site_url: str,
                    cache_dir: Path | None = CACHE_DIR) -> dict[str, list[Download]]:
    """Write the downloads of every template in `docs_dir` under `out_dir`,
    at the same paths the site uses (templates/NAME.docx)."""
    made: dict[str, list[Download]] = {}
    for path in sorted((docs_dir / TEMPLATES_DIR).glob("*.md")):
        src_uri = f"{TEMPLATES_DIR}/{path.name}"
        if not is_template(src_uri):
            continue
        files = make_downloads(path.read_text(encoding="utf-8"), source=f"docs/{src_uri}",
                               src_uri=src_uri, site_url=site_url, cache_dir=cache_dir)
        target = out_dir / TEMPLATES_DIR
        target.mkdir(parents=True, exist_ok=True)
        for name, data in files.items():
            (target / name).write_bytes(data)
        made[src_uri] = [describe(name, data) for name, data in files.items()]
    return made


# Every template's downloads in one zip, for a workshop pack. The build makes
# it (hooks/template_downloads.py), so the published site always has it.
ZIP_PATH = "downloads/templates.zip"
ZIP_LINK = re.compile(r"(\[[^\]]*?)(\)\]\((?:[^)\s]*/)?" + re.escape(ZIP_PATH) + r"\))")
ZIP_DATE = (2020, 1, 1, 0, 0, 0)


def templates_zip(files: dict[str, bytes]) -> bytes:
    """One zip of {file name: bytes}, in name order. Fixed dates, so the
    same files always make the same zip."""
    import io

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, files[name])
    return out.getvalue()


def add_zip_size(markdown: str, size: int) -> str:
    """A link to the templates zip, such as "[Download all templates (zip,
    Word and OpenDocument)](../downloads/templates.zip)", gets the zip's size
    inside its brackets: "(zip, Word and OpenDocument, 80 KB)"."""
    return ZIP_LINK.sub(lambda m: f"{m.group(1)}, {file_size(size)}{m.group(2)}", markdown)

