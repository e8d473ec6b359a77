"""An answer's length must not give its level away (docs/self-check.yml).

`./guide check` reports a length cue as FILE:LINE (guide_core.self_check.length_cues,
run by the "self-check data" check). The real answers pass; answers changed
at random so that length is a cue are always caught.
"""

from __future__ import annotations

import copy
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from guide_core import self_check
from test_content_checks import project, run_check  # noqa: F401  (project is a fixture)

DATA = self_check.load()
TOP = DATA["levels"][-1]["id"]
N = len(DATA["questions"])
LEVELS = len(DATA["levels"])


def test_the_real_answers_give_no_length_cue():
    cues = self_check.length_cues(DATA)
    assert not cues, "\n".join(f"{DATA['questions'][c['question']]['id']}: {c['message']}" for c in cues)


def test_answers_within_each_question_are_of_similar_length():
    for q in DATA["questions"]:
        sizes = [len(a["text"]) for a in q["answers"]]
        assert max(sizes) <= self_check.MOST_LENGTH_RATIO * min(sizes), (q["id"], sizes)


def test_the_top_answer_is_rarely_the_longest():
    longest = sum(1 for q in DATA["questions"]
                  if len(next(a["text"] for a in q["answers"] if a["level"] == TOP))
                  >= max(len(a["text"]) for a in q["answers"]))
    assert longest <= max(1, N // LEVELS), f"the top answer is the longest in {longest} of {N} questions"


@settings(max_examples=60)
@given(st.sets(st.integers(0, N - 1), min_size=max(1, N // LEVELS) + 1),
       st.lists(st.sampled_from(["and", "then", "together", "with", "care"]), min_size=1, max_size=4))
def test_making_the_top_answer_longest_in_too_many_questions_is_caught(questions, words):
    data = copy.deepcopy(DATA)
    for qi in questions:
        answers = data["questions"][qi]["answers"]
        top = next(a for a in answers if a["level"] == TOP)
        while len(top["text"]) <= max(len(a["text"]) for a in answers if a is not top):
            top["text"] += " " + " ".join(words)
    cues = self_check.length_cues(data)
    assert cues, f"the top answer is now the longest in {len(questions)} questions, and nothing was reported"


@settings(max_examples=60)
@given(st.integers(0, N - 1), st.integers(0, LEVELS - 1), st.floats(1.55, 4))
def test_one_answer_much_longer_than_another_is_caught(qi, ai, factor):
    data = copy.deepcopy(DATA)
    answers = data["questions"][qi]["answers"]
    shortest = min(len(a["text"]) for i, a in enumerate(answers) if i != ai)
    text = answers[ai]["text"]
    while len(text) <= factor * shortest:
        text += " more words"
    answers[ai]["text"] = text
    cues = self_check.length_cues(data)
    assert any(c["question"] == qi for c in cues), f"{data['questions'][qi]['id']}: no cue reported"


def test_a_length_cue_is_reported_as_file_and_line(project):  # noqa: F811
    path = project / "docs" / "self-check.yml"
    text = path.read_text(encoding="utf-8")
    q = DATA["questions"][0]
    top = next(a for a in q["answers"] if a["level"] == TOP)
    longer = top["text"] + " They wrote every part of the plan, step by step, with care."
    assert text.count(f"text: {top['text']}\n") == 1
    path.write_text(text.replace(f"text: {top['text']}\n", f"text: {longer}\n"), encoding="utf-8")
    line = next(n for n, t in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if longer in t)
    result = run_check(project)
    assert result.returncode == 1, result.stdout
    assert re.search(rf"^docs/self-check\.yml:{line}: the answers to {q['id']} run from \d+ to \d+ characters"
                     r".*\. Fix: .+", result.stdout, re.M), result.stdout
