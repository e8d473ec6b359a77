"""What the budget planner keeps, and what it tells the reader about it.

- A damaged saved record of any kind never throws and never hides the form:
  the reader is told, and nothing else saved is lost.
- Once the reader chooses to save, every change is saved as they type, so
  an edit survives a reload. Another tab's change reaches this tab through
  the storage event: the form takes it and the status line says so.
- Clear offers Undo, here and in another tab that it emptied.
- A number is checked when the reader leaves the box, not mid-keystroke,
  and its message is announced (a live region), as is "No total yet".
- The printed message does not point to the form, which does not print.
"""

from __future__ import annotations

import json

import pytest

from support import ScreenReader
from test_budget_planner import ENTRY, FIELDS, PAGE, STORE_KEY, open_planner

DAMAGED = {
    "values is null": '{"values": null}',
    "not JSON": "{values: 6",
    "a list": "[]",
    "values is a list": '{"values": ["6"]}',
    "null": "null",
    "a string": '"6"',
    "a number": "6",
}


def status(page) -> str:
    return page.locator("[data-budget-status]").inner_text()


def with_saved(page, server, text: str):
    open_planner(page, server)
    page.evaluate("([k, v]) => { localStorage.setItem(k, v); localStorage.setItem('other-tool', 'kept'); }",
                  [STORE_KEY, text])
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    open_planner(page, server)  # waits for the form to show
    return errors


@pytest.mark.parametrize("record", DAMAGED.values(), ids=DAMAGED.keys())
def test_a_damaged_record_is_said_and_the_form_shown(server, page_for, record):
    page = page_for()
    errors = with_saved(page, server, record)
    assert not errors, f"{PAGE}: a saved record {record!r} made the planner throw: {errors}"
    assert "could not be read" in status(page), f"{PAGE}: a saved record {record!r} was not reported: {status(page)!r}"
    assert page.evaluate("localStorage.getItem('other-tool')") == "kept"
    page.fill("#bp-partners", "6")
    assert page.locator('[data-total="all"]').inner_text() == ""


def test_blocked_storage_is_said_not_called_damaged(server, page_for):
    page = page_for()
    page.context.add_init_script(
        "Storage.prototype.getItem = Storage.prototype.setItem = function () {"
        " throw new DOMException('blocked', 'SecurityError'); };")
    errors = []  # Material's own scripts may throw here; the planner must not
    page.on("pageerror", lambda error: errors.append(error.stack or "") if "budget-planner" in (error.stack or "") else None)
    open_planner(page, server)
    assert not errors, errors
    assert "does not let the planner keep" in status(page) and "could not be read" not in status(page), status(page)
    page.fill("#bp-partners", "6")
    page.click("[data-budget-save]")
    assert "did not let the planner save" in status(page), status(page)


def test_a_record_with_some_wrong_values_keeps_the_rest(server, page_for):
    page = page_for()
    values = {**ENTRY, "partners": 6, "rate": None}
    errors = with_saved(page, server, json.dumps({"values": values}))
    assert not errors
    assert page.input_value("#bp-sessions") == ENTRY["sessions"]
    assert page.input_value("#bp-partners") == ""
    assert "could not be read" in status(page)


def saved_values(page) -> dict:
    record = json.loads(page.evaluate(f"localStorage.getItem({STORE_KEY!r})") or "null")
    return record and {**record["groups"][0], **record["values"]}


def test_after_save_an_edit_is_kept_through_a_reload(server, page_for):
    page = page_for()
    open_planner(page, server)
    for name in FIELDS:
        page.fill(f"#bp-{name}", ENTRY[name])
    page.click("[data-budget-save]")
    assert "Saved on this device" in status(page)
    page.fill("#bp-partners", "7")
    assert saved_values(page)["partners"] == "7", f"{PAGE}: an edit after Save was not saved"
    assert "as you type" in status(page), status(page)
    open_planner(page, server)
    assert page.input_value("#bp-partners") == "7", f"{PAGE}: the edit after Save was lost on reload"
    assert all(page.input_value(f"#bp-{name}") == ENTRY[name] for name in FIELDS if name != "partners")


def test_saving_as_you_type_is_announced_once(server, page_for):
    page = page_for()
    open_planner(page, server)
    page.fill("#bp-partners", "6")
    page.click("[data-budget-save]")
    reader = ScreenReader(page, "main")
    page.click("#bp-sessions")
    page.keyboard.type("1234")
    page.fill("#bp-hours", "2")
    spoken = reader.wait_for("as you type")
    said = [p for p in spoken if "as you type" in p]
    assert len(said) == 1, f"{PAGE}: the status line was announced at every key: {said}"
    assert saved_values(page)["sessions"] == "1234" and saved_values(page)["hours"] == "2"


