"""The involvement budget planner (docs/budget-planner.md), in headless Chromium.

- Keyboard only: Tab to each field, type, save, reload, clear.
- Totals: each line and the whole, checked against sums worked out here
  with Decimal, including rounding to the penny.
- Bad input: empty, negative, non-numeric, too many decimals and absurdly
  large entries get a message beside the field (aria-invalid,
  aria-describedby) and no total is shown while any entry is wrong.
- Nothing is stored until the reader saves; Clear removes it.
- axe-core in both palettes with the form filled in and showing an error.
- Print to PDF and read it back; without JavaScript, a blank worksheet.
"""

from __future__ import annotations

import subprocess
from decimal import ROUND_HALF_UP, Decimal

import pytest

from test_accessibility import AXE_JS, AXE_TAGS, SCHEMES, WIDTHS, new_context
from test_print import _tool, pdf_info, print_to_pdf

PAGE = "budget-planner/"
STORE_KEY = "co-production-guide:budget-planner"
# The first group's fields, then the costs every group shares, in the form's order.
GROUP_FIELDS = ["partners", "sessions", "hours", "rate", "prep", "follow", "care-people"]
SHARED_FIELDS = ["travel", "care", "interpreters", "formats", "venue", "other"]
FIELDS = GROUP_FIELDS + SHARED_FIELDS
# An illustrative budget. Preparation comes to £161.4096, so it must round
# up to £161.41: a total cut to the penny instead would show £161.40.
ENTRY = {"partners": "6", "sessions": "4", "hours": "1.25", "rate": "20.38", "prep": "0.33",
         "follow": "0.5", "travel": "12.50", "care-people": "2", "care": "30", "interpreters": "150",
         "formats": "40", "venue": "80", "other": "1,250"}
LINE_LABELS = {
    "time": "Partners' time in sessions", "prep": "Preparation time", "follow": "Follow-up time",
    "travel": "Travel", "care": "Care cover", "interpreters": "Interpreters",
    "formats": "Large print and other formats", "venue": "Venue", "other": "Other access costs",
}


def number(text: str) -> Decimal:
    return Decimal(text.replace(",", "").replace("£", ""))


def expected_lines(entry: dict) -> dict[str, Decimal]:
    """Each line's total in pounds, worked out independently of the page."""
    v = {k: number(x) for k, x in entry.items()}
    raw = {
        "time": v["partners"] * v["sessions"] * v["hours"] * v["rate"],
        "prep": v["partners"] * v["sessions"] * v["prep"] * v["rate"],
        "follow": v["partners"] * v["sessions"] * v["follow"] * v["rate"],
        "travel": v["partners"] * v["sessions"] * v["travel"],
        "care": v["care-people"] * v["sessions"] * v["care"],
        "interpreters": v["sessions"] * v["interpreters"],
        "formats": v["formats"],
        "venue": v["sessions"] * v["venue"],
        "other": v["other"],
    }
    return {k: x.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP) for k, x in raw.items()}


def pounds(amount: Decimal) -> str:
    return f"£{amount:,.2f}"


def open_planner(page, server):
    page.goto(server + PAGE, wait_until="load")
    page.wait_for_selector("[data-budget-form]:not([hidden])")


def tab_to(page, element_id: str, limit: int = 300):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.id") == element_id:
            return
    raise AssertionError(f"{PAGE}: Tab never reached #{element_id}")


def type_entry_by_keyboard(page, entry: dict):
    """From the top of the page, Tab to the first field and type each entry,
    moving on with Tab: the number boxes must come in the order of the form
    (buttons, such as Add a group, may come between them)."""
    tab_to(page, "bp-" + FIELDS[0])
    for name in FIELDS:
        for _ in range(3):
            focused = page.evaluate("document.activeElement.id")
            if page.evaluate("document.activeElement.tagName") != "BUTTON":
                break
            page.keyboard.press("Tab")
        assert focused == f"bp-{name}", f"{PAGE}: Tab reached #{focused}, expected #bp-{name}"
        page.keyboard.type(entry[name])
        page.keyboard.press("Tab")


def totals(page) -> dict[str, str]:
    return page.eval_on_selector_all(
        "[data-total]", "cells => Object.fromEntries(cells.map(c => [c.dataset.total, c.textContent.trim()]))")


def stored(page):
    return page.evaluate(f"window.localStorage.getItem({STORE_KEY!r})")


