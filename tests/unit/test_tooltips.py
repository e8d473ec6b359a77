"""Glossary tooltips appear in body text, never in headings or links, and every
tooltip term has a plain definition on the Glossary page."""

from __future__ import annotations

import re

from conftest import ROOT, parse

from hypothesis import given, strategies as st

from guide_core.checks.tooltips import whole_words_used
from guide_core.html_tree import rewrite_text
from guide_core.rules import strip_tooltips

def test_headings_lose_the_tooltip_but_keep_the_words():
    html = ('<h2 id="x">What is <abbr title="Give and take">reciprocity</abbr>?</h2>'
            '<p>Think about <abbr title="Give and take">reciprocity</abbr>.</p>')
    out = rewrite_text(html, strip_tooltips)
    assert '<h2 id="x">What is reciprocity?</h2>' in out
    assert '<p>Think about <abbr title="Give and take">reciprocity</abbr>.</p>' in out


def test_links_lose_the_tooltip_but_keep_the_words():
    html = '<p>See <a href="glossary/#nihr">the <abbr title="A funder">NIHR</abbr> guide</a>.</p>'
    assert rewrite_text(html, strip_tooltips) == '<p>See <a href="glossary/#nihr">the NIHR guide</a>.</p>'


# That every tooltip has a glossary entry, is short, and is not lost to capitals
# is a content rule: guide_core/checks/tooltips.py checks it (tests/unit/test_content_checks.py).


def test_preview_reloads_when_the_tooltips_change():
    from conftest import load_config
    watched = load_config().get("watch") or []
    assert "includes" in watched, ("Add 'includes' under watch: in mkdocs.yml, so ./guide serve reloads "
                                   "when includes/abbreviations.md changes.")


# The tooltip check finds the words a capital-only tooltip misses in one pass
# over each page: the same words a search for each word on its own finds.
WORD = st.text(alphabet="ab -", min_size=1, max_size=6).map(str.strip).filter(lambda w: w and w[0] != "-" and w[-1] != "-")


def one_by_one(text: str, words) -> set[str]:
    return {w for w in words if re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", text)}


@given(text=st.text(alphabet="ab -\n", max_size=60), words=st.sets(WORD, min_size=1, max_size=6))
def test_one_pass_finds_what_a_search_for_each_word_finds(text, words):
    assert whole_words_used(text, words) == one_by_one(text, words)


def test_a_word_inside_a_longer_one_at_its_own_place():
    text = "Our lived experience panel"
    assert whole_words_used(text, {"lived experience", "experience", "lived", "panel", "pan"}) == {
        "lived experience", "experience", "lived", "panel"}
