"""Plans and organisations: a plan is a list of sections, a section a list of blocks."""

from __future__ import annotations

import datetime
from typing import Literal

from .blocks import AnyBlock, YoungText
from .fields import Anchor, Date, Line, Model, Prose, Website
from .vocabulary import PlanKind


class Section(Model):
    id: Anchor
    title: Line
    blocks: list[AnyBlock]
    young_people: YoungText | None = None

    @property
    def anchor(self) -> str:
        return self.id


class PlanYoungPeople(Model):
    """The parts of the young-people version that speak of the plan as a whole."""

    title: Line
    summary: Prose
    get_involved: Prose


class Plan(Model):
    organisation: Anchor
    title: Line
    subtitle: Line | None = None
    kind: PlanKind
    period: Line
    status: Literal["draft", "published"]
    publish_on: Date | None = None
    last_updated: Date | None = None
    summary: Prose
    source: Prose | None = None
    previous_slugs: list[Anchor] = []
    young_people: PlanYoungPeople | None = None
    sections: list[Section]


class Organisation(Model):
    id: Anchor
    name: Line
    short_name: Line
    kind: Line
    area: Line | None = None
    about: Prose
    website: Website | None = None
    young_people: YoungText


class Organisations(Model):
    organisations: list[Organisation]


class GlossaryTerm(Model):
    term: Line
    meaning: Line
    definition: Prose | None = None
    young_people: Prose | None = None


class Glossary(Model):
    terms: list[GlossaryTerm]


