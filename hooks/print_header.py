"""QR code of each page's public address, for the printed page header.

A Jinja filter, `qr_svg`, turns an address into a small inline SVG QR code.
overrides/guide/before-content.html uses it with `page.canonical_url`
(site_url + the page's address), so a printed handout leads back to the
page online. The code is made at build time with segno: no network, no
extra request, and no JavaScript.
"""

from __future__ import annotations

from markupsafe import Markup
import segno

QR_CLASS = "print-header__qr"


def qr_svg(address: str) -> Markup:
    """An inline SVG QR code of `address`, scaled by CSS to any size."""
    if not address:
        return Markup("")
    code = segno.make(str(address), error="m", micro=False)
    svg = code.svg_inline(
        scale=1, border=4, dark="#000", omitsize=True, svgclass=QR_CLASS,
        title="QR code of this page's address",
    )
    # An image to assistive technology, with the title as its name.
    return Markup(svg.replace("<svg ", '<svg role="img" ', 1))


def on_env(env, config, files):
    env.filters["qr_svg"] = qr_svg
    return env
