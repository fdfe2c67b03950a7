"""Everything the site publishes, loaded from data/ and checked: organisations, plans, articles, glossary."""

from __future__ import annotations

import datetime
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import model as m
from .check.plan import check_plan, check_valid_sections
from .check.progress import check_dates
from .check.reading import TextPage, check_young_people_texts, young_people_texts
from .check.site import (
    RESERVED_SLUGS,
    SiteLink,
    check_convention,
    check_internal_links,
    check_organisation,
    check_organisation_texts,
    check_site,
    site_links,
    site_pages,
)
from .errors import DataError, Problems
from .forks import batches, map_in_forks
from .read import Document, read_document, validate
from .read.document import MAX_BYTES
from .read.files import list_data, read_limited, refused
from .saved import SavedFiles


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
    _by_slug: dict[str, PlanFile] = field(default_factory=dict, repr=False, compare=False)

    @property
    def articles(self) -> dict[int, m.Article]:
        return {article.number: article for article in self.convention.articles}

    def plan(self, slug: str) -> PlanFile:
        if len(self._by_slug) != len(self.plans):
            self._by_slug = {p.slug: p for p in self.plans}
        return self._by_slug[slug]


def _display(file: Path, root: Path) -> str:
    """A file's path as problems name it: relative to the repository when it is inside it."""
    return file.relative_to(root).as_posix() if file.is_relative_to(root) else str(file)


# Files read without a problem, by name, schema and exact content: `mkdocs serve` reads only the
# files that changed. A fresh process (every `mkdocs build`) starts empty.
_READ: dict[tuple[str, str, str], tuple] = {}


def _remember(key: tuple[str, str, str], found) -> None:
    """Keep what was found of one version of a file (key: what, which file, its digest), and
    forget its other versions: a long `mkdocs serve` holds one of each file."""
    for older in [k for k in _READ if k[:2] == key[:2] and k != key]:
        del _READ[older]
    _READ[key] = found


def read_file(file: Path, display: str, schema: type, problems: Problems, data_dir: Path | None = None):
    """One data file read and validated against a schema: (model, document), or Nones with problems added.

    With data_dir, a file that is not an ordinary file inside it is refused before it is opened.
    """
    if not file.exists() and not file.is_symlink():
        problems.add(display, 1, 1, "the file is missing", f"restore {display} from the main branch")
        return None, None
    if data_dir is not None and refused(file, data_dir, display, problems):
        return None, None
    key = (display, schema.__name__, _digest(file))
    if key in _READ:
        return _READ[key]
    before = len(problems)
    found = _read_file(file, display, schema, problems)
    if key[2] and len(problems) == before and found[0] is not None:
        _remember(key, found)
    return found


def _read_file(file: Path, display: str, schema: type, problems: Problems):
    try:
        document = read_document(file, display, problems)
    except OSError as error:
        problems.add(display, 1, 1, f"the file cannot be read ({error.strerror})", "check the file's permissions")
        return None, None
    if document is None:
        return None, None
    return validate(document, schema, problems), document


def load_plan(
    file: Path, problems: Problems, display: str | None = None, data_dir: Path | None = None
) -> tuple[m.Plan | None, Document | None]:
    """One plan file read, validated and checked on its own: the plan is None if it could not be validated."""
    display = display or str(file)
    before = len(problems)
    plan, document = read_file(file, display, m.Plan, problems, data_dir)
    key = ("checked", display, _digest(file)) if plan is not None else None
    if key in _READ:
        return _READ[key]
    if plan is not None:
        check_plan(plan, document, problems)
        document.let_go_of_nodes()
        if len(problems) == before and key[2]:
            _remember(key, (plan, document))
    elif document is not None:
        check_valid_sections(document, problems)
    return plan, document


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


# Below this many plans, starting other processes costs more than it saves.
PLANS_WORTH_SHARING = 40


@dataclass
class _LoadedPlan:
    """One plan file loaded and checked on its own, with what the checks across files need of it."""

    plan: m.Plan | None
    document: Document | None
    problems: Problems
    reading: TextPage | None = None  # its young-people texts, measured, if it is published
    links: list[SiteLink] = field(default_factory=list)  # its links to this site's pages


