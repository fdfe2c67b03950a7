"""Checks of a plan's commitments: who answers for each, and which of them answer what children said."""

from __future__ import annotations

import re
from collections.abc import Callable

from .. import model as m
from ..model.walk import Path, anchor_of, strings, walk
from ..progress import commitments
from ..spelling import closest

Report = Callable[[Path, str, str], None]

EMAIL = re.compile(r"[^\s@<>()]+@[^\s@<>()]+\.[^\s@<>()]+")
PHONE = re.compile(r"\+?\d[\d ()./-]{6,}\d")
"""Seven digits or more, as a phone number is printed."""
ROLE_NOT_PERSON = (
    "name a role or a team (such as 'Participation team'); contact details go in the plan's contact block, "
    "as the organisation publishes them"
)


def check_commitments(plan: m.Plan, report: Report) -> None:
    """`answered_by` names commitments of this plan; an owner is a role or team, named in one field only."""
    known = {item.anchor: item for item in commitments(plan)}
    other_anchors = {
        anchor: type(obj).__name__ for obj, _ in walk(plan) if (anchor := anchor_of(obj)) and anchor not in known
    }
    published: tuple[str, str] | None = None  # worked out once, for the first owner
    for obj, path in walk(plan):
        if isinstance(obj, m.YouSaidItem) and obj.answered_by:
            _check_answered_by(obj, path, known, other_anchors, report)
        if isinstance(obj, m.ActionRow) and obj.owner and obj.lead:
            report(
                path + ("owner",),
                f"this row has a lead ('{obj.named_owner or ''}' in 'lead'), which is its owner; 'owner' would say "
                "it twice",
                "remove 'owner': a row's lead is its owner (use 'owner' only in a row with no lead)",
            )
        if isinstance(obj, m.Owned) and obj.owner:
            published = published or _published_text(plan)
            _check_contact_details(obj.owner, path + ("owner",), published, report)


def _check_answered_by(
    item: m.YouSaidItem, path: Path, known: dict, other_anchors: dict[str, str], report: Report
) -> None:
    if item.id is None:
        report(
            path + ("answered_by",),
            "this 'you said' item names the commitments that answer it, but has no id for them to link back to",
            "give it an 'id:' of lower-case words and hyphens, such as 'id: more-places-to-play'",
        )
    seen: set[str] = set()
    for index, ref in enumerate(item.answered_by):
        where = path + ("answered_by", index)
        if ref in seen:
            report(where, f"'{ref}' is listed twice in 'answered_by'", "keep it once, and remove the other")
        seen.add(ref)
        if ref in known:
            continue
        close = closest(ref, known)
        examples = ", ".join(list(known)[:4])
        what = (
            f"'{ref}' is the id of a {_kind_words(other_anchors[ref])}, not of an action row, project or aim"
            if ref in other_anchors
            else f"there is no action row, project or aim '{ref}' in this plan"
        )
        report(
            where,
            what,
            (f"did you mean '{close}'? " if close else "")
            + (
                f"name each commitment by its id on the plan page (the part after # in its link), e.g. {examples}"
                if known
                else "this plan has no action rows, projects or aims: remove 'answered_by', or add the commitments"
            ),
        )


def _kind_words(class_name: str) -> str:
    """A model class's name in words: 'ActionGroup' is 'action group'."""
    return re.sub(r"(?<!^)(?=[A-Z])", " ", class_name).lower()


def _published_text(plan: m.Plan) -> tuple[str, str]:
    """Every text of the plan but its owners, lower-cased, and its digits alone: what it publishes of itself."""
    text = "\n".join(text for text, path in strings(plan) if path[-1:] != ("owner",))
    return text.lower(), re.sub(r"\D", "", text)


def _check_contact_details(owner: str, path: Path, published: tuple[str, str], report: Report) -> None:
    """An owner names a role or team: a person's email address or phone number only where the plan publishes it."""
    text, digits = published
    for address in EMAIL.findall(owner):
        if address.lower() not in text:
            report(
                path,
                f"the owner holds the email address {address}, which the plan does not publish",
                ROLE_NOT_PERSON,
            )
    for number in PHONE.findall(owner):
        if re.sub(r"\D", "", number) not in digits:
            report(
                path,
                f"the owner holds the phone number {number.strip()}, which the plan does not publish",
                ROLE_NOT_PERSON,
            )
