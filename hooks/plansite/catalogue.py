"""Everything the site publishes, loaded from data/ and checked: organisations, plans, articles, glossary."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path

from .checks import check_plan
from .errors import DataError, Problems
from .load import Document, read_document, validate
from . import model as m


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


def _read(data_dir: Path, root: Path, relative: str, schema: type, problems: Problems):
    file = data_dir / relative
    display = file.relative_to(root).as_posix() if file.is_relative_to(root) else str(file)
    if not file.exists():
        problems.add(display, 1, 1, "the file is missing", f"restore {relative} from the main branch")
        return None, None
    try:
        document = read_document(file, display, problems)
    except OSError as error:
        problems.add(display, 1, 1, f"the file cannot be read ({error.strerror})", "check the file's permissions")
        return None, None
    if document is None:
        return None, None
    return validate(document, schema, problems), document


def load_catalogue(data_dir: Path, *, preview: bool = False, today: datetime.date | None = None) -> Catalogue:
    """Load and check all data; raise DataError listing every problem in every file.

    Drafts and plans whose publication date is still to come are checked like the others but
    left out, unless this is a preview build.
    """
    data_dir = Path(data_dir).resolve()
    root = data_dir.parent
    today = today or datetime.date.today()
    problems = Problems()

    organisations, _ = _read(data_dir, root, "organisations.yml", m.Organisations, problems)
    glossary, _ = _read(data_dir, root, "glossary.yml", m.Glossary, problems)
    convention, convention_doc = _read(data_dir, root, "uncrc/articles.yml", m.Convention, problems)
    if convention is not None:
        _check_convention(convention, convention_doc, problems)

    known = {o.id for o in organisations.organisations} if organisations else set()
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
        plan, document = _read(data_dir, root, f"plans/{file.name}", m.Plan, problems)
        if plan is None:
            continue
        check_plan(plan, document, problems)
        if organisations and plan.organisation not in known:
            line, column = document.position(("organisation",))
            problems.add(document.path, line, column, f"unknown organisation '{plan.organisation}'", f"use one of: {', '.join(sorted(known))}")
        if plan.status == "draft" and not preview:
            left_out.append((slug, "draft"))
        elif plan.publish_on and plan.publish_on > today and not preview:
            left_out.append((slug, f"to be published on {plan.publish_on.isoformat()}"))
        else:
            plans.append(PlanFile(slug, plan, document, file))

    if problems:
        raise DataError(problems)
    return Catalogue(
        organisations={o.id: o for o in organisations.organisations},
        plans=sorted(plans, key=lambda p: (p.plan.organisation, p.plan.period, p.slug)),
        convention=convention,
        glossary=sorted(glossary.terms, key=lambda t: t.term.lower()),
        left_out=left_out,
    )


def _check_convention(convention: m.Convention, document: Document, problems: Problems) -> None:
    clusters = {c.id for c in convention.clusters}
    numbers = [a.number for a in convention.articles]
    for index, article in enumerate(convention.articles):
        if article.cluster not in clusters:
            line, column = document.position(("articles", index, "cluster"))
            problems.add(document.path, line, column, f"unknown cluster '{article.cluster}'", f"use one of: {', '.join(sorted(clusters))}")
    missing = sorted(set(range(1, 55)) - set(numbers))
    if missing or len(numbers) != len(set(numbers)):
        problems.add(document.path, 1, 1, f"articles must be 1 to 54, each once (missing: {missing or 'none'})", "add or remove articles")
