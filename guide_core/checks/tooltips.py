"""Glossary tooltips (includes/abbreviations.md)."""

from __future__ import annotations

import re

from guide_core.problem import Problem
from guide_core.rules import MAX_TOOLTIP_WORDS, glossary_names, in_glossary, tooltips as read_tooltips

from .project import read_text

TOOLTIPS = "includes/abbreviations.md"
_WORD_CHAR = re.compile(r"[\w-]")


def tooltips(project):
    """Every tooltip has a glossary entry; a tooltip written with a capital also covers the word in lower case."""
    path = project.root / TOOLTIPS
    glossary = next((p for p in project.pages if p.path.name == "glossary.md"), None)
    if not path.is_file() or glossary is None:
        return
    entries = read_tooltips(read_text(path, TOOLTIPS))
    glossary_text = glossary.text
    terms = {term for _, term, _ in entries}
    names = glossary_names(glossary_text)
    # A tooltip written with a capital ("Lived experience") that has no
    # lower-case twin: the first page that uses the word in lower case.
    capital_only = {term[0].lower() + term[1:]: term for _, term, _ in entries
                    if term[0].isupper() and term[1:2].islower() and term[0].lower() + term[1:] not in terms}
    first_use = _first_pages_using(project, capital_only) if capital_only else {}
    for number, term, meaning in entries:
        if not in_glossary(term, glossary_text, names):
            yield Problem(TOOLTIPS, number, f"'{term}' has a tooltip but no entry in {glossary.name}",
                          f"add a '## {term[0].upper() + term[1:]}' entry with a plain definition to {glossary.name}")
        if not meaning or len(meaning.split()) > MAX_TOOLTIP_WORDS:
            yield Problem(TOOLTIPS, number, f"the tooltip for '{term}' has {len(meaning.split())} words",
                          f"keep it to {MAX_TOOLTIP_WORDS} or fewer, with the full meaning in {glossary.name}")
        lower = term[0].lower() + term[1:]
        used = first_use.get(lower) if capital_only.get(lower) == term else None
        if used:
            yield Problem(TOOLTIPS, number, f"tooltips match capitals exactly, so '*[{term}]' gives no tooltip "
                          f"on '{lower}' ({used})",
                          f"add a second line '*[{lower}]: {meaning}' below it")


def _first_pages_using(project, words) -> dict[str, str]:
    """Each word's first page (in the project's order) that uses it as a whole
    word, not on a tooltip line."""
    found: dict[str, str] = {}
    for page in project.pages:
        text = "\n".join(line for _, line in page.body if not line.startswith("*["))
        for word in whole_words_used(text, words):
            found.setdefault(word, page.name)
        if len(found) == len(words):
            break
    return found


def whole_words_used(text: str, words) -> set[str]:
    """Which of `words` stand in `text` as whole words (not inside a longer
    word or a hyphenated one), in one pass over the text for all of them."""
    ordered = sorted(set(words), key=len, reverse=True)
    # Zero-width, so a word inside another's match ("experience" in "lived
    # experience") is found at its own place too.
    pattern = re.compile(r"(?<![\w-])(?=(" + "|".join(map(re.escape, ordered)) + r")(?![\w-]))")
    used = set()
    for match in pattern.finditer(text):
        longest = match.group(1)
        # A shorter word that starts the same way and ends at a word's end.
        used.update(w for w in ordered if longest.startswith(w)
                    and not _WORD_CHAR.match(longest[len(w):len(w) + 1]))
    return used
