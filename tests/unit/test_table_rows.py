"""Finding the broken row of a table that shows as text (guide_core/checks/built.py).

Property: in any table, the row reported is the one an editor broke (a
separator row that lost a |, or a row with a cell too many or too few),
whichever line of the table the search started from.
"""

from __future__ import annotations

from types import SimpleNamespace

from hypothesis import given, strategies as st

from guide_core.checks.built import _odd_table_row

WORD = st.from_regex(r"[A-Za-z][a-z]{0,8}( [a-z]{1,8}){0,2}", fullmatch=True)


@st.composite
def broken_tables(draw):
    width = draw(st.integers(2, 5))
    rows = [[draw(WORD) for _ in range(width)] for _ in range(draw(st.integers(1, 6)))]
    lines = ["| " + " | ".join(r) + " |" for r in rows]
    lines.insert(1, "| " + " | ".join("---" for _ in range(width)) + " |")
    broken = draw(st.integers(1, len(lines) - 1))
    if broken == 1:
        lines[1] = lines[1].replace("| --- |", "| --- ", 1)  # the separator loses a |
    else:
        extra = draw(st.booleans())
        lines[broken] = lines[broken] + " more |" if extra else lines[broken].rsplit("|", 2)[0] + "|"
    before = draw(st.lists(WORD, max_size=3))
    text = "\n".join(before + [""] + lines + ["", "After the table."])
    first = len(before) + 2
    start = first + draw(st.integers(0, len(lines) - 1))
    return text, start, first + broken


@given(broken_tables())
def test_the_broken_row_is_found(case):
    text, start, broken = case
    assert _odd_table_row(SimpleNamespace(text=text), start) == broken, text


@given(st.integers(-3, 40))
def test_a_line_outside_a_table_is_kept(line):
    page = SimpleNamespace(text="No table here.\n\nJust words | and a bar.\n")
    assert _odd_table_row(page, line) in (line,)
