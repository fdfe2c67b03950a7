"""Everything the site publishes, loaded from data/ and checked: organisations, plans, articles, glossary.

Each data file is read once, checked on its own (`load_plan_file`, `load_fixed_file`), then all
of them are checked together. The per-file work is handed to `tasks` (tasks.py: serial, or
shared among forks) and its result looked up in, or kept for the next build in, `cache`
(cache.py) at one point, `_cached`; with the plain twins (SerialTasks, NoCache) the catalogue is
the same.
"""

from __future__ import annotations

import datetime
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import model as m
from .cache import Cache, NoCache
from .check.across_files import (
    RESERVED_SLUGS,
    PlanPages,
    SiteLink,
    check_convention,
    check_file_words,
    check_internal_links,
    check_organisation,
    check_organisation_texts,
    check_plan_words,
    check_site,
    plan_pages,
    site_links,
    site_pages,
)
from .check.hard_words import young_people_words
from .check.plan import check_plan, check_valid_sections
from .check.progress import check_dates, dates_of
from .check.reading import TextPage, check_young_people_texts, young_people_texts
from .errors import DataError, Problems
from .read import Document, parse_document, read_bytes, validate
from .read.files import display_of, list_data, refused
from .tasks import SerialTasks


@dataclass(frozen=True)
class PlanFile:
    """A plan with the slug its file name gives it and the file it came from."""

    slug: str
    plan: m.Plan
    document: Document
    file: Path

    @property
    def is_public(self) -> bool:
        return self.plan.status == "published"


@dataclass
class Catalogue:
    organisations: dict[str, m.Organisation]
    plans: list[PlanFile]
    convention: m.Convention
    glossary: list[m.GlossaryTerm]
    left_out: list[tuple[str, str]] = field(default_factory=list)
    warnings: Problems = field(default_factory=Problems)  # what drafts must fix before they are published
    _by_slug: dict[str, PlanFile] = field(default_factory=dict, repr=False, compare=False)

    @property
    def articles(self) -> dict[int, m.Article]:
        return {article.number: article for article in self.convention.articles}

    def plan(self, slug: str) -> PlanFile:
        if len(self._by_slug) != len(self.plans):
            self._by_slug = {p.slug: p for p in self.plans}
        return self._by_slug[slug]


# --- One file on its own ---------------------------------------------------------------------


GlossaryWords = tuple[frozenset[str], frozenset[str]]
"""The words the young-people glossary explains, and those it explains for adults only."""


@dataclass
class LoadedFile:
    """One data file read and checked on its own: its model (None if it could not be validated),
    its document, the problems found in it, and what the checks across files need of it (its
    young-people texts, measured; a plan's links to this site's pages)."""

    model: object
    document: Document | None
    problems: Problems
    reading: list[TextPage] = field(default_factory=list)
    links: list[SiteLink] = field(default_factory=list)
    dated: list[tuple[datetime.date, tuple]] = field(default_factory=list)
    """The dates a plan says things happened on, checked against the day of each build (dates_of)."""
    pages: PlanPages | None = None
    """What the site makes of a plan besides its own pages (plan_pages): what its links may point to."""
    key: str = ""
    """The key of its entry in the cache: what this build used."""


def _read_and_validate(raw: bytes, display: str, schema: type, problems: Problems):
    """A file's bytes as (model, document): Nones, with problems added, if they cannot be validated."""
    document = parse_document(raw, display, problems)
    if document is None:
        return None, None
    return validate(document, schema, problems), document


def _checked_plan(raw: bytes, display: str, slug: str, words: GlossaryWords | None) -> LoadedFile:
    """A plan file's bytes read, validated and checked on its own, and its young-people texts against
    the glossary's words (`words`, if the glossary could be read)."""
    problems = Problems()
    plan, document = _read_and_validate(raw, display, m.Plan, problems)
    if plan is None:
        if document is not None:
            check_valid_sections(document, problems)
        return LoadedFile(None, None, problems)
    check_plan(plan, document, problems)
    if words is not None:
        check_plan_words(plan, document, words, problems)
    document.let_go_of_nodes()
    loaded = LoadedFile(
        plan, document, problems, links=site_links(slug, plan), dated=dates_of(plan), pages=plan_pages(slug, plan)
    )
    draft = plan.status != "published"  # measured too, for its warnings
    loaded.reading.append(
        TextPage(f"the plan {slug}", document, ("young_people",), young_people_texts(plan), draft=draft)
    )
    return loaded


