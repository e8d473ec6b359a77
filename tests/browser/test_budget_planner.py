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
        # Three groups of partners, one with a bad entry, and a removed group to undo.
        fill_groups(page, GROUPS)
        page.fill("#bp-rate-2", "12 50")
        page.dispatch_event("#bp-rate-2", "change")
        page.locator("[data-budget-remove-group]").last.click()
        # Let the "Back to top" button finish fading in, so axe measures what a reader sees.
        page.evaluate("() => Promise.allSettled(document.getAnimations().map(a => a.finished))")
        result = page.evaluate("options => axe.run(document, options)", options)
        problems += [f"{PAGE} [{scheme}, {width}px, groups] {v['id']} ({v['help']}) at {n['target']}"
                     for v in result["violations"] for n in v["nodes"]]
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


# Groups of partners: a real plan, with two roles at different rates.
GROUPS = [
    {"name": "co-leads", "partners": "2", "sessions": "40", "hours": "2.5", "rate": "25", "prep": "1",
     "follow": "0.5", "care-people": "1"},
    {"name": "advisory group", "partners": "6", "sessions": "12", "hours": "1.5", "rate": "20.38",
     "prep": "0.33", "follow": "0", "care-people": "0"},
    {"name": "", "partners": "3", "sessions": "4", "hours": "3", "rate": "18.75", "prep": "0.25",
     "follow": "0.25", "care-people": "3"},
]
SHARED = {name: ENTRY[name] for name in SHARED_FIELDS}


def group_id(name: str, index: int) -> str:
    return f"#bp-{name}" + (f"-{index + 1}" if index else "")


def fill_groups(page, groups: list[dict]):
    for index, group in enumerate(groups):
        if index:
            page.click("[data-budget-add-group]")
        for name, value in group.items():
            page.fill(group_id(name, index), value)
            page.dispatch_event(group_id(name, index), "change")
    for name, value in SHARED.items():
        page.fill(f"#bp-{name}", value)


def expected_groups(groups: list[dict]) -> tuple[list[dict], dict, Decimal]:
    """Each group's lines and total, the shared lines and the budget, worked out here."""
    cent = Decimal("0.01")
    shared = {k: number(v) for k, v in SHARED.items()}
    result, sessions = [], Decimal(0)
    for group in groups:
        v = {k: number(x) for k, x in group.items() if k != "name"}
        lines = {
            "time": v["partners"] * v["sessions"] * v["hours"] * v["rate"],
            "prep": v["partners"] * v["sessions"] * v["prep"] * v["rate"],
            "follow": v["partners"] * v["sessions"] * v["follow"] * v["rate"],
            "travel": v["partners"] * v["sessions"] * shared["travel"],
            "care": v["care-people"] * v["sessions"] * shared["care"],
        }
        lines = {k: x.quantize(cent, rounding=ROUND_HALF_UP) for k, x in lines.items()}
        result.append({"lines": lines, "total": sum(lines.values())})
        sessions += v["sessions"]
    common = {"interpreters": sessions * shared["interpreters"], "formats": shared["formats"],
              "venue": sessions * shared["venue"], "other": shared["other"]}
    return result, common, sum(g["total"] for g in result) + sum(common.values())


def check_group_totals(page, groups):
    shown = totals(page)
    per_group, common, whole = expected_groups(groups)
    for index, group in enumerate(per_group):
        for line, amount in group["lines"].items():
            key = (f"g{index + 1}-" if index else "") + line
            assert shown[key] == pounds(amount), f"{PAGE}: group {index + 1} {line} shows {shown[key]!r}, expected {pounds(amount)}"
        if len(groups) > 1:
            assert shown[f"g{index + 1}"] == pounds(group["total"]), f"{PAGE}: group {index + 1} total {shown[f'g{index + 1}']!r}"
    for line, amount in common.items():
        assert shown[line] == pounds(amount), f"{PAGE}: {line} shows {shown[line]!r}, expected {pounds(amount)}"
    assert shown["all"] == pounds(whole), f"{PAGE}: total {shown['all']!r}, expected {pounds(whole)}"


