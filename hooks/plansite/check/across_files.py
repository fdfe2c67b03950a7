"""Checks across the site's files: every plan's organisation exists, the Convention is whole, and
everything that becomes a name is unique and never empty, across the whole site.

Ids and paths come from the data: section and item ids, references such as 'SP1' made into
anchors, glossary terms, organisation ids and old addresses of renamed plans. The site's own
pages and theme use some names too; a data name equal to one of them would give a page two
elements with one id, or one page two sources.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .. import model as m
from ..addresses import (
    BUILT_FILES,
    DOWNLOADS_PAGE,
    PACKAGE_PATH,
    PLANS_PER_PAGE,
    SCHEMA_PATH,
    SITE_FEED,
    article_feed,
    article_path,
    csv_path,
    organisation_feed,
    organisation_path,
    plan_json_path,
    plan_path,
    progress_path,
    redirect_path,
    search_path,
    updates_path,
    url_of,
)
from ..errors import Problems
from ..model.ids import LAYOUT_PREFIXES
from ..model.walk import strings, walk
from ..progress import has_progress_page, tables_of
from ..read import Document
from ..texts.links import on_site
from ..texts.rendering import rendered
from ..texts.typed import placeholders
from .hard_words import check_hard_words
from .ids import page_ids
from .reading import young_people_texts

# Ids of the UNCRC index page, beside the clusters'.
UNCRC_PAGE_IDS = {"main-content", "ps-content", "coverage", "about-the-groups"}
RESERVED_SLUGS = {"index"}


def check_organisation(plan: m.Plan, document: Document, known: set[str], problems: Problems) -> None:
    """A plan's organisation must be one of data/organisations.yml."""
    if plan.organisation not in known:
        line, column = document.position(("organisation",))
        problems.add(
            document.path,
            line,
            column,
            f"unknown organisation '{plan.organisation}'",
            f"use one of: {', '.join(sorted(known))}; for an organisation new to the site, add it first: "
            f'./run new-organisation --id {plan.organisation} --name "..." --kind "..." '
            "(see 'Add an organisation' in the editors' guide)",
        )


def check_organisation_texts(
    organisations: m.Organisations, document: Document, published: set[str], drafted: set[str], problems: Problems
) -> None:
    """An organisation whose plan is published has its own words in place of every [[placeholder]];
    one with only drafts is warned, so that its editor knows before publishing."""
    with_plans = published | drafted
    for index, organisation in enumerate(organisations.organisations):
        if organisation.id not in with_plans:
            continue
        is_published = organisation.id in published
        for value, path in strings(organisation):
            for placeholder in placeholders(value):
                line, column = document.position(("organisations", index) + path)
                (problems.add if is_published else problems.warn)(
                    document.path,
                    line,
                    column,
                    f"the placeholder {placeholder} is still here",
                    f"replace it with the real text: a plan of '{organisation.id}' is set to 'status: published'"
                    if is_published
                    else f"replace it with the real text before a plan of '{organisation.id}' is published",
                )


def check_convention(convention: m.Convention, document: Document, problems: Problems) -> None:
    """Every article in a known cluster, and articles 1 to 54 each there once."""
    clusters = {c.id for c in convention.clusters}
    numbers = [a.number for a in convention.articles]
    for index, article in enumerate(convention.articles):
        if article.cluster not in clusters:
            line, column = document.position(("articles", index, "cluster"))
            problems.add(
                document.path,
                line,
                column,
                f"unknown cluster '{article.cluster}'",
                f"use one of: {', '.join(sorted(clusters))}",
            )
    missing = sorted(set(range(1, m.ARTICLE_COUNT + 1)) - set(numbers))
    if missing or len(numbers) != len(set(numbers)):
        problems.add(
            document.path,
            1,
            1,
            f"articles must be 1 to {m.ARTICLE_COUNT}, each once (missing: {missing or 'none'})",
            "add or remove articles",
        )


def reserved_id_problem(anchor: str) -> str | None:
    """Why an id from a plan cannot be used on its pages, as 'what; how to fix', or None: the young
    people's page makes ids from these prefixes (an id the layout uses whole is claimed in check/ids.py)."""
    if anchor.startswith(LAYOUT_PREFIXES):
        return (
            f"the id '{anchor}' is used by the site's own page layout"
            f"; choose another id (not starting with {' or '.join(LAYOUT_PREFIXES)})"
        )
    return None


