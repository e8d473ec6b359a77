"""The tools for practice, in Chromium: working checklists and the
"Is this co-production?" self-check (its rules come from docs/self-check.yml).

Each tool is used by keyboard where a reader would, is checked with axe-core
in each state, sends nothing anywhere, and still reads well with JavaScript
turned off and on paper.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT, build, copy_project, parse
from guide_core import self_check as self_check_data
from self_check_js import score as js_score
from support import AXE_TAGS
from support import run_axe as _run_axe

DOCS = ROOT / "docs"

# Pages that must carry a working checklist.
CHECKLIST_PAGES = ["accessibility-checklist.md", "getting-started.md"]
SELF_CHECK_PAGE = "self-check.md"

# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------

def front_matter(source: Path) -> dict:
    text = source.read_text(encoding="utf-8")
    if not text.startswith("---"):
        return {}
    return yaml.safe_load(text.split("---", 2)[1]) or {}


def built_path(doc: str) -> str:
    """The served path of a Markdown page: 'a/b.md' -> 'a/b/', 'a/b.cy.md' -> 'cy/a/b/'."""
    from guide_core.checks.site import url_of
    return url_of(doc)


def pages_asking_for(key: str) -> list[str]:
    return sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md")
                  if front_matter(p).get(key))


def soup_of(site, doc: str) -> BeautifulSoup:
    path = site.dir / built_path(doc) / "index.html"
    assert path.exists(), f"{doc}: not built (looked for {path})"
    return parse(path)


def item_text(li) -> str:
    """A task item's own words, without lists nested inside it."""
    words = []
    for child in li.children:
        if getattr(child, "name", None) in ("ul", "ol"):
            continue
        words.append(child.get_text() if hasattr(child, "get_text") else str(child))
    return " ".join("".join(words).split())


def run_axe(page, where: str) -> None:
    violations = _run_axe(page, {"runOnly": {"type": "tag", "values": AXE_TAGS}}, {"include": [["article"]]})
    problems = [
        f"{v['id']} ({v['impact']}): {v['help']}\n      "
        + "\n      ".join(n["html"][:160] for n in v["nodes"][:4])
        for v in violations
    ]
    assert not problems, f"axe-core found problems on {where}:\n  " + "\n  ".join(problems)


def focused(page) -> str:
    return page.evaluate(
        "() => { const e = document.activeElement; return e.tagName + '#' + e.id + ' ' "
        "+ (e.type || '') + ' ' + (e.textContent || '').trim().slice(0, 60); }")


