"""Make the Word and OpenDocument downloads of the templates (logic: guide_core/template_downloads.py).

  python -m scripts.template_downloads DOCS_DIR OUT_DIR [SITE_URL]
"""

from __future__ import annotations

import sys
from pathlib import Path

from guide_core.template_downloads import TemplateError, build_downloads


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 3):
        print("Usage: python -m scripts.template_downloads DOCS_DIR OUT_DIR [SITE_URL]", file=sys.stderr)
        return 2
    site_url = argv[2] if len(argv) == 3 else "https://co-production-guide.github.io/guide/"
    try:
        made = build_downloads(Path(argv[0]), Path(argv[1]), site_url)
    except TemplateError as error:
        print(error, file=sys.stderr)
        return 1
    for src_uri, downloads in made.items():
        print(src_uri + ": " + ", ".join(f"{d.name} ({d.size_text})" for d in downloads))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