def check_plan_names(plan: m.Plan, report: Callable[[tuple, str, str], None]) -> None:
    """References that would make an empty anchor, and ids the layout already uses."""
    for obj, path in walk(plan):
        if isinstance(obj, (m.AimGroup, m.Aim)) and not m.slug(obj.ref):
            report(
                path + ("ref",),
                f"the reference '{obj.ref}' has no letters or digits, so it cannot be linked to",
                "write a reference with letters or digits, e.g. SP1 or 1.2",
            )
        elif isinstance(obj, m.Priority) and obj.ref and not obj.id and not m.slug(obj.ref):
            report(
                path + ("ref",),
                f"the reference '{obj.ref}' has no letters or digits, so it cannot be linked to",
                "write a reference with letters or digits, or give the priority an 'id'",
            )
        own_id = getattr(obj, "id", None) if "id" in type(obj).model_fields else None
        if own_id:
            problem = reserved_id_problem(own_id)
            if problem:
                message, _, hint = problem.partition("; ")
                report(path + ("id",), message, hint)


def check_site(
    organisations: m.Organisations | None,
    organisations_doc: Document | None,
    glossary: m.Glossary | None,
    glossary_doc: Document | None,
    convention: m.Convention | None,
    convention_doc: Document | None,
    plans: list[tuple[str, m.Plan, Document]],
    problems: Problems,
) -> None:
    """Names that must be unique across files: organisation ids, glossary terms, clusters, plan addresses."""
    if organisations is not None:
        _unique(
            [(o.id, ("organisations", i, "id")) for i, o in enumerate(organisations.organisations)],
            organisations_doc,
            problems,
            "the organisation id '{}' is used twice (also on line {})",
            "give each organisation its own id; plans refer to it by that id",
        )
    if glossary is not None:
        for index, term in enumerate(glossary.terms):
            if not m.slug(term.term):
                _add(
                    glossary_doc,
                    problems,
                    ("terms", index, "term"),
                    f"the term '{term.term}' has no letters or digits",
                    "write the word or abbreviation the glossary explains",
                )
        _unique(
            [(m.slug(t.term), ("terms", i, "term")) for i, t in enumerate(glossary.terms) if m.slug(t.term)],
            glossary_doc,
            problems,
            "the term '{}' is in the glossary twice, or written two ways (also on line {})",
            "keep one entry for each term",
        )
    if convention is not None:
        for index, cluster in enumerate(convention.clusters):
            if cluster.id in UNCRC_PAGE_IDS:
                _add(
                    convention_doc,
                    problems,
                    ("clusters", index, "id"),
                    f"the id '{cluster.id}' is used by the UNCRC page itself",
                    "choose another id for the cluster",
                )
        _unique(
            [(c.id, ("clusters", i, "id")) for i, c in enumerate(convention.clusters)],
            convention_doc,
            problems,
            "the cluster id '{}' is used twice (also on line {})",
            "give each cluster its own id",
        )
    _check_addresses(plans, problems)


def check_file_words(
    model: m.Organisations | m.Glossary | m.Convention,
    document: Document,
    words: tuple[frozenset[str], frozenset[str]],
    problems: Problems,
) -> None:
    """The young-people texts of organisations.yml, glossary.yml or uncrc/articles.yml explain their hard
    words (`words`: the glossary's, young_people_words); each plan's are checked with its file
    (check_plan_words)."""
    if isinstance(model, m.Convention):
        texts = [(model.young_people_grouping_note, ("young_people_grouping_note",))] + [
            (article.young_people.summary, ("articles", index, "young_people", "summary"))
            for index, article in enumerate(model.articles)
        ]
    else:
        texts = young_people_texts(model)
    check_hard_words(words, texts, functools.partial(_add, document, problems))


def check_plan_words(
    plan: m.Plan, document: Document, words: tuple[frozenset[str], frozenset[str]], problems: Problems
) -> None:
    """A plan's young-people texts explain their hard words (`words`: the glossary's, young_people_words):
    problems in a published plan, warnings in a draft."""
    report = _add if plan.status == "published" else _warn
    check_hard_words(words, young_people_texts(plan), functools.partial(report, document, problems))