def tab_until(page, predicate_js: str, limit: int = 400) -> None:
    """Press Tab until the focused element matches, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => {{ const e = document.activeElement; return !!({predicate_js}); }}"):
            return
    raise AssertionError(f"Tab never reached an element where {predicate_js}; last focus: {focused(page)}")


# ---------------------------------------------------------------------------
# Working checklists
# ---------------------------------------------------------------------------

def test_checklist_pages_ask_for_the_script_and_have_task_lists(site):
    asking = pages_asking_for("checklist")
    problems = []
    for doc in CHECKLIST_PAGES:
        if doc not in asking:
            problems.append(f"docs/{doc}: front matter needs `checklist: true`")
    for doc in asking:
        soup = soup_of(site, doc)
        if not soup.select("article li.task-list-item input[type=checkbox]"):
            problems.append(f"docs/{doc}: asks for a checklist but has no task list (`- [ ] item`)")
    assert not problems, "\n".join(problems)


def test_page_scripts_load_only_on_pages_that_ask(site):
    problems = []
    checklists = set(pages_asking_for("checklist"))
    selfchecks = set(pages_asking_for("selfcheck"))
    for source in sorted(DOCS.rglob("*.md")):
        doc = source.relative_to(DOCS).as_posix()
        if not (site.dir / built_path(doc) / "index.html").exists():
            continue  # not a page of its own (for example a snippet)
        html = str(soup_of(site, doc).select("script[src]"))
        for script, wanted in (("checklists.js", doc in checklists), ("self-check.js", doc in selfchecks)):
            if (script in html) != wanted:
                problems.append(f"docs/{doc}: {script} is {'missing' if wanted else 'loaded but not asked for'}"
                                " (see overrides/guide/page-scripts.html and the page's front matter)")
    assert selfchecks == {SELF_CHECK_PAGE}, f"only docs/{SELF_CHECK_PAGE} should say `selfcheck: true`: {selfchecks}"
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("doc", CHECKLIST_PAGES)
def test_each_box_is_named_by_its_item_text(site, server, page_for, doc):
    items = [item_text(li) for li in soup_of(site, doc).select("article li.task-list-item")]
    page = page_for()
    page.goto(server + built_path(doc))
    missing = [text for text in items
               if page.get_by_role("checkbox", name=text, exact=True).count() == 0]
    assert not missing, (f"docs/{doc}: these boxes have no accessible name from their text "
                         f"(checklists.js should move the words into the label):\n  " + "\n  ".join(missing))


@pytest.mark.parametrize("doc", CHECKLIST_PAGES)
def test_ticks_are_remembered_counted_and_cleared_by_keyboard(site, server, page_for, doc):
    total = len(soup_of(site, doc).select("article li.task-list-item input[type=checkbox]"))
    page = page_for(viewport={"width": 900, "height": 900})
    page.goto(server + built_path(doc))
    progress = page.locator(".checklist-tools [aria-live=polite]")
    assert progress.count() == 1, f"docs/{doc}: no polite live region for the progress"
    assert progress.inner_text() == f"0 of {total} done"
    axe_where = f"docs/{doc}"
    run_axe(page, f"{axe_where} before any tick")

    # Tab from the top of the page to the first box, tick it; tick the next.
    tab_until(page, "e.type === 'checkbox' && e.closest('article')")
    page.keyboard.press("Space")
    tab_until(page, "e.type === 'checkbox' && e.closest('article')")
    page.keyboard.press("Space")
    assert progress.inner_text() == f"2 of {total} done", f"docs/{doc}: progress after 2 ticks"
    boxes = page.locator("article li.task-list-item input[type=checkbox]")
    assert boxes.nth(0).is_checked() and boxes.nth(1).is_checked(), f"docs/{doc}: Space did not tick the boxes"
    assert page.evaluate("() => [...document.querySelectorAll('article .task-list-item input')]"
                         ".every(b => !b.hasAttribute('checked'))"), \
        f"docs/{doc}: a tick must be the checked property only, never the attribute (guide.css relies on it in print)"
    run_axe(page, f"{axe_where} with 2 ticks")

    page.reload()
    progress = page.locator(".checklist-tools [aria-live=polite]")
    assert progress.inner_text() == f"2 of {total} done", f"docs/{doc}: ticks were not remembered after reload"
    assert boxes.nth(0).is_checked() and boxes.nth(1).is_checked()
    assert not boxes.nth(2).is_checked()

    # Clear by keyboard: Tab to the button, press Enter.
    tab_until(page, "e.classList.contains('checklist-tools__clear')")
    assert page.evaluate("() => document.activeElement.textContent") == "Clear ticks"
    page.keyboard.press("Enter")
    assert progress.inner_text() == f"Ticks cleared. 0 of {total} done"
    assert page.locator("article li.task-list-item input:checked").count() == 0
    run_axe(page, f"{axe_where} after clearing")
    page.reload()
    assert page.locator("article li.task-list-item input:checked").count() == 0, \
        f"docs/{doc}: cleared ticks came back after reload"


def test_ticks_are_kept_per_page(server, page_for):
    page = page_for()
    first, second = (built_path(doc) for doc in CHECKLIST_PAGES)
    page.goto(server + first)
    page.locator("article li.task-list-item label").first.click()
    page.goto(server + second)
    assert page.locator("article li.task-list-item input:checked").count() == 0, \
        f"a tick on {first} showed up on {second}: storage must be keyed by page"


def test_checklists_work_in_dark_mode_and_print_with_empty_boxes(server, page_for):
    doc = CHECKLIST_PAGES[0]
    page = page_for(color_scheme="dark")
    page.goto(server + built_path(doc))
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    page.locator("article li.task-list-item label").first.click()
    run_axe(page, f"docs/{doc} in dark mode with a tick")

    style = """(i) => { const s = getComputedStyle(document.querySelectorAll(
        'article .task-list-indicator')[i], '::before');
        const a = getComputedStyle(document.querySelectorAll('article .task-list-indicator')[i], '::after');
        return [s.backgroundColor, s.borderTopStyle, a.content, a.display]; }"""
    ticked, empty = page.evaluate(style, 0), page.evaluate(style, 1)
    assert ticked != empty, "on screen a ticked box must look different from an empty one"
    page.emulate_media(media="print")
    ticked, empty = page.evaluate(style, 0), page.evaluate(style, 1)
    assert page.locator("article li.task-list-item input").first.is_checked()
    assert ticked[:2] == empty[:2] and ticked[3] == "none", (
        f"docs/{doc}: in print a ticked box must look empty, like {empty}, but is {ticked}. "
        "Add the rule to the Checklists section of guide.css.")
    assert not page.locator(".checklist-tools").is_visible(), "the Clear ticks button must not print"


@pytest.mark.parametrize("doc", CHECKLIST_PAGES)
def test_checklists_read_as_plain_lists_without_javascript(site, server, page_for, doc):
    items = [item_text(li) for li in soup_of(site, doc).select("article li.task-list-item")]
    page = page_for(java_script_enabled=False)
    page.goto(server + built_path(doc))
    shown = page.locator("article li.task-list-item")
    assert shown.count() == len(items) and all(shown.nth(i).is_visible() for i in range(shown.count())), \
        f"docs/{doc}: checklist items are hidden without JavaScript"
    text = " ".join(page.locator("article").inner_text().split())
    missing = [t for t in items if t not in text]
    assert not missing, f"docs/{doc}: items missing without JavaScript: {missing[:3]}"
    assert page.locator("article").get_by_role("checkbox").count() == 0, \
        f"docs/{doc}: without JavaScript the boxes cannot be named or saved, so hide them (guide.css, Checklists)"
    assert page.locator(".checklist-tools").count() == 0


# ---------------------------------------------------------------------------
# "Is this co-production?" self-check
#
# Every expectation comes from docs/self-check.yml, through the same loader
# the build uses, so the page, self-check.js and these tests share one set of
# points, gates and bands.
# ---------------------------------------------------------------------------

DATA = self_check_data.load()
TOP = DATA["levels"][-1]["id"]
LEVEL_NAME = {level["id"]: level["name"] for level in DATA["levels"]}
GATE = {gate["id"]: gate for gate in DATA["gates"]}
QIDS = [q["id"] for q in DATA["questions"]]


def picks(**changes) -> dict:
    """Top answers everywhere, except the questions named (q_timing='engagement', or None for not sure)."""
    chosen = {qid: TOP for qid in QIDS}
    for key, level in changes.items():
        qid = key.replace("_", "-")
        assert qid in chosen, f"no question {qid} in docs/self-check.yml"
        chosen[qid] = level
    return chosen


def expected(chosen: dict) -> dict:
    """The result self-check.js's own scoring gives, run in Node on the same data (tests/self_check_js.py)."""
    return js_score(DATA, chosen)


