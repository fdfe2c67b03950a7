"""Closed sets of words: audiences, progress statuses, kinds of plan and the pictures beside young-people texts."""

from __future__ import annotations

import enum

ARTICLE_COUNT = 54
"""The UNCRC has 54 articles, numbered 1 to 54."""

GENERAL_PRINCIPLES = (2, 3, 6, 12)
"""The four articles the UN Committee on the Rights of the Child treats as general principles."""


class Audience(str, enum.Enum):
    """Who a page is written for."""

    ADULT = "adult"
    YOUNG_PEOPLE = "young-people"

    @property
    def prefix(self) -> str:
        return "" if self is Audience.ADULT else "young-people/"


class Status(str, enum.Enum):
    """Progress of an action, with the word and icon that show it (never colour alone)."""

    COMPLETED = "completed"
    ON_TRACK = "on-track"
    NEEDS_ATTENTION = "needs-attention"
    URGENT = "urgent"

    @property
    def label(self) -> str:
        return STATUS_DETAILS[self][0]

    @property
    def icon(self) -> str:
        return STATUS_DETAILS[self][1]

    @property
    def young_people_label(self) -> str:
        return STATUS_DETAILS[self][2]


STATUS_DETAILS = {
    Status.COMPLETED: ("Completed", "material/check-circle", "Done"),
    Status.ON_TRACK: ("On track", "material/arrow-right-circle", "Going well"),
    Status.NEEDS_ATTENTION: ("In progress, needs attention", "material/alert", "Needs more work"),
    Status.URGENT: ("Outstanding, urgent attention needed", "material/alert-octagon", "Late: needs work now"),
}


class PlanKind(str, enum.Enum):
    """The kinds of plan the site knows: each has an icon. A plan's kind is free text; others are shown as written."""

    BUSINESS_PLAN = "business plan"
    STRATEGIC_PLAN = "strategic plan"
    PARTICIPATION_STRATEGY = "participation strategy"
    CHARTER = "charter"
    ANNUAL_REPORT = "annual report"
    IMPROVEMENT_PLAN = "improvement plan"
    LOCAL_OFFER = "local offer"
    PLEDGE = "pledge"

    @property
    def icon(self) -> str:
        return PLAN_KIND_ICONS[self]

    @classmethod
    def known(cls, label: str) -> PlanKind | None:
        """The known kind a plan's free 'kind' label names, if any ('Participation Strategy' too)."""
        return next((kind for kind in cls if kind.value == " ".join(label.lower().split())), None)


PLAN_KIND_ICONS = {
    PlanKind.BUSINESS_PLAN: "material/briefcase-outline",
    PlanKind.STRATEGIC_PLAN: "material/compass-outline",
    PlanKind.PARTICIPATION_STRATEGY: "material/account-voice",
    PlanKind.CHARTER: "material/file-sign",
    PlanKind.ANNUAL_REPORT: "material/calendar-check",
    PlanKind.IMPROVEMENT_PLAN: "material/trending-up",
    PlanKind.LOCAL_OFFER: "material/map-marker-outline",
    PlanKind.PLEDGE: "material/hand-heart",
}


class Icon(str, enum.Enum):
    """Pictures that may sit beside a young-people text; each always comes with words."""

    SCHOOL = "school"
    HEALTH = "health"
    SHIELD = "shield"
    VOICE = "voice"
    MONEY = "money"
    PEOPLE = "people"
    HOME = "home"
    JUSTICE = "justice"
    STAR = "star"
    HEART = "heart"
    BOOK = "book"
    WORLD = "world"
    CHECK = "check"
    SEARCH = "search"
    PHONE = "phone"
    LEARN = "learn"
