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

A plain function on the parsed built page: a step of the page pipeline
(guide_core/page_pipeline.py), after the plugin has written the page. If
the plugin's output ever changes shape, the page is left as the plugin
wrote it (the lightbox then loads with the page), and
tests/browser/test_ladder_figure.py fails to say so. The patch list,
guide_core/patches.py, names its tests.
"""

from __future__ import annotations

import json
import re

from guide_core import html_tree
from guide_core.html_tree import Tree
from guide_core.page_data import json_block

CSS_LINK = 'link[rel="stylesheet"][href$="/glightbox.min.css"]'
SCRIPT = 'script[src$="/glightbox.min.js"]'
START_SCRIPT = "script#init-glightbox"
START = re.compile(r'const lightbox = GLightbox\((\{[^<]*?\})\);\n[^<]*', re.S)

# An image in a page's Markdown, written either way.
IMAGE = re.compile(r"!\[[^\]]*\]\(|<img\b", re.I)

# The loader, beside the plugin's script in the built site.
LOADER = "lightbox-loader.js"


def has_image(markdown: str) -> bool:
    """Whether a page's Markdown holds an image, so the page needs the lightbox."""
    return bool(IMAGE.search(markdown))


def load_on_first_use(tree: Tree) -> None:
    """The lightbox's stylesheet and script, fetched on first use."""
    css, script, start = tree.css_first(CSS_LINK), tree.css_first(SCRIPT), tree.css_first(START_SCRIPT)
    options = START.fullmatch(start.text()) if start is not None else None
    if not (css and script and options):
        return
    address = script.attributes["src"]
    setup = {"css": css.attributes["href"], "js": address, "options": json.loads(options.group(1))}
    loader = address.rsplit("/", 1)[0] + "/" + LOADER
    html_tree.put_after(start, json_block("lightbox-setup", json.dumps(setup))
                        + f'<script src="{loader}" defer></script>')
    for node in (start, css, script):
        node.decompose()
