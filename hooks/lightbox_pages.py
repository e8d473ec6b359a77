"""Load the lightbox only on pages that have an image to enlarge, and only
when the reader first opens one.

mkdocs-glightbox adds its script and stylesheet to every page. Pages with no
image set `glightbox: false` for themselves here, which the plugin reads,
so most pages make two fewer requests. On the pages that keep it, the files
load on first use (guide_core/lightbox.py, a step of the page pipeline),
so the first view makes two fewer requests there too.
"""

from guide_core.lightbox import has_image


def on_page_markdown(markdown, page, config, files):
    if "glightbox" not in page.meta and not has_image(markdown):
        page.meta["glightbox"] = False
    return markdown
