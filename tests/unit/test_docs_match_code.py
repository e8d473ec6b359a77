"""The docs say only what is true of the code.

Every file path and every `./guide` command named in README.md,
CONTRIBUTING.md and the project's code and comments must exist: a renamed
file or a dropped command fails here, naming the line that still points to
it. Paths are relative to the repository; web addresses are left out, and
so are patterns (NAME, *, <name>, {...}) and paths in the built site.

The import rule from README.md ("Where things are") is checked too:
guide_core/ is the one library, hooks/ and scripts/ sit above it.
"""

from __future__ import annotations

import ast
import io
import re
import subprocess
import tokenize
from functools import lru_cache
from pathlib import Path

import pytest

from conftest import ROOT

TOP = ("docs", "guide_core", "hooks", "scripts", "tests", "overrides", "includes", "tools", ".github", ".ci")
PATH = re.compile(r"(?<![\w./:-])((?:%s)/[\w./-]*[\w/])" % "|".join(re.escape(t) for t in TOP))
# A command, where the text shows one to run: in backticks or quotes, after
# "run" or "$", or followed by an option or a mark. Prose, where ./guide
# installs them, is not a command.
COMMAND = re.compile(r"(?:[`'\"]|\b[Rr]un\s+|\$\s+)\./guide\s+([a-z][\w-]*)"
                     r"|\./guide\s+([a-z][\w-]*)(?=\s+--|[`'\").,;:])")
PLACEHOLDER = re.compile(r"[A-Z]{3,}|<|\*|\{|\.\.\.")
URL = re.compile(r"\w+://\S+")
SOURCE_SUFFIXES = {".py", ".js", ".mjs", ".css", ".html", ".yml", ".yaml", ".in", ".toml", ".ini", ".md", ""}
TEXT_FOLDERS = ("guide_core", "hooks", "scripts", "tests", "overrides", "docs/assets", ".github", ".ci", "tools/lint")


def tracked() -> list[Path]:
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, text=True, check=True)
    return [ROOT / name for name in listed.stdout.split("\0") if name]


def documents() -> list[Path]:
    files = [ROOT / "README.md", ROOT / "CONTRIBUTING.md", ROOT / "guide", ROOT / "pyproject.toml",
             ROOT / "requirements.in", ROOT / "requirements-test.in", ROOT / "mkdocs.yml", ROOT / "pytest.ini"]
    for path in tracked():
        rel = path.relative_to(ROOT).as_posix()
        if rel.startswith(TEXT_FOLDERS) and path.suffix in SOURCE_SUFFIXES and path.is_file() \
                and "node_modules" not in rel and not rel.endswith((".min.js", "package-lock.json")):
            files.append(path)
    return sorted(set(files))


@lru_cache(maxsize=None)
def prose(path: Path) -> str:
    """What a file says to its reader: for Python, its comments and
    docstrings (the module's only, in a test, whose other strings are often
    made-up files); for other files, all of it. Line numbers are kept."""
    text = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix != ".py":
        return text
    lines = [""] * (text.count("\n") + 1)

    def keep(start: int, end: int, said: str) -> None:
        for offset, part in enumerate(said.splitlines()):
            if start + offset - 1 < len(lines):
                lines[start + offset - 1] += " " + part

    for token in tokenize.generate_tokens(io.StringIO(text).readline):
        if token.type == tokenize.COMMENT:
            keep(token.start[0], token.end[0], token.string)
    tree = ast.parse(text)
    in_tests = path.relative_to(ROOT).parts[0] == "tests"
    holders = [tree] if in_tests else [tree, *(n for n in ast.walk(tree) if isinstance(
        n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)))]
    for node in holders:
        if node.body and isinstance(node.body[0], ast.Expr) and isinstance(
                getattr(node.body[0], "value", None), ast.Constant) and isinstance(node.body[0].value.value, str):
            keep(node.body[0].lineno, node.body[0].end_lineno, node.body[0].value.value)
    return "\n".join(lines)


def named_paths(text: str):
    """(line number, path) for each repository path the text names. An
    example of a file to make ("for example docs/x.md") is not a claim."""
    for number, line in enumerate(text.splitlines(), start=1):
        if "for example" in line:
            continue
        for found in PATH.findall(URL.sub("", line)):
            if not PLACEHOLDER.search(found):
                yield number, found.rstrip(".")


def test_every_path_named_in_the_docs_and_code_exists():
    missing = []
    for doc in documents():
        for number, path in named_paths(prose(doc)):
            if not (ROOT / path).exists():
                missing.append(f"{doc.relative_to(ROOT)}:{number}: names {path}, which does not exist. "
                               "Fix: correct the path, or remove the claim.")
    assert not missing, "\n".join(missing)


