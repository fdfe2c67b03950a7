"""Hard words in young-people texts: each one explained where a text first uses it.

A word counts as explained when the young-people glossary has it (the site links its first use on
each page) or when the text says what it means there ("Neglect is when ..."); see texts/hard_words.py.
The build refuses a published text that leaves one unexplained; for a draft, `./run check` warns.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .. import model as m
from ..model.walk import Path
from ..texts.hard_words import HARD_WORDS, first_uses, said_what_it_means
from .reading import text_blocks

Report = Callable[[Path, str, str], None]


def unexplained(text: str, explained: set[str], adults_only: set[str] = frozenset()) -> list[str]:
    """The hard words a young-people text uses without explaining them where it first uses them.

    `explained` are the terms the young-people glossary explains (the site links them): they, and a
    hard word they contain, need nothing more. `adults_only` are glossary terms with no young-people
    text, such as abbreviations for adults: matched as written ('IS', not 'is'), they must be
    explained by the text, like hard words.
    """
    blocks = text_blocks(text)
    explained = {term.lower() for term in explained}
    lower_case = {t for t in adults_only if t == t.lower() and t not in HARD_WORDS}
    as_written = {t for t in adults_only if t != t.lower() and t.lower() not in explained}
    found = []
    for words, ignore_case in ((HARD_WORDS | explained | lower_case, True), (as_written, False)):
        for word, index, match in first_uses(blocks, words, ignore_case):
            if word.lower() not in explained and not said_what_it_means(blocks[index], match.start(), match.end()):
                found.append(word)
    return found


def young_people_words(glossary: m.Glossary) -> tuple[set[str], set[str]]:
    """The glossary's terms that young-people pages link, and those explained for adults only."""
    young = {term.term for term in glossary.terms if term.young_people}
    adults_only = {term.term for term in glossary.terms if not term.young_people}
    return young, adults_only


def check_hard_words(glossary: m.Glossary, texts: Iterable[tuple[str, Path]], report: Report) -> None:
    """Each hard word a young-people text uses, and each glossary term it uses that the glossary
    explains for adults only, explained where the text first uses it."""
    young, adults_only = young_people_words(glossary)
    for text, path in texts:
        for word in unexplained(text, young, adults_only):
            if word in adults_only:
                report(
                    path,
                    f"'{word}' is explained in the glossary for adults only, and this young-people text does not "
                    "say what it means",
                    f"add a young_people text to the entry '{word}' in data/glossary.yml (the site then links it), "
                    "or say what it means where you first use it, or use other words",
                )
            else:
                report(
                    path,
                    f"'{word}' is a word children may not know, and this young-people text does not explain it",
                    f"add '{word}' to data/glossary.yml with a young_people text (the site then links it), say what "
                    f'it means where you first use it ("{word[:1].upper() + word[1:]} means ..."), or use an '
                    "everyday word",
                )
