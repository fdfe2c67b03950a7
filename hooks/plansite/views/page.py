"""A page made from data, and the short plain-text excerpts pages use for descriptions and labels."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .. import model as m
from ..paths import url_of
from ..prose import plain_text


@dataclass
class PageView:
    """A page made from data: where it goes, what it is called and how it is drawn."""

    path: str
    title: str
    template: str
    audience: m.Audience
    description: str
    context: dict[str, Any] = field(default_factory=dict)
    toc: list[tuple[int, str, str]] = field(default_factory=list)
    counterpart: str | None = None

    @property
    def url(self) -> str:
        return url_of(self.path)


def excerpt(text: str, words: int = 24) -> str:
    """A short plain-text excerpt of a Markdown text: the first words a reader sees of it."""
    parts = plain_text(text).split(" ")
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")
