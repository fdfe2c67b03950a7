"""Plans and organisations: a plan is a list of sections, a section a list of blocks."""

from __future__ import annotations

from typing import ClassVar, Literal

from .blocks import AnyBlock, YoungText
from .fields import Age, Anchor, Date, FileSize, Line, Linked, Model, Prose, WebAddress, Website


class Section(Model):
    id: Anchor
    title: Line
    blocks: list[AnyBlock]
    young_people: YoungText | None = None

    @property
    def anchor(self) -> str:
        return self.id


YOUNG_PEOPLE_PARTS = ("who", "plans", "rights", "involved", "progress")
"""The parts every young-people page may have; a plan's sections join them, named by their ids."""


class PlanYoungPeople(Model):
    """The parts of the young-people version that speak of the plan as a whole.

    `order` sets the order of the parts of the young-people page (see views/young_plan.py).
    """

    title: Line
    summary: Prose
    get_involved: Prose
    order: list[Anchor] = []
    written_for_age: Age | None = None
    """The youngest readers the young-people version is written for; 9 when not given."""


class Original(Linked):
    """The document a plan was transcribed from, for readers who want to see it as printed."""

    url: WebAddress
    title: Line
    format: Line | None = None
    size_bytes: FileSize | None = None


class Plan(Model):
    keep_walks: ClassVar[bool] = True  # walked by many checks and views (model/walk.py)

    organisation: Anchor
    title: Line
    subtitle: Line | None = None
    kind: Line
    period: Line
    status: Literal["draft", "published"]
    publish_on: Date | None = None
    last_updated: Date | None = None
    summary: Prose
    source: Prose | None = None
    original: Original | None = None
    previous_slugs: list[Anchor] = []
    young_people: PlanYoungPeople | None = None
    sections: list[Section]


class Licence(Linked):
    """The terms on which an organisation's data is published."""

    words_field: ClassVar[str] = "name"

    name: Line
    url: Website


OPEN_GOVERNMENT_LICENCE = Licence(
    name="Open Government Licence v3.0",
    url="https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
)

KNOWN_LICENCES = {
    "OGL-UK-3.0": OPEN_GOVERNMENT_LICENCE,
    "CC-BY-4.0": Licence(name="Creative Commons Attribution 4.0", url="https://creativecommons.org/licenses/by/4.0/"),
    "CC-BY-SA-4.0": Licence(
        name="Creative Commons Attribution-ShareAlike 4.0", url="https://creativecommons.org/licenses/by-sa/4.0/"
    ),
    "CC0-1.0": Licence(
        name="Creative Commons Zero 1.0 (public domain)", url="https://creativecommons.org/publicdomain/zero/1.0/"
    ),
}
"""Licences by their SPDX identifier, which open-data tools read: `new-organisation --licence CC-BY-4.0`."""


class OrganisationYoungPeople(Model):
    """What young people read about an organisation, beside each of its plans."""

    text: Prose


class Organisation(Model):
    id: Anchor
    name: Line
    short_name: Line | None = None
    takes_the: bool | None = None
    """Whether sentences say "the" before the name: "about the Office of the Children's
    Commissioner", "about Kirklees Council". Left out, it follows from the name (words.takes_the)."""
    kind: Line
    area: Line | None = None
    about: Prose
    website: Website | None = None
    licence: Licence = OPEN_GOVERNMENT_LICENCE
    young_people: OrganisationYoungPeople

    @property
    def short_label(self) -> str:
        """What the site calls the organisation where space is short: its short name, or its name."""
        return self.short_name or self.name


class Organisations(Model):
    organisations: list[Organisation]


class GlossaryTerm(Model):
    term: Line
    meaning: Line
    definition: Prose | None = None
    young_people: Prose | None = None


class Glossary(Model):
    terms: list[GlossaryTerm]
