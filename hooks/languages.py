"""The two languages' site-wide steps (logic: guide_core/languages.py).

- The Welsh build leaves the site's one 404 page to the English build.
- The Welsh home page (cy/) counts as a home page, as the English one does.
- (Each page loses Material's head language links: a step of the page
  pipeline, guide_core/page_pipeline.py.)
- Once every language is built, each language gets its own search index.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.plugins import event_priority

from guide_core import languages

log = logging.getLogger("mkdocs.hooks.languages")


def on_config(config):
    # Both builds write to the same site folder: one 404 page, in English.
    if languages.is_default(config):
        config.theme.static_templates.add("404.html")
    else:
        config.theme.static_templates.discard("404.html")
    return config


def on_pre_page(page, config, files):
    languages.mark_home(page, config)
    return page


@event_priority(-200)
def on_post_build(config):
    if not languages.all_built(config):
        return
    counts = languages.split_search_index(Path(config["site_dir"]), languages.others(config))
    log.debug("Search index entries by language: %s", counts)
