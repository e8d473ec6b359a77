"""The guide's scripts pass ESLint and its stylesheets pass Stylelint.

Both linters and their rules live in tools/lint/ (package.json pins them,
eslint.config.mjs and stylelint.config.mjs say which rules are off and why).
./guide test installs them with npm before the tests run.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINT = ROOT / "tools" / "lint"
JAVASCRIPTS = ROOT / "docs" / "assets" / "javascripts"
STYLESHEETS = ROOT / "docs" / "assets" / "stylesheets"


def _linter(name: str) -> Path:
    found = LINT / "node_modules" / ".bin" / name
    assert found.exists(), (
        f"{found.relative_to(ROOT)} is missing. Fix: run ./guide test, which installs tools/lint with npm."
    )
    return found


def eslint(*paths: Path, source: str | None = None) -> subprocess.CompletedProcess:
    """ESLint on files, or on source text as if it were a script in the guide."""
    where = ["--stdin", "--stdin-filename", str(JAVASCRIPTS / "example.js")] if source else list(paths)
    return subprocess.run(
        [_linter("eslint"), "--config", LINT / "eslint.config.mjs", *where],
        input=source, capture_output=True, text=True, cwd=ROOT,
    )


def stylelint(*paths: Path, source: str | None = None) -> subprocess.CompletedProcess:
    """Stylelint on files, or on source text as if it were a stylesheet in the guide."""
    where = ["--stdin-filename", str(STYLESHEETS / "example.css")] if source else list(map(str, paths))
    return subprocess.run(
        [_linter("stylelint"), "--config", LINT / "stylelint.config.mjs", *where],
        input=source, capture_output=True, text=True, cwd=ROOT,
    )


def test_scripts_pass_eslint():
    scripts = sorted(JAVASCRIPTS.glob("*.js"))
    assert scripts, f"no scripts found in {JAVASCRIPTS}"
    result = eslint(*scripts)
    assert result.returncode == 0, f"ESLint found problems:\n{result.stdout}{result.stderr}"
    assert result.stdout == "", result.stdout


def test_stylesheets_pass_stylelint():
    sheets = sorted(STYLESHEETS.glob("*.css"))
    assert sheets, f"no stylesheets found in {STYLESHEETS}"
    result = stylelint(*sheets)
    assert result.returncode == 0, f"Stylelint found problems:\n{result.stdout}{result.stderr}"


@pytest.mark.parametrize("source, rule", [
    ("document$.subscribe(function () { undefinedName(); });\n", "no-undef"),
    ("var unused = 1;\n", "no-unused-vars"),
])
def test_eslint_catches_a_real_mistake(source, rule):
    result = eslint(source=source)
    assert result.returncode == 1 and rule in result.stdout, result.stdout + result.stderr


@pytest.mark.parametrize("source, rule", [
    (".box { colour: red; }\n", "property-no-unknown"),
    (".box { color: red; color: blue; }\n", "declaration-block-no-duplicate-properties"),
])
def test_stylelint_catches_a_real_mistake(source, rule):
    result = stylelint(source=source)
    output = result.stdout + result.stderr
    assert result.returncode == 2 and rule in output, output