def _load_plans(files: list[Path], loading: tuple, processes: int) -> list[_LoadedPlan]:
    """Each plan file loaded on its own (load_plan), in order; shared among forks if there are many.

    With saved results (loading: see _LOADING), a file checked without a problem by an earlier
    build, and unchanged since, is taken as that build saved it (saved.py); the others are checked
    and saved for the next.
    """
    root, data_dir, saved, keys = loading
    if saved:
        keys.update({file: _saved_key(saved, file, root, data_dir) for file in files})
    found = {file: saved.get(keys[file]) for file in files if keys.get(file)}
    found = {file: loaded for file, loaded in found.items() if isinstance(loaded, _LoadedPlan)}
    checked = iter(_check_plans([file for file in files if file not in found], loading, processes))
    return [found[file] if file in found else next(checked) for file in files]


def _saved_key(saved: SavedFiles, file: Path, root: Path, data_dir: Path) -> str | None:
    """The key of a data file's saved result, from its content; None for a file read_file would refuse."""
    digest = _digest_if_read(file, data_dir)
    return saved.key(_display(file, root), digest) if digest else None


def _digest_if_read(file: Path, data_dir: Path) -> str:
    """The file's digest, or "" for a file read_file would refuse (a pipe is never opened)."""
    return "" if refused(file, data_dir, "", Problems()) else _digest(file)


@dataclass
class _LoadedFile:
    """One of the data files besides the plans, read and checked on its own: its model (None if
    it could not be read), its document, and its young-people texts, measured."""

    model: object
    document: Document | None
    reading: list[TextPage] = field(default_factory=list)


def _load_file(relative: str, schema: type, problems: Problems, loading: tuple) -> _LoadedFile:
    """organisations.yml, glossary.yml or uncrc/articles.yml read and checked on its own, or as saved."""
    root, data_dir, saved, keys = loading
    file = data_dir / relative
    if saved:
        keys[file] = _saved_key(saved, file, root, data_dir)
    found = saved.get(keys[file]) if keys.get(file) else None
    if isinstance(found, _LoadedFile):
        return found
    before = len(problems)
    model, document = read_file(file, _display(file, root), schema, problems, data_dir)
    loaded = _LoadedFile(model, document)
    if isinstance(model, m.Convention):
        check_convention(model, document, problems)
        for index, article in enumerate(model.articles):
            path = ("articles", index, "young_people")
            texts = [(article.young_people.summary, path + ("summary",))]
            loaded.reading.append(TextPage(f"Article {article.number}", document, path, texts, page_limit=False))
    elif isinstance(model, m.Glossary):
        loaded.reading.append(
            TextPage("the glossary", document, ("terms",), young_people_texts(model), page_limit=False)
        )
    for page in loaded.reading:
        _ = page.grade  # measured once, and saved with the file
    if saved and keys[file] and model is not None and len(problems) == before:
        document.let_go_of_nodes()
        saved.put(keys[file], loaded)
    return loaded


# What _load_batch needs besides its files: the folders, where to save what it checks, and the key
# of each file's saved result.
_LOADING: tuple[Path, Path, SavedFiles | None, dict[Path, str | None]] | None = None


def _check_plans(files: list[Path], loading: tuple, processes: int) -> list[_LoadedPlan]:
    global _LOADING
    _LOADING = loading
    try:
        if not files:
            return []
        if processes < 2 or len(files) < PLANS_WORTH_SHARING:
            return _load_batch(files)
        m.Plan.model_rebuild()  # the model's validator, made once here for every fork (model.fields.Model)
        return [loaded for batch in map_in_forks(_load_batch, batches(files, 20), processes) for loaded in batch]
    finally:
        _LOADING = None


