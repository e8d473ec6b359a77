"""The guide is in its own words: no run of words copied from the sources.

The source material and its checker sit beside the project, in
../shared (../shared/seeds and ../shared/tools/copied-prose). Quoted definitions, in
quotation marks with their source named, are allowed and skipped.

The source material is not part of the repository, so a clone with nothing
beside it skips this one check, and the run's summary says so and how to run
it. Where ../shared is present but its checker is not, the test fails.
"""

from __future__ import annotations

import subprocess

import pytest

from conftest import ROOT

CHECKER = ROOT.parent / "shared" / "tools" / "copied-prose"


def test_no_prose_is_copied_from_the_sources():
    if not CHECKER.parent.parent.exists():
        pytest.skip(f"the copied-prose check, because the source material is not beside this checkout "
                    f"({CHECKER.parent.parent}). To run it, put the source material there as ../shared "
                    "and run ./guide test again.")
    if not CHECKER.exists():
        pytest.fail(f"{CHECKER} is missing, though ../shared is there. Fix: put the whole source "
                    "material beside the project, tools/copied-prose included.", pytrace=False)
    result = subprocess.run([str(CHECKER), str(ROOT / "docs")], capture_output=True, text=True)
    assert result.returncode == 0, (
        "These passages repeat the source material word for word. Rewrite them in the guide's own "
        "words, or quote a short definition in quotation marks with its source:\n" + result.stdout)
