"""Easy Read pictures go inside the page, not as one request each.

The logic is guide_core/pictures.py (a plain function); this hook only
calls it on each page's content.
"""

from pathlib import Path

from guide_core.pictures import FOLDER, inline_pictures


def on_page_content(html, page, config, files):
    if "easy-read-picture" not in html:
        return html
    return inline_pictures(html, Path(config["docs_dir"]) / FOLDER)