def test_keyboard_only_totals_save_reload_and_clear(server, page_for):
    page = page_for()
    open_planner(page, server)
    type_entry_by_keyboard(page, ENTRY)
    lines = expected_lines(ENTRY)
    shown = totals(page)
    for line, amount in lines.items():
        assert shown[line] == pounds(amount), f"{PAGE}: {LINE_LABELS[line]} shows {shown[line]!r}, expected {pounds(amount)}"
    assert shown["all"] == pounds(sum(lines.values())), f"{PAGE}: total {shown['all']!r}, expected {pounds(sum(lines.values()))}"
    assert stored(page) is None, f"{PAGE}: the planner stored entries before the reader chose to save"

    # Focus is on the Save button after the last field.
    assert page.evaluate("document.activeElement.textContent.trim()") == "Save on this device"
    page.keyboard.press("Enter")
    assert "Saved on this device" in page.locator("[data-budget-status]").inner_text()
    assert stored(page), f"{PAGE}: Save on this device did not store the entries"

    open_planner(page, server)
    for name in FIELDS:
        assert page.input_value(f"#bp-{name}") == ENTRY[name], f"{PAGE}: #{name} was not restored after saving"
    assert totals(page)["all"] == pounds(sum(lines.values()))

    tab_to(page, "bp-other")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Clear the planner"
    page.keyboard.press("Space")
    assert stored(page) is None, f"{PAGE}: Clear the planner left the saved entries"
    assert all(page.input_value(f"#bp-{name}") == "" for name in FIELDS)
    assert totals(page)["all"] == ""
    open_planner(page, server)
    assert all(page.input_value(f"#bp-{name}") == "" for name in FIELDS), f"{PAGE}: entries came back after Clear"


def test_nothing_is_remembered_unless_saved(server, page_for):
    page = page_for()
    open_planner(page, server)
    for name in FIELDS:
        page.fill(f"#bp-{name}", ENTRY[name])
    assert totals(page)["all"], "the planner showed no total for a complete entry"
    # Material keeps its own settings (such as the palette); none may hold an entry.
    kept = page.evaluate("Object.fromEntries(Object.entries(window.localStorage))")
    assert STORE_KEY not in kept, f"{PAGE}: the entries were stored without Save"
    leaked = [key for key, value in kept.items() if "20.38" in value or "1,250" in value]
    assert not leaked, f"{PAGE}: entries were stored without Save under {leaked}"
    open_planner(page, server)
    assert all(page.input_value(f"#bp-{name}") == "" for name in FIELDS), \
        f"{PAGE}: entries were remembered though the reader did not save"


BAD = [
    ("partners", "", "Enter a whole number"),
    ("partners", "-3", "cannot be negative"),
    ("rate", "twenty", "is not a number"),
    ("hours", "99999", "more than 24"),
    ("travel", "1e9", "is not a number"),
    ("partners", "2.5", "whole number"),
    ("rate", "12.345", "2 decimal places"),
    ("venue", "250000", "more than £100,000"),
    ("care-people", "7", "more than the number of partners"),
]


@pytest.mark.parametrize("field, value, message", BAD, ids=[f"{f}={v!r}" for f, v, _ in BAD])
def test_bad_input_gets_a_message_beside_the_field_and_no_total(server, page_for, field, value, message):
    page = page_for()
    open_planner(page, server)
    type_entry_by_keyboard(page, ENTRY)
    good_total = totals(page)["all"]
    assert good_total

    # Change one field from the keyboard: select its text and type over it.
    tab_to(page, f"bp-{field}")
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")
    if value:
        page.keyboard.type(value)
    page.keyboard.press("Tab")

    box = page.locator(f"#bp-{field}")
    error = page.locator(f"#bp-{field}-error")
    where = f"{PAGE} #bp-{field} = {value!r}"
    assert box.get_attribute("aria-invalid") == "true", f"{where}: not marked aria-invalid"
    assert f"bp-{field}-error" in (box.get_attribute("aria-describedby") or "").split(), \
        f"{where}: the message is not linked with aria-describedby"
    assert error.is_visible() and message in error.inner_text(), \
        f"{where}: expected a message with {message!r}, got {error.inner_text()!r}"
    same_field = page.evaluate(
        "id => document.getElementById(id).closest('.budget-field') === "
        "document.getElementById(id + '-error').closest('.budget-field')", f"bp-{field}")
    assert same_field, f"{where}: the message is not beside its field"
    shown = totals(page)
    assert shown["all"] == "", f"{where}: a total {shown['all']!r} shows while an entry is wrong"
    assert "No total yet" in page.locator("[data-budget-message]").inner_text()
    for line, amount in expected_lines(ENTRY).items():
        assert shown[line] in ("", pounds(amount)), f"{where}: {LINE_LABELS[line]} shows a wrong total {shown[line]!r}"

    # Put the good value back: the message goes and the total returns.
    tab_to(page, f"bp-{field}")
    page.keyboard.press("Control+A")
    page.keyboard.type(ENTRY[field])
    page.keyboard.press("Tab")
    assert box.get_attribute("aria-invalid") is None
    assert error.inner_text() == ""
    assert totals(page)["all"] == good_total


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_axe_finds_no_violations_in_the_filled_and_error_states(server, browser, scheme, width):
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    context = new_context(browser, scheme, width)
    try:
        page = context.new_page()
        open_planner(page, server)
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == SCHEMES[scheme]
        problems = []
        for state, entry in (("filled", ENTRY), ("error", {**ENTRY, "rate": "-5", "hours": "abc"})):
            for name in FIELDS:
                page.fill(f"#bp-{name}", entry[name])
                page.dispatch_event(f"#bp-{name}", "change")
            page.evaluate(AXE_JS.read_text(encoding="utf-8"))
            result = page.evaluate("options => axe.run(document, options)", options)
            for violation in result["violations"]:
                for node in violation["nodes"]:
                    problems.append(f"{PAGE} [{scheme}, {width}px, {state}] {violation['id']} "
                                    f"({violation['help']}) at {node['target']}")
        assert not problems, "axe-core found problems:\n" + "\n".join(problems)
    finally:
        context.close()


