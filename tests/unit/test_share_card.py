"""guide_core/share_card.py: link-preview pictures drawn at build time.

Checks the drawing itself (size, colours, the title fits and is large), the
image path for each page, and that each built page's image shows its own
title: pages with different titles get different pictures.
"""

from __future__ import annotations

from PIL import Image, ImageDraw, ImageFont

from guide_core import share_card


def _ink_box(image: Image.Image, top: int, bottom: int):
    """Bounding box of white text between two heights."""
    region = image.crop((0, top, image.width, bottom)).convert("L").point(lambda v: 255 if v > 200 else 0)
    return region.getbbox()


def test_card_is_1200_by_630_with_the_title_in_large_type_inside_the_margins():
    title = "Challenges and when not to co-produce"
    image = share_card.draw_card(title, "Do co-production", "A guide to co-production")
    assert image.size == (1200, 630)
    assert image.getpixel((5, 5)) == Image.new("RGB", (1, 1), share_card.BACKGROUND).getpixel((0, 0))
    box = _ink_box(image, 150, 500)
    assert box is not None, "No title text was drawn."
    left, top, right, bottom = box
    assert left >= share_card.MARGIN - 5 and right <= 1200 - share_card.MARGIN + 5, (
        f"The title runs outside the margins: {box}.")
    # Large type: the title block is tall (several lines of big letters).
    assert bottom - top >= 150, f"The title looks small: its text is only {bottom - top} px tall."


def test_a_very_long_title_shrinks_but_stays_readable():
    draw = ImageDraw.Draw(Image.new("RGB", (10, 10)))
    title = "Is this co-production? A self-check for teams who want to share power with partners"
    font, lines, line_height = share_card._title_lines(draw, title, 1040, 380)
    assert font.size >= 48, f"Title type shrank to {font.size} px; keep at least 48 px."
    assert all(draw.textlength(line, font=font) <= 1040 for line in lines)
    assert len(lines) * line_height <= 380
    assert " ".join(lines) == title, "Words of the title were lost."


def test_the_guides_name_is_in_the_band():
    image = share_card.draw_card("Principles", "Understand co-production", "A guide to co-production")
    band = _ink_box(image, 510, 630)
    assert band is not None and band[2] - band[0] > 300, "The guide's name is missing from the band."


def test_image_path_for_each_kind_of_page():
    assert share_card.image_path("") == "assets/images/social/index.png"
    assert share_card.image_path("principles/") == "assets/images/social/principles.png"
    assert share_card.image_path("handouts/principles/") == "assets/images/social/handouts-principles.png"


def test_the_home_card_says_what_the_guide_is_and_a_page_card_names_its_page():
    home = share_card.card_for("", "A guide to co-production", "Ignored", "A guide to co-production", home=True)
    assert (home.title, home.section, home.band) == ("A guide to co-production", "", "A plain-English guide")
    page = share_card.card_for("principles/", "Principles", "Understand", "A guide to co-production", home=False)
    assert (page.title, page.section, page.band) == ("Principles", "Understand", "A guide to co-production")
    assert page.alt.startswith("Principles: ") and page.path.endswith("/principles.png")


def test_each_card_is_drawn_once_and_a_changed_title_is_drawn_again(tmp_path):
    cache, site = tmp_path / "cache", tmp_path / "site"
    card = share_card.card_for("principles/", "Principles", "", "A guide", home=False)
    share_card.write_cards([card], site, cache)
    first = (site / card.path).read_bytes()
    assert len(list(cache.iterdir())) == 1 and first.startswith(b"\x89PNG")
    share_card.write_cards([card], site, cache)
    assert len(list(cache.iterdir())) == 1, "an unchanged card was drawn again"
    changed = share_card.card_for("principles/", "Our principles", "", "A guide", home=False)
    share_card.write_cards([changed], site, cache)
    assert len(list(cache.iterdir())) == 2 and (site / card.path).read_bytes() != first


def test_font_files_are_committed_with_their_licence():
    for font in (share_card.BOLD, share_card.REGULAR):
        assert font.is_file(), f"{font} is missing: the share images need it (no system fonts)."
        ImageFont.truetype(str(font), 20)
    assert (share_card.BOLD.parent / "LICENCE-DejaVu.txt").is_file(), "Keep the font's licence beside it."