def test_groups_of_partners_each_have_a_total_and_add_up(server, page_for):
    page = page_for()
    open_planner(page, server)
    fill_groups(page, GROUPS)
    check_group_totals(page, GROUPS)
    heads = page.eval_on_selector_all("tbody th[scope=rowgroup]", "cells => cells.map(c => c.textContent)")
    assert heads == ["Group 1: co-leads", "Group 2: advisory group", "Group 3"], heads
    legends = page.eval_on_selector_all("[data-budget-group] legend", "cells => cells.map(c => c.textContent)")
    assert legends == heads, f"{PAGE}: the form's groups are named {legends}, the table's {heads}"

    # Save, reload: every group comes back.
    page.click("[data-budget-save]")
    open_planner(page, server)
    assert page.locator("[data-budget-group]").count() == 3
    check_group_totals(page, GROUPS)

    # Remove the middle group: the last is numbered again, the sums follow, Undo puts it back.
    page.locator("[data-budget-group]").nth(1).locator("[data-budget-remove-group]").click()
    assert page.input_value("#bp-partners-2") == GROUPS[2]["partners"]
    check_group_totals(page, [GROUPS[0], GROUPS[2]])
    page.click("[data-budget-undo]")
    check_group_totals(page, GROUPS)
    open_planner(page, server)
    check_group_totals(page, GROUPS)

    # Down to one group: no Remove button, no group heading.
    for _ in range(2):
        page.locator("[data-budget-remove-group]:visible").last.click()
    assert page.locator("[data-budget-remove-group]:visible").count() == 0
    check_group_totals(page, [GROUPS[0]])


def test_total_is_the_exact_sum_of_the_groups(server, page_for):
    from support import fast_check
    page = page_for()
    open_planner(page, server)
    fast_check(page, "budget-groups", runs=150)


def test_every_data_cell_is_tied_to_its_column_and_row_headers(server, page_for):
    page = page_for()
    open_planner(page, server)
    for state in ("one group", "three groups"):
        if state == "three groups":
            fill_groups(page, GROUPS)
        problems = page.evaluate("""() => {
            const table = document.querySelector('[data-budget-table]');
            const out = [];
            table.querySelectorAll('td').forEach((td, i) => {
                const ids = (td.getAttribute('headers') || '').split(' ').filter(Boolean);
                const heads = ids.map(id => document.getElementById(id));
                const where = `cell ${i} (${td.closest('tr').querySelector('th').textContent.trim()})`;
                if (heads.some(h => !h || h.tagName !== 'TH' || !table.contains(h))) out.push(`${where}: headers="${ids}" names no header cell of the table`);
                if (!heads.some(h => h && h.getAttribute('scope') === 'col')) out.push(`${where}: no column header`);
                if (!heads.includes(td.closest('tr').querySelector('th'))) out.push(`${where}: not tied to its row header`);
            });
            return out;
        }""")
        assert not problems, f"{PAGE} ({state}):\n" + "\n".join(problems)


@pytest.mark.parametrize("width", [320, 390])
def test_no_sideways_scroll_on_a_phone(server, page_for, width):
    page = page_for(viewport={"width": width, "height": 800})
    open_planner(page, server)
    measure = """() => {
        const wrap = document.querySelector('.budget-table-wrap');
        const cap = document.querySelector('#budget-caption').getBoundingClientRect();
        const cells = [...document.querySelectorAll('[data-budget-table] :is(th, td, caption)')]
            .filter(c => c.getClientRects().length)
            .map(c => c.getBoundingClientRect().right);
        return {wrap: wrap.scrollWidth - wrap.clientWidth, page: document.documentElement.scrollWidth - innerWidth,
                right: Math.max(...cells), edge: wrap.getBoundingClientRect().right, caption: cap.right};
    }"""
    for state in ("empty", "three groups"):
        if state != "empty":
            fill_groups(page, GROUPS)
            page.fill("#bp-other", "100,000")
        sizes = page.evaluate(measure)
        where = f"{PAGE} at {width}px, {state}"
        assert sizes["wrap"] <= 0 and sizes["page"] <= 0, f"{where}: the table scrolls sideways: {sizes}"
        assert sizes["right"] <= sizes["edge"] + 0.5, f"{where}: part of the table is cut off: {sizes}"
    total = page.locator('[data-total="all"]')
    assert total.is_visible() and total.bounding_box()["x"] + total.bounding_box()["width"] <= width


def test_five_groups_print_as_one_a4_table(server, page_for, tmp_path):
    groups = GROUPS + [{**GROUPS[1], "name": "young people's panel"}, {**GROUPS[0], "name": ""}]
    page = page_for()
    open_planner(page, server)
    fill_groups(page, groups)
    page.emulate_media(media="print")
    pdf = tmp_path / "groups.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True)
    assert "A4" in pdf_info(pdf)["Page size"]
    sheets = [t for t in page_texts(pdf) if "Budget line" in t or "Total budget" in t]
    assert len(sheets) == 1, f"the budget table prints across {len(sheets)} sheets"
    per_group, _, whole = expected_groups(groups)
    for index, group in enumerate(per_group):
        assert pounds(group["total"]) in sheets[0], f"group {index + 1}'s total does not print with the table"
    assert "Group 2: advisory group" in sheets[0] and pounds(whole) in sheets[0]
