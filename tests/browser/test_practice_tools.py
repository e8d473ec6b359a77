"""The tools for practice, in Chromium: working checklists and the
"Is this co-production?" self-check.

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

from conftest import ROOT, parse
from support import AXE_TAGS
from support import run_axe as _run_axe

DOCS = ROOT / "docs"

# Pages that must carry a working checklist.
CHECKLIST_PAGES = ["accessibility-checklist.md", "getting-started.md"]
SELF_CHECK_PAGE = "self-check.md"

# The documented scoring, as written on the self-check page under
# "How the result is worked out". The page's tables must say the same.
POINTS = {"Informing": 0, "Consultation": 1, "Engagement": 2, "Co-design": 3, "Co-production": 4}
BANDS = [(0, 5, "Informing"), (6, 11, "Consultation"), (12, 17, "Engagement"),
         (18, 23, "Co-design"), (24, 28, "Co-production")]
QUESTIONS = 7


def expected_level(total: int) -> str:
    for low, high, level in BANDS:
        if low <= total <= high:
            return level
    raise AssertionError(f"total {total} is outside every band")


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------

def front_matter(source: Path) -> dict:
    text = source.read_text(encoding="utf-8")
    if not text.startswith("---"):
        return {}
    return yaml.safe_load(text.split("---", 2)[1]) or {}


def built_path(doc: str) -> str:
    """The served path of a Markdown page: 'a/b.md' -> 'a/b/'."""
    stem = doc.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("/index") + "/"


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
        f"docs/{doc}: a tick must be the checked property only, never the attribute (print.css relies on it)"
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
        "Add the rule to the Checklists section of print.css.")
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
        f"docs/{doc}: without JavaScript the boxes cannot be named or saved, so hide them (components.css)"
    assert page.locator(".checklist-tools").count() == 0


# ---------------------------------------------------------------------------
# "Is this co-production?" self-check
# ---------------------------------------------------------------------------

def self_check_source(site):
    """Questions and answers as the page writes them: [(heading, [(answer, level)])]."""
    soup = soup_of(site, SELF_CHECK_PAGE)
    block = soup.select_one("article .self-check")
    assert block is not None, f"docs/{SELF_CHECK_PAGE}: no <div class=\"self-check\" markdown> block"
    questions = []
    for heading in block.select("h3"):
        listing = heading.find_next_sibling("ul")
        answers = []
        for li in listing.select(":scope > li"):
            answer = " ".join(li.strong.get_text().split())
            level = re.search(r"This is (informing|consultation|engagement|co-design|co-production)",
                              " ".join(li.get_text().split()))
            assert level, f"docs/{SELF_CHECK_PAGE}: answer {answer!r} does not say 'This is <level>'"
            answers.append((answer, level.group(1).capitalize()))
        questions.append((" ".join(heading.get_text().split()).rstrip("¶").strip(), answers))
    return questions


def test_self_check_page_documents_the_scoring_the_tests_use(site):
    soup = soup_of(site, SELF_CHECK_PAGE)
    heading = soup.find(id="how-the-result-is-worked-out")
    assert heading is not None, f"docs/{SELF_CHECK_PAGE}: needs a 'How the result is worked out' section"
    tables = heading.find_all_next("table", limit=2)
    rows = [[[td.get_text(strip=True) for td in tr.select("td")] for tr in t.select("tbody tr")] for t in tables]
    points = {level: int(p) for level, p in rows[0]}
    assert points == POINTS, f"docs/{SELF_CHECK_PAGE}: the points table says {points}, expected {POINTS}"
    bands = []
    for total, level in rows[1]:
        low, high = (int(n) for n in re.findall(r"\d+", total))
        bands.append((low, high, level))
    assert bands == BANDS, f"docs/{SELF_CHECK_PAGE}: the totals table says {bands}, expected {BANDS}"
    questions = self_check_source(site)
    assert len(questions) == QUESTIONS, f"docs/{SELF_CHECK_PAGE}: expected {QUESTIONS} questions"
    for question, answers in questions:
        assert sorted(level for _, level in answers) == sorted(POINTS), \
            f"docs/{SELF_CHECK_PAGE}: '{question}' needs one answer for each of the 5 levels"
    # Every band and boundary is reachable with 7 answers.
    assert BANDS[0][0] == 0 and BANDS[-1][1] == QUESTIONS * max(POINTS.values())


def choose_points(total: int, questions: int = QUESTIONS, reverse: bool = False) -> list[int]:
    """Points for each question that add up to `total`, filling from one end."""
    points = []
    left = total
    for _ in range(questions):
        points.append(min(4, left))
        left -= points[-1]
    return points[::-1] if reverse else points


PATHS = [choose_points(t) for t in range(0, 29)] + [choose_points(t, reverse=True) for t in (5, 6, 11, 12, 17, 18, 23, 24)] \
    + [[2, 2, 2, 2, 2, 2, 2], [4, 4, 4, 4, 4, 4, 0], [0, 4, 0, 4, 0, 4, 0], [3, 3, 3, 3, 3, 3, 3]]


def answer_by_points(page, points: list[int], source) -> list[tuple[str, str, int]]:
    """Tick the answer worth each number of points; return what was chosen."""
    level_of = {v: k for k, v in POINTS.items()}
    chosen = []
    fieldsets = page.locator("form.self-check-form fieldset")
    for q, p in enumerate(points):
        question, answers = source[q]
        answer = next(a for a, level in answers if level == level_of[p])
        fieldsets.nth(q).get_by_label(answer, exact=True).check()
        chosen.append((question, answer, p))
    return chosen


def test_every_path_through_the_self_check_gives_the_documented_result(site, server, page_for):
    source = self_check_source(site)
    page = page_for()
    page.goto(server + built_path(SELF_CHECK_PAGE))
    result = page.locator("#self-check-result")
    problems = []
    for points in PATHS:
        page.locator("form.self-check-form button[type=reset]").click()
        chosen = answer_by_points(page, points, source)
        page.locator("form.self-check-form button[type=submit]").click()
        total = sum(points)
        want = expected_level(total)
        title = result.locator("h2").inner_text()
        if title != f"Your result: {want}":
            problems.append(f"answers worth {points} (total {total}): shows {title!r}, expected {want}")
            continue
        text = result.inner_text()
        if f"add up to {total} out of 28 points" not in text:
            problems.append(f"answers worth {points}: total not shown as {total} out of 28")
        if not page.evaluate("() => document.activeElement.matches('#self-check-result h2')"):
            problems.append(f"answers worth {points}: focus did not move to the result heading")
        # Why: every answer worth less than 4, lowest first, with what to change.
        weak = sorted((c for c in chosen if c[2] < 4), key=lambda c: c[2])
        items = result.locator(".self-check-result__changes > li")
        if items.count() != len(weak):
            problems.append(f"answers worth {points}: lists {items.count()} things to change, expected {len(weak)}")
            continue
        for i, (question, answer, p) in enumerate(weak):
            item = items.nth(i).inner_text()
            if answer not in item or "To move towards co-production" not in item:
                problems.append(f"answers worth {points}: change {i + 1} should name {answer!r} and what to do")
            if items.nth(i).locator("a[href]").count() == 0:
                problems.append(f"answers worth {points}: change {i + 1} has no link to what to change")
    assert not problems, f"docs/{SELF_CHECK_PAGE} self-check:\n" + "\n".join(problems)


def test_self_check_by_keyboard_with_axe_in_each_state(site, server, page_for):
    page = page_for(viewport={"width": 900, "height": 1000})
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(server + built_path(SELF_CHECK_PAGE))
    form = page.locator("form.self-check-form")
    assert form.locator("fieldset").count() == QUESTIONS
    for i in range(QUESTIONS):
        fieldset = form.locator("fieldset").nth(i)
        assert fieldset.locator("> legend h3").count() == 1, f"question {i + 1}: the legend must hold the question"
        assert fieldset.get_by_role("radio").count() == 5
    run_axe(page, f"docs/{SELF_CHECK_PAGE} before answering")
    loaded = len(requests)

    # Answer the first 5 questions by keyboard and ask for the result.
    tab_until(page, "e.type === 'radio' && e.closest('form.self-check-form')")
    for q in range(5):
        page.keyboard.press("Space")
        for _ in range(q % 5):
            page.keyboard.press("ArrowDown")
        tab_until(page, "e.type === 'radio' || e.type === 'submit'")
    tab_until(page, "e.type === 'submit'")
    page.keyboard.press("Enter")
    problem = page.locator("#self-check-result h2")
    assert problem.inner_text() == "Answer every question to see your result"
    assert page.evaluate("() => document.activeElement.matches('#self-check-result h2')")
    links = page.locator("#self-check-result li a")
    assert links.count() == 2, "the problem lists the 2 unanswered questions"
    run_axe(page, f"docs/{SELF_CHECK_PAGE} with unanswered questions")
    tab_until(page, "e.closest('#self-check-result') && e.tagName === 'A'")
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.name") == "self-check-q-sharing", \
        "the first link in the problem should take focus to question 6"

    # Answer the last 2 questions by keyboard and show the result.
    page.keyboard.press("Space")
    tab_until(page, "e.type === 'radio' && e.name === 'self-check-q-access'")
    page.keyboard.press("Space")
    tab_until(page, "e.type === 'submit'")
    page.keyboard.press("Enter")
    title = page.locator("#self-check-result h2").inner_text()
    chosen = page.evaluate("() => [...document.querySelectorAll('form.self-check-form input:checked')]"
                           ".map(i => Number(i.value))")
    assert len(chosen) == QUESTIONS
    assert title == f"Your result: {expected_level(sum(chosen))}"
    assert page.evaluate("() => document.activeElement.matches('#self-check-result h2')")
    run_axe(page, f"docs/{SELF_CHECK_PAGE} showing a result")

    # Clear answers by keyboard.
    tab_until(page, "e.type === 'reset'")
    page.keyboard.press("Enter")
    assert page.locator("form.self-check-form input:checked").count() == 0
    assert not page.locator("#self-check-result").is_visible()
    run_axe(page, f"docs/{SELF_CHECK_PAGE} after clearing")
    assert requests[loaded:] == [], f"the self-check made requests: {requests[loaded:]}"


def test_self_check_result_in_dark_mode_is_accessible(site, server, page_for):
    page = page_for(color_scheme="dark")
    page.goto(server + built_path(SELF_CHECK_PAGE))
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    answer_by_points(page, [4, 4, 4, 3, 2, 1, 0], self_check_source(site))
    page.locator("form.self-check-form button[type=submit]").click()
    assert page.locator("#self-check-result h2").inner_text() == "Your result: Co-design"
    run_axe(page, f"docs/{SELF_CHECK_PAGE} in dark mode showing a result")


def test_self_check_reads_as_a_list_without_javascript(site, server, page_for):
    source = self_check_source(site)
    page = page_for(java_script_enabled=False)
    page.goto(server + built_path(SELF_CHECK_PAGE))
    text = " ".join(page.locator("article").inner_text().split())
    problems = []
    soup = soup_of(site, SELF_CHECK_PAGE)
    for question, answers in source:
        if question not in text:
            problems.append(f"question {question!r} is not shown")
    for li in soup.select("article .self-check li"):
        words = " ".join(li.get_text().split())
        if words not in text:
            problems.append(f"answer and meaning {words[:60]!r} is not shown")
    for level in POINTS:
        if not page.locator(f"#level-{level.lower()}").is_visible():
            problems.append(f"the meaning of {level} is not shown")
    if page.locator("article input, article form.self-check-form").count():
        problems.append("a form shows without JavaScript; it cannot work there")
    assert not problems, f"docs/{SELF_CHECK_PAGE} without JavaScript:\n" + "\n".join(problems)
