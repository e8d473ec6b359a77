"""Sentences, words and quotations: one splitter for the readability line and the checks."""

from __future__ import annotations

import re

# A quotation in straight or curly double quotes; its words are someone else's.
QUOTED = re.compile(r"[\"“][^\"”]{0,600}[\"”]")
# A sentence ends at . ! or ? (and any closing quote or bracket) before a capital or digit.
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])")
# A word: letters of any alphabet (grŵp, café) or digits, with any apostrophes
# (mae'r, don't) and hyphens inside it.
WORD = re.compile(r"[^\W_][\w'’-]*")


def words(text: str) -> list[str]:
    return WORD.findall(text)


def word_count(text: str) -> int:
    return len(WORD.findall(text))


def without_quotations(text: str) -> str:
    return QUOTED.sub("", text)


def split_sentences(block: str) -> list[str]:
    """The sentences of a block of text, each with at least one word."""
    return [" ".join(s.split()) for s in SENTENCE_END.split(block) if word_count(s)]


def words_outside_quotations(sentence: str) -> int:
    return word_count(without_quotations(sentence))
