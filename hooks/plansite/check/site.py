"""Checks across the site's files: every plan's organisation exists, the Convention is whole."""

from __future__ import annotations

from .. import model as m
from ..errors import Problems
from ..read import Document


def check_organisation(plan: m.Plan, document: Document, known: set[str], problems: Problems) -> None:
    """A plan's organisation must be one of data/organisations.yml."""
    if plan.organisation not in known:
        line, column = document.position(("organisation",))
        problems.add(document.path, line, column, f"unknown organisation '{plan.organisation}'", f"use one of: {', '.join(sorted(known))}")


def check_convention(convention: m.Convention, document: Document, problems: Problems) -> None:
    """Every article in a known cluster, and articles 1 to 54 each there once."""
    clusters = {c.id for c in convention.clusters}
    numbers = [a.number for a in convention.articles]
    for index, article in enumerate(convention.articles):
        if article.cluster not in clusters:
            line, column = document.position(("articles", index, "cluster"))
            problems.add(document.path, line, column, f"unknown cluster '{article.cluster}'", f"use one of: {', '.join(sorted(clusters))}")
    missing = sorted(set(range(1, m.ARTICLE_COUNT + 1)) - set(numbers))
    if missing or len(numbers) != len(set(numbers)):
        problems.add(
            document.path, 1, 1,
            f"articles must be 1 to {m.ARTICLE_COUNT}, each once (missing: {missing or 'none'})", "add or remove articles",
        )
