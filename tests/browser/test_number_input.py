"""The parser every tool uses for a typed number (number-input.js), checked
with fast-check on generated inputs in the built planner page:

- every number a reader might write (commas, a £ sign, "12.", ".5",
  trailing zeros, spaces around it) gives its exact value in pence,
  hundredths of an hour or whole units;
- a space or line break inside a number is refused with a message, never
  dropped ("12 50" is not 1250, "1 2" partners is not 12);
- any text at all gives a value in range or a message, and never throws.
"""

from __future__ import annotations

import pytest

from support import fast_check, open_page

KINDS = {"money": 10000, "hours": 24, "count": 1000}


@pytest.fixture(scope="module")
def planner(browser, server):
    page = open_page(browser)
    page.goto(server + "budget-planner/")
    page.wait_for_function("() => window.GuideNumbers !== undefined")
    yield page
    page.context.close()


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("prop", ["accepted", "spaces", "anything"])
def test_number_parser(planner, kind, prop):
    fast_check(planner, "number-parse", {"property": prop, "kind": kind, "max": KINDS[kind]}, runs=500)


def test_the_rules_are_shown_to_the_reader(planner):
    rules = planner.locator("[data-number-rules]")
    assert rules.is_visible()
    assert rules.inner_text() == planner.evaluate("GuideNumbers.RULES")
    assert "12.50" in rules.inner_text()
