"""guide_core/print_qr.py: the QR code of a page's address, made at build time."""

from __future__ import annotations

import base64
import shutil
import subprocess

from guide_core import print_qr

ADDRESS = "https://co-production-guide.github.io/guide/handouts/principles/"


def test_qr_svg_is_a_small_file_that_loads_nothing():
    svg = print_qr.qr_svg(ADDRESS)
    assert svg.startswith("<?xml") and 'xmlns="http://www.w3.org/2000/svg"' in svg
    assert "viewBox=" in svg and "<title>" in svg, "it must scale to any size and have a title"
    assert "href" not in svg, "the SVG must load nothing"
    assert len(svg) < 6000, f"the QR code is {len(svg)} characters: keep it small"
    assert print_qr.qr_svg("") == ""


def test_write_qr_puts_the_file_beside_the_page(tmp_path):
    cache = tmp_path / "cache"
    path = print_qr.write_qr(ADDRESS, tmp_path / "handouts" / "principles", cache)
    assert path == tmp_path / "handouts" / "principles" / print_qr.QR_FILE
    assert path.read_text(encoding="utf-8") == print_qr.qr_svg(ADDRESS)
    assert print_qr.write_qr("", tmp_path, cache) is None


def test_each_address_is_drawn_once_and_each_page_gets_its_own(tmp_path, monkeypatch):
    cache, drawn = tmp_path / "cache", []
    draw = print_qr.qr_svg
    monkeypatch.setattr(print_qr, "qr_svg", lambda address: drawn.append(address) or draw(address))
    other = ADDRESS.replace("principles", "glossary")
    for folder, address in [("a", ADDRESS), ("b", ADDRESS), ("c", other)]:
        print_qr.write_qr(address, tmp_path / folder, cache)
    assert drawn == [ADDRESS, other], "an address already drawn was drawn again"
    assert (tmp_path / "a" / print_qr.QR_FILE).read_text(encoding="utf-8") == draw(ADDRESS)
    assert (tmp_path / "c" / print_qr.QR_FILE).read_text(encoding="utf-8") == draw(other) != draw(ADDRESS)
    assert not list(cache.glob("*.tmp")), "a half-written file was left in the cache"
