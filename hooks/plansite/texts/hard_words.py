"""Words a child of about 8 to 12 may not know: the list, finding them in a text, and whether it explains them.

A hard word on a young-people page is explained where it is first used in one of two ways: the
young-people glossary has it (an entry with a `young_people` text), and the site links its first
use on every young-people page to that entry; or the text says what it means right there, in one
of the plain ways taught in 'Writing the young-people version' in the editors' guide
(`said_what_it_means`).

The list holds only words with no everyday sense a child would know, so that finding one is never
a false alarm; everyday words that can also be legal ones ("charged", "case", "court") are left to
the editors' judgement and the reading-level check.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator

HARD_WORDS = frozenset(
    {
        # The law, courts and the justice system
        "abducted",
        "abduction",
        "accused",
        "alleged",
        "allegation",
        "arbitrary",
        "bail",
        "convicted",
        "custodial",
        "custody",
        "defendant",
        "deportation",
        "deported",
        "detained",
        "detention",
        "extradition",
        "imprisonment",
        "judicial",
        "jurisdiction",
        "juvenile",
        "legal guardian",
        "legislation",
        "legislative",
        "magistrate",
        "offender",
        "probation",
        "prosecuted",
        "prosecution",
        "remand",
        "remanded",
        "sentenced",
        "statutory",
        "tribunal",
        "unlawful",
        "unlawfully",
        "youth justice",
        # Harm, and keeping children safe
        "abuse",
        "child protection",
        "domestic abuse",
        "domestic violence",
        "exploitation",
        "exploited",
        "neglect",
        "pornographic",
        "pornography",
        "prostitution",
        "safeguarding",
        "secure estate",
        "torture",
        "tortured",
        "trafficked",
        "trafficking",
        "vulnerable",
        # Families, care and welfare
        "care leaver",
        "early help",
        "foster",
        "in care",
        "kafalah",
        "reintegration",
        "reunification",
        "social security",
        "welfare",
        # Countries, borders and the Convention
        "accession",
        "amendment",
        "asylum",
        "citizenship",
        "denunciation",
        "depositary",
        "discrimination",
        "humanitarian",
        "identity",
        "illicit",
        "immigration",
        "implementation",
        "indigenous",
        "minority",
        "nationality",
        "non-discrimination",
        "parliament",
        "persecution",
        "ratification",
        "ratified",
        "ratify",
        "ratifying",
        "refugee",
        "signatory",
        "stateless",
        "treaty",
        # Health
        "malnutrition",
        "mental health",
        "mortality",
        "narcotic",
        "psychotropic",
        "rehabilitation",
        # How organisations work and talk about their work
        "accountability",
        "advocacy",
        "advocate",
        "ambitious",
        "collaborate",
        "commissioner",
        "commissioning",
        "committee",
        "compassionate",
        "consultation",
        "empower",
        "governance",
        "grant-in-aid",
        "innovate",
        "inquiry",
        "media",
        "multi-agency",
        "ombudsman",
        "participation",
        "pledge",
        "stakeholder",
        "strategic",
        "strategy",
        # Ideas
        "conscience",
        "liberty",
    }
)
"""Lower case; a word's plural and past forms ("refugees", "neglected") count as the word."""

INFLECTIONS = r"(?:s|es|d|ed)?"


@functools.lru_cache(maxsize=64)
def terms_pattern(terms: tuple[str, ...], ignore_case: bool, inflected: bool = False) -> re.Pattern:
    """The pattern finding any of the terms as a word, longest first; group 1 is the term as written.

    Inflected, a term followed by s, es, d or ed is found too ("refugees" for "refugee"). Made once
    per set of terms.
    """
    flags = re.IGNORECASE if ignore_case else 0
    if ignore_case:  # one spelling of each: 'UNCRC' and 'uncrc' are the same term (unless lower case is longer)
        terms = tuple({t.lower() if len(t.lower()) == len(t) else t: None for t in terms})
    names = _alternatives(terms)
    return re.compile(r"(?<![\w&#/-])(" + names + r")" + (INFLECTIONS if inflected else "") + r"(?![\w-])", flags)


