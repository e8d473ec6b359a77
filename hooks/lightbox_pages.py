"""Load the lightbox only on pages that have an image to enlarge, and only
when the reader first opens one.

mkdocs-glightbox adds its script and stylesheet to every page. Pages with no
image set `glightbox: false` for themselves here, which the plugin reads,
so most pages make two fewer requests. On the pages that keep it, the files
load on first use (guide_core/lightbox.py), so the first view makes two
fewer requests there too. Hooks run after plugins, so on_post_page sees the
page the plugin wrote.
"""

import re

from guide_core.lightbox import load_on_first_use

IMAGE = re.compile(r"!\[[^\]]*\]\(|<img\b", re.I)


def on_page_markdown(markdown, page, config, files):
    if "glightbox" not in page.meta and not IMAGE.search(markdown):
        page.meta["glightbox"] = False
    return markdown


def on_post_page(output, page, config):
    if page.meta.get("glightbox") is False:
        return output
    return load_on_first_use(output)
