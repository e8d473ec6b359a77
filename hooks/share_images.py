"""Share images: one 1200 x 630 picture per page for link previews.

When someone pastes a page's address into an email, a chat or a social
post, the preview shows this picture (og:image). It carries the page title
in large type and the guide's name, drawn at build time with Pillow and the
DejaVu fonts in guide_core/fonts/, so no font or image comes from the network.

Each page gets `page.meta["share_image"]` (its path inside the site, for
overrides/guide/head-sharing.html) and `page.meta["share_image_alt"]`.
Images are cached in .cache/share-images/ by a hash of what they show, so
a rebuild only draws pages whose title changed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

from guide_core.share_card import (  # noqa: F401
    BACKGROUND, BOLD, MARGIN, REGULAR, _title_lines, draw_card,
)

FOLDER = "assets/images/social"
CACHE = Path(__file__).resolve().parent.parent / ".cache" / "share-images"
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
            # Drawn under a name of this process's own, then moved into place, so two
            # builds at once (tests run in two processes) never copy a half-written image.
            drawing = cached.with_name(f"{key}.{os.getpid()}.tmp")
            draw_card(title, section, band).save(drawing, format="PNG", optimize=True)
            os.replace(drawing, cached)
        target = site / path
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(cached, target)
    _pending.clear()
