"""Every built page has its QR code file, and its print header names it.

The plain functions are tested in tests/unit/test_print_qr.py.
"""
from __future__ import annotations

from guide_core import print_qr

ADDRESS = "https://co-production-guide.github.io/guide/handouts/principles/"


def test_every_page_has_its_qr_file_and_the_template_names_it(site):
    for built in site.content_pages():
        qr = built.parent / print_qr.QR_FILE
        assert qr.exists(), f"{site.rel(built)}: no {print_qr.QR_FILE} beside it (hooks/print_header.py)"
        assert qr.read_text(encoding="utf-8") == print_qr.qr_svg(site.address(built))
        assert f'src="{print_qr.QR_FILE}"' in built.read_text(encoding="utf-8")
