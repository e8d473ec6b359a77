"""'Checked' dates: a warning once a date is more than 12 months old, with generated dates around the edge."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings, strategies as st

from guide_core.checks.built import MONTHS, checked_dates, twelve_months_before

MONTH_NAMES = [m.title() for m in MONTHS]
TODAYS = st.dates(min_value=date(2001, 1, 1), max_value=date(2098, 12, 31))
# The ways the guide's pages (and an editor copying them) write a checked date.
FORMS = st.sampled_from([
    "The sources were checked on {d}.",
    "Checked {d}: the latest version we found was 1.6.",
    "See the page (checked {d}).",
    "It was last reviewed on {d}.",
    "Each source was checked on {d}.",
    "Verified: {d}.",
])


def written(when: date, style: int) -> str:
    name = MONTH_NAMES[when.month - 1]
    return [f"{when.day} {name} {when.year}", f"{when.day} {name[:3]} {when.year}",
            f"{when.day}{'th' if 10 <= when.day % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(when.day % 10, 'th')} "
            f"{name} {when.year}"][style]


@settings(max_examples=300)
@given(today=TODAYS, days=st.integers(min_value=-40, max_value=40), form=FORMS, style=st.integers(0, 2))
def test_a_date_warns_exactly_when_it_is_over_12_months_old(today, days, form, style):
    edge = twelve_months_before(today)
    when = edge + timedelta(days=days)
    found = checked_dates(form.format(d=written(when, style)), today)
    assert len(found) == 1, found
    kind = found[0][1]
    assert kind == ("old" if when < edge else "ok"), (today, when, edge, found)


@settings(max_examples=200)
@given(today=TODAYS, days=st.integers(min_value=1, max_value=4000), form=FORMS)
def test_a_date_in_the_future_is_an_error(today, days, form):
    when = today + timedelta(days=days)
    if when.year > 9999:
        return
    assert [k for _, k in checked_dates(form.format(d=written(when, 0)), today)] == ["future"]


@given(today=TODAYS)
def test_twelve_months_before_is_the_same_day_a_year_earlier(today):
    edge = twelve_months_before(today)
    assert edge.year == today.year - 1 and edge.month == today.month
    assert edge.day == today.day or (today.month, today.day) == (2, 29) and edge.day == 28


@given(today=TODAYS, form=FORMS)
def test_a_day_that_does_not_exist_is_reported(today, form):
    assert [k for _, k in checked_dates(form.format(d=f"31 November {today.year}"), today)] == ["not a date"]


@given(year=st.integers(1990, 2090), text=st.sampled_from(["Published on {d}.", "On {d} the law changed.", "{d}"]))
def test_other_dates_are_not_checked_dates(year, text):
    assert checked_dates(text.format(d=f"1 June {year}"), date(2026, 12, 3)) == []
