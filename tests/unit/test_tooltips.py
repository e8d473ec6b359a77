"""Glossary tooltips appear in body text, never in headings or links, and every
tooltip term has a plain definition on the Glossary page."""

from __future__ import annotations

import re

from conftest import ROOT, parse

from guide_core.rules import strip_tooltips

def test_headings_lose_the_tooltip_but_keep_the_words():
    html = ('<h2 id="x">What is <abbr title="Give and take">reciprocity</abbr>?</h2>'
            '<p>Think about <abbr title="Give and take">reciprocity</abbr>.</p>')
    out = strip_tooltips(html)
    assert '<h2 id="x">What is reciprocity?</h2>' in out
    assert '<p>Think about <abbr title="Give and take">reciprocity</abbr>.</p>' in out


def test_links_lose_the_tooltip_but_keep_the_words():
    html = '<p>See <a href="glossary/#nihr">the <abbr title="A funder">NIHR</abbr> guide</a>.</p>'
    assert strip_tooltips(html) == '<p>See <a href="glossary/#nihr">the NIHR guide</a>.</p>'


# That every tooltip has a glossary entry, is short, and is not lost to capitals
# is a content rule: guide_core/checks/tooltips.py checks it (tests/unit/test_content_checks.py).


def test_preview_reloads_when_the_tooltips_change():
    from conftest import load_config
    watched = load_config().get("watch") or []
    assert "includes" in watched, ("Add 'includes' under watch: in mkdocs.yml, so ./guide serve reloads "
                                   "when includes/abbreviations.md changes.")
