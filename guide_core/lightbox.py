"""The lightbox's files load on first use, not with the page.

mkdocs-glightbox puts a stylesheet and a script (about 17 KB gzip) into the
<head> of each page with an image to enlarge, and starts the lightbox from
an inline script. A reader who never opens the image still waits for both.

load_on_first_use() takes the two files out of the page and swaps the
plugin's start-up script for docs/assets/javascripts/lightbox-loader.js,
with the files' addresses and the plugin's options in a JSON block: when the reader first opens an
image (mouse, touch, or Enter on the link), it fetches the stylesheet and
the script, starts the lightbox with the plugin's own options and opens
that image. Then the lightbox works as before, and on closing it puts the
focus back on the link the reader opened it from. The plugin's inline
<style> stays: it does nothing until the lightbox opens.

Without JavaScript, or if the files cannot load, the link opens the image
on its own, and the image is in the page anyway.

A plain function on the built page: a step of the page pipeline
(guide_core/page_pipeline.py), after the plugin has written the page. If
the plugin's output ever changes shape, the page is left as the plugin
wrote it (the lightbox then loads with the page), and
tests/browser/test_ladder_figure.py fails to say so. The patch list,
guide_core/patches.py, names its tests.
"""

from __future__ import annotations

import json
import re

from guide_core.page_data import json_block

CSS_LINK = re.compile(r'\s*<link href="([^"]*/glightbox\.min\.css)" rel="stylesheet">')
SCRIPT = re.compile(r'\s*<script src="([^"]*/glightbox\.min\.js)"></script>')
START = re.compile(r'<script id="init-glightbox">const lightbox = GLightbox\((\{[^<]*?\})\);\n[^<]*</script>')

# The loader, beside the plugin's script in the built site.
LOADER = "lightbox-loader.js"


def load_on_first_use(html: str) -> str:
    """`html` with the lightbox's stylesheet and script fetched on first use."""
    css, script, start = CSS_LINK.search(html), SCRIPT.search(html), START.search(html)
    if not (css and script and start):
        return html
    setup = {"css": css.group(1), "js": script.group(1), "options": json.loads(start.group(1))}
    loader = script.group(1).rsplit("/", 1)[0] + "/" + LOADER
    block = json_block("lightbox-setup", json.dumps(setup)) + f'<script src="{loader}" defer></script>'
    html = html[:start.start()] + block + html[start.end():]
    return SCRIPT.sub("", CSS_LINK.sub("", html, count=1), count=1)
