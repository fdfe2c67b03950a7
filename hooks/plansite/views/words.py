"""Words as a reader expects them: numbers ('1 plan item cites it', '3 plan items cite it') and
names in a sentence ('the Office of the Children's Commissioner', but 'Kirklees Council')."""

from __future__ import annotations

import re


def plural(count: int, one: str, many: str) -> str:
    """The count with the phrase that agrees with it: plural(1, "item cites", "items cite") is '1 item cites'."""
    return f"{count} {one if count == 1 else many}"


# The nouns that make a name "the ...": a board, an office, a commissioner are one of a kind.
# A council is the exception English makes: "Kirklees Council", "Leeds City Council".
NOUNS_WITH_THE = frozenset(
    "Agency Alliance Assembly Authority Board Bureau Centre Commission Commissioner Committee Department "
    "Executive Forum Foundation Group Inspectorate Institute Ministry Network Office Panel Parliament "
    "Partnership Service Services Society Team Trust Unit".split()
)
PREPOSITIONS = frozenset("of for in on at".split())


def takes_the(name: str) -> bool:
    """Whether a name is said with "the" in a sentence, from its head noun: the last word before
    "of", "for"... ("the Office of the Children's Commissioner", "the Children's Commissioner for
    Wales", "the City and Hackney Safeguarding Children Board"), not a council ("Kirklees Council")
    nor a name that is not a noun phrase ("Action for Children"), nor one that has it already."""
    words = name.split()
    if not words or words[0].lower() == "the":
        return False
    before = next((i for i, word in enumerate(words) if word in PREPOSITIONS), len(words))
    return before > 0 and words[before - 1] in NOUNS_WITH_THE


def with_the(name: str, the: bool | None = None, start: bool = False) -> str:
    """A name as a sentence says it, "the" included where it takes one (the: as the data says, or
    by takes_the); start: at the start of a sentence ("The Office of ...")."""
    if the is None:
        the = takes_the(name)
    if not the:
        return name
    return ("The " if start else "the ") + name


SHORT_SPAN = re.compile(r"(?<!\d)((?:19|20)(\d\d))\s*[-–/]\s*(\d\d)(?!\d)")
LONG_SPAN = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*[-–/]\s*((?:19|20)\d\d)(?!\d)")
DASH_BETWEEN_WORDS = re.compile(r"\s+[-–]\s+")


def _short_span(match: re.Match) -> str:
    """'2012-13' as '2012 to 2013', and '1999-00' as '1999 to 2000'."""
    first, last = int(match.group(1)), int(match.group(3))
    century = first // 100 * 100 + (100 if last < first % 100 else 0)
    return f"{first} to {century + last}"


def period_in_words(period: str) -> str | None:
    """A plan's period as a sentence says it: '2012-13' is '2012 to 2013', 'June 2014 – May 2015'
    is 'June 2014 to May 2015'; None for a period that names no year ('Not dated')."""
    if not re.search(r"(?<!\d)(19|20)\d\d(?!\d)", period):
        return None
    words = LONG_SPAN.sub(r"\1 to \2", period)
    words = SHORT_SPAN.sub(_short_span, words)
    return " ".join(DASH_BETWEEN_WORDS.sub(" to ", words).split())
