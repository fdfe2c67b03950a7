"""Plan data made from the model's own classes: every block type, every field filled.

Each young-people text gets a unique marker (YPTITLE7, YPTEXT7), so a test can look for every one
of them on the built page. A new block type or field is covered as soon as the model has it.
"""

from __future__ import annotations

import datetime
import enum
import itertools
import types
import typing
from typing import Any

from plansite import model as m
from pydantic import BaseModel

ICONS = list(m.Icon)


class Sampler:
    """Builds plain data (as YAML would give it) for a model class, with every field filled."""

    def __init__(self) -> None:
        self.counter = itertools.count(1)
        self.young: list[tuple[int, bool]] = []  # (marker number, has an icon) of every young-people text

    def young_text(self) -> dict[str, Any]:
        n = next(self.counter)
        self.young.append((n, True))
        return {"title": f"YPTITLE{n}", "text": f"YPTEXT{n} is short.", "icon": ICONS[n % len(ICONS)].value}

    def model(self, cls: type[BaseModel], depth: int = 0) -> dict[str, Any]:
        data: dict[str, Any] = {}
        for name, info in cls.model_fields.items():
            if name == "young_people" and info.annotation is not None and "YoungText" in str(info.annotation):
                data[name] = self.young_text()
            elif name == "matches":
                continue
            elif name == "progress" and "updates" in cls.model_fields:
                continue  # a status without a date is refused beside dated updates: the updates give it
            elif name == "lines" and depth > 1:
                continue  # budget lines nest; two levels show it
            elif name == "owner" and "lead" in cls.model_fields:
                continue  # an action row's lead is its owner: both would say it twice
            elif name == "answered_by":
                continue  # the ids of other items of the plan: the component examples show them
            else:
                data[name] = self.value(name, info.annotation, depth)
        return data

    def value(self, name: str, annotation: Any, depth: int) -> Any:
        n = next(self.counter)
        if name == "articles":
            return [1]
        if name == "related_articles":
            return [2]
        if name == "id":
            return f"id-{n}"
        if name in ("owner", "code"):
            return "CC"  # delivery owners must be in the plan's key
        # Fields the model checks for their form: a value of that form, unique where it can be.
        if name == "age":
            return 10 + n % 10
        if name == "phone":
            return f"020 7783 {1000 + n % 9000}"
        if name == "email":
            return f"info{n}@example.org"
        if name == "website":
            return f"https://www.example.org/{n}"
        origin = typing.get_origin(annotation)
        args = typing.get_args(annotation)
        if origin is typing.Annotated:
            base = args[0]
            return self.value(name, base, depth)
        if origin in (typing.Union, types.UnionType):
            choices = [a for a in args if a is not type(None)]
            return self.value(name, choices[0], depth)
        if origin is typing.Literal:
            return args[0]
        if origin is list:
            # Two of each text, so that a list of paragraphs or items is seen to be shown as such.
            count = 2 if typing.get_args(args[0])[:1] == (str,) or args[0] is str else 1
            return [self.value(name, args[0], depth + 1) for _ in range(count)]
        if origin is dict:
            key_type, value_type = args
            keys = typing.get_args(key_type) if typing.get_origin(key_type) is typing.Literal else ["p1"]
            return {key: f"Label {n}" for key in keys}
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            if annotation is m.Money:
                return {"amount": 100, "as_printed": f"£{n}", "note": f"Money note {n}"}
            return self.model(annotation, depth + 1)
        if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
            return list(annotation)[0].value
        if annotation is bool:
            return True
        if annotation is int:
            return n
        if annotation is datetime.date:
            return "2024-09-01"
        if annotation is str:
            return f"Adult text {n}."
        raise TypeError(f"no sample for {name}: {annotation!r}")


def block_classes() -> list[type[m.Block]]:
    """Every block type of the model."""
    union = typing.get_args(m.AnyBlock)[0]
    return list(typing.get_args(union))


def sample_plan(organisation: str) -> tuple[dict[str, Any], list[tuple[int, bool]]]:
    """A draft plan with one section per block type, every field filled; and its young-people markers."""
    sampler = Sampler()
    sections = []
    for cls in block_classes():
        block = sampler.model(cls)
        sections.append(
            {
                "id": f"section-{block['type'].replace('_', '-')}",
                "title": f"Section of {block['type']}",
                "young_people": sampler.young_text(),
                "blocks": [block],
            }
        )
    plan = {
        "organisation": organisation,
        "title": "Every shape",
        "kind": "annual report",
        "period": "2024-25",
        "status": "draft",
        "summary": "A plan with every block type.",
        "original": {"url": "https://example.org/plan.pdf", "title": "The plan", "format": "PDF", "size_bytes": 1000},
        "young_people": {
            "title": "YPPLANTITLE",
            "summary": "YPPLANSUMMARY is short.",
            "get_involved": "YPINVOLVED is short.",
        },
        "sections": sections,
    }
    return plan, sampler.young
