"""guide_core: the one YAML loader, the page tree, site_url and the sentence splitter."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT
from guide_core.config import ConfigError, load_config, load_yaml, nav_files, nav_line, site_url
from guide_core.text import split_sentences, words_outside_quotations


def test_env_tag_takes_the_variable_or_its_default(monkeypatch):
    monkeypatch.delenv("SITE_URL", raising=False)
    default = load_config()["site_url"]
    assert default.startswith("https://") and site_url() == default.rstrip("/") + "/"
    monkeypatch.setenv("SITE_URL", "https://example.org/other")
    assert load_config()["site_url"] == "https://example.org/other"
    assert site_url() == "https://example.org/other/"


def test_python_name_tags_stay_names_and_import_nothing():
    emoji = next(e for e in load_config()["markdown_extensions"] if isinstance(e, dict) and "pymdownx.emoji" in e)
    assert emoji["pymdownx.emoji"]["emoji_index"] == "material.extensions.emoji.twemoji"


def test_page_tree_lists_every_page_once():
    files = nav_files(load_config()["nav"])
    assert "index.md" in files and len(files) == len(set(files))
    assert all((ROOT / "docs" / f).is_file() for f in files)


def test_a_yaml_mistake_names_its_line():
    with pytest.raises(ConfigError) as error:
        load_yaml("site_name: Guide\nnav:\n    - Home: index.md\n  - About: about.md\n", "mkdocs.yml")
    assert error.value.problem.line == 4 and "Fix:" in str(error.value)


def test_sentences_split_at_full_stops_and_quotations_do_not_count():
    sentences = split_sentences('Plan early. "Ask people." Then act! 2 more steps follow.')
    assert [s.strip('"') for s in sentences] == ["Plan early.", "Ask people.", "Then act!", "2 more steps follow."]
    assert words_outside_quotations('She said "one two three four" today.') == 3


# Property: a word counts once whatever its alphabet (grŵp, café, naïve) and
# however it is joined (mae'r, don't, co-production), so a Welsh or accented
# sentence is not counted longer than it is.
from hypothesis import given, strategies as st  # noqa: E402

LETTERS = st.characters(whitelist_categories=("Lu", "Ll"))
WORDS = st.lists(st.builds(lambda a, joiner, b: a + joiner + b, st.text(LETTERS, min_size=1, max_size=6),
                           st.sampled_from(["", "'", "’", "-"]), st.text(LETTERS, min_size=1, max_size=6)),
                 min_size=1, max_size=12)


@given(WORDS)
def test_every_word_counts_once_in_any_alphabet(words):
    from guide_core.text import word_count
    assert word_count(" ".join(words)) == len(words)


def _nav_line_by_search(config_text: str, file: str) -> int:
    """nav_line as a search of every line for that one file: what the one-pass index must agree with."""
    for number, line in enumerate(config_text.splitlines(), start=1):
        if re.search(rf"(:|-)\s*{re.escape(file)}\s*$", line):
            return number
    return 1


@given(st.text(alphabet="ab.md:- \t\n", max_size=80), st.text(alphabet="ab.md:-", min_size=1, max_size=8))
def test_nav_line_finds_the_line_a_search_finds(config_text, file):
    assert nav_line(config_text, file) == _nav_line_by_search(config_text, file)


def test_nav_line_names_the_line_of_the_page_tree():
    text = "site_name: Guide\nnav:\n  - Home: index.md\n  - Why: why-co-produce.md\n  - x.md\n"
    assert [nav_line(text, f) for f in ("index.md", "why-co-produce.md", "x.md", "co-produce.md", "no.md")] == [3, 4, 5, 4, 1]
