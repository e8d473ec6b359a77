"""Welsh pages and the English they come from (guide_core/translation.py)."""

from __future__ import annotations

import yaml

from guide_core.config import safe_load

from guide_core import translation
from guide_core.problem import Problem
from guide_core.strings import DEFAULT, FOLDER, keys

from .project import read_text

STAMP = "python -m guide_core.translation stamp"


def translations(project):
    """Each Welsh page names its English page and a fingerprint; an English page
    that changed since is listed as a warning, so its Welsh gets updated."""
    for page in project.pages:
        if not page.name.endswith(translation.SUFFIX) or page.meta_error:
            continue
        line = page.meta_lines.get("translation", 1)
        wrong = translation.problems_in(page.meta)
        for what, fix in wrong:
            yield Problem(page.name, line, what, fix)
        if wrong:
            continue
        rel = page.path.relative_to(project.docs).as_posix()
        found = translation.read(project.docs, rel, page.meta)
        if found.current is None:
            yield Problem(page.name, line, f"'translation: from: {found.english}' names no English page in docs/",
                          "write the English page's file name, relative to docs/, such as 'from: principles.md'")
        elif found.state == translation.STALE:
            yield Problem(page.name, line,
                          f"the English page {found.english} changed on {found.english_changed}, after this "
                          f"translation was made, so the Welsh may be out of date",
                          f"bring the Welsh up to date with the English, then run {STAMP} {page.name}; "
                          f"until then the Welsh page says it may be out of date", warning=True)


def strings(project):
    """Each strings file is valid YAML, and every language has every key the British English one has."""
    folder = project.root / FOLDER
    files = {}
    for path in sorted(folder.glob("*.yml")):
        try:
            data = safe_load(read_text(path, project.shown(path)))
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            yield Problem(project.shown(path), mark.line + 1 if mark else 1, "this strings file is not valid YAML",
                          "write each line as 'name: text'; put text that holds a colon or starts with a quote "
                          "inside double quotes")
            continue
        if not isinstance(data, dict):
            yield Problem(project.shown(path), 1, "this strings file is not a list of 'name: text' lines",
                          "copy the form of en-GB.yml beside it")
            continue
        files[path] = data
    english = next((keys(d) for p, d in files.items() if p.stem == DEFAULT), None)
    if english is None:
        return
    for path, data in files.items():
        own = keys(data)
        for key in sorted(english - own):
            yield Problem(project.shown(path), 1, f"'{key}' is in en-GB.yml but not in {path.name}",
                          f"add '{key}' to {path.name}, in that language")
