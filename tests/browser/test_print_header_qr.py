"""The QR code, drawn in Chromium, scans as the page's address.

The plain functions are tested in tests/unit/test_print_qr.py.
"""
from __future__ import annotations

import base64
import shutil
import subprocess

from guide_core import print_qr

ADDRESS = "https://co-production-guide.github.io/guide/handouts/principles/"


def test_qr_svg_scans_as_the_address(page_for, tmp_path):
    zbarimg = shutil.which("zbarimg")
    assert zbarimg, "zbarimg was not found: install Debian's zbar-tools (./guide test does)."
    page = page_for(viewport={"width": 400, "height": 400})
    data = base64.b64encode(print_qr.qr_svg(ADDRESS).encode()).decode()
    page.set_content("<body style='margin:20px;background:#fff'>"
                     f"<img src='data:image/svg+xml;base64,{data}' width='260' height='260'></body>")
    page.wait_for_function("() => document.images[0].complete")
    png = tmp_path / "qr.png"
    page.screenshot(path=str(png))
    result = subprocess.run([zbarimg, "--raw", "-q", str(png)], capture_output=True, text=True)
    assert result.stdout.strip() == ADDRESS
