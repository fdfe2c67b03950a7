"""Home pages, the UNCRC index and glossaries, for both audiences."""

from __future__ import annotations

import re
import unicodedata

from .. import model as m
from ..catalogue import Catalogue
from .citations import Citation
from .contexts import GlossaryPage, HomePage, UncrcPage
from .page import PageView
from .rollups import Rollup

ADULT, YOUNG = m.Audience.ADULT, m.Audience.YOUNG_PEOPLE


def plans_by_kind(catalogue: Catalogue) -> list[tuple[str, str, list, bool]]:
    """The plans grouped by kind: each known kind that has plans, in the site's order, then all other kinds.

    Each group is (heading, icon, [(plan file, organisation)...], whether each plan's own kind is to be named).
    """
    groups = []
    for kind in m.PlanKind:
        plans = [p for p in catalogue.plans if m.PlanKind.known(p.plan.kind) is kind]
        if plans:
            plural = kind.value[:-1] + "ies" if kind.value.endswith("y") else kind.value + "s"
            groups.append((plural[:1].upper() + plural[1:], kind.icon, plans))
    others = [p for p in catalogue.plans if m.PlanKind.known(p.plan.kind) is None]
    if others:
        groups.append(("Other kinds of plan", "material/file-document-outline", others))
    return [
        (
            heading,
            icon,
            [(p, catalogue.organisations[p.plan.organisation]) for p in plans],
            heading == "Other kinds of plan",
        )
        for heading, icon, plans in groups
    ]


# With more organisations than this, the home pages list the organisations A to Z (each with its
# number of plans) instead of every plan: a national portal's thousand plans would make them megabytes.
DIRECTORY_FROM = 12


def plans_by_organisation(catalogue: Catalogue) -> list[tuple[m.Organisation, list]]:
    """Each organisation that has plans, with its plans, in the order of organisations.yml."""
    plans: dict[str, list] = {}
    for plan_file in catalogue.plans:
        plans.setdefault(plan_file.plan.organisation, []).append(plan_file)
    return [(o, plans[o.id]) for o in catalogue.organisations.values() if o.id in plans]


def is_directory(catalogue: Catalogue) -> bool:
    """Whether the home pages list organisations, not plans."""
    return len({p.plan.organisation for p in catalogue.plans}) > DIRECTORY_FROM


def directory(by_organisation: list[tuple[m.Organisation, list]]) -> list[tuple[str, list[tuple[m.Organisation, int]]]]:
    """The organisations A to Z, grouped by first letter ('0-9' for a digit, '#' for anything else),
    each with its number of plans."""
    groups: dict[str, list[tuple[m.Organisation, int]]] = {}
    for organisation, plans in sorted(by_organisation, key=lambda found: _name_order(found[0].name)):
        first = _plain(organisation.name)[:1].upper()
        letter = first if "A" <= first <= "Z" else "0-9" if first.isdigit() else "#"
        groups.setdefault(letter, []).append((organisation, len(plans)))
    return sorted(groups.items(), key=lambda group: (not group[0].isalpha(), group[0]))


def _plain(name: str) -> str:
    """A name without accents or case, as it is filed: 'Ŵyr' with the Ws."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).casefold()


def _name_order(name: str) -> tuple:
    """A name as people sort it: by its plain letters, numbers by value ('area 2' before 'area 10')."""
    return tuple(
        (0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.split(r"(\d+)", _plain(name)) if part
    )


def index_pages(catalogue: Catalogue, index: dict[int, list[Citation]], rollup: Rollup) -> list[PageView]:
    """Home pages (with how the promises of every plan stand: `rollup`), the UNCRC index and glossaries, for both
    audiences."""
    by_organisation = plans_by_organisation(catalogue)
    clusters = [
        (cluster, [a for a in catalogue.convention.articles if a.cluster == cluster.id])
        for cluster in catalogue.convention.clusters
    ]
    counts = {
        n: len({(c.plan.slug, c.anchor) for c in index.get(n, []) if not c.related})
        for n in range(1, m.ARTICLE_COUNT + 1)
    }
    uncovered = [a for a in catalogue.convention.articles if not index.get(a.number)]
    uncrc = {
        "convention": catalogue.convention,
        "clusters": clusters,
        "counts": counts,
        "uncovered": uncovered,
        "principles": m.GENERAL_PRINCIPLES,
        "related_counts": {n: len([c for c in index.get(n, []) if c.related]) for n in range(1, m.ARTICLE_COUNT + 1)},
    }
    home = {
        "by_organisation": by_organisation,
        "left_out": catalogue.left_out,
        "plan_count": len(catalogue.plans),
        "directory": directory(by_organisation) if is_directory(catalogue) else None,
        "rollup": rollup,
    }
    pages = [
        PageView(
            "index.md",
            "What children's organisations plan to do",
            "pages/home.html",
            ADULT,
            "Business plans, strategic plans and participation strategies of children's organisations, in full and "
            "for young people.",
            HomePage(**home),
            counterpart="young-people/index.md",
        ),
        PageView(
            "young-people/index.md",
            "Plans for young people",
            "pages/home.html",
            YOUNG,
            "What children's organisations plan to do, written for young people.",
            HomePage(**home),
            counterpart="index.md",
        ),
        PageView(
            "plans/index.md",
            "All plans",
            "pages/home.html",
            ADULT,
            "Every plan on this site, by organisation and by kind.",
            HomePage(**home, by_kind=plans_by_kind(catalogue)),
            counterpart="young-people/index.md",
        ),
        PageView(
            "uncrc/index.md",
            "The UN Convention on the Rights of the Child",
            "pages/uncrc.html",
            ADULT,
            "All 54 articles of the UNCRC, and which plans work on each.",
            UncrcPage(**uncrc),
            [(2, c.id, c.title) for c, _ in clusters] + [(2, "coverage", "Articles no plan addresses")],
            counterpart="young-people/uncrc/index.md",
        ),
        PageView(
            "young-people/uncrc/index.md",
            "Your rights",
            "pages/uncrc.html",
            YOUNG,
            "Your rights under the UN Convention on the Rights of the Child, in plain words.",
            UncrcPage(**uncrc),
            [(2, c.id, c.young_people_title) for c, _ in clusters] + [(2, "coverage", "Rights no plan talks about")],
            counterpart="uncrc/index.md",
        ),
        PageView(
            "glossary.md",
            "Glossary",
            "pages/glossary.html",
            ADULT,
            "Abbreviations and terms used in the plans.",
            GlossaryPage(catalogue.glossary),
            counterpart="young-people/glossary.md",
        ),
        PageView(
            "young-people/glossary.md",
            "Words to know",
            "pages/glossary.html",
            YOUNG,
            "Words from the plans, explained.",
            GlossaryPage([t for t in catalogue.glossary if t.young_people]),
            counterpart="glossary.md",
        ),
    ]
    return pages
