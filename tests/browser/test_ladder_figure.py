"""The ladder of participation figure on the related terms page.

The figure is an SVG kept in the repository, with real text (the rung names)
and a title, readable on its own background in light and dark mode and in
print. The page gives it alt text, a caption, a larger view in the lightbox
and a full text equivalent: every rung name is also in the page's own text.
"""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, parse
from test_practice_tools import run_axe

PAGE_DOC = "docs/related-terms.md"
PAGE = "related-terms/index.html"
SVG_NAME = "ladder-of-participation.svg"
SVG_SOURCE = ROOT / "docs" / "assets" / "images" / SVG_NAME
NS = "{http://www.w3.org/2000/svg}"
MIN_CONTRAST = 4.5
WEAK_ALT = {"", "image", "figure", "diagram", "picture", "ladder", "ladder of participation"}


@pytest.fixture(scope="module")
def page(site):
    built = site.dir / PAGE
    assert built.exists(), f"{PAGE} was not built; is {PAGE_DOC} in the nav?"
    return parse(built)


@pytest.fixture(scope="module")
def figure(page):
    for img in page.select("article figure img"):
        if img.get("src", "").endswith(SVG_NAME):
            return img.find_parent("figure")
    pytest.fail(
        f"{PAGE_DOC}: no <figure> with an <img> of assets/images/{SVG_NAME}. Add the ladder figure:\n"
        '  <figure markdown="span">\n'
        f"    ![Alt text](assets/images/{SVG_NAME})\n"
        "    <figcaption>Caption</figcaption>\n"
        "  </figure>", pytrace=False)


@pytest.fixture(scope="module")
def svg():
    assert SVG_SOURCE.exists(), f"{SVG_SOURCE.relative_to(ROOT)} is missing: the ladder figure must be kept in the repo"
    return ET.parse(SVG_SOURCE).getroot()


def rung_names(svg) -> list[str]:
    """Rung labels are the texts that start with the rung's number."""
    names = []
    for text in svg.iter(f"{NS}text"):
        words = " ".join("".join(text.itertext()).split())
        match = re.match(r"^(\d+)\s+(.+)$", words)
        if match:
            names.append(match.group(2))
    return names


def test_figure_is_an_svg_kept_in_the_repository(site, figure):
    img = figure.select_one("img")
    target = urljoin("https://x/related-terms/", img["src"])
    built = site.dir / urlsplit(target).path.lstrip("/")
    assert built.exists(), f"{PAGE}: the image {img['src']} is not in the build"
    assert built.read_bytes() == SVG_SOURCE.read_bytes(), f"{PAGE}: the image is not docs/assets/images/{SVG_NAME}"
    tracked = subprocess.run(["git", "ls-files", "--error-unmatch", str(SVG_SOURCE)], cwd=ROOT,
                             capture_output=True, text=True)
    assert tracked.returncode == 0, f"{SVG_SOURCE.relative_to(ROOT)} is not committed: git add and commit it"


def test_figure_has_alt_text_caption_and_lightbox(figure):
    img = figure.select_one("img")
    alt = " ".join(img.get("alt", "").split())
    assert alt.lower() not in WEAK_ALT and len(alt.split()) >= 5 and not alt.lower().endswith(".svg"), \
        f"{PAGE_DOC}: the ladder image needs real alt text saying what it shows; it has {alt!r}"
    caption = figure.select_one("figcaption")
    assert caption is not None and len(caption.get_text(strip=True).split()) >= 4, \
        f"{PAGE_DOC}: the ladder figure needs a <figcaption> that says what it shows"
    link = img.find_parent("a")
    assert link is not None and "glightbox" in link.get("class", []), \
        f"{PAGE_DOC}: the ladder image should sit in an <a class=\"glightbox\"> (the glightbox plugin adds it)"
    assert link.get("href", "").endswith(SVG_NAME), f"{PAGE_DOC}: the lightbox link should open {SVG_NAME}"


def test_svg_has_a_title_and_real_text(svg):
    title = svg.find(f"{NS}title")
    assert title is not None and len((title.text or "").split()) >= 3, \
        f"{SVG_SOURCE.name}: needs a <title> saying what the figure shows"
    names = rung_names(svg)
    assert len(names) >= 5, (f"{SVG_SOURCE.name}: the rung names must be real <text> elements "
                             f"('1 Informing', ...), not paths or a picture; found {names}")
    assert svg.find(f".//{NS}image") is None, f"{SVG_SOURCE.name}: must not embed a bitmap picture of text"


def test_every_rung_name_is_in_the_page_text(page, figure, svg):
    article = page.select_one("article")
    text_outside = BeautifulSoup(str(article), "html.parser")
    for fig in text_outside.select("figure"):
        fig.decompose()
    words = " ".join(text_outside.get_text(" ").split()).lower()
    missing = [name for name in rung_names(svg) if name.lower() not in words]
    assert not missing, (f"{PAGE_DOC}: the full text equivalent of the ladder misses these rungs "
                         f"(write them in the page text, outside the figure): {missing}")


# --- Contrast of the SVG's own text on its own background -------------------

