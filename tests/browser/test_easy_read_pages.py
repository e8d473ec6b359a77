"""The Easy Read pages (docs/easy-read/) in Chromium: their text is big,
plain and left-aligned on screen and prints at 14pt or more, and their
pictures, inside each page, show without a request each, the same size on
screen and in print.

What the built HTML says of them: tests/site/test_easy_read.py.
"""

from __future__ import annotations

import pytest

from support import EASY_READ_MIN_POINTS as MIN_POINTS, EASY_READ_PAGES
from support import easy_read_source as _source

MIN_SCREEN_PX = 18
MIN_PRINT_PX = 14 * 96 / 72  # 14 pt
PICTURE_ON_SCREEN = """() => [...document.querySelectorAll('img.easy-read-picture')].map(img => {
  const box = img.getBoundingClientRect();
  return {alt: img.alt, loaded: img.complete && img.naturalWidth > 0, width: box.width, height: box.height};
})"""


TEXT_STYLES = """() => [...document.querySelectorAll('.easy-read p, .easy-read li')]
  .filter(el => el.innerText.trim())
  .map(el => {
    const s = getComputedStyle(el);
    return {text: el.innerText.trim().slice(0, 50), size: parseFloat(s.fontSize),
            style: s.fontStyle, align: s.textAlign};
  })"""


def _text_styles(page_for, server, rel, media):
    page = page_for(viewport={"width": 390, "height": 844})
    page.emulate_media(media=media)
    page.goto(server + rel)
    styles = page.evaluate(TEXT_STYLES)
    assert styles, f"docs/{_source(rel)}: no Easy Read text found on the page"
    return styles


@pytest.mark.parametrize("rel", EASY_READ_PAGES)
def test_text_is_big_plain_and_left_aligned_on_screen(page_for, server, rel):
    styles = _text_styles(page_for, server, rel, "screen")
    small = [f"{s['size']:.1f}px: {s['text']!r}" for s in styles if s["size"] < MIN_SCREEN_PX]
    assert not small, (f"docs/{_source(rel)}: text under {MIN_SCREEN_PX}px on screen; check the Easy Read "
                       "section of guide.css:\n    " + "\n    ".join(small))
    odd = [f"{s['style']}, {s['align']}: {s['text']!r}" for s in styles
           if s["style"] != "normal" or s["align"] not in ("left", "start")]
    assert not odd, f"docs/{_source(rel)}: Easy Read text must not be italic or justified:\n    " + "\n    ".join(odd)


@pytest.mark.parametrize("rel", EASY_READ_PAGES)
def test_text_prints_at_14pt_or_more(page_for, server, rel):
    styles = _text_styles(page_for, server, rel, "print")
    small = [f"{s['size'] * 72 / 96:.1f}pt: {s['text']!r}" for s in styles if s["size"] < MIN_PRINT_PX - 0.01]
    assert not small, (f"docs/{_source(rel)}: printed text under 14pt; check the Easy Read section "
                       "of guide.css:\n    " + "\n    ".join(small))


@pytest.mark.parametrize("rel", EASY_READ_PAGES)
def test_pictures_show_without_a_request_each(page_for, server, rel):
    """Each picture is inside the page (a data: address), so a slow phone makes
    no request per picture, and it still draws, the same size on screen and in print."""
    page = page_for(viewport={"width": 390, "height": 844})
    asked = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(server + rel, wait_until="networkidle")
    files = [url for url in asked if "/assets/images/easy-read/" in url]
    assert not files, f"docs/{_source(rel)}: the page asked for picture files: {files}; check guide_core/pictures.py"
    sizes = {}
    for media in ("screen", "print"):
        page.emulate_media(media=media)
        pictures = page.evaluate(PICTURE_ON_SCREEN)
        assert len(pictures) >= MIN_POINTS, f"docs/{_source(rel)}: only {len(pictures)} pictures found"
        broken = [p["alt"] for p in pictures if not p["loaded"] or p["width"] < 40 or p["height"] < 40]
        assert not broken, f"docs/{_source(rel)}: these pictures do not show on {media}: {broken}"
        sizes[media] = {(round(p["width"]), round(p["height"])) for p in pictures}
    assert sizes["screen"] == sizes["print"], (
        f"docs/{_source(rel)}: pictures are {sizes['screen']} px on screen but {sizes['print']} px in print; "
        "keep the Easy Read picture sizes in section 10 of guide.css the same on screen and in print")