def _load_batch(files: list[Path]) -> list[_LoadedPlan]:
    """Some plan files loaded (in a fork, when shared): what comes back is pickled, models and all,
    which costs a fifteenth of reading and checking them again. A file checked without a problem
    is saved for the next build here, by the fork."""
    root, data_dir, saved, keys = _LOADING
    loaded = []
    for file in files:
        slug, problems, display = file.stem, Problems(), _display(file, root)
        key = ("loaded", display, _digest_if_read(file, data_dir))
        if key in _READ:  # `mkdocs serve`: unchanged since an earlier rebuild, measured and all
            loaded.append(_READ[key])
        else:
            plan, document = load_plan(file, problems, display, data_dir)
            if plan is None:
                loaded.append(_LoadedPlan(None, None, problems))
                continue
            reading = None
            if plan.status == "published":
                reading = TextPage(f"the plan {slug}", document, ("young_people",), young_people_texts(plan))
                _ = reading.grade  # measured here, in the fork when shared
            loaded.append(_LoadedPlan(plan, document, problems, reading, site_links(slug, plan)))
            if key[2] and not problems:
                _remember(key, loaded[-1])
        if saved and keys.get(file) and not problems:
            saved.put(keys[file], loaded[-1])
    return loaded


def _digest(file: Path) -> str:
    """The file's content as a key; "" (never remembered) for a file too big to be read."""
    try:
        content = read_limited(file, MAX_BYTES)
    except OSError:
        return ""
    return hashlib.sha256(content).hexdigest() if len(content) <= MAX_BYTES else ""


def load_catalogue(
    data_dir: Path, *, preview: bool = False, today: datetime.date | None = None, processes: int = 1, save: bool = False
) -> Catalogue:
    """Load and check all data; raise DataError listing every problem in every file.

    Drafts and plans whose publication date is still to come are checked like the others but
    left out, unless this is a preview build. With processes > 1 the plan files are read and
    checked on their own by that many forks of this process (for `mkdocs build` only: forks.py).
    With save, data files checked by an earlier build and unchanged since are not checked again
    (saved.py).
    """
    data_dir = Path(data_dir).resolve()
    root = data_dir.parent
    today = today or datetime.date.today()
    problems = Problems()
    saved = SavedFiles(root) if save else None
    keys: dict[Path, str | None] = {}  # each file's saved result, which this build uses or saves
    loading = (root, data_dir, saved, keys)

    organisations_file = _load_file("organisations.yml", m.Organisations, problems, loading)
    glossary_file = _load_file("glossary.yml", m.Glossary, problems, loading)
    convention_file = _load_file("uncrc/articles.yml", m.Convention, problems, loading)
    organisations, organisations_doc = organisations_file.model, organisations_file.document
    glossary, glossary_doc = glossary_file.model, glossary_file.document
    convention, convention_doc = convention_file.model, convention_file.document

    known = {o.id for o in organisations.organisations} if organisations else set()
    published: set[str] = set()
    reading_pages: list[TextPage] = []
    plans: list[PlanFile] = []
    left_out: list[tuple[str, str]] = []
    every_plan: list[tuple[str, m.Plan, Document]] = []
    links: dict[str, list[SiteLink]] = {}
    files = [file for file in list_data(data_dir, problems).plans if _usable_name(file, problems)]
    loaded_plans = _load_plans(files, loading, processes)
    if saved:
        saved.forget_others(keep=set(keys.values()))
    for file, loaded in zip(files, loaded_plans):
        problems.extend(loaded.problems)
        if loaded.plan is None:
            continue
        slug, plan, document = file.stem, loaded.plan, loaded.document
        every_plan.append((slug, plan, document))
        links[slug] = loaded.links
        if organisations:
            check_organisation(plan, document, known, problems)
        check_dates(plan, document, today, problems)
        if loaded.reading is not None:
            published.add(plan.organisation)
            reading_pages.append(loaded.reading)
        if plan.status == "draft" and not preview:
            left_out.append((slug, "draft"))
        elif plan.publish_on and plan.publish_on > today and not preview:
            left_out.append((slug, f"to be published on {plan.publish_on.isoformat()}"))
        else:
            plans.append(PlanFile(slug, plan, document, file))

    if organisations:
        check_organisation_texts(organisations, organisations_doc, published, problems)
    check_young_people_texts(reading_pages + convention_file.reading + glossary_file.reading, problems)
    check_site(
        organisations, organisations_doc, glossary, glossary_doc, convention, convention_doc, every_plan, problems
    )
    if not problems:
        pages = site_pages(
            [(p.slug, p.plan) for p in plans],
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
    )