def _rgb(colour: str) -> tuple[float, float, float] | None:
    colour = colour.strip().lower()
    named = {"white": "#ffffff", "black": "#000000"}
    colour = named.get(colour, colour)
    if re.fullmatch(r"#[0-9a-f]{3}", colour):
        colour = "#" + "".join(c * 2 for c in colour[1:])
    if not re.fullmatch(r"#[0-9a-f]{6}", colour):
        return None
    return tuple(int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5))


def _luminance(rgb) -> float:
    def channel(c):
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _painted(svg):
    """Elements in paint order with their inherited fill."""
    def walk(node, fill):
        fill = node.get("fill", fill)
        yield node, fill
        for child in node:
            yield from walk(child, fill)
    yield from walk(svg, "#000000")


def test_svg_text_contrasts_with_its_own_background(svg):
    """Dark mode shows the SVG on a dark page: each text must sit on a shape
    the SVG paints itself, in a colour that contrasts with the text."""
    shapes = []  # (x, y, w, h, fill) painted so far
    problems = []
    checked = 0
    for node, fill in _painted(svg):
        tag = node.tag.removeprefix(NS)
        if tag == "rect" and _rgb(fill or "") is not None:
            x, y = float(node.get("x", 0)), float(node.get("y", 0))
            w, h = (float(str(node.get(k, 0)).rstrip("%") or 0) for k in ("width", "height"))
            if str(node.get("width", "")).endswith("%"):
                w, h = 1e9, 1e9
            shapes.append((x, y, w, h, fill))
        elif tag == "text":
            words = " ".join("".join(node.itertext()).split())
            x, y = float(node.get("x", 0)), float(node.get("y", 0)) - 5  # a point inside the letters
            behind = [s for s in shapes if s[0] <= x <= s[0] + s[2] and s[1] <= y <= s[1] + s[3]]
            text_rgb = _rgb(fill or "")
            if text_rgb is None:
                problems.append(f"{words!r}: give the text a hex fill colour (it has {fill!r})")
            elif not behind:
                problems.append(f"{words!r}: has no background shape in the SVG, so in dark mode it "
                                "sits on the dark page. Add a background <rect> covering the figure.")
            else:
                ratio = contrast(text_rgb, _rgb(behind[-1][4]))
                if ratio < MIN_CONTRAST:
                    problems.append(f"{words!r}: contrast {ratio:.1f}:1 with its background "
                                    f"{behind[-1][4]} (need {MIN_CONTRAST}:1)")
            checked += 1
    assert checked, f"{SVG_SOURCE.name}: no <text> found"
    assert not problems, f"{SVG_SOURCE.relative_to(ROOT)}:\n  " + "\n  ".join(problems)


# --- In Chromium: shown in dark mode, and opens larger by keyboard ---------

def test_figure_shows_in_dark_mode_passes_axe_and_opens_larger_by_keyboard(server, page_for, figure):
    page = page_for(color_scheme="dark", viewport={"width": 1000, "height": 900})
    page.goto(server + "related-terms/")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    img = page.locator(f"article figure img[src$='{SVG_NAME}']")
    img.scroll_into_view_if_needed()
    assert img.evaluate("i => i.complete && i.naturalWidth > 0"), f"{PAGE}: the ladder image did not load"
    run_axe(page, f"{PAGE} in dark mode")
    link = page.locator("article figure a.glightbox")
    link.focus()
    page.keyboard.press("Enter")
    lightbox = page.locator(".glightbox-container")
    lightbox.locator(f"img[src$='{SVG_NAME}']").wait_for(state="visible")
    page.keyboard.press("Escape")
    lightbox.wait_for(state="detached")
    assert link.evaluate("a => a === document.activeElement"), \
        f"{PAGE}: after the lightbox closes, the focus should be back on the image's link"


def test_lightbox_files_load_on_first_use_and_it_opens_and_closes_by_mouse(server, page_for):
    page = page_for(viewport={"width": 390, "height": 844})
    asked = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(server + "related-terms/", wait_until="networkidle")
    early = [url for url in asked if "glightbox" in url]
    assert not early, f"{PAGE}: the lightbox files load with the page ({early}); see guide_core/lightbox.py"
    link = page.locator("article figure a.glightbox")
    for attempt in ("first", "second"):
        link.scroll_into_view_if_needed()
        link.click()
        lightbox = page.locator(".glightbox-container")
        lightbox.locator(f"img[src$='{SVG_NAME}']").wait_for(state="visible")
        assert page.evaluate("location.pathname").endswith("/related-terms/"), \
            f"{PAGE}: the {attempt} click left the page instead of opening the lightbox"
        lightbox.locator(".gclose").click()
        lightbox.wait_for(state="detached")
    loaded = sorted({url.rsplit("/", 1)[-1] for url in asked if "glightbox" in url})
    assert loaded == ["glightbox.min.css", "glightbox.min.js"], f"{PAGE}: the lightbox loaded {loaded}"


def test_without_javascript_the_image_shows_and_its_link_opens_it(server, page_for):
    page = page_for(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page.goto(server + "related-terms/")
    img = page.locator(f"article figure img[src$='{SVG_NAME}']")
    img.scroll_into_view_if_needed()
    assert img.evaluate("i => i.complete && i.naturalWidth > 0"), f"{PAGE}: without JavaScript the image does not show"
    page.locator("article figure a.glightbox").click()
    page.wait_for_url(f"**/{SVG_NAME}")
