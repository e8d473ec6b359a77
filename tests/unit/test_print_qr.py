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
    path = print_qr.write_qr(ADDRESS, tmp_path / "handouts" / "principles")
    assert path == tmp_path / "handouts" / "principles" / print_qr.QR_FILE
    assert path.read_text(encoding="utf-8") == print_qr.qr_svg(ADDRESS)
    assert print_qr.write_qr("", tmp_path) is None
