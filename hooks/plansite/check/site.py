"""Checks across the site's files: every plan's organisation exists, the Convention is whole."""

from __future__ import annotations

from .. import model as m
from ..errors import Problems
from ..model.walk import strings
from ..read import Document
from ..text import placeholders


def check_organisation(plan: m.Plan, document: Document, known: set[str], problems: Problems) -> None:
    """A plan's organisation must be one of data/organisations.yml."""
    if plan.organisation not in known:
        line, column = document.position(("organisation",))
        problems.add(
            document.path, line, column, f"unknown organisation '{plan.organisation}'",
            f"use one of: {', '.join(sorted(known))}; for an organisation new to the site, add it first: "
            f"./run new-organisation --id {plan.organisation} --name \"...\" --kind \"...\" "
            "(see 'Adding an organisation' in the editors' guide)",
        )


def check_organisation_texts(organisations: m.Organisations, document: Document, published: set[str], problems: Problems) -> None:
    """An organisation whose plan is published has its own words in place of every [[placeholder]]."""
    for index, organisation in enumerate(organisations.organisations):
        if organisation.id not in published:
            continue
        for value, path in strings(organisation):
            for placeholder in placeholders(value):
                line, column = document.position(("organisations", index) + path)
                problems.add(
                    document.path, line, column, f"the placeholder {placeholder} is still here",
                    f"replace it with the real text: a plan of '{organisation.id}' is published",
                )


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
