"""Glossary tooltips: read once per build, and kept out of headings and links.

includes/abbreviations.md gives each glossary term a tooltip: an <abbr>
wherever the term appears. mkdocs.yml has pymdownx.snippets append the file
to every page, which any tool that reads mkdocs.yml understands. But then
Markdown parses its lines again for every page, one line at a time, and that
was a third of the build. So on_config reads the file once and hands the
terms to the abbr extension as its glossary, which gives every page the
same tooltips (tests/site/test_tooltips_built.py checks the built pages).

In body text a tooltip helps; in headings and links it does not, so a step
of the page pipeline (guide_core/page_pipeline.py, with
guide_core/rules.py's strip_tooltips) takes the <abbr> tags out of h1 to h6
and out of links, and keeps their words.
"""

from __future__ import annotations

from pathlib import Path

from guide_core import languages
from guide_core.rules import glossary_once


def on_config(config):
    root = Path(config.config_file_path).parent
    config.mdx_configs.update(glossary_once(config.mdx_configs, root))
    # The Welsh build adds the Welsh terms (includes/abbreviations.cy.md): they
    # match the Welsh pages' words, and the English stay for pages not yet translated.
    if not languages.is_default(config):
        config.mdx_configs.update(glossary_once(config.mdx_configs, root, welsh=True))
    return config