def _alternatives(terms: Iterable[str]) -> str:
    """The terms as one expression that writes their shared beginnings once and tries longer terms first:
    ['child', 'children', 'care'] as 'c(?:are|hild(?:ren)?)'. It finds what 'children|child|care' finds,
    and Python's re, which tries every term of a plain list at every place, runs it about four times as fast."""
    tree: dict[str, dict] = {}
    for term in terms:
        node = tree
        for char in term:
            node = node.setdefault(char, {})
        node[""] = {}
    return _branches(tree)


def _branches(node: dict[str, dict]) -> str:
    """The expression for what may follow a point in the tree of terms: each longer term, then the end
    of the term (the "" entry), if one ends here."""
    parts = [re.escape(char) + _branches(rest) for char, rest in sorted(node.items()) if char]
    if not parts:
        return ""
    body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
    return "(?:" + body + ")?" if "" in node else body


# --- Saying what a word means, in the text itself -----------------------------------------------

SENTENCE = re.compile(r"[^.!?]*(?:[.!?]+[\"'”’)]*|$)\s*")
# "Neglect is when ...", "A care leaver is ...", "Safeguarding means ...", "UNCRC is short for ..."
DEFINES = re.compile(r"^(?:(?:a|an|the)\s+)?WORD\s+(?:is|are|means|mean)\b", re.IGNORECASE)
# "This is called ratifying.", "It is called the UNCRC."
NAMES = re.compile(r"\bcalled\s+(?:(?:a|an|the)\s+)?WORD\b", re.IGNORECASE)
# "Empower: you can help plan our work.", "Be ambitious: we will ..." (a word, then what it means for us)
LABELS = re.compile(r"^(?:\w+\s+)?WORD\s*:", re.IGNORECASE)
# "... find you an advocate. That is someone who helps you speak up.", "... That means ..."
POINTS_BACK = re.compile(r"^(?:(?:that|this)\s+means|that\s+is\s+(?:a|an|someone|something|somewhere|when))\b", re.I)


def said_what_it_means(block: str, start: int, end: int) -> bool:
    """Whether a paragraph (or list item) says what the word at block[start:end] means, where it uses it:
    in the word's own sentence, or in the next one ("... on mental health. Mental health means ...")."""
    sentences = [(s.start(), s.end()) for s in SENTENCE.finditer(block) if s.group().strip()]
    for index, (first, last) in enumerate(sentences):
        if not first <= start < last:
            continue
        own = (block[first:start] + "WORD" + block[end:last]).strip()
        if any(pattern.search(own) for pattern in (DEFINES, NAMES, LABELS)):
            return True
        if index + 1 == len(sentences):
            return False
        following = block[sentences[index + 1][0] : sentences[index + 1][1]].strip()
        word = re.escape(block[start:end])
        if re.search(DEFINES.pattern.replace("WORD", word), following, re.IGNORECASE):
            return True
        ends_its_sentence = not re.search(r"\w", block[end:last])
        return ends_its_sentence and POINTS_BACK.search(following) is not None
    return False


def first_uses(
    blocks: list[str], words: Iterable[str], ignore_case: bool = True
) -> Iterator[tuple[str, int, re.Match]]:
    """Each of the words the blocks of a text use, with its first use: (the word as listed, block, match).

    A word's plural and past forms count as the word; longer words are found before the words inside
    them ("domestic abuse" before "abuse").
    """
    words = tuple(words)
    if not words:
        return
    by_key = {(w.lower() if ignore_case else w): w for w in words}
    pattern = terms_pattern(words, ignore_case, inflected=True)
    seen: set[str] = set()
    for index, block in enumerate(blocks):
        for match in pattern.finditer(block):
            key = match.group(1).lower() if ignore_case else match.group(1)
            if key not in seen:
                seen.add(key)
                yield by_key[key], index, match
