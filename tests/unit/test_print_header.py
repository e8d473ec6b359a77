"""hooks/print_header.py: the QR code of a page's address, made at build time."""

from __future__ import annotations

import shutil
import subprocess

import jinja2

from hooks import print_header

ADDRESS = "https://co-production-guide.github.io/guide/handouts/principles/"


def test_qr_svg_is_a_small_inline_image():
    svg = str(print_header.qr_svg(ADDRESS))
    assert svg.startswith("<svg ") and svg.endswith("</svg>")
    assert 'role="img"' in svg and "<title>" in svg and 'class="print-header__qr"' in svg
    assert "<?xml" not in svg and "href" not in svg, "the SVG must be inline and load nothing"
    assert len(svg) < 6000, f"the QR code is {len(svg)} characters: keep it small"
    assert print_header.qr_svg("") == ""


def test_filter_is_registered_for_templates():
    env = print_header.on_env(jinja2.Environment(), None, None)
    html = env.from_string("{{ address | qr_svg }}").render(address=ADDRESS)
    assert html.startswith("<svg ") and "&lt;" not in html


def test_qr_svg_scans_as_the_address(page_for, tmp_path):
    zbarimg = shutil.which("zbarimg")
    assert zbarimg, "zbarimg was not found: install Debian's zbar-tools (./guide test does)."
    page = page_for(viewport={"width": 400, "height": 400})
    svg = str(print_header.qr_svg(ADDRESS)).replace("<svg ", '<svg width="300" height="300" ', 1)
    page.set_content(f"<body style='margin:20px;background:#fff'>{svg}</body>")
    png = tmp_path / "qr.png"
    page.screenshot(path=str(png))
    result = subprocess.run([zbarimg, "--raw", "-q", str(png)], capture_output=True, text=True)
    assert result.stdout.strip() == ADDRESS
