"""Reading citations in the text (guide_core/checks/built.py).

Property: every source in a citation, grouped or not, is read with its own
author and year, so each one is checked against the References page.
"""

from __future__ import annotations

from hypothesis import given, strategies as st

from guide_core.checks.built import CITATION, _cited_sources

AUTHOR = st.from_regex(r"[A-Z][a-z]{1,12}( [A-Z][a-z]{1,10}){0,2}( et al\.)?", fullmatch=True)
YEAR = st.one_of(st.integers(1900, 2099).map(str),
                 st.tuples(st.integers(1990, 2030), st.sampled_from("abc")).map(lambda t: f"{t[0]}{t[1]}"),
                 st.sampled_from(["n.d.", "n.d.-a", "n.d.-b"]))


@given(st.lists(st.tuples(AUTHOR, YEAR), min_size=1, max_size=4), st.sampled_from(["; ", ";", " ; "]))
def test_every_source_in_a_citation_is_read(sources, joiner):
    text = "Partners said so (" + joiner.join(f"{a}, {y}" for a, y in sources) + ")."
    match = CITATION.search(text)
    assert match, text
    assert [(a.strip(), y) for a, y in _cited_sources(match)] == sources
