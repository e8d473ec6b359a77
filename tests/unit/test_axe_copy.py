"""The accessibility tests run the pinned, offline copy of axe-core
(tests/browser/test_accessibility.py). Checked without a browser."""

from __future__ import annotations

import re

from conftest import ROOT
from support import AXE_JS


def test_axe_is_the_pinned_offline_copy():
    header = AXE_JS.read_text(encoding="utf-8")[:200]
    assert re.search(r"axe v\d+\.\d+\.\d+", header), (
        f"{AXE_JS} does not start with an axe-core version banner. "
        "Reinstall the pinned axe-playwright-python from requirements-test.txt."
    )
    pins = (ROOT / "requirements-test.txt").read_text()
    assert re.search(r"^axe-playwright-python==", pins, re.M), (
        "requirements-test.txt must pin axe-playwright-python exactly (==)."
    )
