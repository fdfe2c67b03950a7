"""Data problems reported the way a compiler reports them: file, line, column, what, how to fix."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import groupby

# A file with a million tabs must not print a million lines: this many problems are shown per
# file, then a count of the rest; past KEPT_PER_FILE they are only counted.
SHOWN_PER_FILE = 50
KEPT_PER_FILE = 1000
# What `./run check --report json` writes, named so that a reader can tell it from any other JSON.
REPORT_FORMAT = "plansite-problems/1"
# Characters that look like nothing, shown in messages as escapes (with every C* category).
INVISIBLE = {"\u2028", "\u2029", "\u115f", "\u1160", "\u3164", "\uffa0", "\u2007", "\u202f", "\u3000"}


def visible(text: str) -> str:
    """The text with every control, invisible or direction character written out as an escape.

    Messages carry keys and values from the data: printed raw, an ESC sequence would move the
    terminal's cursor and a line break could start a new (CI) command line.
    """
    if text.isprintable():
        return text
    out = []
    for char in text:
        if not char.isprintable() or char in INVISIBLE:  # controls, formats, odd spaces, separators
            code = ord(char)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")
        else:
            out.append(char)
    return "".join(out)


@dataclass(frozen=True, order=True)
class DataProblem:
    """One thing wrong in a data file, with where it is and how to fix it.

    A warning is a problem that only blocks publishing, found in a draft: shown from the first
    check, so that the editor does not meet it all at once on the last step.
    """

    path: str
    line: int
    column: int
    message: str
    hint: str = ""
    warning: bool = False

    def __str__(self) -> str:
        """The problem on one line; control and invisible characters from the data written as escapes."""
        mark = "warning: " if self.warning else ""
        text = f"{visible(self.path)}:{self.line}:{self.column}: {mark}{shortened(visible(self.message))}"
        return f"{text}; {shortened(visible(self.hint))}" if self.hint else text

    def annotation(self) -> str:
        """The same problem as a GitHub Actions workflow command, its data encoded as the runner requires."""
        kind = "warning" if self.warning else "error"
        return f"::{kind} file={_property(self.path)},line={self.line},col={self.column}::{_data(str(self))}"


MAX_MESSAGE = 300


def shortened(text: str) -> str:
    """A message cut to a readable length in its middle (a value quoted from the data can be a whole
    page long), keeping its start and its end, which says what is wrong."""
    return text if len(text) <= MAX_MESSAGE else text[: MAX_MESSAGE // 2] + " … " + text[-(MAX_MESSAGE // 2) :]


def _data(text: str) -> str:
    """Workflow-command encoding of a message, so data in it cannot end the command or start another."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    """Workflow-command encoding of a property value (file=...), where ':' and ',' are separators."""
    return _data(visible(text)).replace(":", "%3A").replace(",", "%2C")


@dataclass
class Problems:
    """A collector: every problem in every file, so editors see them all in one run."""

    items: list[DataProblem] = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)
    warnings: list[DataProblem] = field(default_factory=list)
    """Problems that block only publishing, in drafts: they stop nothing (see DataProblem)."""

    def add(self, path: str, line: int, column: int, message: str, hint: str = "") -> None:
        self.counts[path] += 1
        if self.counts[path] <= KEPT_PER_FILE:
            self.items.append(DataProblem(path, line, column, message, hint))

    def warn(self, path: str, line: int, column: int, message: str, hint: str = "") -> None:
        """A problem that would stop a published plan, found in a draft."""
        if len(self.warnings) < KEPT_PER_FILE * 10:
            self.warnings.append(DataProblem(path, line, column, message, hint, warning=True))

    def extend(self, other: Problems) -> None:
        self.items.extend(other.items)
        self.counts.update(other.counts)
        self.warnings.extend(other.warnings)

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        """How many problems were found, counted ones included."""
        return sum(self.counts.values())

    def by_file(self) -> Iterator[tuple[str, list[DataProblem], int]]:
        """Each file with its problems kept, sorted by line, and how many it has (counted ones too)."""
        for path, group in groupby(sorted(set(self.items)), key=lambda p: p.path):
            in_file = list(group)
            yield path, in_file, len(in_file) + max(0, self.counts[path] - KEPT_PER_FILE)

    def report(self) -> str:
        """All problems, one per line, sorted by file and line, with a count at the end."""
        shown: list[DataProblem] = []
        total = 0
        for path, in_file, count in self.by_file():
            total += count
            shown += in_file[:SHOWN_PER_FILE]
            if count > SHOWN_PER_FILE:
                shown.append(
                    DataProblem(
                        path,
                        in_file[min(SHOWN_PER_FILE, len(in_file) - 1)].line,
                        1,
                        f"and {count - SHOWN_PER_FILE:,} more problems in this file",
                        "fix the ones above first (often one fix clears many), then check again",
                    )
                )
        lines = [str(p) for p in shown]
        if os.environ.get("GITHUB_ACTIONS") == "true":
            lines += [p.annotation() for p in shown]
        noun = "problem" if total == 1 else "problems"
        lines.append(f"{total:,} {noun} found in the data: nothing was published.")
        return "\n".join(lines)

    def as_data(self) -> dict:
        """Every problem kept, as data for the pull-request comment (`./run check --report json FILE`):
        the same problems as report(), each with its file, line, column, what and how to fix, and
        how many problems each file has. The texts are as found: whoever shows them escapes them."""
        files = list(self.by_file())
        return {
            "format": REPORT_FORMAT,
            "total": sum(count for _, _, count in files),
            "files": {path: count for path, _, count in files},
            "problems": [
                {"file": p.path, "line": p.line, "column": p.column, "message": p.message, "hint": p.hint}
                for _, in_file, _ in files
                for p in in_file
            ],
        }

    def warnings_report(self) -> str:
        """The warnings of drafts, one per line, sorted by file and line, with a count at the end."""
        unique = sorted(set(self.warnings))
        shown = [p for path, group in groupby(unique, key=lambda p: p.path) for p in list(group)[:SHOWN_PER_FILE]]
        lines = [str(p) for p in shown]
        if os.environ.get("GITHUB_ACTIONS") == "true":
            lines += [p.annotation() for p in shown]
        if len(shown) < len(unique):
            lines.append(f"and {len(unique) - len(shown):,} more warnings")
        noun = "warning" if len(unique) == 1 else "warnings"
        lines.append(
            f"{len(unique):,} {noun}: none stops the checks, but a draft with one cannot be published "
            "until it is fixed."
        )
        return "\n".join(lines)


class DataError(Exception):
    """Raised when the data has problems; carries all of them."""

    def __init__(self, problems: Problems):
        self.problems = problems
        super().__init__(problems.report())
