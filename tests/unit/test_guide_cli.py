"""./guide's command line (scripts/guide.py): help lists every command, an
unknown command exits 2, and options go in any order."""

from __future__ import annotations

import subprocess

import pytest

from scripts import guide


def commands() -> list[str]:
    return sorted(name[4:] for name in vars(guide) if name.startswith("cmd_"))


def test_help_lists_every_command(capsys):
    with pytest.raises(SystemExit) as done:
        guide.main(["--help"])
    assert done.value.code == 0
    shown = capsys.readouterr().out
    missing = [name for name in commands() if f"\n    {name} " not in shown]
    assert not missing, f"scripts/guide.py: ./guide --help leaves out {missing}. Fix: give each cmd_ function a docstring."


@pytest.mark.parametrize("word", ["nope", "tset", "--fast"])
def test_an_unknown_command_exits_2(word, capsys):
    with pytest.raises(SystemExit) as done:
        guide.main([word])
    assert done.value.code == 2
    assert "usage: ./guide" in capsys.readouterr().err


@pytest.mark.parametrize("name", [name for name in commands() if name not in guide.PASS_ON])
def test_options_a_command_does_not_take_exit_2(name):
    with pytest.raises(SystemExit) as done:
        guide.main([name, "--no-such-option"])
    assert done.value.code == 2


@pytest.mark.parametrize("argv", [["test", "--fast", "-k", "x"], ["test", "-k", "x", "--fast"],
                                  ["test", "tests/unit", "--fast", "-x"]])
def test_fast_is_read_in_any_position(argv):
    args, extra = guide.parser().parse_known_args(argv)
    assert args.fast and "--fast" not in extra
    assert extra == [a for a in argv[1:] if a != "--fast"]


def test_a_chosen_test_run_stays_in_one_process():
    assert guide.workers(["tests/unit/test_core.py"]) == []
    assert guide.workers(["-k", "links"]) == []


@pytest.mark.parametrize("name", sorted(guide.PASS_ON - {"serve", "test"}))
def test_help_of_a_command_shows_its_tools_options_and_sets_up_nothing(name, monkeypatch):
    """./guide NAME --help hands --help to the tool the command runs, once,
    and builds or installs nothing for it (serve's tool is mkdocs serve)."""
    ran = []

    def set_up(*args, **kwargs):
        raise AssertionError(f"./guide {name} --help set something up")

    for step in ("build_site", "apt_install", "node_tools"):
        monkeypatch.setattr(guide, step, set_up)
    monkeypatch.setattr(guide, "test_packages", lambda: None)
    monkeypatch.setattr(guide, "run", lambda *command: ran.append(command) or 0)
    monkeypatch.setattr(subprocess, "run", lambda command, **kw: ran.append(tuple(command)) or Done(0))
    assert guide.main([name, "--help"]) == 0
    assert len(ran) == 1 and "--help" in ran[0], f"./guide {name} --help ran {ran}"


def test_help_of_test_names_its_own_option(capsys):
    with pytest.raises(SystemExit) as done:
        guide.main(["test", "--help"])
    assert done.value.code == 0 and "--fast" in capsys.readouterr().out


class Done:
    def __init__(self, returncode):
        self.returncode = returncode
