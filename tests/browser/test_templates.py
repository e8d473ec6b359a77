"""Templates: each page prints as a clean A4 form, and its Word (.docx) and
OpenDocument (.odt) downloads are part of the built site, open, and carry
the same headings and tables as the page.

The downloads are read back with python-docx and by parsing the ODT's
content.xml; the page is read from the built HTML. A template the converter
cannot carry, or a converter that fails, stops the build with a message
naming the page.
"""

from __future__ import annotations

import math
import re
import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from lxml import etree

from conftest import ROOT, build, copy_project
from test_print import pdf_info, pdf_text, print_to_pdf, url_of

TEMPLATES = ROOT / "docs" / "templates"
# The templates the guide promises its readers (docs/templates/index.md).
REQUIRED = {"partner-role", "terms-of-reference", "payment-policy", "expenses-claim-form",
            "you-said-we-did", "first-meeting-agenda", "who-decides-grid"}
ODF = {
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
}
LABELS = {"docx": "Word document", "odt": "OpenDocument text"}


def squash(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def template_sources() -> list[Path]:
    sources = sorted(p for p in TEMPLATES.glob("*.md") if p.name != "index.md")
    assert sources, "docs/templates/ has no template pages"
    return sources


def built_page(site, source: Path) -> Path:
    built = site.dir / "templates" / source.stem / "index.html"
    assert built.is_file(), f"docs/templates/{source.name} was not built to {site.rel(built)}"
    return built


def page_outline(built: Path) -> tuple[list[tuple[int, str]], list[list[list[str]]]]:
    """Headings (level, text) and tables (rows of cell texts) of the page's
    own text: without the screen-only tools, print header and page dates."""
    soup = BeautifulSoup(built.read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article")
    for element in article.select(".no-print, .print-header, .headerlink, .page-meta, "
                                  ".md-source-file, .print-tools"):
        element.decompose()
    headings = [(int(h.name[1]), squash(h.get_text())) for h in article.select("h1, h2, h3, h4, h5, h6")]
    tables = [[[squash(cell.get_text()) for cell in row.select("th, td")] for row in table.select("tr")]
              for table in article.select("table")]
    return headings, tables


def docx_outline(path: Path):
    from docx import Document

    document = Document(str(path))
    headings = []
    for paragraph in document.paragraphs:
        match = re.fullmatch(r"Heading (\d)", paragraph.style.name)
        if match:
            headings.append((int(match.group(1)), squash(paragraph.text)))
    tables = [[[squash(cell.text) for cell in row.cells] for row in table.rows] for table in document.tables]
    return headings, tables


def odt_outline(path: Path):
    with zipfile.ZipFile(path) as archive:
        assert archive.read("mimetype") == b"application/vnd.oasis.opendocument.text", \
            f"{path.name} is not an OpenDocument text file"
        root = etree.fromstring(archive.read("content.xml"))
    headings = [(int(h.get(f"{{{ODF['text']}}}outline-level")), squash("".join(h.itertext())))
                for h in root.iter(f"{{{ODF['text']}}}h")]
    tables = []
    for table in root.iter(f"{{{ODF['table']}}}table"):
        rows = []
        for row in table.iter(f"{{{ODF['table']}}}table-row"):
            rows.append([squash(" ".join("".join(p.itertext()) for p in cell))
                         for cell in row.iter(f"{{{ODF['table']}}}table-cell")])
        tables.append(rows)
    return headings, tables


def test_every_promised_template_has_a_page(site):
    stems = {p.stem for p in template_sources()}
    missing = REQUIRED - stems
    assert not missing, (f"docs/templates/ lacks {sorted(missing)}. "
                         "Fix: add the page, or update docs/templates/index.md and this list.")
    index = BeautifulSoup((site.dir / "templates" / "index.html").read_text(encoding="utf-8"), "html.parser")
    linked = {a["href"].strip("/").split("/")[0] for a in index.select("article a[href]")}
    unlinked = stems - linked
    assert not unlinked, f"docs/templates/index.md does not link to {sorted(unlinked)}"


@pytest.mark.parametrize("fmt", ["docx", "odt"])
def test_downloads_are_built_linked_with_type_and_size(site, fmt):
    problems = []
    for source in template_sources():
        built = built_page(site, source)
        name = f"docs/templates/{source.name}"
        download = site.dir / "templates" / f"{source.stem}.{fmt}"
        if not download.is_file() or download.stat().st_size == 0:
            problems.append(f"{name}: no {download.name} in the built site")
            continue
        soup = BeautifulSoup(built.read_text(encoding="utf-8"), "html.parser")
        links = [a for a in soup.select("article .template-downloads a[href]")
                 if a["href"] == f"../{download.name}"]
        if len(links) != 1:
            problems.append(f"{name}: expected one link to ../{download.name} under the title, "
                            f"found {len(links)}")
            continue
        text = squash(links[0].get_text())
        kb = max(1, math.ceil(download.stat().st_size / 1024))
        expected = f"{LABELS[fmt]} (.{fmt}, {kb} KB)"
        if text != expected:
            problems.append(f"{name}: link text {text!r}, expected {expected!r} (type and real size)")
    assert not problems, "\n".join(problems)


def test_the_templates_zip_holds_every_download_byte_for_byte_and_is_linked_with_its_size(site, tmp_path):
    """downloads/templates.zip (hooks/template_downloads.py) is made by the
    build: every template's .docx and .odt, the same bytes as the page's own
    downloads, each opening. The handouts and templates pages link to it
    with its type and real size."""
    archive_path = site.dir / "downloads" / "templates.zip"
    assert archive_path.is_file(), "the build made no downloads/templates.zip (hooks/template_downloads.py)"
    expected = {f"{source.stem}.{fmt}" for source in template_sources() for fmt in LABELS}
    problems = []
    with zipfile.ZipFile(archive_path) as archive:
        assert archive.testzip() is None, "downloads/templates.zip has a damaged member"
        names = set(archive.namelist())
        if names != expected:
            problems.append(f"downloads/templates.zip: missing {sorted(expected - names)}, "
                            f"extra {sorted(names - expected)}")
        for name in sorted(names & expected):
            data = archive.read(name)
            if data != (site.dir / "templates" / name).read_bytes():
                problems.append(f"downloads/templates.zip: {name} differs from templates/{name}")
            copy = tmp_path / name
            copy.write_bytes(data)
            headings, _ = (docx_outline if name.endswith(".docx") else odt_outline)(copy)
            if not headings:
                problems.append(f"downloads/templates.zip: {name} opens with no headings")
    size = f"{max(1, math.ceil(archive_path.stat().st_size / 1024))} KB"
    for page in ("templates/index.html", "handouts/index.html"):
        soup = BeautifulSoup((site.dir / page).read_text(encoding="utf-8"), "html.parser")
        links = [squash(a.get_text()) for a in soup.select("article a[href]")
                 if a["href"].endswith("downloads/templates.zip")]
        if links != [f"download all templates (zip, Word and OpenDocument, {size})"]:
            problems.append(f"{page}: links to the zip read {links}, expected one with its size {size}")
    assert not problems, "\n".join(problems)


METADATA = {"docx": "docProps/core.xml", "odt": "meta.xml"}
DC = "{http://purl.org/dc/elements/1.1/}"


def test_every_download_has_its_page_title_as_its_document_title(site):
    """Each .docx and .odt in the built site carries, in its properties, the
    title of the page it is a copy of (the page's <title>, without the guide's
    name)."""
    from conftest import load_config

    suffix = " - " + load_config()["site_name"]
    downloads = sorted(p for fmt in METADATA for p in site.dir.rglob(f"*.{fmt}"))
    assert len(downloads) == len(METADATA) * len(template_sources()), \
        f"expected a .docx and an .odt of each template, found {[site.rel(p) for p in downloads]}"
    problems = []
    for download in downloads:
        page = download.with_suffix("") / "index.html"
        title = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").title.get_text()
        want = squash(title.removesuffix(suffix))
        with zipfile.ZipFile(download) as archive:
            found = etree.fromstring(archive.read(METADATA[download.suffix[1:]])).findall(f".//{DC}title")
        got = [squash("".join(t.itertext())) for t in found]
        if got != [want]:
            problems.append(f"{site.rel(download)}: document title {got}, expected [{want!r}] "
                            f"(the title of {site.rel(page)}). Fix: see with_title() in "
                            "guide_core/template_downloads.py.")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("fmt, read", [("docx", docx_outline), ("odt", odt_outline)])
def test_downloads_open_and_match_the_page(site, fmt, read):
    problems = []
    for source in template_sources():
        name = f"docs/templates/{source.name}"
        page_headings, page_tables = page_outline(built_page(site, source))
        assert page_headings and page_tables, f"{name}: the page has no headings or tables to compare"
        try:
            headings, tables = read(site.dir / "templates" / f"{source.stem}.{fmt}")
        except Exception as error:  # a file that does not open is the failure we test for
            problems.append(f"{name}: the .{fmt} download does not open: {error}")
            continue
        if headings != page_headings:
            problems.append(f"{name}: .{fmt} headings differ from the page:\n"
                            f"  page:     {page_headings}\n  download: {headings}")
        if tables != page_tables:
            problems.append(f"{name}: .{fmt} tables differ from the page:\n"
                            f"  page:     {page_tables}\n  download: {tables}")
    assert not problems, "\n".join(problems)


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ODF_STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
ODF_FO = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"


def docx_unruled_tables(path: Path) -> list[str]:
    """What is missing for every table cell of a .docx to have a line round it."""
    from docx import Document

    missing = []
    for number, table in enumerate(Document(str(path)).tables, 1):
        borders = table.style.element.find(f"{W}tblPr/{W}tblBorders")
        for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
            line = borders.find(f"{W}{side}") if borders is not None else None
            if line is None or line.get(f"{W}val") in (None, "nil", "none"):
                missing.append(f"table {number} ({table.style.name} style) has no {side} line")
    return missing


def odt_unruled_tables(path: Path) -> list[str]:
    """What is missing for every table cell of an .odt to have a line round it."""
    with zipfile.ZipFile(path) as archive:
        root = etree.fromstring(archive.read("content.xml"))
    borders = {style.get(f"{{{ODF_STYLE}}}name"): style.find(f"{{{ODF_STYLE}}}table-cell-properties")
               for style in root.iter(f"{{{ODF_STYLE}}}style")}
    missing = set()
    for cell in root.iter(f"{{{ODF['table']}}}table-cell"):
        name = cell.get(f"{{{ODF['table']}}}style-name")
        props = borders.get(name)
        border = props.get(f"{{{ODF_FO}}}border") if props is not None else None
        if not border or border == "none":
            missing.add(f"cells in style {name} have no border ({border!r})")
    return sorted(missing)


@pytest.mark.parametrize("fmt, unruled", [("docx", docx_unruled_tables), ("odt", odt_unruled_tables)])
def test_download_tables_have_a_line_round_every_cell(site, fmt, unruled):
    """A form printed from Word or LibreOffice needs boxes to write in."""
    problems = []
    for source in template_sources():
        download = site.dir / "templates" / f"{source.stem}.{fmt}"
        problems += [f"{site.rel(download)}: {gap}" for gap in unruled(download)]
    assert not problems, ("Tables without lines (guide_core/template_downloads.py, RULES):\n"
                          + "\n".join(problems))


def test_downloads_link_to_the_published_guide(site):
    """Links in a download are full addresses of the guide, which work from
    a file on someone's computer."""
    from docx import Document

    source = TEMPLATES / "payment-policy.md"
    document = Document(str(site.dir / "templates" / "payment-policy.docx"))
    targets = {rel.target_ref for rel in document.part.rels.values() if rel.is_external}
    assert site.url + "paying-partners/" in targets, (
        f"docs/templates/{source.name}: the Word download does not link to the published "
        f"paying-partners page; it links to {sorted(targets)}")
    assert not any(t.endswith(".md") for t in targets), f"links to Markdown files left in: {targets}"


def test_templates_print_as_clean_a4_forms(site, server, page_for, tmp_path):
    page = page_for()
    problems = []
    for source in template_sources():
        name = f"docs/templates/{source.name}"
        built = built_page(site, source)
        pdf = print_to_pdf(page, url_of(server, site, built), tmp_path / f"{source.stem}.pdf")
        info = pdf_info(pdf)
        if "A4" not in info["Page size"]:
            problems.append(f"{name}: prints on {info['Page size'].strip()}, not A4")
        text = squash(pdf_text(pdf))
        headings, tables = page_outline(built)
        for _, heading in headings:
            if heading not in text:
                problems.append(f"{name}: heading {heading!r} does not print")
        for word in ("Download this template", "Word document", "Share this page", "Print this page"):
            if word in text:
                problems.append(f"{name}: {word!r} prints; screen tools must not (no-print)")
        # Each empty box has room to write: at least 10 mm tall on paper.
        page.emulate_media(media="print")
        heights = page.eval_on_selector_all("article td:empty", "cells => cells.map(c => c.getBoundingClientRect().height)")
        if not heights:
            problems.append(f"{name}: has no empty boxes to write in")
        elif min(heights) < 10 * 96 / 25.4:
            problems.append(f"{name}: an empty box prints {min(heights):.0f}px tall, under 10 mm "
                            "(templates.css)")
    assert not problems, "\n".join(problems)


# --- Bad templates stop the build, naming the page ---------------------------

BROKEN = """---
title: Broken template
description: A template that uses a note box, which the downloads cannot carry.
---

# Broken template

Some text.

!!! note "A note"
    The Word download could not show this box.
"""


@pytest.mark.build  # builds a changed copy of the project
def test_a_template_the_downloads_cannot_carry_fails_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "docs" / "templates" / "broken.md").write_text(BROKEN, encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0, "the build passed with a template the downloads cannot carry"
    assert "docs/templates/broken.md:10:" in result.stderr and "note box" in result.stderr, (
        "the build failed without naming the page, line and problem:\n" + result.stderr[-2000:])


@pytest.mark.build  # builds a changed copy of the project
def test_a_converter_that_fails_fails_the_build_naming_the_page(tmp_path):
    project = copy_project(tmp_path / "project")
    result = build(project, tmp_path / "site", env={"PYPANDOC_PANDOC": "/bin/false"})
    assert result.returncode != 0, "the build passed though pandoc could not run"
    first = f"docs/templates/{template_sources()[0].name}"
    assert first in result.stderr and "download" in result.stderr, (
        "the build failed without naming the template page:\n" + result.stderr[-2000:])


def test_the_conversion_runs_without_mkdocs(site, tmp_path):
    """guide_core/template_downloads.py works on its own (for a build tool that
    runs no MkDocs hooks), uncached, and makes the same documents."""
    from guide_core.template_downloads import build_downloads

    made = build_downloads(ROOT / "docs", tmp_path, site.url, cache_dir=None)
    assert set(made) == {f"templates/{p.name}" for p in template_sources()}
    for source in template_sources():
        for fmt, read in (("docx", docx_outline), ("odt", odt_outline)):
            alone = read(tmp_path / "templates" / f"{source.stem}.{fmt}")
            built = read(site.dir / "templates" / f"{source.stem}.{fmt}")
            assert alone == built, f"docs/templates/{source.name}: the .{fmt} made alone differs from the built one"