def _commands() -> set[str]:
    from scripts.guide import parser
    top = parser()
    return {name for action in top._subparsers._group_actions for name in action.choices}


def test_every_guide_command_named_exists():
    commands = _commands()
    wrong = []
    for doc in documents():
        for number, line in enumerate(prose(doc).splitlines(), start=1):
            for name in filter(None, (a or b for a, b in COMMAND.findall(line))):
                if name not in commands:
                    wrong.append(f"{doc.relative_to(ROOT)}:{number}: names ./guide {name}, which is no command "
                                 f"(./guide --help lists {', '.join(sorted(commands))}). Fix: correct the line.")
    assert not wrong, "\n".join(wrong)


def test_the_path_finder_finds_paths_and_leaves_addresses():
    text = ("See tests/unit/test_lint.py, and docs/assets/ (there).\n"
            "https://example.org/docs/page.md and tests/browser/js/NAME.js\n"
            "a new page, for example docs/new-page.md")
    assert list(named_paths(text)) == [(1, "tests/unit/test_lint.py"), (1, "docs/assets/")]


def test_the_command_finder_finds_commands_and_leaves_prose():
    text = "Run `./guide test --fast`; ./guide installs them; run ./guide bench. ./guide pdf, and ./guide makes"
    assert [a or b for a, b in COMMAND.findall(text)] == ["test", "bench", "pdf"]


# --- The import rule ------------------------------------------------------------------

def imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.append((node.lineno, node.module))
    return found


def sys_path_uses(path: Path) -> list[int]:
    """The lines of a Python file whose code uses sys.path (not its comments or strings)."""
    return [node.lineno for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.Attribute) and node.attr == "path"
            and isinstance(node.value, ast.Name) and node.value.id == "sys"]


# What each folder may not import (README.md, "Where things are").
# Tests call guide_core (or a command's main), never a hook: a hook only
# hands MkDocs' objects to guide_core, and the built site shows it worked.
FORBIDDEN = {"guide_core": ("hooks", "scripts", "tests"), "hooks": ("scripts", "tests"),
             "scripts": ("hooks", "tests"), "tests": ("hooks",)}


@pytest.mark.parametrize("folder", sorted(FORBIDDEN))
def test_guide_core_is_the_one_library(folder):
    wrong = []
    for path in sorted((ROOT / folder).rglob("*.py")):
        for line, module in imports(path):
            top = module.split(".")[0]
            if top in FORBIDDEN[folder]:
                wrong.append(f"{path.relative_to(ROOT)}:{line}: imports {module}; {folder}/ may not import "
                             f"{top}/. Fix: move what it needs into guide_core/.")
        for line in sys_path_uses(path):
            wrong.append(f"{path.relative_to(ROOT)}:{line}: edits sys.path. Fix: import guide_core, which is installed.")
    assert not wrong, "\n".join(wrong)


# A command (scripts/) is reached from elsewhere only as a command, through
# its main() (or the command line's parser): what it needs from any other
# file is in guide_core/. The exceptions, each with its reason:
COMMAND_NAMES = {"main", "parser"}
COMMAND_EXCEPTIONS = {
    "scripts.fault_injection.MISTAKES": "the test counts the mistakes the command makes (at least 40)",
    "scripts.guide.PASS_ON": "the commands that hand their options on unread, which the option test leaves out",
    "scripts.guide.workers": "how the command line shares the tests between processes, tested without a run",
}


