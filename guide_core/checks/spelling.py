"""Spelling: UK English, with pyspelling and aspell's en_GB dictionary."""

from __future__ import annotations

import re
import shutil
import tempfile
from collections import defaultdict
from pathlib import Path

import yaml

from guide_core.problem import Problem

from .project import read_text

SPELLING_CONFIG = ".pyspelling.yml"
WORD_LIST = ".spelling-wordlist.txt"


def spelling(project, pages=None):
    """Words aspell's British English dictionary does not know, outside code and quotations.

    `pages` limits the run to those pages (./guide check --changed)."""
    if not shutil.which("aspell") or not list(Path("/usr/lib/aspell").glob("en_GB*")):
        yield Problem(SPELLING_CONFIG, 1, "the spell checker (aspell with its en_GB dictionary) is not installed",
                      "run ./guide check, which installs Debian's aspell and aspell-en, or ask an administrator for them")
        return
    from pyspelling import spellcheck

    pages = project.pages if pages is None else pages
    if not pages:
        return
    root = project.root
    settings = yaml.safe_load(read_text(root / SPELLING_CONFIG, SPELLING_CONFIG))
    with tempfile.TemporaryDirectory() as work:
        for task in settings["matrix"]:
            # The pages that were read as text: a file that is not text has its own message.
            task["sources"] = [str(p.path) for p in pages]
            task["dictionary"]["wordlists"] = [str(root / w) for w in task["dictionary"]["wordlists"]]
            task["dictionary"]["output"] = str(Path(work) / "guide.dic")
        config = Path(work) / "spelling.yml"
        config.write_text(yaml.safe_dump(settings), encoding="utf-8")
        unknown = defaultdict(set)
        for result in spellcheck(str(config)):
            if result.error:
                yield Problem(SPELLING_CONFIG, 1, f"the spell check stopped ({result.error.splitlines()[-1]})",
                              "check .pyspelling.yml against the pyspelling documentation")
                return
            # The context is "FILE: html>body>p", where in the page the words are.
            unknown[Path(re.sub(r": html>.*$", "", result.context)).resolve()].update(result.words)
    for page in pages:
        for word in sorted(unknown.get(page.path.resolve(), ())):
            pattern = re.compile(rf"(?<![\w'’-]){re.escape(word)}(?![\w-])")
            lines = [n for n, text in page.body if pattern.search(text)] or [1]
            yield Problem(page.name, lines[0], f"'{word}' is not in the UK English dictionary",
                          f"correct the spelling (UK English: organise, colour, centre), or if it is a name "
                          f"or a term the guide uses, add it on a line of its own to {WORD_LIST}")
