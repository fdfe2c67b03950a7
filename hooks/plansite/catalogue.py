"""Everything the site publishes, loaded from data/ and checked: organisations, plans, articles, glossary."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import model as m
from .check.plan import check_plan, check_valid_sections
from .check.reading import TextPage, check_young_people_texts, young_people_texts
from .check.site import check_convention, check_organisation, check_organisation_texts
from .errors import DataError, Problems
from .read import Document, read_document, validate


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

    @property
    def articles(self) -> dict[int, m.Article]:
        return {article.number: article for article in self.convention.articles}

    def plan(self, slug: str) -> PlanFile:
        return next(p for p in self.plans if p.slug == slug)


def _display(file: Path, root: Path) -> str:
    """A file's path as problems name it: relative to the repository when it is inside it."""
    return file.relative_to(root).as_posix() if file.is_relative_to(root) else str(file)


def read_file(file: Path, display: str, schema: type, problems: Problems):
    """One data file read and validated against a schema: (model, document), or Nones with problems added."""
    if not file.exists():
        problems.add(display, 1, 1, "the file is missing", f"restore {display} from the main branch")
        return None, None
    try:
        document = read_document(file, display, problems)
    except OSError as error:
        problems.add(display, 1, 1, f"the file cannot be read ({error.strerror})", "check the file's permissions")
        return None, None
    if document is None:
        return None, None
    return validate(document, schema, problems), document


def load_plan(file: Path, problems: Problems, display: str | None = None) -> tuple[m.Plan | None, Document | None]:
    """One plan file read, validated and checked on its own: the plan is None if it could not be validated."""
    plan, document = read_file(file, display or str(file), m.Plan, problems)
    if plan is not None:
        check_plan(plan, document, problems)
    elif document is not None:
        check_valid_sections(document, problems)
    return plan, document


def load_catalogue(data_dir: Path, *, preview: bool = False, today: datetime.date | None = None) -> Catalogue:
    """Load and check all data; raise DataError listing every problem in every file.

    Drafts and plans whose publication date is still to come are checked like the others but
    left out, unless this is a preview build.
    """
    data_dir = Path(data_dir).resolve()
    root = data_dir.parent
    today = today or datetime.date.today()
    problems = Problems()

    def read(relative: str, schema: type):
        file = data_dir / relative
        return read_file(file, _display(file, root), schema, problems)

    organisations, organisations_doc = read("organisations.yml", m.Organisations)
    glossary, glossary_doc = read("glossary.yml", m.Glossary)
    convention, convention_doc = read("uncrc/articles.yml", m.Convention)
    if convention is not None:
        check_convention(convention, convention_doc, problems)

    known = {o.id for o in organisations.organisations} if organisations else set()
    published: set[str] = set()
    reading_pages: list[TextPage] = []
    plans: list[PlanFile] = []
    left_out: list[tuple[str, str]] = []
    for file in sorted((data_dir / "plans").glob("*.y*ml")):
        slug = file.stem
        if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug):
            problems.add(
                f"data/plans/{file.name}", 1, 1,
                f"the file name '{file.name}' cannot be used in a web address",
                "rename it with lower-case letters, digits and hyphens only, e.g. occ-business-plan-2025-26.yml",
            )
            continue
        plan, document = load_plan(file, problems, _display(file, root))
        if plan is None:
            continue
        if organisations:
            check_organisation(plan, document, known, problems)
        if plan.status == "published":
            published.add(plan.organisation)
            reading_pages.append(TextPage(f"the plan {slug}", document, ("young_people",), young_people_texts(plan)))
        if plan.status == "draft" and not preview:
            left_out.append((slug, "draft"))
        elif plan.publish_on and plan.publish_on > today and not preview:
            left_out.append((slug, f"to be published on {plan.publish_on.isoformat()}"))
        else:
            plans.append(PlanFile(slug, plan, document, file))

    if organisations:
        check_organisation_texts(organisations, organisations_doc, published, problems)
    if convention is not None:
        for index, article in enumerate(convention.articles):
            path = ("articles", index, "young_people")
            reading_pages.append(TextPage(f"Article {article.number}", convention_doc, path, [(article.young_people.summary, path + ("summary",))]))
    if glossary is not None:
        reading_pages.append(TextPage("the glossary", glossary_doc, ("terms",), young_people_texts(glossary)))
    check_young_people_texts(reading_pages, problems)
    if problems:
        raise DataError(problems)
    return Catalogue(
        organisations={o.id: o for o in organisations.organisations},
        plans=sorted(plans, key=lambda p: (p.plan.organisation, p.plan.period, p.slug)),
        convention=convention,
        glossary=sorted(glossary.terms, key=lambda t: t.term.lower()),
        left_out=left_out,
    )