def open_self_check(page_for, server, **options):
    page = page_for(**options)
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(server + built_path(SELF_CHECK_PAGE))
    page.wait_for_selector("form.self-check-form fieldset.self-check-question")
    page.requests = requests
    return page


def answer_as(page, group_label: str, chosen: dict) -> None:
    """Choose the group, then, for each question, the answer at the wanted level."""
    page.get_by_role("radio", name=group_label, exact=True).check()
    for n, q in enumerate(DATA["questions"]):
        level = chosen[q["id"]]
        fieldset = page.locator("form.self-check-form fieldset.self-check-question").nth(n)
        if level is None:
            fieldset.locator("input[value=unsure]").check()
        else:
            index = [a["level"] for a in q["answers"]].index(level)
            fieldset.locator(f"input[value='{index}']").check()


def summary(page) -> dict:
    """The result table: {row heading: [cell per group]}, and the group names."""
    table = page.locator("#self-check-result table.self-check-summary")
    groups = table.locator("thead th").all_inner_texts()
    rows = {}
    for row in table.locator("tbody tr").all():
        rows[row.locator("th").inner_text()] = row.locator("td").all_inner_texts()
    return {"groups": groups, **rows}


def profile_order(page) -> list[str]:
    return page.locator("#self-check-result .self-check-profile > li").evaluate_all(
        "items => items.map(i => i.dataset.question)")


def test_self_check_page_shows_the_rules_in_the_data_file(site):
    soup = soup_of(site, SELF_CHECK_PAGE)
    heading = soup.find(id="how-the-result-is-worked-out")
    assert heading is not None, f"docs/{SELF_CHECK_PAGE}: needs a 'How the result is worked out' section"
    points_table, bands_table = heading.find_all_next("table", limit=2)
    rows = [[td.get_text(" ", strip=True) for td in tr.select("td")] for tr in points_table.select("tbody tr")]
    want = [[level["name"], str(level["points"])] for level in DATA["levels"]]
    want.append([DATA["not_sure"]["label"], str(DATA["not_sure"]["points"])])
    assert rows == want, f"docs/{SELF_CHECK_PAGE}: the points table says {rows}, docs/self-check.yml says {want}"
    rows = [[td.get_text(" ", strip=True) for td in tr.select("td")] for tr in bands_table.select("tbody tr")]
    want = [[f"{b['from']} to {b['to']}", LEVEL_NAME[b["level"]]] for b in DATA["bands"]]
    assert rows == want, f"docs/{SELF_CHECK_PAGE}: the totals table says {rows}, docs/self-check.yml says {want}"
    gates = soup.find(id="gates").find_next("ul").get_text(" ", strip=True)
    for gate in DATA["gates"]:
        assert gate["rule"] in " ".join(gates.split()), f"the {gate['name']} is not explained under Gates"

    # The questions, with lettered answers in the data file's order, and no level given away.
    block = soup.select_one("article .self-check")
    for n, q in enumerate(DATA["questions"], 1):
        heading = block.find(id=q["id"])
        assert heading is not None, f"question {q['id']} is missing from the page"
        items = [" ".join(li.get_text(" ").split()) for li in heading.find_next_sibling("ul").select(":scope > li")]
        want = [f"{letter}. {a['text']}" for letter, a in zip("ABCDE", q["answers"])]
        assert items[:-1] == want and items[-1].startswith(DATA["not_sure"]["label"]), \
            f"question {n}: the page lists {items}, the data file {want} and then Not sure"
    levels = re.compile(r"\b(" + "|".join(re.escape(n) for n in LEVEL_NAME.values()) + r")\b", re.I)
    shown = levels.findall(" ".join(block.get_text(" ").split()))
    assert not shown, f"the questions give away levels before the result: {shown}"

    # The paper key: each answer's points, in the order the letters are shown.
    key = soup.select_one("article .self-check-key table")
    points = {level["id"]: str(level["points"]) for level in DATA["levels"]}
    for row, q in zip(key.select("tbody tr"), DATA["questions"]):
        cells = [td.get_text(strip=True) for td in row.select("td")][1:]
        assert cells == [points[a["level"]] for a in q["answers"]] + [str(DATA["not_sure"]["points"])], \
            f"the scoring key row for {q['id']} is {cells}"


