"""The self-check's questions, points, gates and bands, from one data file.

docs/self-check.yml is the one place that says what each answer is worth.
Three readers use it:

- the page: `render(data, part)` turns it into the Markdown that replaces
  the markers `<!-- self-check:questions -->`, `<!-- self-check:scoring -->`,
  `<!-- self-check:key -->` and `<!-- self-check:levels -->` in
  docs/self-check.md (hooks/self_check.py
  calls it at build time);
- the script: `data_block(data)` puts `to_json(data)` into the page itself,
  as a JSON data block that self-check.js reads (no extra request);
- the tests, which call `load()` on the same file.

The scoring itself (total, band, gates) is applied in one place only: the
`score` function in docs/assets/javascripts/self-check.js. The tests run
that function in Node (tests/self_check_js.py); this module keeps none.

Any problem in the data file raises SelfCheckError with a message of the
form "FILE:LINE: what is wrong. Fix: what to do."
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

from guide_core.config import SafeLoader
from guide_core.page_data import json_block

ROOT = Path(__file__).resolve().parent.parent  # the project root
DATA = ROOT / "docs" / "self-check.yml"
DATA_ID = "self-check-data"  # the id of the data block self-check.js reads
MARKER = re.compile(r"<!--\s*self-check:([a-z]+)\s*-->")
PARTS = ("questions", "scoring", "key", "levels")
LETTERS = "ABCDEFGH"
QUESTION_ID = re.compile(r"^q-[a-z]+(-[a-z]+)*$")
ANSWER = "answer"  # a gate's cap that means "the level of the answer given"


class SelfCheckError(ValueError):
    """A problem in the data file, as FILE:LINE: what. Fix: what to do."""


class _Map(dict):
    line = 0
    key_lines: dict


class _List(list):
    line = 0


class _Loader(SafeLoader):  # libyaml where PyYAML has it: the same rules, faster
    """Safe YAML that remembers the line of every mapping, list and key."""


def _mapping(loader, node):
    loader.flatten_mapping(node)
    result = _Map()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in result:
            raise SelfCheckError(f"{{file}}:{key_node.start_mark.line + 1}: the key {key!r} appears twice. "
                                 "Fix: keep one of them")
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


def _sequence(loader, node):
    result = _List(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _sequence)


def _shown(path: Path) -> str:
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)


def load(path: Path = DATA) -> dict:
    """Read and check the data file. Returns plain dicts and lists."""
    name = _shown(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise SelfCheckError(f"{name}:1: cannot read the self-check data ({error.strerror}). "
                             "Fix: restore the file from git") from None
    try:
        raw = yaml.load(text, Loader=_Loader)
    except SelfCheckError as error:
        raise SelfCheckError(str(error).replace("{file}", name)) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        raise SelfCheckError(f"{name}:{line}: this is not valid YAML ({error.problem}). "
                             "Fix: check the indentation and quotes on this line and the one above") from None
    return _check(raw, name)


def _check(raw, name: str) -> dict:
    def fail(node, key, message, fix):
        line = getattr(node, "key_lines", {}).get(key) or getattr(node, "line", 1) or 1
        raise SelfCheckError(f"{name}:{line}: {message}. Fix: {fix}")

    def need(node, key, kind, where):
        if not isinstance(node, dict) or key not in node:
            fail(node, None, f"{where} has no `{key}`", f"add `{key}:` to {where}")
        value = node[key]
        if kind is str and not (isinstance(value, str) and value.strip()):
            fail(node, key, f"`{key}` in {where} must be some text", f"write the text after `{key}:`")
        if kind is int and (not isinstance(value, int) or isinstance(value, bool) or value < 0):
            fail(node, key, f"`{key}` in {where} must be a whole number, 0 or more", f"write a number after `{key}:`")
        if kind is list and not (isinstance(value, list) and value):
            fail(node, key, f"`{key}` in {where} must be a list with at least 1 item",
                 f"list the items under `{key}:`, each starting with `- `")
        return value

    if not isinstance(raw, dict):
        fail(raw, None, "the file must be a set of `key: value` lines", "start from the version in git")

    levels = []
    for item in need(raw, "levels", list, "the file"):
        levels.append({"id": need(item, "id", str, "a level"), "name": need(item, "name", str, "a level"),
                       "points": need(item, "points", int, "a level"), "means": need(item, "means", str, "a level")})
    ids = [level["id"] for level in levels]
    for i, level in enumerate(levels[1:], 1):
        if level["points"] <= levels[i - 1]["points"]:
            fail(raw["levels"][i], "points", f"level {level['id']!r} is worth no more than the level before it",
                 "list the levels from fewest to most points")
    if len(set(ids)) != len(ids):
        fail(raw["levels"], None, "two levels have the same id", "give each level its own id")
    level_of = {level["id"]: level for level in levels}

    def level_ref(node, key, where):
        value = need(node, key, str, where)
        if value not in level_of:
            fail(node, key, f"{where} names the level {value!r}, which is not under `levels`",
                 "use one of: " + ", ".join(ids))
        return value

    unsure_node = need(raw, "not_sure", None, "the file")
    if not isinstance(unsure_node, dict):
        fail(raw, "not_sure", "`not_sure` must hold `label`, `points` and `advice`", "indent those 3 keys under it")
    not_sure = {"label": need(unsure_node, "label", str, "`not_sure`"),
                "points": need(unsure_node, "points", int, "`not_sure`"),
                "advice": need(unsure_node, "advice", str, "`not_sure`")}

    questions = []
    for q in need(raw, "questions", list, "the file"):
        qid = need(q, "id", str, "a question")
        if not QUESTION_ID.match(qid):
            fail(q, "id", f"the question id {qid!r} is not like `q-aims`", "use q- and lower-case words with hyphens")
        if qid in {other["id"] for other in questions}:
            fail(q, "id", f"two questions have the id {qid!r}", "give each question its own id")
        answers = []
        for a in need(q, "answers", list, f"question {qid}"):
            answers.append({"level": level_ref(a, "level", f"an answer to {qid}"),
                            "text": need(a, "text", str, f"an answer to {qid}"),
                            "why": need(a, "why", str, f"an answer to {qid}")})
        got = [a["level"] for a in answers]
        if sorted(got, key=ids.index) != ids:
            missing = [level for level in ids if level not in got]
            twice = sorted({level for level in got if got.count(level) > 1})
            fail(q, "answers", f"question {qid} needs exactly 1 answer at each level"
                 + (f"; none is at {', '.join(missing)}" if missing else "")
                 + (f"; more than 1 is at {', '.join(twice)}" if twice else ""),
                 "give the question one answer for each level under `levels`")
        if got == ids or got == ids[::-1]:
            fail(q, "answers", f"the answers to {qid} are in level order, so readers can guess each level",
                 "mix up the order of the answers")
        questions.append({"id": qid, "question": need(q, "question", str, f"question {qid}"),
                          "short": need(q, "short", str, f"question {qid}"),
                          "change": need(q, "change", str, f"question {qid}"), "answers": answers})
    question_ids = [q["id"] for q in questions]

    gates = []
    for g in raw.get("gates") or []:
        where = "a gate"
        qid = need(g, "question", str, where)
        if qid not in question_ids:
            fail(g, "question", f"the gate names the question {qid!r}, which is not under `questions`",
                 "use one of: " + ", ".join(question_ids))
        if need(g, "cap", str, where) == ANSWER:
            # The result is never higher than the answer to this question.
            if "fails" in g:
                fail(g, "fails", "a gate with `cap: answer` caps at each answer's own level, so it needs no `fails`",
                     "remove `fails:`, or give a level as the cap")
            fails, cap = [], ANSWER
            unsure_cap = level_ref(g, "unsure_cap", where)
            if ids.index(unsure_cap) >= len(ids) - 1:
                fail(g, "unsure_cap", "`unsure_cap` is the top level, so not sure never lowers a result",
                     "cap not sure at a lower level")
        else:
            fails = need(g, "fails", list, where)
            for level in fails:
                if level not in level_of:
                    fail(g, "fails", f"the gate lists the level {level!r}, which is not under `levels`",
                         "use levels from: " + ", ".join(ids))
            cap = level_ref(g, "cap", where)
            if ids.index(cap) >= len(ids) - 1:
                fail(g, "cap", "the gate's cap is the top level, so it never lowers a result",
                     "cap at a lower level, or remove the gate")
            unsure_cap = cap
        note = g.get("note")
        if note is not None and not (isinstance(note, str) and note.strip()):
            fail(g, "note", "`note` in a gate must be some text", "write the text after `note:`, or remove it")
        gates.append({"id": need(g, "id", str, where), "name": need(g, "name", str, where),
                      "question": qid, "fails": list(fails), "cap": cap, "unsure_cap": unsure_cap,
                      "rule": need(g, "rule", str, where), "note": note or "",
                      "reason": need(g, "reason", str, where), "unsure": need(g, "unsure", str, where)})

    most = len(questions) * levels[-1]["points"]
    bands = []
    expected_from = 0
    for b in need(raw, "bands", list, "the file"):
        band = {"level": level_ref(b, "level", "a band"), "from": need(b, "from", int, "a band"),
                "to": need(b, "to", int, "a band")}
        if band["from"] != expected_from or band["to"] < band["from"]:
            fail(b, "from", f"the band for {band['level']} runs {band['from']} to {band['to']}, "
                 f"but the next band must start at {expected_from}",
                 "make the bands follow on, with no gap or overlap")
        expected_from = band["to"] + 1
        bands.append(band)
    if expected_from - 1 != most:
        fail(raw["bands"], None, f"the bands end at {expected_from - 1}, but the most points are {most} "
             f"({len(questions)} questions worth up to {levels[-1]['points']})", f"end the last band at {most}")
    if [band["level"] for band in bands] != ids:
        fail(raw["bands"], None, "the bands must name each level once, from lowest to highest",
             "list one band for each level, in the order of `levels`")
    return {"levels": levels, "not_sure": not_sure, "questions": questions, "gates": gates,
            "bands": bands, "most": most}


# ---------------------------------------------------------------------------
# Length cues: an answer's length must not give its level away.
# ---------------------------------------------------------------------------

MOST_LENGTH_RATIO = 1.5  # the longest answer to a question, at most this times the shortest


def length_cues(data: dict) -> list[dict]:
    """Places where answer length hints at the level.

    Each is {"question": index, "answer": index, "message", "fix"}. The rules:
    - within a question, the longest answer is at most MOST_LENGTH_RATIO
      times the shortest (in characters);
    - no level is the longest (or the shortest) answer in more questions than
      chance would give it (1 in the number of levels, rounded up);
    - the top level is the longest in at most that share rounded down (at
      least 1), because the longest answer is the one readers pick as "best".
    """
    found = []
    levels = [level["id"] for level in data["levels"]]
    names = {level["id"]: level["name"] for level in data["levels"]}
    n = len(data["questions"])
    share = -(-n // len(levels))
    top_share = max(1, n // len(levels))
    longest = {level: [] for level in levels}
    shortest = {level: [] for level in levels}
    for qi, q in enumerate(data["questions"]):
        sizes = [len(a["text"]) for a in q["answers"]]
        most, least = max(sizes), min(sizes)
        if most > MOST_LENGTH_RATIO * least:
            ai = sizes.index(most)
            found.append({"question": qi, "answer": ai,
                          "message": f"the answers to {q['id']} run from {least} to {most} characters, "
                                     "so their length hints at their level",
                          "fix": f"shorten this answer, or lengthen the shortest, so the longest is at most "
                                 f"{MOST_LENGTH_RATIO:g} times the shortest"})
        for ai, a in enumerate(q["answers"]):
            if sizes[ai] == most:
                longest[a["level"]].append((qi, ai))
            if sizes[ai] == least:
                shortest[a["level"]].append((qi, ai))
    for level in levels:
        for kind, places in (("longest", longest[level]), ("shortest", shortest[level])):
            cap = top_share if kind == "longest" and level == levels[-1] else share
            if len(places) > cap:
                qi, ai = places[cap]
                found.append({"question": qi, "answer": ai,
                              "message": f"the {names[level]} answer is the {kind} in {len(places)} of {n} "
                                         f"questions, a cue to its level (at most {cap} allowed)",
                              "fix": f"make this answer {'shorter' if kind == 'longest' else 'longer'}, "
                                     "keeping its meaning, or change another answer to this question"})
    return found


# ---------------------------------------------------------------------------
# The page
# ---------------------------------------------------------------------------

def _name(data: dict, level_id: str) -> str:
    return next(level["name"] for level in data["levels"] if level["id"] == level_id)


def _number(data: dict, qid: str) -> int:
    return [q["id"] for q in data["questions"]].index(qid) + 1


def _render_questions(data: dict) -> str:
    out = ['<div class="self-check" markdown>', ""]
    for n, q in enumerate(data["questions"], 1):
        out += [f"### {n}. {q['question']} {{ #{q['id']} }}", ""]
        for letter, answer in zip(LETTERS, q["answers"]):
            out.append(f"- **{letter}.** {answer['text']}")
        out += [f"- **{data['not_sure']['label']}.** You do not know, or you cannot agree.", ""]
    out += ["</div>", ""]
    return "\n".join(out)


def _gate_sentence(data: dict, gate: dict) -> str:
    if gate["cap"] == ANSWER:
        return (f"**{gate['name']}.** {gate['rule']} If you are not sure, it can be no higher than "
                f"{_name(data, gate['unsure_cap'])}.")
    note = f" {gate['note']}" if gate["note"] else ""
    return (f"**{gate['name']}.** {gate['rule']} Then the result can be no higher than "
            f"{_name(data, gate['cap'])}.{note}")


def _render_scoring(data: dict) -> str:
    out = ["| Level | Points |", "| --- | --- |"]
    out += [f"| {level['name']} | {level['points']} |" for level in data["levels"]]
    out += [f"| {data['not_sure']['label']} | {data['not_sure']['points']} |", ""]
    out += [f"Add up the points for your {len(data['questions'])} answers. "
            f"Your total will be between 0 and {data['most']}. Then find your total in this table.", ""]
    out += ["| Your total | Where the work sits |", "| --- | --- |"]
    out += [f"| {b['from']} to {b['to']} | {_name(data, b['level'])} |" for b in data["bands"]]
    out += ["", "### Gates: what a high total cannot hide { #gates }", "",
            "Some answers matter more than the total. These are the gates.", ""]
    out += [f"- {_gate_sentence(data, gate)}" for gate in data["gates"]]
    out += ["- A gate question you are not sure about counts as a closed gate, until you find out.", ""]
    return "\n".join(out)


def _render_key(data: dict) -> str:
    letters = LETTERS[: len(data["levels"])]
    label = data["not_sure"]["label"]
    out = ['<div class="self-check-key" markdown>', "",
           "Find each letter you chose and write down its points. Then add them up.", "",
           "| Question | " + " | ".join(letters) + f" | {label} |",
           "| --- |" + " --- |" * (len(letters) + 1)]
    points = {level["id"]: level["points"] for level in data["levels"]}
    for n, q in enumerate(data["questions"], 1):
        cells = [str(points[a["level"]]) for a in q["answers"]]
        out.append(f"| {n}. {q['short']} | " + " | ".join(cells) + f" | {data['not_sure']['points']} |")
    out += ["", "**Gates.** These answers cap the result, whatever the total:", ""]
    for gate in data["gates"]:
        q = next(q for q in data["questions"] if q["id"] == gate["question"])
        n = _number(data, q["id"])
        if gate["cap"] == ANSWER:
            out.append(f"- {gate['name']}: find the points for your answer to question {n} in the points table. "
                       f"The result can be no higher than the level worth those points. "
                       f"{n} {label.lower()}: no higher than {_name(data, gate['unsure_cap'])}.")
            continue
        chosen = [f"{n}{letter}" for letter, a in zip(LETTERS, q["answers"]) if a["level"] in gate["fails"]]
        out.append(f"- {gate['name']}: {', '.join(chosen)} or {n} {label.lower()}. "
                   f"The result can be no higher than {_name(data, gate['cap'])}.")
    out += ["", "**What to change.** Start with the questions where you scored lowest, "
            "or where staff and partners disagree.", ""]
    for n, q in enumerate(data["questions"], 1):
        out += [f'<div class="self-check-change" id="change-{q["id"]}" markdown>', "",
                f"**{n}. {q['short']}.** {q['change']}", "", "</div>", ""]
    out += ["</div>", ""]
    return "\n".join(out)


def _render_levels(data: dict) -> str:
    out = []
    for level in data["levels"]:
        out += [f"### {level['name']} {{ #level-{level['id']} }}", "", level["means"], ""]
    return "\n".join(out)


RENDERERS = {"questions": _render_questions, "scoring": _render_scoring, "key": _render_key,
             "levels": _render_levels}


def render_page(markdown: str, data: dict, page_name: str) -> str:
    """Replace each self-check marker in a page's Markdown with its part."""
    found = MARKER.findall(markdown)
    for part in found:
        if part not in RENDERERS:
            line = markdown[: markdown.index(f"self-check:{part}")].count("\n") + 1
            raise SelfCheckError(f"{page_name}:{line}: unknown marker self-check:{part}. "
                                 f"Fix: use one of {', '.join(PARTS)}")
    missing = [part for part in PARTS if part not in found]
    if missing:
        raise SelfCheckError(f"{page_name}:1: the page has no <!-- self-check:{missing[0]} --> marker. "
                             "Fix: put each of the 4 markers on a line of its own")
    return MARKER.sub(lambda m: RENDERERS[m[1]](data), markdown)


def to_json(data: dict) -> str:
    """What self-check.js reads: levels, not sure, questions, gates and bands."""
    return json.dumps({k: data[k] for k in ("levels", "not_sure", "questions", "gates", "bands", "most")},
                      ensure_ascii=False, separators=(",", ":"))


def data_block(data: dict) -> str:
    """The data as a JSON block for the page (guide_core/page_data.py)."""
    return json_block(DATA_ID, to_json(data))
