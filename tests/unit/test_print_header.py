"""hooks/print_header.py: the QR code of a page's address, made at build time."""

from __future__ import annotations

import base64
import shutil
import subprocess

from hooks import print_header

ADDRESS = "https://co-production-guide.github.io/guide/handouts/principles/"


def test_qr_svg_is_a_small_file_that_loads_nothing():
    svg = print_header.qr_svg(ADDRESS)
    assert svg.startswith("<?xml") and 'xmlns="http://www.w3.org/2000/svg"' in svg
    assert "viewBox=" in svg and "<title>" in svg, "it must scale to any size and have a title"
    assert "href" not in svg, "the SVG must load nothing"
    assert len(svg) < 6000, f"the QR code is {len(svg)} characters: keep it small"
    assert print_header.qr_svg("") == ""


def test_write_qr_puts_the_file_beside_the_page(tmp_path):
    path = print_header.write_qr(ADDRESS, tmp_path / "handouts" / "principles")
    assert path == tmp_path / "handouts" / "principles" / print_header.QR_FILE
    assert path.read_text(encoding="utf-8") == print_header.qr_svg(ADDRESS)
    assert print_header.write_qr("", tmp_path) is None


def test_every_page_has_its_qr_file_and_the_template_names_it(site):
    for built in site.content_pages():
        qr = built.parent / print_header.QR_FILE
        assert qr.exists(), f"{site.rel(built)}: no {print_header.QR_FILE} beside it (hooks/print_header.py)"
        assert qr.read_text(encoding="utf-8") == print_header.qr_svg(site.address(built))
        assert f'src="{print_header.QR_FILE}"' in built.read_text(encoding="utf-8")


def test_qr_svg_scans_as_the_address(page_for, tmp_path):
    zbarimg = shutil.which("zbarimg")
    assert zbarimg, "zbarimg was not found: install Debian's zbar-tools (./guide test does)."
    page = page_for(viewport={"width": 400, "height": 400})
    data = base64.b64encode(print_header.qr_svg(ADDRESS).encode()).decode()
    page.set_content("<body style='margin:20px;background:#fff'>"
                     f"<img src='data:image/svg+xml;base64,{data}' width='260' height='260'></body>")
    page.wait_for_function("() => document.images[0].complete")
    png = tmp_path / "qr.png"
    page.screenshot(path=str(png))
    result = subprocess.run([zbarimg, "--raw", "-q", str(png)], capture_output=True, text=True)
    assert result.stdout.strip() == ADDRESS
