"""Every change to a page's HTML, in one pass each time MkDocs hands it over
(the steps and their order: guide_core/page_pipeline.py).

- on_page_content: the page's own text, as Markdown made it;
- on_post_page: the whole page, once the templates are around it;
- on_post_template: the 404 page, a static template.
"""

from __future__ import annotations

from pathlib import Path

from guide_core import languages
from guide_core.page_pipeline import MADE, TEXT_STEPS, Page, run, run_page

_serving = False


def on_startup(command, dirty):
    global _serving
    _serving = command == "serve"
    MADE.clear()


def _page(config, meta=None, template=False) -> Page:
    return Page(meta=meta or {}, docs_dir=Path(config["docs_dir"]), language=languages.current(config),
                serving=_serving, template=template)


def on_page_content(html, page, config, files):
    return run(TEXT_STEPS, html, _page(config, page.meta))


def on_post_page(output, page, config):
    MADE.add((Path(config["site_dir"]) / page.file.dest_path).resolve())
    return run_page(output, _page(config, page.meta))


def on_post_template(output_content, template_name, config):
    if not template_name.endswith(".html"):
        return output_content
    MADE.add((Path(config["site_dir"]) / template_name).resolve())
    return run_page(output_content, _page(config, template=True))
