"""Headings in order: one level-one heading, no level skipped."""

from __future__ import annotations

from guide_core.problem import Problem

from .project import HEADING


def headings(page, project):
    level_before, h1_lines = 0, []
    for number, text in page.body:
        match = HEADING.match(text)
        if not match:
            continue
        level = len(match.group(1))
        if level == 1:
            h1_lines.append(number)
        if level_before and level > level_before + 1:
            yield Problem(page.name, number,
                          f"heading '{match.group(2)}' skips a level (h{level_before} to h{level})",
                          f"use {'#' * (level_before + 1)} for this heading, or add the missing level above it")
        level_before = level
    for number in h1_lines[1:]:
        yield Problem(page.name, number, "the page has more than one level-one heading (# )",
                      "keep one '# Title' at the top; use '## ' for the sections below it")
