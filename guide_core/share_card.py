"""Share images: one 1200 x 630 picture per page for link previews.

When someone pastes a page's address into an email, a chat or a social
post, the preview shows this picture (og:image). It carries the page title
in large type and the guide's name, drawn at build time with Pillow and the
DejaVu fonts in guide_core/fonts/, so no font or image comes from the network.

hooks/share_images.py gives each page `card_for()`'s path and alt text
(`page.meta["share_image"]`, for overrides/guide/head-sharing.html, and
`page.meta["share_image_alt"]`), then `write_cards()` at the end of the
build. Images are cached in .cache/share-images/ by a hash of what they
show, so a rebuild only draws pages whose title changed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 630
FOLDER = "assets/images/social"
CACHE = Path(__file__).resolve().parent.parent / ".cache" / "share-images"
DESIGN = "2"  # change to redraw every image after a design change
FONTS = Path(__file__).resolve().parent / "fonts"
BOLD = FONTS / "DejaVuSans-Bold.ttf"
REGULAR = FONTS / "DejaVuSans.ttf"

# The guide's colours (guide.css): deep teal panel, white text, rust band.
BACKGROUND = "#1a4d5c"
BAND = "#8a3b12"
TEXT = "#ffffff"
SOFT_TEXT = "#d9e8ec"
MARGIN = 80


def _wrap(draw: ImageDraw.ImageDraw, text: str, font, width: int) -> list[str]:
    lines: list[str] = []
    line = ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if draw.textlength(trial, font=font) <= width or not line:
            line = trial
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


def _title_lines(draw, title: str, width: int, height: int):
    """The largest type size (96 down to 48 px) at which the title fits in the box."""
    for size in range(96, 47, -4):
        font = ImageFont.truetype(str(BOLD), size)
        lines = _wrap(draw, title, font, width)
        line_height = int(size * 1.2)
        fits = all(draw.textlength(line, font=font) <= width for line in lines)
        if fits and len(lines) * line_height <= height:
            return font, lines, line_height
    font = ImageFont.truetype(str(BOLD), 48)
    lines = _wrap(draw, title, font, width)[:4]
    return font, lines, int(48 * 1.2)


def draw_card(title: str, section: str, band: str) -> Image.Image:
    """Draw one share image: section name, title, and a band (usually the guide's name)."""
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    band_top = HEIGHT - 120
    draw.rectangle([0, band_top, WIDTH, HEIGHT], fill=BAND)
    small = ImageFont.truetype(str(REGULAR), 34)
    name_font = ImageFont.truetype(str(BOLD), 40)

    top = MARGIN
    if section:
        draw.text((MARGIN, top), section, font=small, fill=SOFT_TEXT)
        top += 70
    box_width = WIDTH - 2 * MARGIN
    box_height = band_top - 40 - top
    font, lines, line_height = _title_lines(draw, title, box_width, box_height)
    # Centre the title in the space above the band.
    y = top + max(0, (box_height - len(lines) * line_height) // 2)
    for line in lines:
        draw.text((MARGIN, y), line, font=font, fill=TEXT)
        y += line_height

    draw.text((MARGIN, band_top + 60), band, font=name_font, fill=TEXT, anchor="lm")
    return image


@dataclass(frozen=True)
class Card:
    """What one page's card shows, where it goes in the site, and its alt text."""
    path: str
    alt: str
    title: str
    section: str
    band: str


def image_path(url: str) -> str:
    """Where a page's share image lives in the site, e.g. assets/images/social/principles.png."""
    name = url.strip("/").replace("/", "-").removesuffix(".html") or "index"
    return f"{FOLDER}/{name}.png"


def card_for(url: str, title: str, section: str, site_name: str, home: bool) -> Card:
    """The card of the page at `url`: the home page's title is the guide's
    name, so its band says what the guide is, and it names no section."""
    if home:
        return Card(image_path(url), f"{site_name}: a plain-English guide, shown on a teal card.",
                    site_name, "", "A plain-English guide")
    return Card(image_path(url), f"{title}: a page of {site_name}, shown on a teal card.",
                title, section, site_name)


def write_cards(cards, site_dir: Path, cache: Path = CACHE) -> None:
    """Draw each card (or take it from the cache) into the built site."""
    cache.mkdir(parents=True, exist_ok=True)
    for card in cards:
        key = hashlib.sha256("\n".join([DESIGN, card.title, card.section, card.band]).encode()).hexdigest()[:20]
        cached = cache / f"{key}.png"
        if not cached.exists():
            # Drawn under a name of this process's own, then moved into place, so two
            # builds at once (tests run in two processes) never copy a half-written image.
            drawing = cached.with_name(f"{key}.{os.getpid()}.tmp")
            draw_card(card.title, card.section, card.band).save(drawing, format="PNG", optimize=True)
            os.replace(drawing, cached)
        target = site_dir / card.path
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(cached, target)
