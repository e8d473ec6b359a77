"""The self-check's scoring, run in Node from the page's own script.

docs/assets/javascripts/self-check.js holds the one copy of the scoring
code (its `score` function); docs/self-check.yml holds the rules as data.
The tests do not keep a second copy of the rules: they load that script in
Node, give it the same data block the page gets (guide_core.self_check's
`to_json`), and read what it says.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from itertools import product

from guide_core import self_check

from conftest import ROOT

SCRIPT = ROOT / "docs" / "assets" / "javascripts" / "self-check.js"
UNSURE = "unsure"

# Reads {"data": ..., "sets": [...] or "all"} on stdin. "all" means every
# possible set of answers, each question's answers then "unsure", in the
# order itertools.product gives (the first question changes slowest).
RUNNER = r"""
const score = require(process.argv[1]).score;
const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
const data = input.data;
const order = data.levels.map((l) => l.id);
const choices = data.questions.map((q) => q.answers.map((a, i) => i).concat(["unsure"]));
function one(answers) {
  try {
    const s = score(data, answers);
    return { level: s.level, band: s.band, total: s.total, capped: s.capped.map((c) => c.gate.id),
             caps: s.capped.map((c) => c.cap) };
  } catch (error) {
    return { error: String(error) };
  }
}
if (input.sets === "all") {
  const count = choices.reduce((n, c) => n * c.length, 1);
  const levels = [];
  const errors = [];
  const capped = [];
  const gateIds = data.gates.map((g) => g.id);
  for (let i = 0; i < count; i++) {
    let rest = i;
    const answers = {};
    for (let q = data.questions.length - 1; q >= 0; q--) {
      answers[data.questions[q].id] = choices[q][rest % choices[q].length];
      rest = Math.floor(rest / choices[q].length);
    }
    const s = one(answers);
    const at = s.error ? -1 : order.indexOf(s.level);
    levels.push(at);
    if (at < 0 && errors.length < 5) errors.push({ answers: answers, got: s });
    capped.push(s.error ? 0 : s.capped.reduce((m, id) => m | (1 << gateIds.indexOf(id)), 0));
  }
  process.stdout.write(JSON.stringify({ count: count, levels: levels, capped: capped, errors: errors }));
} else {
  process.stdout.write(JSON.stringify(input.sets.map(one)));
}
"""


def node() -> str:
    found = shutil.which("node")
    assert found, ("Node.js is needed to run the self-check's scoring script. "
                   "./guide test installs it (Debian package nodejs)")
    return found


def _run(data: dict, sets) -> object:
    payload = json.dumps({"data": json.loads(self_check.to_json(data)), "sets": sets})
    result = subprocess.run([node(), "-e", RUNNER, str(SCRIPT)], input=payload, capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, f"{SCRIPT.relative_to(ROOT)}: the scoring failed in Node:\n{result.stderr[-2000:]}"
    return json.loads(result.stdout)


def as_indexes(data: dict, chosen: dict) -> dict:
    """{question id: level id, or None for not sure} -> {question id: answer index or "unsure"}."""
    out = {}
    for q in data["questions"]:
        level = chosen[q["id"]]
        out[q["id"]] = UNSURE if level is None else [a["level"] for a in q["answers"]].index(level)
    return out


def score(data: dict, chosen: dict) -> dict:
    """What self-check.js gives for one set of answers, given by level (None for not sure)."""
    return _run(data, [as_indexes(data, chosen)])[0]


def score_every_set(data: dict) -> dict:
    """Every possible set of answers, scored by self-check.js.

    Returns {"sets": [tuple of choices per question], "levels": [level index, -1 if none],
    "capped": [bit mask over data["gates"]], "count", "errors"}."""
    out = _run(data, "all")
    choices = [list(range(len(q["answers"]))) + [UNSURE] for q in data["questions"]]
    out["sets"] = product(*choices)
    return out
