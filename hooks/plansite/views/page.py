"""A page made from data: where it goes, what it is called and how it is drawn."""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import model as m
from ..addresses import url_of
from .contexts import PageContext


@dataclass
class PageView:
    """A page made from data: where it goes, what it is called and how it is drawn."""

    path: str
    title: str
    template: str
    audience: m.Audience
    description: str
    context: PageContext
    toc: list[tuple[int, str, str]] = field(default_factory=list)
    counterpart: str | None = None

    @property
    def url(self) -> str:
        return url_of(self.path)
