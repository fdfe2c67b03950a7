"""How close a word an editor typed is to one the site knows: a "did you mean" only when it is close.

Close means a slip of the keyboard: one letter wrong, missing, added or two letters swapped
('owenr', 'publised', 'buisness plan'); two of them in a longer word ('forward' for 'foreword').
A guess further off ('link' for 'lines') would send the editor the wrong way, so none is made.
"""

from __future__ import annotations

from collections.abc import Iterable


def slips(typed: str, known: str) -> int:
    """How many slips of the keyboard turn one word into the other (optimal string alignment distance)."""
    a, b = typed.lower(), known.lower()
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[-1]


def allowed_slips(word: str) -> int:
    """How many slips a word of this length may have and still be the word meant."""
    return 1 if len(word) < 6 else 2


def closest(typed: str, known: Iterable[str]) -> str | None:
    """The known word the typed one is a slip of, or None when none is that close (or two are)."""
    typed = str(typed)
    most = allowed_slips(typed)
    # A word whose length differs by more than the slips allowed cannot be close: not measured.
    near = {word for word in known if word != typed and abs(len(word) - len(typed)) <= most}
    scored = sorted((slips(typed, word), word) for word in near)
    if not scored or scored[0][0] > allowed_slips(typed):
        return None
    if len(scored) > 1 and scored[1][0] == scored[0][0]:
        return None  # two as close: a guess would be a coin toss
    return scored[0][1]
