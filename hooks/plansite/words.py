"""Numbers said in words as a reader expects them: '1 plan item cites it', '3 plan items cite it'."""

from __future__ import annotations


def plural(count: int, one: str, many: str) -> str:
    """The count with the phrase that agrees with it: plural(1, "item cites", "items cite") is '1 item cites'."""
    return f"{count} {one if count == 1 else many}"
