"""What a screen reader says on the budget planner, from the virtual screen
reader (tools/jstest, tests/support.py ScreenReader) on the real page:

- each number box is announced with its label and its hint;
- after a bad entry ("12 50" in the rate), the message beside the box is
  announced as the reader leaves it, the box is announced as invalid with
  the message when they come back to it, and "No total yet" is announced;
- the line totals and the whole budget are read out with their headers.
"""

from __future__ import annotations

from support import ScreenReader
from test_budget_planner import ENTRY, FIELDS, open_planner


def labels(page) -> dict[str, str]:
    return page.eval_on_selector_all(
        "[data-budget-form] input[data-kind]",
        "inputs => Object.fromEntries(inputs.map(i => [i.id, i.labels[0].textContent.trim()]))")


def test_labels_errors_and_totals_are_spoken(server, page_for):
    page = page_for()
    open_planner(page, server)
    reader = ScreenReader(page, "[data-budget-form]")
    names = labels(page)

    # Walk the form with the reader's "next" key, to the last box.
    said = []
    for _ in range(400):
        reader.next()
        said.append(reader.spoken()[-1])
        if said[-1].startswith("textbox, " + names["bp-other"]):
            break
    for box, label in names.items():
        hint = page.locator(f"#{box}-hint").inner_text()
        assert any(phrase.startswith("textbox, " + label) and hint in phrase for phrase in said), \
            f"the box {label!r} is not announced with its label and hint: {said}"

    # A bad entry in the rate: the message is spoken when the reader leaves the box.
    for name in FIELDS:
        page.fill(f"#bp-{name}", ENTRY[name])
    reader.stop()
    reader = ScreenReader(page, "main")  # the "No total yet" line is under the table
    page.click("#bp-rate")
    page.keyboard.press("Control+A")
    page.keyboard.type("12 50")  # types over the rate
    page.keyboard.press("Tab")
    message = "“12 50” has a space in it. Enter one number, such as 12.50."
    assert page.locator("#bp-rate-error").inner_text() == message
    spoken = reader.wait_for("No total yet")
    spoken = reader.wait_for(message)
    assert "polite: " + message in spoken, f"the rate's message was not announced: {spoken}"
    assert any(p.startswith("polite: No total yet: 1 entry needs checking.") for p in spoken), spoken

    # Coming back to the box, it is said to be invalid, with the message.
    reader.stop()
    reader = ScreenReader(page, "[data-budget-form]")
    for _ in range(400):
        reader.next()
        back = reader.spoken()[-1]
        if back.startswith("textbox, " + names["bp-rate"]):
            break
    assert back.startswith("textbox, " + names["bp-rate"]) and message in back and "invalid" in back, \
        f"the rate box is not announced as invalid with its message: {back!r}"

    # Put it right: the total is announced, and read in the table with its headers.
    reader.clear()
    page.fill("#bp-rate", ENTRY["rate"])
    page.dispatch_event("#bp-rate", "change")
    total = page.locator('[data-total="all"]').inner_text()
    assert total.startswith("£")
    reader.stop()
    reader = ScreenReader(page, "[data-budget-table]")
    heard = []
    for _ in range(200):
        reader.next()
        heard.append(reader.spoken()[-1])
        if total in heard[-1]:
            break
    assert any(p == total or p.endswith(total) for p in heard), f"the total {total} is not read out: {heard[-8:]}"
    line = page.locator('[data-total="time"]').inner_text()
    assert any(line in p for p in heard), f"the line total {line} is not read out: {heard}"
