"""The UN Convention on the Rights of the Child as the site summarises it: articles and their groups."""

from __future__ import annotations

from .fields import Anchor, ArticleNumber, Date, Line, Linked, Model, Prose, WebAddress
from .vocabulary import ARTICLE_COUNT, GENERAL_PRINCIPLES

__all__ = [
    "ARTICLE_COUNT",
    "GENERAL_PRINCIPLES",
    "Cluster",
    "ArticleYoungPeople",
    "Article",
    "ConventionSource",
    "Convention",
]


class Cluster(Model):
    id: Anchor
    title: Line
    young_people_title: Line
    site_grouping: bool = False
    """True for a group of this site's own making, not one of the UN Committee's reporting clusters."""


class ArticleYoungPeople(Model):
    title: Line
    summary: Prose


class Article(Model):
    number: ArticleNumber
    title: Line
    cluster: Anchor
    summary: Prose
    young_people: ArticleYoungPeople
    reviewed: Date
    """When both summaries were last checked, sentence by sentence, against the Convention's text."""


class ConventionSource(Linked):
    """The text of the Convention that the summaries are checked against."""

    title: Line
    url: WebAddress


class Convention(Model):
    source: ConventionSource
    grouping_note: Prose
    young_people_grouping_note: Prose
    clusters: list[Cluster]
    articles: list[Article]
