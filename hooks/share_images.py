"""Share images: one 1200 x 630 picture per page for link previews.

When someone pastes a page's address into an email, a chat or a social
post, the preview shows this picture (og:image). It carries the page title
in large type and the guide's name, drawn at build time with Pillow and the
DejaVu fonts in hooks/fonts/, so no font or image comes from the network.

Each page gets `page.meta["share_image"]` (its path inside the site, for
overrides/guide/head-sharing.html) and `page.meta["share_image_alt"]`.
Images are cached in .cache/share-images/ by a hash of what they show, so
a rebuild only draws pages whose title changed.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 630
FOLDER = "assets/images/social"
HERE = Path(__file__).resolve().parent
BOLD = HERE / "fonts" / "DejaVuSans-Bold.ttf"
REGULAR = HERE / "fonts" / "DejaVuSans.ttf"
CACHE = HERE.parent / ".cache" / "share-images"

# The guide's colours (theme.css): deep teal panel, white text, rust band.
BACKGROUND = "#1a4d5c"
BAND = "#8a3b12"
TEXT = "#ffffff"
SOFT_TEXT = "#d9e8ec"
MARGIN = 80
DESIGN = "2"  # change to redraw every image after a design change

_pending: dict[str, tuple[str, str, str]] = {}


def image_path(page) -> str:
    """Where a page's share image lives in the site, e.g. assets/images/social/principles.png."""
    url = page.url.strip("/")
    name = url.replace("/", "-").removesuffix(".html") or "index"
    return f"{FOLDER}/{name}.png"


def page_title(page, config) -> str:
    if page.is_homepage:
        return config["site_name"]
    return str((page.meta or {}).get("title") or page.title or config["site_name"])


def on_page_markdown(markdown, page, config, files):
    title = page_title(page, config)
    section = ""
    if page.parent is not None and not page.is_homepage:
        section = str(page.parent.title or "")
    path = image_path(page)
    page.meta["share_image"] = path
    if page.is_homepage:
        page.meta["share_image_alt"] = f"{config['site_name']}: a plain-English guide, shown on a teal card."
    else:
        page.meta["share_image_alt"] = f"{title}: a page of {config['site_name']}, shown on a teal card."
    # The home page's title is the guide's name, so its band says what the guide is.
    band = "A plain-English guide" if page.is_homepage else config["site_name"]
    _pending[path] = (title, section, band)
    return markdown


def on_post_build(config):
    site = Path(config["site_dir"])
    CACHE.mkdir(parents=True, exist_ok=True)
    for path, (title, section, band) in _pending.items():
        key = hashlib.sha256("\n".join([DESIGN, title, section, band]).encode()).hexdigest()[:20]
        cached = CACHE / f"{key}.png"
        if not cached.exists():
            draw_card(title, section, band).save(cached, optimize=True)
        target = site / path
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(cached, target)
    _pending.clear()


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
