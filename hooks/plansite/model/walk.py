"""One way to walk a plan: every value inside a model object, with its path, in document order.

Checks, views and commands all walk the model through here, and the fingerprint that records a
young-people review is taken from the same walk.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

Path = tuple[Any, ...]
"""Where a value sits in a file: keys and list positions from the top, e.g. ('sections', 0, 'title')."""

# Left out of a fingerprint: ids, the review record itself, editors' related rights, and progress
# and its dated updates, shown beside the young-people text, not told in it (updating needs no review);
# the ids of the commitments that answer a "you said" item.
NOT_ADULT_TEXT = ("young_people", "id", "matches", "related_articles", "progress", "updates", "answered_by")


def everything(obj: Any, path: Path = ()) -> Iterator[tuple[Any, Path]]:
    """Every value inside obj (models, lists, texts...), with its path from the top, in document order."""
    # A stack, not recursion: nested generators cost a step per level for every value they pass up.
    stack = [(obj, path)]
    while stack:
        obj, path = stack.pop()
        yield obj, path
        if isinstance(obj, BaseModel):
            inside = [(getattr(obj, name), path + (name,)) for name in type(obj).model_fields]
        elif isinstance(obj, (list, tuple)):
            inside = [(item, path + (index,)) for index, item in enumerate(obj)]
        elif isinstance(obj, dict):
            inside = [(item, path + (key,)) for key, item in obj.items()]
        else:
            continue
        stack.extend(reversed(inside))


def walk(obj: Any, path: Path = ()) -> Iterator[tuple[Any, Path]]:
    """Every model object inside obj, with its path from the top, in document order.

    A plan is walked by many checks, views and outputs, and never changes once loaded (models are
    frozen): the walk of an object whose class says `keep_walks` is kept and given again.
    """
    if path or not getattr(type(obj), "keep_walks", False):
        return _models(obj, path)
    kept = _KEPT.get(id(obj))
    if kept is None or kept[0] is not obj:
        kept = _KEPT[id(obj)] = (obj, list(_models(obj, ())))
        if len(_KEPT) > KEEP:
            _KEPT.pop(next(iter(_KEPT)))  # the oldest
    return iter(kept[1])


# Walks kept, by the id of the object walked (which is held, so that its id stays its own).
KEEP = 5000
_KEPT: dict[int, tuple[Any, list[tuple[Any, Path]]]] = {}


def _models(obj: Any, path: Path) -> Iterator[tuple[Any, Path]]:
    return ((value, where) for value, where in everything(obj, path) if isinstance(value, BaseModel))


def strings(obj: Any) -> Iterator[tuple[str, Path]]:
    """Every text inside obj, with its path."""
    return ((value, where) for value, where in everything(obj) if isinstance(value, str))


def adult_texts(obj: Any) -> Iterator[str]:
    """The adult words of an object and everything inside it (not young-people texts, not ids)."""
    # A stack, not recursion, as in everything(); the texts come in the same order.
    stack = [obj]
    while stack:
        obj = stack.pop()
        if isinstance(obj, str):
            yield obj
        elif isinstance(obj, BaseModel):
            stack.extend(getattr(obj, name) for name in reversed(_adult_fields(type(obj))))
        elif isinstance(obj, (list, tuple)):
            stack.extend(reversed(obj))
        elif isinstance(obj, dict):
            stack.extend(reversed(list(obj.values())))


@functools.cache
def _adult_fields(model: type[BaseModel]) -> tuple[str, ...]:
    """A model's fields that hold adult words, sorted: moving a field between classes in the model
    does not change a fingerprint."""
    return tuple(name for name in sorted(model.model_fields) if name not in NOT_ADULT_TEXT)


def fingerprint(obj: Any) -> str:
    """A short fingerprint of an object's adult text; spacing and line breaks do not count."""
    words = " ".join(" ".join(text.split()) for text in adult_texts(obj))
    return hashlib.sha256(words.encode()).hexdigest()[:8]


def anchor_of(item: Any) -> str | None:
    """The #anchor an item gets on its plan page (its `anchor`), or None for things that have none."""
    return getattr(item, "anchor", None) if isinstance(item, BaseModel) else None
