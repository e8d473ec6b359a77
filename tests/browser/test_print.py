"""Every page prints as a clean A4 handout that leads back to the guide.

Pages are printed to PDF with Debian's Chromium and read back with
poppler-utils (pdftotext, pdfinfo, pdftoppm) and zbar (zbarimg). The cheap
checks (address and QR code in the HTML) run on every page; the slow PDF
checks run on the handouts and a sample of pages. A small sample page with
every printable feature is built in a copy of the project.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, build, copy_project, parse
from guide_core.print_qr import QR_FILE, qr_svg
from guide_core.local_site import serve
from support import pdf_text, print_to_pdf, tab_to as _tab_to
from support import tool as _tool

PT = 4 / 3  # CSS pixels per point
CHROME = (".md-header", ".md-tabs", ".md-sidebar", ".md-footer", ".md-skip", ".md-top",
          ".md-search", ".md-content__button", ".headerlink", ".print-tools", ".no-print")
TOOL_TEXT = ["Print this page", "Large print", "Skip to content", "Back to top",
             "Edit this page", "Made with"]


def pdf_info(pdf: Path) -> dict:
    out = subprocess.run([_tool("pdfinfo"), str(pdf)], capture_output=True, text=True, check=True).stdout
    return dict(line.split(":", 1) for line in out.splitlines() if ":" in line)


def decode_qr(pdf: Path, tmp: Path, sheet: int = 1) -> str:
    """Render one PDF page (the first unless told) at 200 dpi and read its QR code with zbar."""
    prefix = tmp / f"{pdf.stem}-{sheet}"
    subprocess.run([_tool("pdftoppm"), "-r", "200", "-f", str(sheet), "-l", str(sheet), "-png", "-singlefile",
                    str(pdf), str(prefix)], check=True)
    result = subprocess.run([_tool("zbarimg"), "--raw", "-q", f"{prefix}.png"],
                            capture_output=True, text=True)
    return result.stdout.strip()


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def url_of(server: str, site, built: Path) -> str:
    return server + site.rel(built).removesuffix("index.html")


def handout_pages(site) -> list[tuple[str, Path]]:
    sources = sorted((ROOT / "docs" / "handouts").glob("*.md"))
    assert sources, "docs/handouts/ has no handout pages: add at least one Markdown page there."
    pages = []
    for source in sources:
        built = site.dir / "handouts" / source.stem / "index.html"
        assert built.is_file(), f"docs/handouts/{source.name} was not built to {site.rel(built)}"
        pages.append((f"docs/handouts/{source.name}", built))
    return pages


# --- Every page: the print header in the HTML --------------------------------

def test_every_page_has_a_print_header_with_its_address_and_qr_code(site):
    problems = []
    for built in site.content_pages():
        name = site.rel(built)
        soup = parse(built)
        header = soup.select_one("article .print-header")
        if header is None:
            problems.append(f"{name}: no .print-header (overrides/guide/before-content.html)")
            continue
        address = site.address(built)
        if header.get("data-address") != address:
            problems.append(f"{name}: print address {header.get('data-address')!r}, expected {address!r}")
        if header.get("data-guide") != site.site_name(built):
            problems.append(f"{name}: print header does not name the guide")
        img = header.select_one("img.print-header__qr")
        qr = built.parent / QR_FILE
        if img is None or img.get("src") != QR_FILE or img.get("loading") != "lazy" or not img.get("alt"):
            problems.append(f"{name}: print header has no lazy QR image {QR_FILE} with alt text")
        elif not qr.exists() or qr.read_text(encoding="utf-8") != qr_svg(address):
            problems.append(f"{name}: {QR_FILE} beside the page does not encode {address}")
        words = "".join(header.find_all(string=True)).strip()
        if not header.has_attr("hidden") or words:
            problems.append(f"{name}: the print header must be hidden on screen and hold no page text")
        tools = soup.select_one("article .print-tools")
        if tools is None or not tools.has_attr("hidden") or "no-print" not in tools.get("class", []):
            problems.append(f"{name}: page tools missing, or not hidden until JavaScript runs, "
                            "or without the no-print class")
    assert not problems, "Print header problems:\n" + "\n".join(problems)


# --- Handouts: at most two sides of A4 ---------------------------------------

def test_handouts_print_on_at_most_two_a4_sides(site, server, page_for, tmp_path):
    page = page_for()
    problems = []
    for source, built in handout_pages(site):
        pdf = print_to_pdf(page, url_of(server, site, built), tmp_path / f"{built.parent.name}.pdf")
        info = pdf_info(pdf)
        pages = int(info["Pages"])
        if pages > 2:
            problems.append(f"{source}: prints on {pages} sides of A4; a handout must fit on 2. "
                            "Shorten it or split it.")
        if "A4" not in info["Page size"]:
            problems.append(f"{source}: page size is {info['Page size'].strip()}, not A4 (print.css @page)")
    assert not problems, "\n".join(problems)


# --- A sample of pages: no chrome, the address and a QR code that scans ------

def sample_pages(site) -> list[Path]:
    pages = site.content_pages()
    longest = max(pages, key=lambda p: len(p.read_text(encoding="utf-8")))
    first_handout = handout_pages(site)[0][1]
    return list(dict.fromkeys([site.dir / "index.html", first_handout, longest]))


def chrome_strings(html: str) -> set[str]:
    """Text only the site chrome shows: in the header, menus, footer, tools."""
    soup = BeautifulSoup(html, "html.parser")
    strings = set(TOOL_TEXT)
    for selector in CHROME:
        for element in soup.select(selector):
            strings.update(s.strip() for s in element.stripped_strings)
    for field in soup.select(".md-search input[placeholder]"):
        strings.add(field["placeholder"])
    article = soup.select_one("article")
    for element in article.select(", ".join(CHROME) + ", button, .page-meta, .no-print"):
        element.decompose()
    header = article.select_one(".print-header")
    printed = " ".join(article.get_text(" ").split()).lower()
    if header is not None:  # printed from its data attributes by print.css
        printed += " " + header.get("data-guide", "").lower() + " " + header.get("data-address", "").lower()
    return {s for s in strings if len(s) > 2 and s.lower() not in printed}


def test_printed_pages_have_no_chrome_and_lead_back_to_the_page(site, server, page_for, tmp_path):
    page = page_for()
    problems = []
    for built in sample_pages(site):
        name = site.rel(built)
        address = site.address(built)
        pdf = print_to_pdf(page, url_of(server, site, built), tmp_path / (name.replace("/", "_") + ".pdf"))
        text = " ".join(pdf_text(pdf).split())
        chrome_only = chrome_strings(built.read_text(encoding="utf-8"))
        assert len(chrome_only) > 5, f"{name}: found too little site chrome to check: {chrome_only}"
        for chrome in sorted(chrome_only):
            if re.search(rf"(?<!\w){re.escape(chrome)}(?!\w)", text):
                problems.append(f"{name}: site chrome {chrome!r} printed (hide it in print.css)")
        if address not in squash(text):
            problems.append(f"{name}: the address {address} is not printed")
        scanned = decode_qr(pdf, tmp_path)
        if scanned != address:
            problems.append(f"{name}: the printed QR code reads {scanned!r}, expected {address!r}")
    assert not problems, "\n".join(problems)


def test_chrome_is_hidden_under_print_media(site, server, page_for):
    page = page_for()
    page.goto(url_of(server, site, site.dir / "index.html"))
    page.emulate_media(media="print")
    shown = [s for s in CHROME if any(e.is_visible() for e in page.locator(s).all())]
    assert not shown, f"index.html: these show in print: {shown} (hide them in print.css)"
    assert page.locator(".print-header").is_visible(), "the print header does not show in print"


# --- Printable features, on a sample page built from a copy -------------------

SAMPLE = """---
title: Print sample
description: A page with every feature that prints.
---