def test_the_script_reads_the_same_data_as_the_page(site):
    import json
    block = site.soup(site.dir / "self-check" / "index.html").find("script", id=self_check_data.DATA_ID)
    assert block is not None and block.get("type") == "application/json", \
        f'site/self-check/index.html has no <script type="application/json" id="{self_check_data.DATA_ID}">'
    assert json.loads(block.string) == json.loads(self_check_data.to_json(DATA)), \
        "the self-check page's data block is not made from docs/self-check.yml"
    assert not (site.dir / "assets" / "javascripts" / "self-check.json").exists(), \
        "self-check.json is still built: the script reads its data from the page"


BAD_DATA = [
    # (what to break, line the message must name, words the message must have)
    (lambda t: t.replace("    points: 2\n", "    points: two\n"), "points: two", "whole number"),
    (lambda t: t.replace("      - level: informing\n        text: No, and", "      - level: engagment\n        text: No, and"),
     "level: engagment", "engagment"),
    (lambda t: t.replace("  - {level: engagement, from: 12, to: 17}", "  - {level: engagement, from: 13, to: 17}"),
     "from: 13", "follow on"),
    (lambda t: t.replace("    question: q-payment\n    fails:", "    question: q-payment\n   fails:"),
     "   fails: [", "not valid YAML"),
    (lambda t: t.replace("    unsure_cap: engagement\n    rule: The result can be no higher than the level of your answer on when",
                         "    unsure_cap: co-production\n    rule: The result can be no higher than the level of your answer on when"),
     "unsure_cap: co-production", "top level"),
]


@pytest.mark.parametrize("breaks, line_text, words", BAD_DATA)
def test_bad_self_check_data_names_the_file_and_line(tmp_path, breaks, line_text, words):
    path = tmp_path / "self-check.yml"
    text = breaks((DOCS / "self-check.yml").read_text(encoding="utf-8"))
    path.write_text(text, encoding="utf-8")
    line = next(n for n, t in enumerate(text.splitlines(), 1) if line_text in t)
    with pytest.raises(self_check_data.SelfCheckError) as error:
        self_check_data.load(path)
    message = str(error.value)
    # YAML may report the line after a bad indent; accept that one or the line itself.
    assert re.match(rf"^.*self-check\.yml:({line}|{line + 1}): .+\. Fix: .+", message), message
    assert words in message, message


def test_a_malformed_data_file_fails_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    data = project / "docs" / "self-check.yml"
    text = data.read_text(encoding="utf-8").replace("  - id: q-ownership\n", "  - id: q-aims\n")
    data.write_text(text, encoding="utf-8")
    line = text.splitlines().index("  - id: q-aims", text.splitlines().index("  - id: q-aims") + 1) + 1
    result = build(project, tmp_path / "site")
    assert result.returncode != 0, "a broken docs/self-check.yml must stop the build"
    assert f"docs/self-check.yml:{line}: two questions have the id 'q-aims'. Fix:" in result.stderr, result.stderr[-2000:]