def wait_status(page, text: str):
    page.wait_for_function("t => document.querySelector('[data-budget-status]').textContent.includes(t)", arg=text)


def test_another_tab_saving_or_clearing_is_taken_and_said(server, page_for):
    first = page_for()
    second = first.context.new_page()  # two tabs of one browser, the second opened first
    open_planner(second, server)
    open_planner(first, server)
    for name in FIELDS:
        first.fill(f"#bp-{name}", ENTRY[name])
    first.click("[data-budget-save]")
    wait_status(second, "another tab")
    assert second.input_value("#bp-rate") == ENTRY["rate"], f"{PAGE}: the other tab did not take the saved numbers"
    # The older tab edits: the first tab takes its numbers rather than keep stale ones.
    second.fill("#bp-rate", "21")
    first.wait_for_function("() => document.querySelector('#bp-rate').value === '21'")
    assert saved_values(first)["rate"] == "21" and "another tab" in status(first)
    second.click("[data-budget-clear]")
    wait_status(first, "cleared in another tab")
    assert "Saved on this device" not in status(first)
    assert first.input_value("#bp-rate") == ""
    # Nothing is lost: the first tab can put the numbers back, and save them again.
    first.click("[data-budget-undo]")
    assert first.input_value("#bp-rate") == "21"
    assert saved_values(first)["rate"] == "21"
    wait_status(second, "another tab")
    assert second.input_value("#bp-rate") == "21"


def test_clear_offers_undo(server, page_for):
    page = page_for()
    open_planner(page, server)
    for name in FIELDS:
        page.fill(f"#bp-{name}", ENTRY[name])
    page.click("[data-budget-save]")
    total = page.locator('[data-total="all"]').inner_text()
    page.click("[data-budget-clear]")
    assert page.evaluate(f"localStorage.getItem({STORE_KEY!r})") is None
    assert page.input_value("#bp-rate") == "" and "Undo" in status(page)
    undo = page.locator("[data-budget-undo]")
    assert undo.is_visible(), f"{PAGE}: Clear offers no Undo"
    undo.click()
    assert all(page.input_value(f"#bp-{name}") == ENTRY[name] for name in FIELDS)
    assert page.locator('[data-total="all"]').inner_text() == total
    assert saved_values(page) == {**ENTRY, "name": ""}, f"{PAGE}: Undo did not save the numbers again"
    assert not undo.is_visible()
    # Unsaved numbers cleared and put back stay unsaved.
    page.click("[data-budget-clear]")
    page.click("[data-budget-clear]")
    page.fill("#bp-partners", "3")
    page.click("[data-budget-clear]")
    undo.click()
    assert page.input_value("#bp-partners") == "3"
    assert page.evaluate(f"localStorage.getItem({STORE_KEY!r})") is None


def test_a_number_is_checked_on_leaving_the_box_and_announced(server, page_for):
    page = page_for()
    open_planner(page, server)
    reader = ScreenReader(page, "main")
    page.click("#bp-hours")
    page.keyboard.type("1.")
    assert page.get_attribute("#bp-hours", "aria-invalid") is None, "an error showed while typing 1.5"
    page.keyboard.type("5")
    page.click("#bp-partners")
    page.keyboard.type("1 2")
    assert page.get_attribute("#bp-partners", "aria-invalid") is None
    page.keyboard.press("Tab")
    error = page.locator("#bp-partners-error").inner_text()
    assert "space" in error and page.get_attribute("#bp-partners", "aria-invalid") == "true"
    spoken = reader.wait_for(error)
    assert any(error in phrase for phrase in spoken), f"{PAGE}: the error {error!r} was not announced: {spoken}"
    spoken = reader.wait_for("No total yet")
    assert any("No total yet" in phrase for phrase in spoken), f"{PAGE}: 'No total yet' was not announced: {spoken}"


def test_the_printed_message_does_not_point_to_the_form(server, page_for):
    page = page_for()
    open_planner(page, server)
    page.fill("#bp-partners", "6")
    assert "form" in page.locator("[data-budget-message]").inner_text()
    page.emulate_media(media="print")
    assert page.locator("[data-budget-form]").is_hidden()
    printed = page.locator("[data-budget-message]").inner_text()
    assert "No total yet" in printed and "form" not in printed, f"{PAGE}: the printout says {printed!r}"
