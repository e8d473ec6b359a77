"""Draw a page's 1200 x 630 link-preview card with Pillow and the DejaVu fonts in guide_core/fonts/.

hooks/share_images.py calls draw_card() at build time; nothing comes from the network.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 630
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
