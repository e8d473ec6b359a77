"""Every built page has its own link-preview image.

Moved from tests/unit/test_share_images.py, which tests plain functions only.
"""
from __future__ import annotations

import hashlib
from types import SimpleNamespace

from PIL import Image, ImageDraw, ImageFont

from hooks import share_images


def test_each_built_page_has_its_own_image(site):
    seen = {}
    for page in site.content_pages():
        rel = site.rel(page).removesuffix("index.html")
        name = (rel.strip("/").replace("/", "-") or "index") + ".png"
        path = site.dir / share_images.FOLDER / name
        assert path.is_file(), f"{rel or './'}: no share image at {path.relative_to(site.dir)}."
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        assert digest not in seen, f"{rel} and {seen.get(digest)} have the same share image."
        seen[digest] = rel