def _check_addresses(plans: list[tuple[str, m.Plan, Document]], problems: Problems) -> None:
    """Old addresses of renamed plans: not a plan's own address, not the site's, not claimed twice."""
    slugs = {slug_ for slug_, _, _ in plans}
    claimed: dict[str, str] = {}
    for own, plan, document in plans:
        for index, old in enumerate(plan.previous_slugs):
            where = ("previous_slugs", index)
            if old == own:
                _add(
                    document,
                    problems,
                    where,
                    f"'{old}' is this plan's own address, not a previous one",
                    "remove it from previous_slugs",
                )
            elif old in slugs:
                _add(
                    document,
                    problems,
                    where,
                    f"'{old}' is the address of another plan (data/plans/{old}.yml)",
                    "remove it from previous_slugs: a live plan keeps its address",
                )
            elif old in RESERVED_SLUGS:
                _add(
                    document,
                    problems,
                    where,
                    f"'{old}' is the address of the site's own page plans/{old}/",
                    "remove it from previous_slugs",
                )
            elif old in claimed:
                other = "this plan's list" if claimed[old] == own else f"data/plans/{claimed[old]}.yml"
                _add(
                    document,
                    problems,
                    where,
                    f"'{old}' is also a previous address in {other}",
                    "an old address can lead to one plan only, once; remove one of them",
                )
            else:
                claimed[old] = own


def _unique(
    names: list[tuple[str, tuple]], document: Document | None, problems: Problems, message: str, hint: str
) -> None:
    first: dict[str, tuple] = {}
    for name, path in names:
        if name in first:
            line = document.position(first[name])[0] if document else 1
            _add(document, problems, path, message.format(name, line), hint)
        else:
            first[name] = path


def _add(document: Document | None, problems: Problems, path: tuple, message: str, hint: str) -> None:
    if document is None:
        return
    line, column = document.position(path)
    problems.add(document.path, line, column, message, hint)


def _warn(document: Document, problems: Problems, path: tuple, message: str, hint: str) -> None:
    line, column = document.position(path)
    problems.warn(document.path, line, column, message, hint)


@dataclass(frozen=True)
class SiteLink:
    """A link in a plan's text to a page of this site, as found in the plan on its own (site_links)."""

    path: tuple  # the text it is in
    href: str
    page: str  # the URL of the page it goes to, e.g. 'uncrc/article-12/'
    missing_anchor: str | None = None  # the #anchor it names on its own plan's page, when that has none


def site_links(slug: str, plan: m.Plan) -> list[SiteLink]:
    """Every link in a plan's texts to a page or an #anchor of this site.

    A link is followed from the page its text is shown on: the adult plan page, or the young
    people's one for a young-people text. Anchors on the plan's own pages are looked up here.
    """
    found = []
    anchors = None  # found when a link needs them: most plans link to no part of themselves
    for value, path in strings(plan):
        if "](" not in value and "]:" not in value:
            continue
        young = "young_people" in path
        page = f"{'young-people/' if young else ''}plans/{slug}/"
        for href in dict.fromkeys(link.href for link in rendered(value).links):
            target = on_site(href, page)
            if target is None:
                continue
            where, fragment = target
            if where.endswith("index.html"):
                where = where.removesuffix("index.html")
            if where and not where.endswith("/"):
                where += "/"
            missing = None
            if fragment and where == page:
                if anchors is None:
                    anchors = page_ids(plan)
                if fragment not in anchors:
                    missing = fragment
            found.append(SiteLink(path, href, where, missing))
    return found


def check_internal_links(built: list[tuple[Document, list[SiteLink]]], pages: set[str], problems: Problems) -> None:
    """Each plan's links to this site (site_links) must find their page and, on the plan's own
    pages, their #anchor. `pages` holds the URL of every page the build makes ('plans/x/',
    'uncrc/article-12/'...)."""
    for document, links in built:
        for link in links:
            if link.page not in pages:
                _link_problem(
                    document,
                    problems,
                    link.path,
                    link.href,
                    "goes to a page this site does not have",
                    "check the address, e.g. /uncrc/article-12/ or #a-section-id",
                )
            elif link.missing_anchor is not None:
                _link_problem(
                    document,
                    problems,
                    link.path,
                    link.href,
                    f"goes to '#{link.missing_anchor}', which is not on the page",
                    "use the id of a section or item of this plan",
                )