def page_texts(pdf) -> list[str]:
    """Each printed sheet's text in the order it was drawn, so a table cell's words stay together."""
    pages = int(pdf_info(pdf)["Pages"])
    return [" ".join(subprocess.run([_tool("pdftotext"), "-raw", "-f", str(n), "-l", str(n), str(pdf), "-"],
                                    capture_output=True, text=True, check=True).stdout.split())
            for n in range(1, pages + 1)]


def test_prints_as_a_budget_table_on_a4(server, page_for, tmp_path):
    page = page_for()
    open_planner(page, server)
    for name in FIELDS:
        page.fill(f"#bp-{name}", ENTRY[name])
    page.emulate_media(media="print")
    page.pdf(path=str(tmp_path / "budget.pdf"), prefer_css_page_size=True)
    pdf = tmp_path / "budget.pdf"
    assert "A4" in pdf_info(pdf)["Page size"], "the budget does not print on A4"
    texts = page_texts(pdf)
    sheet = next((t for t in texts if "Total budget" in t), None)
    assert sheet, "the printed budget has no 'Total budget' line"
    lines = expected_lines(ENTRY)
    for line, amount in lines.items():
        assert LINE_LABELS[line] in sheet, f"{LINE_LABELS[line]!r} is not on the same printed sheet as the total"
        assert pounds(amount) in sheet, f"{LINE_LABELS[line]}: {pounds(amount)} does not print"
    assert pounds(sum(lines.values())) in sheet, "the total does not print"
    everything = " ".join(texts)
    for screen_only in ("Number of partners", "Enter your numbers", "Fill in every box"):
        assert screen_only not in everything, f"{screen_only!r} prints; the form is for the screen only"
    assert not page.locator("[data-budget-form] button").first.is_visible(), "the form's buttons show in print"


def test_without_javascript_it_is_a_blank_printable_worksheet(server, page_for, tmp_path):
    page = page_for(java_script_enabled=False)
    page.goto(server + PAGE, wait_until="load")
    assert not page.locator("[data-budget-form]").is_visible(), "the form shows though it cannot work without JavaScript"
    table = page.locator("[data-budget-table]")
    assert table.is_visible(), "the budget table is hidden without JavaScript"
    assert table.locator("tbody tr").count() == len(LINE_LABELS)
    filled = page.eval_on_selector_all("[data-show], [data-total]", "cells => cells.filter(c => c.textContent.trim()).length")
    assert filled == 0, "the worksheet's boxes are not blank without JavaScript"
    pdf = print_to_pdf(page, server + PAGE, tmp_path / "worksheet.pdf")
    text = " ".join(page_texts(pdf))
    for label in list(LINE_LABELS.values()) + ["Total budget", "Rate or cost (£)"]:
        assert label in text, f"the printed worksheet lacks {label!r}"
    assert "Number of partners" not in text, "the form prints without JavaScript"
    heights = page.eval_on_selector_all("[data-show]", "cells => cells.map(c => c.getBoundingClientRect().height)")
    assert min(heights) >= 10 * 96 / 25.4 - 0.5, "a worksheet box prints under 10 mm tall: no room to write"
