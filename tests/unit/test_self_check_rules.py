"""The self-check's scoring rules hold for every possible set of answers.

The rules are data (docs/self-check.yml); the one scoring code is the
page's own script (docs/assets/javascripts/self-check.js), run here in Node
on every set of answers: each question's answers and "not sure". The
properties below come from the guide itself, not from the scoring code:

- the result is always one of the levels;
- it is never higher than the total's band;
- it is never higher than the answer on who makes the main decisions,
  nor the answer on when people join (issue: "staff make the final call"
  must not come out as co-production);
- a partner who is offered pay and says no, or a group where no one is paid
  and all costs are covered, never caps the result (docs/paying-partners.md:
  taking payment is each person's choice; volunteers can share power as much
  as paid partners can);
- a better answer to one question never gives a lower result.
"""

from __future__ import annotations

import copy
from functools import lru_cache
from math import prod

import pytest

from guide_core import self_check
from self_check_js import UNSURE, score, score_every_set

DATA = self_check.load()
ORDER = [level["id"] for level in DATA["levels"]]
TOP = len(ORDER) - 1
QIDS = [q["id"] for q in DATA["questions"]]
CEILINGS = ("q-decisions", "q-timing")  # the questions issue 21 names
PAYMENT = "q-payment"


@lru_cache(maxsize=None)
def every_set(without_gates_on: str | None = None) -> dict:
    data = copy.deepcopy(DATA)
    if without_gates_on:
        data["gates"] = [g for g in data["gates"] if g["question"] != without_gates_on]
    out = score_every_set(data)
    out["sets"] = list(out["sets"])
    return out


def level_of_answer(qid: str, choice) -> int | None:
    """The level (index) of a choice on a question, None for not sure."""
    if choice == UNSURE:
        return None
    q = DATA["questions"][QIDS.index(qid)]
    return ORDER.index(q["answers"][choice]["level"])


def band_of(choices) -> int:
    points = {level["id"]: level["points"] for level in DATA["levels"]}
    total = sum(DATA["not_sure"]["points"] if c == UNSURE
                else points[DATA["questions"][n]["answers"][c]["level"]] for n, c in enumerate(choices))
    return ORDER.index(next(b["level"] for b in DATA["bands"] if b["from"] <= total <= b["to"]))


def describe(choices) -> str:
    return ", ".join(f"{qid}={'not sure' if c == UNSURE else DATA['questions'][n]['answers'][c]['level']}"
                     for n, (qid, c) in enumerate(zip(QIDS, choices)))


def test_every_set_of_answers_is_scored():
    out = every_set()
    want = prod(len(q["answers"]) + 1 for q in DATA["questions"])
    assert out["count"] == want == len(out["levels"]) == len(out["sets"])
    assert want >= 6 ** 7, "each question has 5 answers and not sure"
    undefined = [i for i, level in enumerate(out["levels"]) if level < 0]
    assert not undefined, (f"{len(undefined)} sets of answers give no result, for example: "
                           f"{out['errors'][:2]}")


def test_the_result_is_never_higher_than_the_total_or_the_decisions_and_timing_answers():
    out = every_set()
    problems = []
    for choices, level in zip(out["sets"], out["levels"]):
        if level > band_of(choices):
            problems.append(f"{describe(choices)}: {ORDER[level]} is higher than the total allows")
        for qid in CEILINGS:
            answer = level_of_answer(qid, choices[QIDS.index(qid)])
            # Not sure counts as not yet known: never the top level.
            ceiling = TOP - 1 if answer is None else answer
            if level > ceiling:
                problems.append(f"{describe(choices)}: {ORDER[level]} is higher than the answer to {qid}")
        if len(problems) > 5:
            break
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("which", ["offered pay, says no", "no one is paid, costs covered"])
def test_a_partner_who_says_no_to_pay_or_a_volunteer_group_never_caps_the_result(which):
    q = DATA["questions"][QIDS.index(PAYMENT)]
    if which == "offered pay, says no":
        choice = next(i for i, a in enumerate(q["answers"]) if a["level"] == ORDER[TOP])
        assert "say no" in q["answers"][choice]["text"], \
            f"the top answer to {PAYMENT} must say each person can say no to pay: {q['answers'][choice]['text']!r}"
    else:
        choice = next((i for i, a in enumerate(q["answers"]) if a["text"].startswith("No one is paid")), None)
        assert choice is not None, f"{PAYMENT} needs an answer for a group where no one is paid, staff included"
    at = QIDS.index(PAYMENT)
    real, ungated = every_set(), every_set(PAYMENT)
    gate_ids = [g["id"] for g in DATA["gates"]]
    payment_gates = {n for n, g in enumerate(DATA["gates"]) if g["question"] == PAYMENT}
    problems = []
    for choices, level, free, mask in zip(real["sets"], real["levels"], ungated["levels"], real["capped"]):
        if choices[at] != choice:
            continue
        if level != free or any(mask >> n & 1 for n in payment_gates):
            problems.append(f"{describe(choices)}: {ORDER[level]}, but {ORDER[free]} without the payment gate "
                            f"(capped by {[gate_ids[n] for n in range(len(gate_ids)) if mask >> n & 1]})")
            if len(problems) > 5:
                break
    assert not problems, "\n".join(problems)


def test_a_better_answer_never_gives_a_lower_result():
    out = every_set()
    sizes = [len(q["answers"]) + 1 for q in DATA["questions"]]
    weights = [prod(sizes[n + 1:]) for n in range(len(sizes))]
    levels = out["levels"]
    problems = []
    for i, choices in enumerate(out["sets"]):
        for n, c in enumerate(choices):
            if c == UNSURE:
                continue
            q = DATA["questions"][n]
            here = ORDER.index(q["answers"][c]["level"])
            if here == TOP:
                continue
            better = [a["level"] for a in q["answers"]].index(ORDER[here + 1])
            j = i + (better - c) * weights[n]
            if levels[j] < levels[i]:
                problems.append(f"{describe(choices)} gives {ORDER[levels[i]]}, but a better answer to "
                                f"{q['id']} ({ORDER[here + 1]}) gives {ORDER[levels[j]]}")
        if len(problems) > 5:
            break
    assert not problems, "\n".join(problems)


def test_top_answers_everywhere_give_the_top_level():
    assert score(DATA, {qid: ORDER[TOP] for qid in QIDS})["level"] == ORDER[TOP]


def test_staff_making_the_final_call_is_not_co_production():
    # Issue 21: four answers at co-design level (staff make the final call, partners
    # join early then step back, paid for some of their time, named as co-authors)
    # and co-production on the other three.
    chosen = {qid: "co-production" for qid in QIDS}
    chosen.update({qid: "co-design" for qid in ("q-decisions", "q-timing", PAYMENT, "q-ownership")})
    texts = {qid: next(a["text"] for a in DATA["questions"][QIDS.index(qid)]["answers"] if a["level"] == level)
             for qid, level in chosen.items()}
    assert "staff make the final call" in texts["q-decisions"], texts["q-decisions"]
    got = score(DATA, chosen)
    assert got["total"] == 24 and got["band"] == "co-production", got
    assert got["level"] == "co-design", got
    assert set(got["capped"]) == {"decisions", "timing"}, got
