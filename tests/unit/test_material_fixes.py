"""What the guide's scripts rely on in the installed Material bundle.

material-fixes.js patches Material's markup and guide-tools.js lets Material
copy. If an upgrade changes what they rely on, these fail with the script
to read again, before a reader meets a doubled or missing fix.
"""

from __future__ import annotations

import re
from importlib.metadata import version

import pytest

from conftest import ROOT
from support import MATERIAL, material_sources, squash

SCRIPTS = ROOT / "docs" / "assets" / "javascripts"


def test_fixes_are_written_for_the_installed_material():
    fixes = (SCRIPTS / "material-fixes.js").read_text(encoding="utf-8")
    written_for = re.search(r"mkdocs-material (\d+\.\d+\.\d+)", fixes).group(1)
    pinned = re.search(r"^mkdocs-material==(\S+)", (ROOT / "requirements.txt").read_text(), re.M).group(1)
    assert written_for == pinned == version("mkdocs-material"), (
        f"material-fixes.js is written for mkdocs-material {written_for}, requirements.txt pins {pinned} "
        f"and {version('mkdocs-material')} is installed. Fix: after an upgrade, check each fix against "
        "the template its comment names, drop the ones Material now does, then update the version.")


BUNDLE = "src/templates/assets/javascripts/bundle.ts"
CLIPBOARD = "src/templates/assets/javascripts/integrations/clipboard/index.ts"
PALETTE = "src/templates/assets/javascripts/components/palette/index.ts"

RELIED_ON = [
    (BUNDLE, 'const screen$ = watchMedia("(min-width: 76.25em)")',
     "screen$ follows Material's drawer breakpoint (material-fixes.js reads it, so the guide's "
     "scripts never write the breakpoint)"),
    (BUNDLE, "window.document$ = document$", "document$ is on window"),
    (BUNDLE, "window.screen$ = screen$", "screen$ is on window"),
    (BUNDLE, "window.alert$ = alert$", "alert$ is on window"),
    (BUNDLE, "setupClipboardJS({ alert$ })", "copying sends its message to alert$"),
    (CLIPBOARD, 'new ClipboardJS("[data-clipboard-target], [data-clipboard-text]"',
     "any element with data-clipboard-text copies that text when clicked (guide-tools.js)"),
    (CLIPBOARD, "const trigger = ev.trigger as HTMLElement trigger.focus() }), "
     'map(() => translation("clipboard.copied"))',
     "after a copy Material focuses the button, then alerts (guide-tools.js marks the focused button)"),
    (PALETTE, 'filter(ev => ev.key === "Enter")',
     "the palette switches with Enter only (material-fixes.js adds Space)"),
]


@pytest.mark.parametrize("source, snippet, meaning", RELIED_ON, ids=[r[2][:60] for r in RELIED_ON])
def test_material_still_works_the_way_the_scripts_expect(source, snippet, meaning):
    sources = material_sources()
    assert source in sources, f"Material's bundle no longer has {source}. The guide's scripts rely on it: {meaning}."
    assert squash(snippet) in squash(sources[source]), (
        f"Material changed {source}: the guide's scripts rely on this: {meaning}. "
        "Fix: read the new code and update material-fixes.js or guide-tools.js.")


def test_materials_alert_is_still_not_a_live_region():
    """If Material makes its alert a live region, announceAlerts() in
    material-fixes.js would have screen readers hear every copy twice."""
    base = (MATERIAL / "base.html").read_text(encoding="utf-8")
    dialog = re.search(r'<div class="md-dialog"[^>]*>\s*<div class="md-dialog__inner[^>]*>', base)
    assert dialog, "Material's base.html has no .md-dialog alert box any more: check announceAlerts()."
    assert not re.search(r"aria-live|role=", dialog.group(0)), (
        f"Material's alert box is now a live region ({dialog.group(0)}). "
        "Fix: remove announceAlerts() from material-fixes.js.")
