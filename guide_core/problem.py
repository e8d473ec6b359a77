"""One problem found in the guide's files, told the same way everywhere."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    message: str
    fix: str
    # A warning is printed the same way but does not fail the check (a fact checked over a year ago).
    warning: bool = field(default=False, compare=False)

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {'warning: ' if self.warning else ''}{self.message}. Fix: {self.fix}"

    def fields(self) -> tuple:
        return (self.file, self.line, self.message, self.fix)