def test_answers_hide_their_level_until_the_result(site, server, page_for):
    page = open_self_check(page_for, server)
    form = page.locator("form.self-check-form")
    labels = " ".join(form.locator("fieldset.self-check-question label").all_inner_texts())
    names = [name for name in LEVEL_NAME.values() if re.search(rf"\b{re.escape(name)}\b", labels, re.I)]
    assert not names, f"answer labels show levels before the result: {names}"
    key = page.locator("article .self-check-key")
    assert not key.is_visible(), "the scoring key gives levels away: it must be folded while answering"
    toggle = page.get_by_role("button", name="Show the scoring key")
    assert toggle.get_attribute("aria-expanded") == "false"
    toggle.click()
    toggle = page.get_by_role("button", name="Hide the scoring key")
    assert key.is_visible() and toggle.get_attribute("aria-expanded") == "true"
    run_axe(page, f"docs/{SELF_CHECK_PAGE} with the key open")


def check_capped(page, gate, chosen, group="Staff", unsure=False):
    want = expected(chosen)
    got = summary(page)
    column = got["groups"].index(group)
    assert want["capped"] == [gate["id"]], f"the data file's rules should cap {chosen}; check the test"
    assert got["Where the work sits"][column] == f"{LEVEL_NAME[want['level']]} (capped)", got
    assert got["Points"][column] == f"{want['total']} out of {DATA['most']}", got
    assert got["The total alone would say"][column] == LEVEL_NAME[want["band"]], got
    caps = page.locator("#self-check-result .self-check-result__caps li").all_inner_texts()
    reason = " ".join((gate["unsure"] if unsure else gate["reason"]).split())
    assert any(gate["name"] in c and reason in " ".join(c.split()) for c in caps), \
        f"the result must say why it is capped ({gate['name']}: {reason!r}); it says {caps}"
    status = page.locator("#self-check-status")
    assert status.get_attribute("aria-live") == "polite"
    assert f"{group}: {LEVEL_NAME[want['level']]}, capped." in status.inner_text()


def test_top_answers_cannot_hide_a_late_start(server, page_for):
    gate = GATE["timing"]
    chosen = picks(**{gate["question"]: "engagement"})
    page = open_self_check(page_for, server)
    answer_as(page, "Staff", chosen)
    page.get_by_role("button", name="Show the result").click()
    check_capped(page, gate, chosen)
    first = page.locator("#self-check-result .self-check-profile > li").first
    assert profile_order(page)[0] == gate["question"], "the gate question, the lowest answer, comes first"
    assert f"{gate['name']}: the result can be no higher than Engagement." in first.inner_text()
    assert "What to change" in first.inner_text() and first.locator("a[href]").count() == 1
    run_axe(page, f"docs/{SELF_CHECK_PAGE} with a failed timing gate")


def test_staff_making_the_final_call_is_not_shown_as_co_production(server, page_for):
    # Issue 21: co-design on decisions, timing, payment and ownership, co-production on the rest.
    chosen = picks(q_decisions="co-design", q_timing="co-design", q_payment="co-design", q_ownership="co-design")
    page = open_self_check(page_for, server)
    answer_as(page, "Staff", chosen)
    page.get_by_role("button", name="Show the result").click()
    got = summary(page)
    assert got["Points"] == [f"24 out of {DATA['most']}"] and got["The total alone would say"] == ["Co-production"], got
    assert got["Where the work sits"] == ["Co-design (capped)"], got
    caps = " ".join(page.locator("#self-check-result .self-check-result__caps li").all_inner_texts())
    for gate in (GATE["decisions"], GATE["timing"]):
        assert f"{gate['name']} (Staff): no higher than Co-design." in caps, caps


def test_unpaid_partners_cap_the_result(server, page_for):
    gate = GATE["payment"]
    # Travel paid, time unpaid: the highest answer the payment gate still fails.
    fails = sorted(gate["fails"], key=list(LEVEL_NAME).index)
    chosen = picks(**{gate["question"]: fails[-1]})
    page = open_self_check(page_for, server, color_scheme="dark")
    answer_as(page, "Partners with lived experience", chosen)
    page.get_by_role("button", name="Show the result").click()
    assert summary(page)["groups"] == ["Partners"], "only partners answered"
    check_capped(page, gate, chosen, group="Partners")
    run_axe(page, f"docs/{SELF_CHECK_PAGE} in dark mode with unpaid partners")


def test_not_sure_answers_count_nothing_and_say_find_out(server, page_for):
    page = open_self_check(page_for, server)
    # Not sure on a question with no gate: scored as the data says, no cap.
    plain = next(qid for qid in QIDS if qid not in {g["question"] for g in DATA["gates"]})
    chosen = picks(**{plain: None})
    answer_as(page, "Staff", chosen)
    page.get_by_role("button", name="Show the result").click()
    want = expected(chosen)
    assert summary(page)["Points"] == [f"{want['total']} out of {DATA['most']}"]
    assert summary(page)["Where the work sits"] == [LEVEL_NAME[want["level"]]]
    item = page.locator(f"#self-check-result .self-check-profile > li[data-question={plain}]")
    assert profile_order(page)[0] == plain, "a not sure answer is the lowest, so it comes first"
    assert "Staff: Not sure" in item.inner_text()
    assert " ".join(DATA["not_sure"]["advice"].split()) in " ".join(item.inner_text().split())

    # Not sure on a gate question closes the gate until you find out.
    gate = GATE["timing"]
    chosen = picks(**{plain: None, gate["question"]: None})
    page.get_by_role("button", name="Clear all answers").click()
    answer_as(page, "Staff", chosen)
    page.get_by_role("button", name="Show the result").click()
    check_capped(page, gate, chosen, unsure=True)
    run_axe(page, f"docs/{SELF_CHECK_PAGE} with not sure answers")


