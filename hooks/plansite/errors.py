"""Data problems reported the way a compiler reports them: file, line, column, what, how to fix."""

from __future__ import annotations

import os
from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class DataProblem:
    """One thing wrong in a data file, with where it is and how to fix it."""

    path: str
    line: int
    column: int
    message: str
    hint: str = ""

    def __str__(self) -> str:
        text = f"{self.path}:{self.line}:{self.column}: {self.message}"
        return f"{text}; {self.hint}" if self.hint else text

    def annotation(self) -> str:
        """The same problem as a GitHub Actions workflow annotation."""
        text = str(self).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return f"::error file={self.path},line={self.line},col={self.column}::{text}"


@dataclass
class Problems:
    """A collector: every problem in every file, so editors see them all in one run."""

    items: list[DataProblem] = field(default_factory=list)

    def add(self, path: str, line: int, column: int, message: str, hint: str = "") -> None:
        self.items.append(DataProblem(path, line, column, message, hint))

    def extend(self, other: "Problems") -> None:
        self.items.extend(other.items)

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def report(self) -> str:
        """All problems, one per line, sorted by file and line, with a count at the end."""
        unique = sorted(set(self.items))
        lines = [str(p) for p in unique]
        if os.environ.get("GITHUB_ACTIONS") == "true":
            lines += [p.annotation() for p in unique]
        noun = "problem" if len(unique) == 1 else "problems"
        lines.append(f"{len(unique)} {noun} found in the data: nothing was published.")
        return "\n".join(lines)


class DataError(Exception):
    """Raised when the data has problems; carries all of them."""

    def __init__(self, problems: Problems):
        self.problems = problems
        super().__init__(problems.report())