def command_uses(path: Path) -> list[tuple[int, str]]:
    """(line, scripts.MODULE.NAME) for every name of a command that a Python file uses."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    modules, used = {}, []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "scripts":
            modules.update({alias.asname or alias.name: alias.name for alias in node.names})
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("scripts."):
            used += [(node.lineno, f"{node.module}.{alias.name}") for alias in node.names]
        elif isinstance(node, ast.Import):
            used += [(node.lineno, alias.name) for alias in node.names if alias.name.startswith("scripts.")]
    used += [(node.lineno, f"scripts.{modules[node.value.id]}.{node.attr}") for node in ast.walk(tree)
             if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in modules]
    return used


def test_a_command_is_used_only_as_a_command():
    wrong = []
    for path in sorted([*(ROOT / "tests").rglob("*.py"), *(ROOT / "scripts").rglob("*.py")]):
        for line, name in command_uses(path):
            if name.rsplit(".", 1)[-1] not in COMMAND_NAMES and name not in COMMAND_EXCEPTIONS:
                wrong.append(f"{path.relative_to(ROOT)}:{line}: uses {name} of a command. Fix: move it into "
                             "guide_core/ and import it from there, or call the command's main().")
    assert not wrong, "\n".join(wrong)
    stale = [name for name in COMMAND_EXCEPTIONS if not name.rsplit(".", 1)[0].startswith("scripts.")
             or not (ROOT / (name.rsplit(".", 1)[0].replace(".", "/") + ".py")).is_file()]
    assert not stale, f"COMMAND_EXCEPTIONS names commands that do not exist: {stale}"


def test_the_command_rule_finds_every_way_of_using_a_command(tmp_path):
    code = tmp_path / "uses.py"
    code.write_text("from scripts import guide, check_links as links\nfrom scripts.published_links import collect, main\n"
                    "import scripts.benchmark\nguide.main([])\nlinks.report([])\n")
    assert sorted(name for _, name in command_uses(code)) == [
        "scripts.benchmark", "scripts.check_links.report", "scripts.guide.main",
        "scripts.published_links.collect", "scripts.published_links.main"]


def test_the_import_rule_catches_a_wrong_import(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("from __future__ import annotations\nimport os\nfrom hooks.csp import on_post_build\n")
    assert [m for _, m in imports(bad) if m.split(".")[0] in FORBIDDEN["guide_core"]] == ["hooks.csp"]
    bad.write_text('import sys\n# sys.path is not edited here\nNOTE = "sys.path"\nsys.path.insert(0, "..")\n')
    assert sys_path_uses(bad) == [4]


# A fixed wait passes on a fast machine and fails on a slow one, and makes every
# run slower than it needs to be. Tests wait on a state instead: a selector, a
# function that becomes true, an event, or support.settled().
CLOCK_WAITS = re.compile(r"\b(wait_for_timeout|time\.sleep|asyncio\.sleep|setTimeout)\s*\(|\bsleep\s*\(")


def _code_lines(path: Path):
    """(line number, code) of a test file: Python without its comments and,
    except in page scripts (strings holding JavaScript), without its strings."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".js":
        yield from ((n, line.split("//", 1)[0]) for n, line in enumerate(text.splitlines(), 1))
        return
    for token in tokenize.generate_tokens(io.StringIO(text).readline):
        if token.type == tokenize.COMMENT:
            continue
        # This file names the fixed waits as examples, in strings.
        if token.type == tokenize.STRING and path == Path(__file__).resolve():
            continue
        yield token.start[0], token.string


def test_no_test_waits_on_the_clock():
    wrong = []
    for path in sorted((ROOT / "tests").rglob("*")):
        if path.suffix not in (".py", ".js") or "node_modules" in path.parts or not path.is_file():
            continue
        lines = {}
        for number, code in _code_lines(path):
            lines[number] = lines.get(number, "") + code
        for number, code in sorted(lines.items()):
            if CLOCK_WAITS.search(code):
                wrong.append(f"{path.relative_to(ROOT)}:{number}: waits a fixed time. "
                             "Fix: wait on a state: a selector, page.wait_for_function, an event, "
                             "or support.settled().")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("code", ["page.wait_for_timeout(300)", "time.sleep(5)", "await asyncio.sleep(1)",
                                  "setTimeout(done, 50)", "sleep(2)"])
def test_the_clock_rule_catches_a_fixed_wait(code):
    assert CLOCK_WAITS.search(code)


# Playwright runs a wait_for_function given as an expression through eval(),
# which the pages' Content-Security-Policy blocks ('unsafe-eval' is not allowed):
# the wait then fails whenever its condition is not already true at the first
# look. Given as a function, it runs without eval.
FUNCTION_SOURCE = re.compile(r"^\s*(async\s+)?(\([^)]*\)|[A-Za-z_$][\w$]*)\s*=>|^\s*(async\s+)?function\b")


def _expression_waits(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr == "wait_for_function" and node.args):
            first = node.args[0]
            text = first.value if isinstance(first, ast.Constant) and isinstance(first.value, str) else (
                "".join(v.value for v in first.values if isinstance(v, ast.Constant))
                if isinstance(first, ast.JoinedStr) else None)
            if text is not None and not FUNCTION_SOURCE.match(text):
                yield node.lineno


def test_every_wait_for_function_is_given_a_function():
    wrong = [f"{path.relative_to(ROOT)}:{line}: wait_for_function is given an expression, which Playwright "
             "runs with eval() and the page's policy blocks. Fix: give it a function: \"() => ...\"."
             for path in sorted((ROOT / "tests").rglob("*.py")) for line in _expression_waits(path)]
    assert not wrong, "\n".join(wrong)


def test_the_wait_rule_tells_an_expression_from_a_function(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text('page.wait_for_function("window.ready")\n'
                      'page.wait_for_function("() => window.ready")\n'
                      'page.wait_for_function("t => t.done", arg=1)\n'
                      'page.wait_for_function(f"document.title == {x!r}")\n'
                      'page.wait_for_function("async w => await w")\n', encoding="utf-8")
    assert list(_expression_waits(sample)) == [1, 4]
