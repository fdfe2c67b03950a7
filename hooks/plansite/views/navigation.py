"""The menu of the young-people pages: young-people pages only, in their own words."""

from __future__ import annotations

from dataclasses import dataclass

from .. import model as m
from ..addresses import glossary_path, home_path, plan_path, uncrc_path, url_of
from ..catalogue import Catalogue
from .indexes import is_directory


@dataclass(frozen=True)
class MenuLink:
    title: str
    path: str

    @property
    def url(self) -> str:
        return url_of(self.path)


@dataclass(frozen=True)
class MenuGroup:
    """A heading in the menu with its links, or a single link when the heading is None."""

    title: str | None
    links: tuple[MenuLink, ...]


# Every young-people page carries the menu: with more plans than this, it names none of them and
# "Start here", the page that lists them all, says so.
MENU_PLANS = 10


def young_people_menu(catalogue: Catalogue) -> tuple[MenuGroup, ...]:
    """Start, every plan's young-people version (when there are few), the rights, the words, and privacy."""
    young = m.Audience.YOUNG_PEOPLE
    plans = tuple(
        MenuLink(p.plan.young_people.title if p.plan.young_people else p.plan.title, plan_path(p.slug, young))
        for p in catalogue.plans
    )
    if len(plans) > MENU_PLANS:
        title = "Start here: find a plan" if is_directory(catalogue) else "Start here: all the plans"
        start = (MenuGroup(None, (MenuLink(title, home_path(young)),)),)
    else:
        start = (MenuGroup(None, (MenuLink("Start here", home_path(young)),)), MenuGroup("The plans", plans))
    return (
        *start,
        MenuGroup(
            "Your rights",
            (
                MenuLink("All your rights", uncrc_path(young)),
                MenuLink("Words to know", glossary_path(young)),
            ),
        ),
        MenuGroup(
            "About this site",
            (
                MenuLink("Your privacy", f"{young.prefix}privacy.md"),
                MenuLink("The site for adults", home_path(m.Audience.ADULT)),
            ),
        ),
    )
