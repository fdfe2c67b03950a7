"""A page made from data, and the short plain-text excerpts pages use for descriptions and labels."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .. import model as m
from ..paths import url_of


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
    """A short plain-text excerpt of a Markdown text."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"[*_`#>]", "", " ".join(text.split()))
    parts = text.split(" ")
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")
