"""Spelling: UK English, with pyspelling and aspell's en_GB dictionary."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from collections import defaultdict
from pathlib import Path

import yaml

from guide_core.config import safe_load

from guide_core.problem import Problem

from .project import read_text

SPELLING_CONFIG = ".pyspelling.yml"
WORD_LIST = ".spelling-wordlist.txt"
WELSH = ".cy.md"  # the Welsh pages, checked by .pyspelling.yml's "welsh" task
# Each task's language: its name, the word list to add to, the dictionary file it needs.
LANGUAGES = {
    "welsh": ("Welsh", ".spelling-wordlist-cy.txt", "cy.multi", "aspell-cy"),
    "docs": ("UK English", WORD_LIST, "en_GB*", "aspell-en"),
}


def _is_welsh(page) -> bool:
    return page.name.endswith(WELSH)


def spelling(project, pages=None):
    """Words aspell's British English dictionary (Welsh for PAGE.cy.md) does not know,
    outside code and quotations.

    `pages` limits the run to those pages (./guide check --changed)."""
    for language, _, dictionary, package in LANGUAGES.values():
        if not shutil.which("aspell") or not list(Path("/usr/lib/aspell").glob(dictionary)):
            yield Problem(SPELLING_CONFIG, 1, f"the spell checker (aspell with its {language} dictionary) is not installed",
                          f"run ./guide check, which installs Debian's aspell and {package}, "
                          "or ask an administrator for them")
            return
    from pyspelling import spellcheck

    pages = project.pages if pages is None else pages
    if not pages:
        return
    root = project.root
    settings = safe_load(read_text(root / SPELLING_CONFIG, SPELLING_CONFIG))
    with tempfile.TemporaryDirectory() as work:
        tasks = []
        for task in settings["matrix"]:
            # The pages that were read as text: a file that is not text has its own message.
            welsh = task.get("name") == "welsh"
            task["sources"] = [str(p.path) for p in pages if _is_welsh(p) == welsh]
            if not task["sources"]:
                continue
            tasks.append(task)
            task["dictionary"]["wordlists"] = [str(root / w) for w in task["dictionary"]["wordlists"]]
            task["dictionary"]["output"] = str(Path(work) / f"{task.get('name', 'docs')}.dic")
        settings["matrix"] = tasks
        if not tasks:
            return
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
    welsh_paths = {p.path.resolve() for p in pages if _is_welsh(p)}
    joined = {w for path in welsh_paths for w in unknown.get(path, ()) if "'" in w or "’" in w}
    fine = _welsh_joined_words(joined, root / LANGUAGES["welsh"][1])
    for page in pages:
        for word in sorted(set(unknown.get(page.path.resolve(), ())) - (fine if _is_welsh(page) else set())):
            pattern = re.compile(rf"(?<![\w'’-]){re.escape(word)}(?![\w-])")
            # aspell reads letters only, so '6ed' (Welsh for 6th) gives 'ed': then a word after a digit.
            after_digit = re.compile(rf"(?<=\d){re.escape(word)}(?![\w-])")
            lines = ([n for n, text in page.body if pattern.search(text)]
                     or [n for n, text in page.body if after_digit.search(text)] or [1])
            if _is_welsh(page):
                # A warning: Debian's Welsh dictionary (aspell-cy 0.50) lacks many
                # mutated forms (Gymraeg, wefan), so an unknown word is often right.
                yield Problem(page.name, lines[0], f"'{word}' is not in the Welsh dictionary",
                              f"correct the spelling; if it is right (many mutated forms, such as 'Gymraeg', "
                              f"are missing from the dictionary), add it on a line of its own to "
                              f"{LANGUAGES['welsh'][1]}", warning=True)
                continue
            yield Problem(page.name, lines[0], f"'{word}' is not in the UK English dictionary",
                          f"correct the spelling (UK English: organise, colour, centre), or if it is a name "
                          f"or a term the guide uses, add it on a line of its own to {WORD_LIST}")


def _welsh_joined_words(words: set[str], word_list: Path) -> set[str]:
    """The words like "mae'r" and "o'r" whose parts Welsh knows: aspell reads them
    whole, but each is a word and a short form joined by an apostrophe."""
    if not words:
        return set()
    parts = {part for word in words for part in re.split(r"['’]", word) if part}
    try:
        own = {line.strip().lower() for line in word_list.read_text(encoding="utf-8").splitlines()}
        unknown = subprocess.run(["aspell", "--lang=cy", "list"], input="\n".join(sorted(parts)),
                                 capture_output=True, text=True, timeout=60).stdout.split()
    except (OSError, subprocess.SubprocessError, UnicodeDecodeError):
        return set()
    bad = {part.lower() for part in unknown} - own
    return {word for word in words if not any(part.lower() in bad for part in re.split(r"['’]", word) if part)}