# Print sample

Read the [Easy Read pages of another site](https://example.org/easy-read) and
the [home page of the guide](index.md). Go to [the next part](#second-part).

![A small grey square](print-sample.svg)

!!! note "A note"

    Note text that prints.

??? tip "A closed block"

    Closed block text that prints.

=== "First tab"

    First panel text.

=== "Second tab"

    Second panel text.

- [ ] An open task
- [x] A done task

| Column | Other |
| --- | --- |
| Cell text | More |

## Second part

A paragraph of plain text in the second part.
"""


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    """Serve a build of a copy of the project with docs/print-sample.md added."""
    project = copy_project(tmp_path_factory.mktemp("print-project"))
    (project / "docs" / "print-sample.md").write_text(SAMPLE, encoding="utf-8")
    (project / "docs" / "print-sample.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8" width="80" height="80">'
        '<rect width="8" height="8" fill="#777"/></svg>', encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("\nnav:\n", "\nnav:\n  - Print sample: print-sample.md\n", 1),
                      encoding="utf-8")
    site_dir = tmp_path_factory.mktemp("print-site")
    result = build(project, site_dir)
    assert result.returncode == 0, f"The sample build failed:\n{result.stderr}"
    with serve(site_dir) as base:
        yield base + "print-sample/"


def after_content(page, selector: str) -> str:
    return page.locator(selector).first.evaluate(
        "e => getComputedStyle(e, '::after').content")


def test_links_details_tabs_and_tables_print(sample, page_for, tmp_path):
    page = page_for()
    pdf = print_to_pdf(page, sample, tmp_path / "sample.pdf")
    text = " ".join(pdf_text(pdf).split())
    for expected in ["Note text that prints", "Closed block text that prints", "First tab",
                     "First panel text", "Second tab", "Second panel text", "Cell text",
                     "(https://example.org/easy-read)"]:
        assert expected in text, f"print-sample: {expected!r} is missing from the printed page"
    assert text.index("Second tab") < text.index("Second panel text"), \
        "print-sample: each tab's label should print before its panel"
    assert "(index.md" not in text and "(../" not in text and "(#" not in text, \
        "print-sample: links within the guide should not print their address"
    article = ".md-content article"
    assert "https://example.org/easy-read" in after_content(page, f'{article} a[href="https://example.org/easy-read"]')
    for selector in ['a[href="#second-part"]', 'a[href="../"]', "a.glightbox"]:
        assert page.locator(f"{article} {selector}").count(), f"print-sample: no {selector} link"
        assert after_content(page, f"{article} {selector}") in ("none", "normal"), \
            f"print-sample: {selector} prints an address; only links to other sites should"


def test_checklists_print_with_empty_boxes(sample, page_for):
    page = page_for()
    page.goto(sample)
    page.locator(".task-list-item input[type=checkbox]").first.evaluate("box => box.click()")
    assert page.locator(".task-list-item input[type=checkbox]:checked").count() == 2, \
        "print-sample: could not tick the open task on screen"
    page.emulate_media(media="print")
    styles = page.locator(".task-list-indicator").evaluate_all("""els => els.map(e => {
        const box = getComputedStyle(e, '::before'), tick = getComputedStyle(e, '::after');
        return {fill: box.backgroundColor, mask: box.maskImage || box.webkitMaskImage,
                border: parseFloat(box.borderTopWidth), colour: box.borderTopColor,
                tick: tick.display === 'none' || tick.content === 'none'};
    })""")
    for n, style in enumerate(styles, 1):
        assert style["fill"] in ("rgba(0, 0, 0, 0)", "transparent"), f"box {n} is filled in print: {style}"
        assert style["mask"] == "none" and style["border"] > 0 and style["tick"], \
            f"box {n} does not print as an empty outlined box: {style}"


def test_print_is_black_on_white_in_dark_mode(sample, page_for):
    page = page_for(color_scheme="dark")
    page.goto(sample)
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate", \
        "print-sample: the dark palette did not switch on, so this test checks nothing"
    page.emulate_media(media="print")
    colours = page.locator(".md-content article :is(h1, p, li, a, td, th, .admonition-title)").evaluate_all(
        "els => [...new Set(els.map(e => getComputedStyle(e).color))]")
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert colours == ["rgb(0, 0, 0)"], f"print-sample: text prints in {colours}, not black (print.css)"
    assert background == "rgb(255, 255, 255)", f"print-sample: the page prints on {background}, not white"


TEXT = ".md-content article :is(p, li, td, th):not(.page-meta)"


def smallest_text(page) -> tuple[float, str]:
    sizes = page.locator(TEXT).evaluate_all(
        "els => els.filter(e => e.offsetParent !== null && e.textContent.trim())"
        ".map(e => [parseFloat(getComputedStyle(e).fontSize), e.textContent.trim().slice(0, 40)])")
    return min(sizes)


def test_print_text_is_at_least_12_pt_and_16_pt_in_large_print(sample, page_for):
    page = page_for()
    page.goto(sample)
    page.emulate_media(media="print")
    size, where = smallest_text(page)
    assert size >= 12 * PT - 0.01, f"print-sample: {where!r} prints at {size / PT:.1f} pt, under 12 pt"
    page.evaluate("document.documentElement.classList.add('large-print')")
    size, where = smallest_text(page)
    assert size >= 16 * PT - 0.01, \
        f"print-sample: in large print {where!r} prints at {size / PT:.1f} pt, under 16 pt"
    h2 = page.locator(".md-content article h2").first.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    assert h2 >= 1.2 * 16 * PT, "print-sample: headings do not scale up with large print"


# --- The buttons --------------------------------------------------------------

def tab_to(page, selector: str) -> None:
    _tab_to(page, selector, "overrides/guide/before-content.html")


def test_print_and_large_print_work_by_keyboard_and_large_print_persists(site, server, page_for):
    page = page_for()
    page.add_init_script("window.print = () => { window.printed = (window.printed || 0) + 1; };")
    url = url_of(server, site, site.dir / "index.html")
    page.goto(url)
    tab_to(page, "[data-print-page]")
    page.keyboard.press("Enter")
    # The button loads the print-only QR image first, then asks to print.
    try:
        page.wait_for_function("() => window.printed >= 1", timeout=5000)
    except Exception:
        pass
    assert page.evaluate("window.printed") == 1, "Enter on 'Print this page' does not open printing"

    tab_to(page, "[data-large-print]")
    switch = page.locator("[data-large-print]")
    assert switch.get_attribute("aria-pressed") == "false"
    page.keyboard.press("Space")
    assert switch.get_attribute("aria-pressed") == "true", "Space does not turn on Large print"
    screen = page.locator(".md-content article p:not(.page-meta)").first.evaluate(
        "e => parseFloat(getComputedStyle(e).fontSize)")

    page.reload()
    assert page.evaluate("document.documentElement.classList.contains('large-print')"), \
        "Large print is not kept after reloading the page"
    assert switch.get_attribute("aria-pressed") == "true"
    page.emulate_media(media="print")
    size, where = smallest_text(page)
    assert size >= 16 * PT - 0.01, f"index.html: in large print {where!r} prints at {size / PT:.1f} pt"
    page.emulate_media(media="screen")

    tab_to(page, "[data-large-print]")
    page.keyboard.press("Enter")
    assert switch.get_attribute("aria-pressed") == "false", "Enter does not turn off Large print"
    normal = page.locator(".md-content article p:not(.page-meta)").first.evaluate(
        "e => parseFloat(getComputedStyle(e).fontSize)")
    assert screen > normal, "Large print does not make the text bigger on screen"
    page.reload()
    assert not page.evaluate("document.documentElement.classList.contains('large-print')"), \
        "Large print comes back after it was turned off"


def test_page_tools_do_not_show_without_javascript(site, server, page_for):
    page = page_for(java_script_enabled=False)
    page.goto(url_of(server, site, site.dir / "index.html"))
    assert not page.locator(".print-tools").is_visible(), \
        "Without JavaScript the Print and Large print buttons show but cannot work"


# --- The workshop pack (./guide pack): every handout and template ------------

MM = 72 / 25.4  # PDF points, and pixels at 72 dpi, per millimetre
TOP, BOTTOM = 18 * MM, 16 * MM  # print.css @page margins


@pytest.fixture(scope="module")
def pack(site, server, browser, tmp_path_factory):
    """The booklet as ./guide pack prints it (guide_core/printing.py), from the test build:
    (pdf, [(source, address)] in page-tree order, text of each sheet, first sheet of each part)."""
    from guide_core.template_downloads import page_path
    from guide_core.printing import pack_pages, print_pack

    pages = pack_pages()
    assert pages, "mkdocs.yml lists no handout or template pages"
    out = tmp_path_factory.mktemp("pack") / "workshop-pack.pdf"
    context = browser.new_context()
    try:
        print_pack(context.new_page(), server, pages, out, _tool("pdfunite"))
    finally:
        context.close()
    parts = [(f"docs/{src}", site.address(site.dir / page_path(src) / "index.html")) for src in pages]
    sheets = pdf_text(out).split("\f")[:int(pdf_info(out)["Pages"])]
    starts = [i for i, text in enumerate(sheets) if "Readthispageonline:" in squash(text)]
    return out, parts, sheets, starts


def test_workshop_pack_has_each_handout_and_template_in_order_each_from_a_new_sheet(pack, tmp_path):
    pdf, parts, sheets, starts = pack
    assert len(starts) == len(parts) and starts[0] == 0, (
        f"the pack has {len(starts)} sheets with a print header, expected {len(parts)} parts, "
        "the first on sheet 1 (guide_core/printing.py)")
    problems = []
    sizes = subprocess.run([_tool("pdfinfo"), "-f", "1", "-l", str(len(sheets)), str(pdf)],
                           capture_output=True, text=True, check=True).stdout
    sizes = re.findall(r"^Page\s+\d+ size:.*$", sizes, re.M)
    if len(sizes) != len(sheets) or not all("(A4)" in size for size in sizes):
        problems.append(f"not every sheet of the pack is A4: {sizes}")
    for (source, address), start in zip(parts, starts):
        if f"Readthispageonline:{address}" not in squash(sheets[start]):
            problems.append(f"{source}: sheet {start + 1} should start this part with its address {address}")
        scanned = decode_qr(pdf, tmp_path, sheet=start + 1)
        if scanned != address:
            problems.append(f"{source}: the QR code on sheet {start + 1} reads {scanned!r}, expected {address!r}")
    assert not problems, "\n".join(problems)


def sheet_ink(pdf: Path, tmp: Path) -> list[tuple[list[list[int]], float]]:
    """Each sheet at 72 dpi in grey (one pixel a point) as rows of pixels,
    and the foot of its lowest word, in points."""
    from PIL import Image

    subprocess.run([_tool("pdftoppm"), "-r", "72", "-gray", str(pdf), str(tmp / "sheet")], check=True)
    bbox = subprocess.run([_tool("pdftotext"), "-bbox", str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout
    feet = [max((float(y) for y in re.findall(r'yMax="([\d.]+)"', page)), default=0.0)
            for page in bbox.split("<page ")[1:]]
    images = sorted(tmp.glob("sheet-*.pgm"))
    assert len(images) == len(feet), "pdftoppm and pdftotext disagree on the number of sheets"
    sheets = []
    for image, foot in zip(images, feet):
        picture = Image.open(image)
        width = picture.width
        data = list(picture.get_flattened_data())
        sheets.append(([data[row * width:(row + 1) * width] for row in range(picture.height)], foot))
    return sheets


def test_no_handout_or_template_ends_on_a_nearly_empty_sheet_or_prints_an_empty_box(pack, tmp_path):
    """Over every handout and template: a part of 2 or more sheets fills at
    least a fifth of its last one; and a box split across sheets leaves no
    empty piece: whatever is drawn below a sheet's last words is closed by
    a rule (the foot of a box to write in), not side lines running to the
    page foot with nothing in them."""
    pdf, parts, _, starts = pack
    sheets = sheet_ink(pdf, tmp_path)
    ends = starts[1:] + [len(sheets)]
    problems = []
    for (source, _), start, end in zip(parts, starts, ends):
        for number in range(start, end):
            rows, foot = sheets[number]
            inked = [y for y, row in enumerate(rows) if min(row) < 200]
            lowest = inked[-1] if inked else 0
            height = len(rows) - TOP - BOTTOM
            if number == end - 1 and end - start > 1 and (lowest - TOP) / height < 0.2:
                problems.append(f"{source}: the last of its {end - start} sheets is "
                                f"{(lowest - TOP) / height:.0%} full; it should hold at least a fifth "
                                "of a page, or the page should fit on one sheet fewer")
            if lowest > foot + 3 * MM:
                run = longest = 0
                for value in (min(a, b) for a, b in zip(rows[lowest], rows[lowest - 1])):
                    run = run + 1 if value < 200 else 0
                    longest = max(longest, run)
                if longest < 20 * MM:
                    problems.append(f"{source}: sheet {number - start + 1} ends with an empty, open box "
                                    f"({(lowest - foot) / MM:.0f} mm below the last words): keep the table or "
                                    "box whole (break-inside: avoid in print.css)")
    assert not problems, "\n".join(problems)