def _link_problem(document: Document, problems: Problems, path: tuple, href: str, what: str, hint: str) -> None:
    line, column = document.position(path)
    line, column = document.find(href[:20], line, column)
    problems.add(document.path, line, column, f"the link '{href[:60]}' {what}", hint)


# The pages the site makes besides plans, organisations and articles, for each audience.
FIXED_PAGES = ("index.md", "uncrc/index.md", "glossary.md")
ADULT_PAGES = ("plans/index.md",)


@dataclass(frozen=True)
class PlanPages:
    """What the site makes of one plan besides its own two pages, from the plan alone: worked out
    when the plan is checked, and kept with it (catalogue.py)."""

    cited: frozenset[int]
    """The articles it cites or relates to: each article's page lists it."""
    progress_page: bool
    tables: tuple[str, ...]
    """Its CSV downloads."""


def plan_pages(slug: str, plan: m.Plan) -> PlanPages:
    return PlanPages(cited_articles(plan), has_progress_page(slug, plan), tuple(tables_of(plan)))


def site_pages(
    plans: list[tuple[str, PlanPages]],
    organisation_ids: list[str],
    old_slugs: list[str],
    content: Path | None,
) -> set[str]:
    """The URL of every page and file a build makes (and every file it copies from the content
    folder), from the same rules the pages, downloads and feeds are made by: each can be linked.
    `plans` holds each plan's slug and plan_pages."""
    paths = list(ADULT_PAGES)
    with_progress = [slug for slug, made in plans if made.progress_page]
    citing = _citing_plans([made.cited for _, made in plans])
    article_pages = {number: max(1, -(-count // PLANS_PER_PAGE)) for number, count in citing.items()}
    for audience in m.Audience:
        paths += [audience.prefix + page for page in FIXED_PAGES]
        paths += [search_path(audience), updates_path(audience)]
        paths += [plan_path(slug, audience) for slug, _ in plans]
        paths += [progress_path(slug, audience) for slug in with_progress]
        for number, pages in article_pages.items():
            paths += [article_path(number, audience, page) for page in range(1, pages + 1)]
        paths += [redirect_path(old, audience).removesuffix("index.html") + "index.md" for old in old_slugs]
        paths += [organisation_path(identifier, audience) for identifier in organisation_ids]
    paths.append(DOWNLOADS_PAGE)
    pages = {url_of(path) for path in paths}
    files = [SITE_FEED, SCHEMA_PATH, PACKAGE_PATH, *BUILT_FILES]
    files += [organisation_feed(identifier) for identifier in organisation_ids]
    # An article's feed is made once a plan cites or relates to it: an article no plan names has none.
    files += [article_feed(number) for number, count in citing.items() if count]
    for slug, made in plans:
        files += [plan_json_path(slug)] + [csv_path(slug, table) for table in made.tables]
    if content is not None and content.is_dir():
        for file in content.rglob("*"):
            relative = file.relative_to(content).as_posix()
            if file.suffix == ".md":
                pages.add(url_of(relative))
            elif file.is_file():
                files.append(relative)
    # A link to a file is looked up as a folder too (site_links ends every address with '/').
    return pages | set(files) | {file + "/" for file in files}


def cited_articles(plan: m.Plan) -> frozenset[int]:
    """The articles a plan cites or relates to anywhere."""
    return frozenset(
        n for obj, _ in walk(plan) if isinstance(obj, m.Cited) for n in (*obj.articles, *obj.related_articles)
    )


def _citing_plans(cited: list[frozenset[int]]) -> dict[int, int]:
    """How many plans cite or relate to each article (every article has a page, cited or not)."""
    counts = dict.fromkeys(range(1, m.ARTICLE_COUNT + 1), 0)
    for numbers in cited:
        for number in numbers:
            counts[number] = counts.get(number, 0) + 1
    return counts
