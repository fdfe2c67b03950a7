"""Letters of every script: which alphabet a letter is from, and letters that look like Latin ones.

A word may be written in any script, but a word that mixes Latin with Cyrillic or Greek letters
('cоmmunity' with a Cyrillic 'о') is written to deceive: a reader sees one word, a check sees
another. The look-alikes are folded to the Latin letters they show as, so that a measure of the
words (the reading level) or of an address reads what a reader reads.
"""

from __future__ import annotations

import functools
import unicodedata

# Alphabets whose letters pass for one another.
LOOK_ALIKE_SCRIPTS = ("LATIN", "CYRILLIC", "GREEK", "ARMENIAN")

# Cyrillic, Greek and Armenian letters that show as a Latin letter, with the letter they show as.
LOOK_ALIKES = str.maketrans(
    "аеёіїјкмнорстухѕԁһӏԛԝьвАВЕЁІЇЈКМНОРСТУХЅԌαβεικνορτυχωΑΒΕΖΗΙΚΜΝΟΡΤΥΧոսօհցաքԱՏ",
    "aeeiijkmhopctyxsdhlqwbbABEEIIJKMHOPCTYXSGabeiknoptuxwABEZHIKMNOPTYXnuohgwpUS",
)


@functools.lru_cache(maxsize=4096)
def script(letter: str) -> str:
    """The script a letter belongs to, from its Unicode name ('LATIN', 'CYRILLIC'...), or '' for none."""
    name = unicodedata.name(letter, "")
    return name.split(" ", 1)[0] if name else ""


def mixed_scripts(word: str) -> tuple[str, ...]:
    """The alphabets a word mixes, of those whose letters pass for one another, or () when it uses one."""
    if word.isascii():
        return ()
    found = {script(char) for char in word if char.isalpha()} & set(LOOK_ALIKE_SCRIPTS)
    return tuple(sorted(found)) if len(found) > 1 else ()


def looks_latin(word: str) -> bool:
    """True when a word in another alphabet shows as Latin letters only ('рор' in Cyrillic shows as 'pop')."""
    letters = [char for char in word if char.isalpha()]
    return bool(letters) and not word.isascii() and all(char.translate(LOOK_ALIKES).isascii() for char in letters)


def as_read(text: str) -> str:
    """The text as a reader reads it: compatibility forms and accents taken apart (NFKD), combining
    marks and invisible format characters dropped, and look-alike letters read as the Latin they show."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    kept = "".join(char for char in decomposed if unicodedata.category(char) not in ("Mn", "Me", "Cf"))
    return kept.translate(LOOK_ALIKES)