def test_staff_and_partners_side_by_side_with_disagreements_first(server, page_for):
    staff = picks(q_aims="co-design")
    partners = picks(q_aims="co-design", q_ownership="consultation", q_access="informing",
                     q_sharing="co-design")
    page = open_self_check(page_for, server, viewport={"width": 390, "height": 844})
    answer_as(page, "Staff", staff)
    answer_as(page, "Partners with lived experience", partners)
    status = page.locator("#self-check-status")
    assert "Now answering as partners" in status.inner_text()
    # Going back to staff shows the staff answers, not the partners'.
    page.get_by_role("radio", name="Staff", exact=True).check()
    ownership = page.locator("fieldset.self-check-question").nth(QIDS.index("q-ownership"))
    top = [a["level"] for a in DATA["questions"][QIDS.index("q-ownership")]["answers"]].index(TOP)
    assert ownership.locator(f"input[value='{top}']").is_checked(), "switching groups lost the staff answers"
    page.get_by_role("button", name="Show the result").click()

    got = summary(page)
    assert got["groups"] == ["Staff", "Partners"]
    for column, chosen in enumerate((staff, partners)):
        assert got["Where the work sits"][column].startswith(LEVEL_NAME[expected(chosen)["level"]]), got
    disagree = [qid for qid in QIDS if staff[qid] != partners[qid]]
    order = profile_order(page)
    # Disagreements first, lowest answer first among them, then the rest, lowest first.
    rank = lambda qid: min(list(LEVEL_NAME).index(c[qid]) for c in (staff, partners))  # noqa: E731
    want = sorted(disagree, key=lambda q: (rank(q), QIDS.index(q))) + \
        sorted((q for q in QIDS if q not in disagree), key=lambda q: (rank(q), QIDS.index(q)))
    assert order == want, f"profile order {order}, expected {want}"
    items = page.locator("#self-check-result .self-check-profile > li")
    for i in range(len(disagree)):
        text = items.nth(i).inner_text()
        assert "Staff and partners disagree here." in text, text
        answers = items.nth(i).locator(".self-check-pair__who").all_inner_texts()
        assert [a.split(":")[0] for a in answers] == ["Staff", "Partners"], answers
    boxes = items.first.locator(".self-check-pair__answer").evaluate_all(
        "cells => cells.map(c => c.getBoundingClientRect().toJSON())")
    assert len(boxes) == 2
    assert "Staff and partners disagree here." not in items.nth(len(disagree)).inner_text()
    assert f"disagree on {len(disagree)} of {len(QIDS)} questions" in status.inner_text()
    run_axe(page, f"docs/{SELF_CHECK_PAGE} comparing staff and partners at 390 px")
    wide = open_self_check(page_for, server, viewport={"width": 1280, "height": 900}, color_scheme="dark")
    answer_as(wide, "Staff", staff)
    answer_as(wide, "Partners with lived experience", partners)
    wide.get_by_role("button", name="Show the result").click()
    left, right = wide.locator("#self-check-result .self-check-profile > li").first.locator(
        ".self-check-pair__answer").evaluate_all("cells => cells.map(c => c.getBoundingClientRect().toJSON())")
    assert abs(left["y"] - right["y"]) < 1 and right["x"] > left["x"] + left["width"] - 1, \
        "at 1280 px staff and partners must sit side by side"
    run_axe(wide, f"docs/{SELF_CHECK_PAGE} comparing staff and partners in dark mode")


def test_every_total_gives_the_band_in_the_data_file(server, page_for):
    page = open_self_check(page_for, server)
    order = list(LEVEL_NAME)
    problems = []
    # Lower one question after another, so every total from the most to 0 is met.
    chosen = picks()
    paths = [dict(chosen)]
    for qid in reversed(QIDS):
        while chosen[qid] != order[0]:
            chosen[qid] = order[order.index(chosen[qid]) - 1]
            paths.append(dict(chosen))
    for path in paths:
        page.get_by_role("button", name="Clear all answers").click()
        answer_as(page, "Staff", path)
        page.get_by_role("button", name="Show the result").click()
        want = expected(path)
        got = summary(page)
        shown = LEVEL_NAME[want["level"]] + (" (capped)" if want["capped"] else "")
        if got["Where the work sits"] != [shown] or got["Points"] != [f"{want['total']} out of {DATA['most']}"]:
            problems.append(f"{path}: shows {got}, expected {shown} with {want['total']} points")
    assert {expected(p)["total"] for p in paths} == set(range(DATA["most"] + 1))
    assert not problems, "\n".join(problems)


