"""Words as a reader expects them: numbers ('1 plan item cites it', '3 plan items cite it') and
names in a sentence ('the Office of the Children's Commissioner', but 'Kirklees Council')."""

from __future__ import annotations


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
