"""QR code of each page's public address, for the printed page header.

`qr_svg()` turns an address into a small SVG QR code, made at build time
with segno: no network and no JavaScript. hooks/print_header.py writes it
beside each page as print-qr.svg. overrides/guide/before-content.html
shows it with a lazy <img> inside the print header, which is hidden on
screen, so a browser fetches it only when the page prints. The page on
screen carries none of it, and the template needs no custom filter
(Zensical takes none).

Drawing a QR code is most of the work (segno tries each of its eight masks
and keeps the clearest), so each is kept in .cache/print-qr/ by a hash of
its address, and a rebuild draws only a new address's.
"""

from __future__ import annotations

import hashlib
import io
import os
from pathlib import Path

import segno

QR_CLASS = "print-header__qr"
QR_FILE = "print-qr.svg"  # named in overrides/guide/before-content.html
CACHE = Path(__file__).resolve().parent.parent / ".cache" / "print-qr"
DESIGN = "1"  # change to redraw every QR code after a change to qr_svg()


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


def write_qr(address: str, page_dir: Path, cache: Path = CACHE) -> Path | None:
    """Write the QR code of `address` into the folder of a built page."""
    if not address:
        return None
    key = hashlib.sha256(f"{DESIGN}\n{address}".encode()).hexdigest()[:20]
    cached = cache / f"{key}.svg"
    if not cached.exists():
        cache.mkdir(parents=True, exist_ok=True)
        # Written under a name of this process's own, then moved into place, so two
        # builds at once (tests run in two processes) never read a half-written file.
        drawing = cached.with_name(f"{key}.{os.getpid()}.tmp")
        drawing.write_text(qr_svg(address), encoding="utf-8")
        os.replace(drawing, cached)
    page_dir.mkdir(parents=True, exist_ok=True)
    path = page_dir / QR_FILE
    path.write_bytes(cached.read_bytes())
    return path
