"""Glossary tooltips (includes/abbreviations.md)."""

from __future__ import annotations

import re

from guide_core.problem import Problem
from guide_core.rules import MAX_TOOLTIP_WORDS, glossary_names, in_glossary, tooltips as read_tooltips

from .project import read_text

TOOLTIPS = "includes/abbreviations.md"


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
    texts = []

    def page_texts():
        """Each page's lines joined (not the tooltip lines), once, when first needed."""
        if not texts:
            texts.extend((p.name, "\n".join(text for _, text in p.body if not text.startswith("*[")))
                         for p in project.pages)
        return texts
    for number, term, meaning in entries:
        if not in_glossary(term, glossary_text, names):
            yield Problem(TOOLTIPS, number, f"'{term}' has a tooltip but no entry in {glossary.name}",
                          f"add a '## {term[0].upper() + term[1:]}' entry with a plain definition to {glossary.name}")
        if not meaning or len(meaning.split()) > MAX_TOOLTIP_WORDS:
            yield Problem(TOOLTIPS, number, f"the tooltip for '{term}' has {len(meaning.split())} words",
                          f"keep it to {MAX_TOOLTIP_WORDS} or fewer, with the full meaning in {glossary.name}")
        lower = term[0].lower() + term[1:]
        if term[0].isupper() and term[1:2].islower() and lower not in terms:
            pattern = re.compile(rf"(?<![\w-]){re.escape(lower)}(?![\w-])")
            used = next((name for name, text in page_texts() if pattern.search(text)), None)
            if used:
                yield Problem(TOOLTIPS, number, f"tooltips match capitals exactly, so '*[{term}]' gives no tooltip "
                              f"on '{lower}' ({used})",
                              f"add a second line '*[{lower}]: {meaning}' below it")
