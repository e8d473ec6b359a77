"""The standing fault-injection run: every editor mistake in scripts/fault_injection.py,
made alone in a copy of the guide, is caught by the check with its file, line and a
true message, and every change the check should accept is accepted. Prints the figure."""

from __future__ import annotations

from scripts import fault_injection


def test_the_check_catches_every_editor_mistake(capsys):
    assert len([m for m in fault_injection.MISTAKES if not m.accepted]) >= 40
    code = fault_injection.main(["--jobs", "2"])
    out = capsys.readouterr().out
    with capsys.disabled():
        print("\n" + out.strip().splitlines()[-1])
    missed = [line for line in out.splitlines() if line.startswith(("MISSED", "REPORTED"))]
    assert code == 0 and not missed, "\n".join(missed) or out
