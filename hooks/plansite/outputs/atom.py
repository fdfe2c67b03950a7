"""Atom feeds: the whole site, each organisation and each UNCRC article; each entry says what changed.

Every plan has an entry, dated the day it is published on the site (`publish_on`), and every
progress update and `last_updated` of a plan has one, dated as its data says: the newest ENTRIES of
them in each feed, newest first, and the feed's <updated> is its newest entry's date, never the
build's. A feed with no entry is not written (an article no plan names has none). An update dated
only to its month is dated its first day in <updated>, which needs a day, and its words say the month.
A summary is the words a reader sees of the text it comes from (prose.plain_text), never its
Markdown. Every URL in a feed is absolute, built from the site's `site_url`.
"""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from .. import model as m
from ..addresses import SITE_FEED, article_feed, long_date, organisation_feed
from ..catalogue import Catalogue, PlanFile
from ..model.values import Month
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
    organisation: str
    """The id of the organisation whose plan it is from."""
    articles: frozenset[int]


def when(day: datetime.date) -> str:
    """When something was reported, in words: 'on 3 March 2025', or 'in December 2017' for a month."""
    return f"in {long_date(day)}" if isinstance(day, Month) else f"on {long_date(day)}"


def plan_entries(catalogue: Catalogue, plan_file: PlanFile, site_url: str) -> list[Entry]:
    """One plan's entries: its publication, its updates and the updates of its items."""
    found = []
    plan = plan_file.plan
    organisation = catalogue.organisations[plan.organisation]
    page = f"{site_url}plans/{plan_file.slug}/"
    cited = frozenset(n for obj in _cited(plan) for n in (*obj.articles, *obj.related_articles))
    # A plan is announced on the day it is published; a draft in a preview may not have that day yet.
    published = plan.publish_on
    if published is not None:
        found.append(
            Entry(
                published,
                f"New plan: {organisation.short_label} {plan.title}",
                f"Published on this site {when(published)}. {plain_text(plan.summary)}",
                page,
                f"{plan_file.slug}/published",
                plan.organisation,
                cited,
            )
        )
    for change in changes(plan_file.slug, plan):
        found.append(_entry(change, plan_file, page, cited))
    return found


def _entry(change: Change, plan_file: PlanFile, page: str, cited: frozenset[int]) -> Entry:
    plan = plan_file.plan
    if change.update is None:
        return Entry(
            change.date,
            f"{plan.title}: the plan was updated",
            f"The plan was updated {when(change.date)}.",
            page,
            f"{plan_file.slug}/updated/{change.date.isoformat()}",
            plan.organisation,
            cited,
        )
    item, update = change.item, change.update
    index = item.item.updates.index(update)
    source = f" Source: {update.source}." if update.source else ""
    return Entry(
        change.date,
        f"{plan.title}, progress update: {item.label}: {update.status.label}",
        f"{update.status.label}, reported {when(change.date)}: {plain_text(update.text)}{source}",
        f"{page}#{item.anchor}",
        f"{plan_file.slug}/{item.anchor}/{index}",
        plan.organisation,
        item.articles,
    )


def _cited(plan: m.Plan):
    return (obj for obj, _ in walk(plan) if isinstance(obj, m.Cited))


def _time(day: datetime.date) -> str:
    """An Atom date: midnight UTC of the day (of a month's first day)."""
    return f"{day:%Y-%m-%d}T00:00:00Z"


def feed(title: str, path: str, page: str, entries: list[Entry], site_url: str, catalogue: Catalogue) -> bytes:
    """One Atom 1.0 document, of at least one entry."""
    shown = entries[:ENTRIES]
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">',
        f"<title>{escape(title)}</title>",
        f"<id>{escape(site_url + path)}</id>",
        f'<link rel="self" type="application/atom+xml" href={quoteattr(site_url + path)}/>',
        f'<link rel="alternate" type="text/html" href={quoteattr(page)}/>',
        f"<updated>{_time(max(e.date for e in shown))}</updated>",
        "<author><name>Children's organisations' plans</name></author>",
    ]
    for entry in shown:
        organisation = catalogue.organisations[entry.organisation]
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


def files(catalogue: Catalogue, site_url: str, each_plan: list[list[Entry]] | None = None) -> list[tuple[str, bytes]]:
    """The site's feed, each organisation's and each article's; `each_plan` is every plan's plan_entries,
    in the catalogue's order (made here when not given)."""
    if each_plan is None:
        each_plan = [plan_entries(catalogue, plan_file, site_url) for plan_file in catalogue.plans]
    entries = sorted((entry for plan in each_plan for entry in plan), key=lambda e: (e.date, e.key), reverse=True)
    feeds = [(SITE_FEED, "Children's organisations' plans: latest updates", f"{site_url}updates/", entries)]
    by_organisation: dict[str, list[Entry]] = {}
    for entry in entries:
        by_organisation.setdefault(entry.organisation, []).append(entry)
    for organisation in catalogue.organisations.values():
        feeds.append(
            (
                organisation_feed(organisation.id),
                f"{organisation.name}: latest updates",
                f"{site_url}organisations/{organisation.id}/",
                by_organisation.get(organisation.id, []),
            )
        )
    for article in catalogue.convention.articles:
        feeds.append(
            (
                article_feed(article.number),
                f"UNCRC Article {article.number}, {article.title}: plans and progress",
                f"{site_url}uncrc/article-{article.number}/",
                [e for e in entries if article.number in e.articles],
            )
        )
    return [(path, feed(title, path, page, own, site_url, catalogue)) for path, title, page, own in feeds if own]
