"""The guide is in its own words: no run of words copied from the sources.

The source material and its checker sit beside the project, in
../shared (../shared/seeds and ../shared/tools/copied-prose). Quoted definitions, in
quotation marks with their source named, are allowed and skipped.
"""

from __future__ import annotations

import os
import subprocess

import pytest

from conftest import ROOT

CHECKER = ROOT.parent / "shared" / "tools" / "copied-prose"


def test_no_prose_is_copied_from_the_sources():
    if not CHECKER.exists():
        if os.environ.get("GUIDE_NO_SOURCES") == "1":
            pytest.skip("GUIDE_NO_SOURCES=1: the source material is not beside this checkout")
        pytest.fail(f"{CHECKER} is missing. Put the source material beside the project as ../shared, "
                    "or set GUIDE_NO_SOURCES=1 where it cannot be had.", pytrace=False)
    result = subprocess.run([str(CHECKER), str(ROOT / "docs")], capture_output=True, text=True)
    assert result.returncode == 0, (
        "These passages repeat the source material word for word. Rewrite them in the guide's own "
        "words, or quote a short definition in quotation marks with its source:\n" + result.stdout)
