"""Atom feeds: the whole site, each organisation and each UNCRC article; each entry says what changed.

Entries are the plans' dated changes (progress updates and `last_updated`) and plans with a
publication date, the newest ENTRIES of them in each feed; a summary is the words a reader sees
of the text it comes from (prose.plain_text), never its Markdown. Every URL in a feed is
absolute, built from the site's `site_url`.
"""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from .. import model as m
from ..addresses import SITE_FEED, article_feed, organisation_feed
from ..catalogue import Catalogue, PlanFile
from ..model.walk import walk
from ..progress import Change, changes
from ..texts.rendering import plain_text

ENTRIES = 50
"""Entries in each feed, the newest: as many as the latest updates page lists."""


@dataclass(frozen=True)
class Entry:
    date: datetime.date
    title: str
    summary: str
    link: str
    key: str
    plan: PlanFile
    articles: frozenset[int]


def _entries(catalogue: Catalogue, site_url: str) -> list[Entry]:
    found = []
    for plan_file in catalogue.plans:
        plan = plan_file.plan
        page = f"{site_url}plans/{plan_file.slug}/"
        cited = frozenset(n for obj in _cited(plan) for n in (*obj.articles, *obj.related_articles))
        if plan.publish_on:
            found.append(
                Entry(
                    plan.publish_on,
                    f"New plan: {plan.title}",
                    plain_text(plan.summary),
                    page,
                    f"{plan_file.slug}/published",
                    plan_file,
                    cited,
                )
            )
        for change in changes(plan_file.slug, plan):
            found.append(_entry(change, plan_file, page, cited))
    return sorted(found, key=lambda e: (e.date, e.key), reverse=True)


def _entry(change: Change, plan_file: PlanFile, page: str, cited: frozenset[int]) -> Entry:
    plan = plan_file.plan
    if change.update is None:
        return Entry(
            change.date,
            f"{plan.title}: the plan was updated",
            f"The plan was updated on {change.date.isoformat()}.",
            page,
            f"{plan_file.slug}/updated/{change.date.isoformat()}",
            plan_file,
            cited,
        )
    item = change.item
    index = item.item.updates.index(change.update)
    title = f"{plan.title}, progress update: {item.label}: {change.update.status.label}"
    return Entry(
        change.date,
        title,
        plain_text(change.update.text),
        f"{page}#{item.anchor}",
        f"{plan_file.slug}/{item.anchor}/{index}",
        plan_file,
        item.articles,
    )


def _cited(plan: m.Plan):
    return (obj for obj, _ in walk(plan) if isinstance(obj, m.Cited))


def _time(date: datetime.date) -> str:
    return f"{date.isoformat()}T00:00:00Z"


def feed(title: str, path: str, page: str, entries: list[Entry], site_url: str, catalogue: Catalogue) -> bytes:
    """One Atom 1.0 document."""
    updated = max((e.date for e in entries), default=None) or datetime.date.today()
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">',
        f"<title>{escape(title)}</title>",
        f"<id>{escape(site_url + path)}</id>",
        f'<link rel="self" type="application/atom+xml" href={quoteattr(site_url + path)}/>',
        f'<link rel="alternate" type="text/html" href={quoteattr(page)}/>',
        f"<updated>{_time(updated)}</updated>",
        "<author><name>Children's organisations' plans</name></author>",
    ]
    for entry in entries[:ENTRIES]:
        organisation = catalogue.organisations[entry.plan.plan.organisation]
        parts += [
            "<entry>",
            f"<title>{escape(entry.title)}</title>",
            f"<id>urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, site_url + entry.key)}</id>",
            f'<link rel="alternate" type="text/html" href={quoteattr(entry.link)}/>',
            f"<updated>{_time(entry.date)}</updated>",
            f"<author><name>{escape(organisation.name)}</name></author>",
            f"<summary>{escape(entry.summary)}</summary>",
            "</entry>",
        ]
    parts.append("</feed>")
    return ("\n".join(parts) + "\n").encode("utf-8")


def files(catalogue: Catalogue, site_url: str) -> list[tuple[str, bytes]]:
    entries = _entries(catalogue, site_url)
    found = [
        (
            SITE_FEED,
            feed(
                "Children's organisations' plans: latest updates",
                SITE_FEED,
                f"{site_url}updates/",
                entries,
                site_url,
                catalogue,
            ),
        )
    ]
    by_organisation: dict[str, list[Entry]] = {}
    for entry in entries:
        by_organisation.setdefault(entry.plan.plan.organisation, []).append(entry)
    for organisation in catalogue.organisations.values():
        own = by_organisation.get(organisation.id, [])
        path = organisation_feed(organisation.id)
        found.append(
            (
                path,
                feed(
                    f"{organisation.name}: latest updates",
                    path,
                    f"{site_url}organisations/{organisation.id}/",
                    own,
                    site_url,
                    catalogue,
                ),
            )
        )
    for article in catalogue.convention.articles:
        own = [e for e in entries if article.number in e.articles]
        path = article_feed(article.number)
        found.append(
            (
                path,
                feed(
                    f"UNCRC Article {article.number}, {article.title}: plans and progress",
                    path,
                    f"{site_url}uncrc/article-{article.number}/",
                    own,
                    site_url,
                    catalogue,
                ),
            )
        )
    return found
