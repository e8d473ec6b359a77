"""Easy Read pictures go inside the page, not as one request each.

The logic is guide_core/pictures.py (a plain function); this hook only
calls it on each page's content.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from guide_core.pictures import FOLDER, inline_pictures  # noqa: E402


def on_page_content(html, page, config, files):
    if "easy-read-picture" not in html:
        return html
    return inline_pictures(html, Path(config["docs_dir"]) / FOLDER)
