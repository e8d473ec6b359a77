"""Easy Read pictures inside the page, so each one costs no request.

An Easy Read page has a picture beside every point, written in Markdown as
an ordinary image:

    ![A person sitting calmly](../assets/images/easy-read/break.svg){ .easy-read-picture ... }

A page with 15 pictures would make 15 requests for them, which is slow on
an old phone. inline_pictures() puts each picture's own SVG file into its
<img> as a data: address instead. Everything else stays as it was: the
<img> keeps its alt text, width, height, class and data-idea, so screen
readers, the Easy Read styles on screen and in print, and the tests see the
same picture. The SVG file is copied byte for byte (percent-encoded), so it
stays the unchanged OpenMoji file that docs/about.md credits.

Why not Material's custom icons (`:openmoji-break:`)? They paste the SVG
into the page with no text alternative, and every OpenMoji file uses the
same ids (emoji, color, line), which would repeat on the page. An <img>
with a data: address has neither problem.

A plain function: a step of the page pipeline (guide_core/page_pipeline.py). A site
builder that runs no hooks still shows the pictures, as separate files.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote

# Where the pictures live, inside docs/.
FOLDER = "assets/images/easy-read/"
DATA_PREFIX = "data:image/svg+xml,"
# Characters kept as they are in the data: address. Everything else (spaces,
# new lines, quotes, <, >, #, %) is percent-encoded, so the address is a
# valid URL inside a double-quoted attribute.
_SAFE = "/:=;,'()!*+?@&$"
PICTURE = "img.easy-read-picture"
_NAME = re.compile(re.escape(FOLDER) + r"([\w-]+)\.svg$")


def data_address(svg_text: str) -> str:
    """The SVG file's text as a data: address, unchanged once decoded."""
    return DATA_PREFIX + quote(svg_text, safe=_SAFE)


def picture_name(src: str) -> str | None:
    """'break' for '../../assets/images/easy-read/break.svg', else None."""
    match = _NAME.search(src)
    return match.group(1) if match else None


def inline_pictures(root, pictures: Path) -> None:
    """Each Easy Read picture under `root`, an element of a parsed page
    (guide_core/html_tree.py), with its file inside its <img>.

    `pictures` is the folder docs/assets/images/easy-read/. A picture whose
    file is missing is left as it is: the build already stops on a link to
    a missing file, and ./guide check names the line.
    """
    for img in root.css(PICTURE):
        name = picture_name(img.attributes.get("src") or "")
        path = pictures / f"{name}.svg" if name else None
        if path is not None and path.is_file():
            img.attrs["src"] = data_address(path.read_text(encoding="utf-8"))
