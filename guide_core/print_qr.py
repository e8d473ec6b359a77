"""QR code of each page's public address, for the printed page header.

`qr_svg()` turns an address into a small SVG QR code, made at build time
with segno: no network and no JavaScript. hooks/print_header.py writes it
beside each page as print-qr.svg. overrides/guide/before-content.html
shows it with a lazy <img> inside the print header, which is hidden on
screen, so a browser fetches it only when the page prints. The page on
screen carries none of it, and the template needs no custom filter
(Zensical takes none).
"""

from __future__ import annotations

import io
from pathlib import Path

import segno

QR_CLASS = "print-header__qr"
QR_FILE = "print-qr.svg"  # named in overrides/guide/before-content.html


def qr_svg(address: str) -> str:
    """An SVG file of the QR code of `address`, scaled by CSS to any size."""
    if not address:
        return ""
    out = io.BytesIO()
    segno.make(str(address), error="m", micro=False).save(
        out, kind="svg", scale=1, border=4, dark="#000", omitsize=True,
        title="QR code of this page's address", encoding="utf-8",
    )
    return out.getvalue().decode("utf-8")


def write_qr(address: str, page_dir: Path) -> Path | None:
    """Write the QR code of `address` into the folder of a built page."""
    if not address:
        return None
    page_dir.mkdir(parents=True, exist_ok=True)
    path = page_dir / QR_FILE
    path.write_text(qr_svg(address), encoding="utf-8")
    return path
