"""One problem found in the guide's files, told the same way everywhere."""

from __future__ import annotations

from dataclasses import astuple, dataclass


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    message: str
    fix: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}. Fix: {self.fix}"

    def fields(self) -> tuple:
        return astuple(self)
