"""What a screen reader says on the self-check, from the virtual screen
reader (tools/jstest, tests/support.py ScreenReader) walking the real page.

Every expected phrase comes from docs/self-check.yml and from the page's
own scoring (tests/self_check_js.py), not from a list kept here.
"""

from __future__ import annotations

import re

from guide_core import self_check
from self_check_js import score
from support import ScreenReader

DATA = self_check.load()
QIDS = [q["id"] for q in DATA["questions"]]
TOP = DATA["levels"][-1]["id"]
NAME = {level["id"]: level["name"] for level in DATA["levels"]}
LETTERS = "ABCDEFGH"
NOT_SURE = f"{DATA['not_sure']['label']}. You do not know, or you cannot agree."


def open_page(page_for, server):
    page = page_for()
    page.goto(server + "self-check/")
    page.wait_for_selector("form.self-check-form fieldset.self-check-question")
    return page


def walk_until(reader, phrase: str, limit: int = 400) -> list[str]:
    """Press "next" until the reader says `phrase`; return what it said."""
    for _ in range(limit):
        reader.next()
        said = reader.spoken()
        if said and said[-1] == phrase:
            return said
    raise AssertionError(f"the screen reader never said {phrase!r}; its last words: {reader.spoken()[-6:]}")


def wait_to_hear(page, words: str) -> list[str]:
    """Wait until the reader has said something containing `words` (live regions are announced later)."""
    page.wait_for_function("async w => (await window.__reader.spokenPhraseLog()).some(p => p.includes(w))", arg=words,
                           timeout=5000)
    return page.evaluate("() => window.__reader.spokenPhraseLog()")


def test_each_question_and_its_answers_are_spoken_as_a_group_of_choices(server, page_for):
    page = open_page(page_for, server)
    reader = ScreenReader(page, "form.self-check-form")
    last = DATA["questions"][-1]
    said = walk_until(reader, f"end of group, {len(QIDS)}. {last['question']}")
    problems = []
    for n, q in enumerate(DATA["questions"], 1):
        start = f"group, {n}. {q['question']}"
        if start not in said:
            problems.append(f"question {n} is not announced as a group: {start!r}")
            continue
        inside = said[said.index(start):said.index(f"end of group, {n}. {q['question']}")]
        size = len(q["answers"]) + 1
        want = [f"radio, {letter}. {a['text']}, not checked, position {i}, set size {size}"
                for i, (letter, a) in enumerate(zip(LETTERS, q["answers"]), 1)]
        want.append(f"radio, {NOT_SURE}, not checked, position {size}, set size {size}")
        radios = [p for p in inside if p.startswith("radio, ")]
        if radios != want:
            problems.append(f"question {n}: the reader says {radios}, expected {want}")
        # Nothing but the heading and the answers: no permalink or copy button in between.
        extra = [p for p in inside if re.match(r"(link|button)\b", p)]
        if extra:
            problems.append(f"question {n}: the reader also meets {extra}")
    levels = re.compile(r"\b(" + "|".join(map(re.escape, NAME.values())) + r")\b")
    giveaway = [p for p in said if levels.search(p)]
    if giveaway:
        problems.append(f"the questions speak a level before the result: {giveaway[:3]}")
    assert not problems, "\n".join(problems)


def test_the_result_is_announced_and_read_with_not_sure(server, page_for):
    page = open_page(page_for, server)
    reader = ScreenReader(page, "form.self-check-form")
    chosen = {qid: TOP for qid in QIDS}
    chosen["q-aims"] = None  # not sure
    for n, q in enumerate(DATA["questions"]):
        fieldset = page.locator("fieldset.self-check-question").nth(n)
        if chosen[q["id"]] is None:
            fieldset.locator("input[value=unsure]").check()
        else:
            fieldset.locator(f"input[value='{[a['level'] for a in q['answers']].index(chosen[q['id']])}']").check()
    want = score(DATA, chosen)
    reader.clear()
    page.get_by_role("button", name="Show the result").click()
    said = wait_to_hear(page, "Result ready.")
    announced = f"Result ready. Staff: {NAME[want['level']]}{', capped' if want['capped'] else ''}."
    assert any(p.startswith(f"polite: {announced}") for p in said), \
        f"the live region should say {announced!r}; the reader said {said}"

    # Read the result from its heading, as a reader would after the focus moves there.
    reader.clear()
    for _ in range(40):
        reader.perform("moveToNextHeading")
        if reader.spoken()[-1:] == ["heading, Your result, level 2"]:
            break
    else:
        raise AssertionError(f"the reader found no 'Your result' heading: {reader.spoken()[-6:]}")
    aims = DATA["questions"][0]
    said = walk_until(reader, f"heading, 1. {aims['question']}, level 4")
    said += walk_until(reader, " ".join(DATA["not_sure"]["advice"].split()))
    text = "\n".join(said)
    for words in ("Where the work sits", NAME[want["level"]], f"{want['total']} out of {DATA['most']}",
                  f"Staff: {DATA['not_sure']['label']}"):
        assert words in text, f"the result as spoken lacks {words!r}:\n{text}"


def test_changing_an_answer_after_the_result_is_announced(server, page_for):
    page = open_page(page_for, server)
    for n, q in enumerate(DATA["questions"]):
        page.locator("fieldset.self-check-question").nth(n).locator("input[value=unsure]").check()
    page.get_by_role("button", name="Show the result").click()
    reader = ScreenReader(page, "form.self-check-form")
    page.locator("fieldset.self-check-question").first.locator("input[value='0']").check()
    said = wait_to_hear(page, "result was cleared")
    assert any(p.startswith("polite: ") and "Show the result" in p for p in said if "result was cleared" in p), said
