"""Every built page has its own link-preview image.

The drawing is tested in tests/unit/test_share_card.py.
"""
from __future__ import annotations

import hashlib
from guide_core import share_card


def test_each_built_page_has_its_own_image(site):
    seen = {}
    for page in site.content_pages():
        rel = site.rel(page).removesuffix("index.html")
        name = (rel.strip("/").replace("/", "-") or "index") + ".png"
        path = site.dir / share_card.FOLDER / name
        assert path.is_file(), f"{rel or './'}: no share image at {path.relative_to(site.dir)}."
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        assert digest not in seen, f"{rel} and {seen.get(digest)} have the same share image."
        seen[digest] = rel
