"""The UN Convention on the Rights of the Child as the site summarises it: articles and their groups."""

from __future__ import annotations

from .vocabulary import ARTICLE_COUNT, GENERAL_PRINCIPLES
from .fields import Anchor, ArticleNumber, Line, Model, Prose

__all__ = ["ARTICLE_COUNT", "GENERAL_PRINCIPLES", "Cluster", "ArticleYoungPeople", "Article", "Convention"]


class Cluster(Model):
    id: Anchor
    title: Line
    young_people_title: Line


class ArticleYoungPeople(Model):
    title: Line
    summary: Prose


class Article(Model):
    number: ArticleNumber
    title: Line
    cluster: Anchor
    summary: Prose
    young_people: ArticleYoungPeople


class Convention(Model):
    clusters: list[Cluster]
    articles: list[Article]


