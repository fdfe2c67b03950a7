"""Characters that do not belong in a data file: tabs, invisible spaces, text-direction and control characters.

The file is scanned as typed, and every string again after YAML has decoded it: escapes in double
quotes ("\\u202E", "\\x00", "\\e") make characters that never appear in the file as typed. For
decoded values whole Unicode categories are refused, not a hand-picked list: controls (Cc), format
characters such as direction marks (Cf), private use (Co), lone surrogates (Cs), line and paragraph
separators (Zl, Zp), and the Hangul fillers, letters that show as nothing.
"""

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
        if line.rstrip("\r").isprintable():
            continue  # no tab, control, invisible or direction character: checked in C
        indent = len(line) - len(line.lstrip(" "))
        for column, char in enumerate(line, start=1):
            if char == "\t":
                problems.add(path, number, column, "tab character", "YAML needs spaces; replace the tab with spaces")
            elif char in BIDI_CONTROLS:
                problems.add(
                    path,
                    number,
                    column,
                    f"invisible text-direction character U+{ord(char):04X}",
                    "it can make text show differently from how it is stored; delete it",
                )
            elif char in INVISIBLE_SPACES and (column <= indent + 1 or char != "\u00a0"):
                problems.add(
                    path,
                    number,
                    column,
                    f"{INVISIBLE_SPACES[char]} (U+{ord(char):04X})",
                    "it is invisible and breaks the layout of the file; replace it with an ordinary space or delete it",
                )
            elif char not in "\r" and (
                unicodedata.category(char) == "Cc" or char in "\u2028\u2029" or char in NONCHARACTERS
            ):
                problems.add(
                    path,
                    number,
                    column,
                    f"control character U+{ord(char):04X}",
                    "it is invisible and cannot be published; delete it",
                )


REFUSED_CATEGORIES = {"Cc", "Cf", "Co", "Cs", "Zl", "Zp"}
HANGUL_FILLERS = {"\u115f", "\u1160", "\u3164", "\uffa0"}
# Spaces that look like an ordinary space but are not one (the non-breaking space is allowed).
# Code points Unicode keeps out of text for good; YAML readers refuse them.
NONCHARACTERS = {"\ufffe", "\uffff"} | {chr(code) for code in range(0xFDD0, 0xFDF0)}
ODD_SPACES = {"\u2007", "\u202f", "\u3000"}


def refused_character(value: str) -> tuple[int, str] | None:
    """The first character a decoded text may not hold, as (index, description), or None."""
    # isprintable() is False for every refused category: the common case runs in C (and an ASCII
    # text holds none of the fillers and noncharacters, which are printable).
    if value.replace("\n", "").isprintable() and (
        value.isascii() or not (HANGUL_FILLERS.intersection(value) or NONCHARACTERS.intersection(value))
    ):
        return None
    for index, char in enumerate(value):
        if char == "\n":
            continue
        if (
            unicodedata.category(char) in REFUSED_CATEGORIES
            or char in HANGUL_FILLERS
            or char in ODD_SPACES
            or char in NONCHARACTERS
        ):
            return index, describe(char)
    return None


def describe(char: str) -> str:
    """A character as an editor can find it: its code and, where Unicode has one, its name."""
    code = f"U+{ord(char):04X}"
    if unicodedata.category(char) == "Cs":
        return f"{code} (half of a character pair, which cannot stand alone)"
    name = unicodedata.name(char, "")
    return f"{code} ({name.lower()})" if name else code
