"""Share images: one 1200 x 630 link-preview picture per page, drawn at the
end of the build (logic: guide_core/share_card.py)."""

from __future__ import annotations

from pathlib import Path

from guide_core.share_card import card_for, write_cards

_cards: dict[str, object] = {}


def on_page_markdown(markdown, page, config, files):
    home = page.is_homepage
    title = config["site_name"] if home else str((page.meta or {}).get("title") or page.title or config["site_name"])
    section = str(page.parent.title or "") if page.parent is not None else ""
    card = card_for(page.url, title, section, config["site_name"], home)
    page.meta["share_image"], page.meta["share_image_alt"] = card.path, card.alt
    _cards[card.path] = card
    return markdown


def on_post_build(config):
    write_cards(_cards.values(), Path(config["site_dir"]))
    _cards.clear()