def test_self_check_by_keyboard_alone(server, page_for):
    page = open_self_check(page_for, server, viewport={"width": 900, "height": 1000})
    loaded = len(page.requests)
    run_axe(page, f"docs/{SELF_CHECK_PAGE} before answering")
    # Tab to the first answer of question 1; answer 5 questions with Space and arrows.
    tab_until(page, "e.type === 'radio' && e.name === 'self-check-q-aims'")
    for n in range(5):
        page.keyboard.press("Space")
        for _ in range(n):
            page.keyboard.press("ArrowDown")
        if n < 4:
            tab_until(page, f"e.type === 'radio' && e.name === 'self-check-{QIDS[n + 1]}'")
    tab_until(page, "e.type === 'submit'")
    page.keyboard.press("Enter")
    title = page.locator("#self-check-result h2")
    assert title.inner_text() == "Answer every question to see the result"
    assert page.evaluate("() => document.activeElement.matches('#self-check-result h2')")
    assert page.locator("#self-check-result li a").count() == len(QIDS) - 5
    assert "2 questions left" in page.locator("#self-check-status").inner_text()
    run_axe(page, f"docs/{SELF_CHECK_PAGE} with unanswered questions")
    tab_until(page, "e.closest('#self-check-result') && e.tagName === 'A'")
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.name") == f"self-check-{QIDS[5]}"
    page.keyboard.press("Space")
    tab_until(page, f"e.type === 'radio' && e.name === 'self-check-{QIDS[6]}'")
    # The last answer of each question is Not sure.
    for _ in range(len(DATA["questions"][6]["answers"])):
        page.keyboard.press("ArrowDown")
    assert page.evaluate("() => document.activeElement.value") == "unsure"
    tab_until(page, "e.type === 'submit'")
    page.keyboard.press("Enter")
    assert page.locator("#self-check-result h2").inner_text() == "Your result"
    assert page.evaluate("() => document.activeElement.matches('#self-check-result h2')")
    assert "Result ready. Staff:" in page.locator("#self-check-status").inner_text()
    run_axe(page, f"docs/{SELF_CHECK_PAGE} showing a result")

    # Hand over to partners by keyboard: Shift+Tab back to the group choice.
    for _ in range(400):
        page.keyboard.press("Shift+Tab")
        if page.evaluate("() => document.activeElement.name === 'self-check-who'"):
            break
    page.keyboard.press("ArrowDown")
    assert page.evaluate("() => document.activeElement.value") == "partners"
    assert "Now answering as partners. 0 of" in page.locator("#self-check-status").inner_text()
    assert page.locator("fieldset.self-check-question input:checked").count() == 0

    tab_until(page, "e.type === 'reset'")
    page.keyboard.press("Enter")
    assert page.locator("form.self-check-form fieldset.self-check-question input:checked").count() == 0
    assert not page.locator("#self-check-result").is_visible()
    run_axe(page, f"docs/{SELF_CHECK_PAGE} after clearing")
    assert page.requests[loaded:] == [], f"the self-check made requests: {page.requests[loaded:]}"


def test_self_check_prints_with_the_key_on_its_own_page(server, page_for, tmp_path):
    import subprocess
    page = open_self_check(page_for, server, viewport={"width": 700, "height": 900})
    page.emulate_media(media="print")
    clipped = page.evaluate("""() => { const t = document.querySelector('.self-check-key table');
        const box = t.closest('.md-typeset__scrollwrap') || t;
        const right = Math.max(t.getBoundingClientRect().right, box.getBoundingClientRect().right);
        // A collapsed frame may stand out by its own width; more than that is cut off.
        const frame = 2 * parseFloat(getComputedStyle(t).borderLeftWidth) + 0.5;
        return right > t.closest('article').getBoundingClientRect().right + frame; }""")
    assert not clipped, "the printed scoring key is wider than the page: its last column would be cut off"
    pdf = tmp_path / "self-check.pdf"
    page.pdf(path=str(pdf), format="A4")
    pages = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                           check=True).stdout.split("\f")
    flat = [" ".join(p.split()) for p in pages]
    last_question = max(i for i, p in enumerate(flat) if DATA["questions"][-1]["question"] in p)
    key = next(i for i, p in enumerate(flat) if "Scoring key for paper" in p)
    assert key > last_question, "the scoring key must print after the questions"
    assert flat[key].startswith("Scoring key for paper") or "Scoring key for paper" in flat[key][:200], \
        "the scoring key must start a new page"
    text = " ".join(flat)
    for gate in DATA["gates"]:
        assert gate["name"] + ":" in text, f"the printed key must list the {gate['name']} answers"
    assert "Show the result" not in text and "Show the scoring key" not in text, "buttons must not print"
    assert "Who is answering now?" not in text


