"""Characters that do not belong in a data file: tabs, invisible spaces, text-direction and control characters."""

from __future__ import annotations

import unicodedata

from ..errors import Problems

INVISIBLE_SPACES = {
    "\u00a0": "a non-breaking space",
    "\u2007": "a figure space",
    "\u202f": "a narrow non-breaking space",
    "\u200b": "a zero-width space",
    "\u200c": "a zero-width non-joiner",
    "\u200d": "a zero-width joiner",
    "\u2060": "a word joiner",
    "\ufeff": "a byte order mark",
    "\u3000": "an ideographic space",
}
BIDI_CONTROLS = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def character_problems(text: str, path: str, problems: Problems) -> None:
    """Characters that do not belong in a data file, each reported where it is."""
    for number, line in enumerate(text.split("\n"), start=1):
        indent = len(line) - len(line.lstrip(" "))
        for column, char in enumerate(line, start=1):
            if char == "\t":
                problems.add(path, number, column, "tab character", "YAML needs spaces; replace the tab with spaces")
            elif char in BIDI_CONTROLS:
                problems.add(
                    path, number, column,
                    f"invisible text-direction character U+{ord(char):04X}",
                    "it can make text show differently from how it is stored; delete it",
                )
            elif char in INVISIBLE_SPACES and (column <= indent + 1 or char != "\u00a0"):
                problems.add(
                    path, number, column,
                    f"{INVISIBLE_SPACES[char]} (U+{ord(char):04X})",
                    "it is invisible and breaks the layout of the file; replace it with an ordinary space or delete it",
                )
            elif char not in "\r" and (unicodedata.category(char) == "Cc" or char in "\u2028\u2029"):
                problems.add(
                    path, number, column,
                    f"control character U+{ord(char):04X}",
                    "it is invisible and cannot be published; delete it",
                )
