"""The self-check page and its scoring data, from docs/self-check.yml.

A thin hook: guide_core/self_check.py does the work. On the page that says
`selfcheck: true` it fills in the questions, the scoring and the paper
scoring key, and after them the scoring data as a JSON block, which
self-check.js reads from the page, so it makes no extra request. A problem
in the data file stops the build with FILE:LINE and what to do.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from guide_core import self_check


def _data(config):
    try:
        return self_check.load(Path(config["docs_dir"]) / "self-check.yml")
    except self_check.SelfCheckError as error:
        raise PluginError(str(error)) from None


def on_page_markdown(markdown, page, config, files):
    if not page.meta.get("selfcheck"):
        return markdown
    # The data, read once here; the page pipeline puts it after the questions.
    page.meta["self_check_data"] = data = _data(config)
    try:
        return self_check.render_page(markdown, data, "docs/" + page.file.src_uri)
    except self_check.SelfCheckError as error:
        raise PluginError(str(error)) from None