def _checked_fixed(raw: bytes, display: str, schema: type, words: GlossaryWords | None) -> LoadedFile:
    """organisations.yml, glossary.yml or uncrc/articles.yml read, validated and checked on its own, and
    its young-people texts against the glossary's words (`words`; the glossary's own, for the glossary)."""
    problems = Problems()
    model, document = _read_and_validate(raw, display, schema, problems)
    loaded = LoadedFile(model, document, problems)
    if isinstance(model, m.Convention):
        check_convention(model, document, problems)
        for index, article in enumerate(model.articles):
            path = ("articles", index, "young_people")
            texts = [(article.young_people.summary, path + ("summary",))]
            loaded.reading.append(TextPage(f"Article {article.number}", document, path, texts, page_limit=False))
    elif isinstance(model, m.Glossary):
        words = young_people_words(model)
        loaded.reading.append(
            TextPage("the glossary", document, ("terms",), young_people_texts(model), page_limit=False)
        )
    if model is not None and words is not None:
        check_file_words(model, document, words, problems)
    if document is not None:
        document.let_go_of_nodes()
    return loaded


def _cached(
    cache: Cache | NoCache, display: str, raw: bytes, check: Callable[[], LoadedFile], *checked_with: str
) -> LoadedFile:
    """The one place the cache is consulted: a file's result as an earlier build kept it, for the
    same name and bytes (and code: cache.py) and checked against the same other files (`checked_with`:
    their keys), or checked now and kept if it has no problem (its warnings are kept with it, and
    reported again by every build that takes it)."""
    key = cache.key(display, hashlib.sha256(raw).hexdigest(), *checked_with)
    loaded = cache.get(key)
    if not isinstance(loaded, LoadedFile):
        loaded = check()
        for page in loaded.reading:
            _ = page.grade  # measured here, where the file is checked (in a fork, when shared), and kept with it
        if loaded.model is not None and not loaded.problems:
            cache.put(key, loaded)
    loaded.key = key
    return loaded


def _raw(file: Path, data_dir: Path | None, display: str, problems: Problems) -> bytes | None:
    """A data file's bytes, read once; None with a problem for a file that cannot be read. With
    data_dir, a file that is not an ordinary file inside it is refused before it is opened."""
    if not file.exists() and not file.is_symlink():
        problems.add(display, 1, 1, "the file is missing", f"restore {display} from the main branch")
        return None
    if data_dir is not None and refused(file, data_dir, display, problems):
        return None
    try:
        return read_bytes(file, display, problems)
    except OSError as error:
        problems.add(display, 1, 1, f"the file cannot be read ({error.strerror})", "check the file's permissions")
        return None


def load_plan_file(file: Path, data_dir: Path, cache: Cache | NoCache, glossary: LoadedFile) -> LoadedFile:
    """One plan file read and checked on its own and against the glossary, or taken from the cache."""
    display = display_of(file, data_dir)
    problems = Problems()
    raw = _raw(file, data_dir, display, problems)
    if raw is None:
        return LoadedFile(None, None, problems)
    words = _glossary_words(glossary)
    return _cached(cache, display, raw, lambda: _checked_plan(raw, display, file.stem, words), glossary.key)


def load_fixed_file(
    relative: str, schema: type, data_dir: Path, cache: Cache | NoCache, glossary: LoadedFile | None = None
) -> LoadedFile:
    """organisations.yml, glossary.yml or uncrc/articles.yml read and checked on its own, and against the
    glossary (`glossary`, loaded before; None for the glossary itself), or taken from the cache."""
    file = data_dir / relative
    display = display_of(file, data_dir)
    problems = Problems()
    raw = _raw(file, data_dir, display, problems)
    if raw is None:
        return LoadedFile(None, None, problems)
    words = _glossary_words(glossary) if glossary else None
    checked_with = (glossary.key,) if glossary else ()
    return _cached(cache, display, raw, lambda: _checked_fixed(raw, display, schema, words), *checked_with)


def _glossary_words(glossary: LoadedFile) -> GlossaryWords | None:
    """The words the loaded glossary explains (young_people_words), or None if it could not be read."""
    return young_people_words(glossary.model) if glossary.model is not None else None


def read_file(file: Path, display: str, schema: type, problems: Problems, data_dir: Path | None = None):
    """One data file read and validated against a schema: (model, document), or Nones with problems added.

    With data_dir, a file that is not an ordinary file inside it is refused before it is opened.
    """
    raw = _raw(file, data_dir, display, problems)
    return (None, None) if raw is None else _read_and_validate(raw, display, schema, problems)


def load_plan(
    file: Path, problems: Problems, display: str | None = None, data_dir: Path | None = None
) -> tuple[m.Plan | None, Document | None]:
    """One plan file read, validated and checked on its own: the plan is None if it could not be validated."""
    display = display or str(file)
    plan, document = read_file(file, display, m.Plan, problems, data_dir)
    if plan is not None:
        check_plan(plan, document, problems)
        document.let_go_of_nodes()
    elif document is not None:
        check_valid_sections(document, problems)
    return plan, document


# --- Every file together ---------------------------------------------------------------------