def test_self_check_works_on_paper_without_javascript(site, server, page_for):
    page = page_for(java_script_enabled=False)
    page.goto(server + built_path(SELF_CHECK_PAGE))
    text = " ".join(page.locator("article").inner_text().split())
    problems = []
    for n, q in enumerate(DATA["questions"], 1):
        if f"{n}. {q['question']}" not in text:
            problems.append(f"question {n} is not shown")
        for letter, a in zip("ABCDE", q["answers"]):
            if f"{letter}. {a['text']}" not in text:
                problems.append(f"answer {n}{letter} is not shown")
    if not page.locator("article .self-check-key table").is_visible():
        problems.append("the scoring key is not shown")
    for level in DATA["levels"]:
        if not page.locator(f"#level-{level['id']}").is_visible():
            problems.append(f"the meaning of {level['name']} is not shown")
    if page.locator("article input, article form.self-check-form").count():
        problems.append("a form shows without JavaScript; it cannot work there")
    assert not problems, f"docs/{SELF_CHECK_PAGE} without JavaScript:\n" + "\n".join(problems)


def test_changing_an_answer_clears_the_result_and_says_so(server, page_for, tmp_path):
    page = open_self_check(page_for, server)
    answer_as(page, "Staff", picks())
    page.get_by_role("button", name="Show the result").click()
    assert page.locator("#self-check-result").is_visible()
    # Change one answer, by keyboard, as a reader would after reading the result.
    question = page.locator("fieldset.self-check-question").nth(QIDS.index("q-decisions"))
    lower = [a["level"] for a in DATA["questions"][QIDS.index("q-decisions")]["answers"]].index("informing")
    question.locator(f"input[value='{lower}']").focus()
    page.keyboard.press("Space")
    assert not page.locator("#self-check-result").is_visible(), "the old result is still on screen"
    assert page.locator("#self-check-result").inner_text() == ""
    status = page.locator("#self-check-status")
    assert status.get_attribute("aria-live") == "polite"
    assert "result was cleared" in status.inner_text(), status.inner_text()
    assert page.evaluate("() => document.activeElement.name") == "self-check-q-decisions", "focus must stay put"
    pdf = tmp_path / "changed.pdf"
    page.pdf(path=str(pdf), format="A4")
    import subprocess
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "The total alone would say" not in text and "Question by question" not in text, "the old result prints"
    # Asking again gives the result for the new answers.
    page.get_by_role("button", name="Show the result").click()
    want = expected(picks(q_decisions="informing"))
    assert summary(page)["Where the work sits"] == [LEVEL_NAME[want["level"]] + " (capped)"]


def test_enter_on_an_answer_does_not_send_the_form(server, page_for):
    page = open_self_check(page_for, server)
    tab_until(page, "e.type === 'radio' && e.name === 'self-check-q-aims'")
    page.keyboard.press("Space")
    page.keyboard.press("Enter")
    assert not page.locator("#self-check-result").is_visible(), "Enter on an answer sent the form"
    assert page.evaluate("() => document.activeElement.name") == "self-check-q-aims", "Enter moved the focus"
    assert "questions left" not in page.locator("#self-check-status").inner_text()
    # The button still works by keyboard.
    tab_until(page, "e.type === 'submit'")
    page.keyboard.press("Enter")
    assert page.locator("#self-check-result h2").inner_text() == "Answer every question to see the result"


def test_question_headings_add_no_tab_stops(server, page_for):
    page = open_self_check(page_for, server)
    answer_as(page, "Staff", picks())
    problems = []
    for n, qid in enumerate(QIDS[:-1]):
        page.locator(f"input[name='self-check-{qid}']:checked").focus()
        page.keyboard.press("Tab")
        got = page.evaluate("() => document.activeElement.name || document.activeElement.outerHTML.slice(0, 80)")
        if got != f"self-check-{QIDS[n + 1]}":
            problems.append(f"Tab from question {n + 1} reached {got}, not question {n + 2}")
    assert not problems, "\n".join(problems)
    # The question's address still works, and other headings keep their links.
    assert page.locator(f"#{QIDS[0]}").count() == 1
    for heading in ("what-it-is", "how-the-result-is-worked-out"):
        assert page.locator(f"#{heading} .headerlink").count() == 1, f"#{heading} lost its ¶ link"
        assert page.locator(f"#{heading} .section-link-copy").count() == 1, f"#{heading} lost its copy button"