def _usable_name(file: Path, problems: Problems) -> bool:
    """True if a plan file's name can be its page's address, else False with a problem."""
    slug = file.stem
    if slug in RESERVED_SLUGS:
        problems.add(
            f"data/plans/{file.name}",
            1,
            1,
            f"the file name '{file.name}' is taken by the site's own page at plans/{slug}/",
            "rename the file, e.g. with the organisation and period: occ-business-plan-2025-26.yml",
        )
        return False
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug):
        problems.add(
            f"data/plans/{file.name}",
            1,
            1,
            f"the file name '{file.name}' cannot be used in a web address",
            "rename it with lower-case letters, digits and hyphens only, e.g. occ-business-plan-2025-26.yml",
        )
        return False
    return True


def load_catalogue(
    data_dir: Path,
    *,
    preview: bool = False,
    today: datetime.date | None = None,
    tasks=None,
    cache: Cache | NoCache | None = None,
) -> Catalogue:
    """Load and check all data; raise DataError listing every problem in every file.

    Drafts and plans whose publication date is still to come are checked like the others but
    left out, unless this is a preview build. The plan files are checked by `tasks` (default:
    one after the other, here) and their results kept in `cache` (default: none).
    """
    data_dir = Path(data_dir).resolve()
    root = data_dir.parent
    today = today or datetime.date.today()
    tasks = tasks or SerialTasks()
    cache = cache or NoCache()
    problems = Problems()

    glossary_file = load_fixed_file("glossary.yml", m.Glossary, data_dir, cache)
    organisations_file = load_fixed_file("organisations.yml", m.Organisations, data_dir, cache, glossary_file)
    convention_file = load_fixed_file("uncrc/articles.yml", m.Convention, data_dir, cache, glossary_file)
    fixed = [organisations_file, glossary_file, convention_file]
    organisations, organisations_doc = organisations_file.model, organisations_file.document
    glossary, glossary_doc = glossary_file.model, glossary_file.document
    convention, convention_doc = convention_file.model, convention_file.document
    for loaded in fixed:
        problems.extend(loaded.problems)

    files = [file for file in list_data(data_dir, problems).plans if _usable_name(file, problems)]
    m.Plan.model_rebuild()  # the plan's validator, made once here, before any fork is taken (model/fields.py)
    loaded_plans = tasks.map(load_plan_file, files, data_dir, cache, glossary_file)
    for loaded in loaded_plans:  # checked in a fork, kept on disk there: held in this process too
        if loaded.model is not None and not loaded.problems:
            cache.remember(loaded.key, loaded)
    cache.keep_only({loaded.key for loaded in fixed + loaded_plans if loaded.key})

    known = {o.id for o in organisations.organisations} if organisations else set()
    published: set[str] = set()
    reading_pages: list[TextPage] = []
    plans: list[PlanFile] = []
    left_out: list[tuple[str, str]] = []
    every_plan: list[tuple[str, m.Plan, Document]] = []
    links: dict[str, list[SiteLink]] = {}
    made: dict[str, PlanPages] = {}
    for file, loaded in zip(files, loaded_plans):
        problems.extend(loaded.problems)
        if loaded.model is None:
            continue
        slug, plan, document = file.stem, loaded.model, loaded.document
        every_plan.append((slug, plan, document))
        links[slug] = loaded.links
        made[slug] = loaded.pages
        if organisations:
            check_organisation(plan, document, known, problems)
        check_dates(loaded.dated, document, today, problems)
        if plan.status == "published":
            published.add(plan.organisation)
        reading_pages += loaded.reading
        if plan.status == "draft" and not preview:
            left_out.append((slug, "draft"))
        elif plan.publish_on and plan.publish_on > today and not preview:
            left_out.append((slug, f"to be published on {plan.publish_on.isoformat()}"))
        else:
            plans.append(PlanFile(slug, plan, document, file))

    if organisations:
        drafted = {plan.organisation for _, plan, _ in every_plan}
        check_organisation_texts(organisations, organisations_doc, published, drafted, problems)
    check_young_people_texts(reading_pages + convention_file.reading + glossary_file.reading, problems)
    check_site(
        organisations, organisations_doc, glossary, glossary_doc, convention, convention_doc, every_plan, problems
    )
    if not problems:
        pages = site_pages(
            [(p.slug, made[p.slug]) for p in plans],
            [o.id for o in organisations.organisations],
            [old for p in plans for old in p.plan.previous_slugs],
            root / "content",
        )
        check_internal_links([(p.document, links[p.slug]) for p in plans], pages, problems)
    if problems:
        raise DataError(problems)
    for plan_file in plans:
        plan_file.document.let_go_of_nodes()  # the cross-file checks may have composed it again
    return Catalogue(
        organisations={o.id: o for o in organisations.organisations},
        plans=sorted(plans, key=lambda p: (p.plan.organisation, p.plan.period, p.slug)),
        convention=convention,
        glossary=sorted(glossary.terms, key=lambda t: t.term.lower()),
        left_out=left_out,
        warnings=problems,
    )
