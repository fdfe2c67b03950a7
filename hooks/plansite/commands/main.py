"""Command line: `./run check` validates data/ on its own and prints every problem; the other commands."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .. import model as m
from ..catalogue import load_catalogue
from ..check import reading
from ..errors import DataError, Problems
from ..model import values
from ..read.files import SOURCE_SUFFIX, SOURCES
from . import admin_config as form_editor
from . import compare as comparison
from . import import_plan as importer
from . import new_organisation as organisation_entry
from . import new_plan as scaffold
from . import review
from .progress import add_update
from .yaml_edit import EditRefused

DATA = Path(__file__).resolve().parents[3] / "data"


def check(args: argparse.Namespace) -> int:
    try:
        catalogue = load_catalogue(Path(args.data), preview=args.preview)
    except DataError as error:
        write_report(args.report, error.problems)
        print(error.problems.report(), file=sys.stderr)
        if error.problems.warnings:
            print("\n" + error.problems.warnings_report(), file=sys.stderr)
        return 1
    write_report(args.report, Problems())
    print(
        f"The data is valid: {len(catalogue.plans)} plans to publish, {len(catalogue.convention.articles)} articles, "
        f"{len(catalogue.glossary)} glossary terms."
    )
    for slug, reason in catalogue.left_out:
        print(f"  left out: {slug} ({reason})")
    if catalogue.warnings.warnings:
        print(catalogue.warnings.warnings_report())
    return 0


def write_report(report: list[str] | None, problems: Problems) -> None:
    """Every problem (or none) written as --report FORMAT FILE asks, for the pull-request comment."""
    if report:
        file = Path(report[1])
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(json.dumps(problems.as_data(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def mark_reviewed(args: argparse.Namespace) -> int:
    try:
        for name in args.files:
            changed = review.mark_reviewed(Path(name))
            print(f"{name}: {changed} young-people texts marked as checked against the adult text")
    except DataError as error:
        print(error.problems.report(), file=sys.stderr)
        return 1
    except EditRefused as error:
        print(f"{name}: {error}", file=sys.stderr)
        return 1
    return 0


def progress(args: argparse.Namespace) -> int:
    try:
        date = values.day_or_month(args.date) if args.date else None
    except ValueError as error:
        print(f"progress: {error}", file=sys.stderr)
        return 1
    try:
        item = add_update(
            Path(args.file), args.ref, m.Status(args.status), args.text, args.young_people, date, args.source
        )
    except DataError as error:
        print(error.problems.report(), file=sys.stderr)
        return 1
    except EditRefused as error:
        print(f"{args.file}: {error}", file=sys.stderr)
        return 1
    print(f"{args.file}: progress update added to '{item.names[0]}'")
    return 0


def reading_level(args: argparse.Namespace) -> int:
    table, ok = reading.report(reading.measure_site(Path(args.site)))
    print(table)
    if not ok:
        print(
            "Some young-people pages are too hard to read: use shorter sentences and everyday words.", file=sys.stderr
        )
    return 0 if ok else 1


def new_plan(args: argparse.Namespace) -> int:
    try:
        path = scaffold.new_plan(Path(args.data), args.organisation, args.title, args.period, args.kind)
    except ValueError as error:
        print(f"new-plan: {error}", file=sys.stderr)
        return 1
    left = _placeholders_in(path)
    print(
        f"Wrote {_shown(path)}: a draft, with {len(left)} texts to write in place of [[placeholders]] (lines "
        f"{', '.join(str(line) for line, _ in left)}; ./run check lists them). Fill them in, rename the file to the "
        "slug you chose if you like (see 'Choose the slug' in the editors' guide), then set 'status: published'."
    )
    return 0


def _shown(path: Path) -> str:
    """A file's path as the editor would type it: from the folder the command runs in, when it is inside it."""
    try:
        return Path(path).resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)


def _placeholders_in(path: Path, after: int = 0) -> list[tuple[int, str]]:
    """The [[placeholders]] of a file from a line on, with their line numbers."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return [
        (n, text) for n, text in enumerate(lines, start=1) if n > after and "[[" in text and not text.startswith("#")
    ]


def new_organisation(args: argparse.Namespace) -> int:
    optional = {name: getattr(args, name) for name in ("short_name", "area", "website", "about", "young_people")}
    try:
        optional["licence"] = organisation_entry.licence_named(args.licence, args.licence_url)
        file = Path(args.data) / "organisations.yml"
        before = len(file.read_text(encoding="utf-8").splitlines()) if file.is_file() else 0
        path = organisation_entry.new_organisation(Path(args.data), args.id, args.name, args.kind, **optional)
    except ValueError as error:
        print(f"new-organisation: {error}", file=sys.stderr)
        return 1
    left = _placeholders_in(path, after=before)
    to_write = (
        f" {len(left)} texts are left as [[placeholders]] for you to write (lines "
        f"{', '.join(str(line) for line, _ in left)}) before a plan of it is published."
        if left
        else ""
    )
    print(
        f"Added '{args.id}' to {_shown(path)} (line {before + 1}).{to_write} Then start its plan with: "
        f'./run new-plan --organisation {args.id} --title "..." --period ...'
    )
    return 0


def compare(args: argparse.Namespace) -> int:
    plan = Path(args.plan)
    source = Path(args.source) if args.source else Path(args.data) / SOURCES / f"{plan.stem}{SOURCE_SUFFIX}"
    try:
        report, agree = comparison.run(plan, source)
    except DataError as error:
        print(error.problems.report().replace(" nothing was published.", " nothing was compared."), file=sys.stderr)
        return 1
    print(report)
    return 0 if agree else 1


def import_document(args: argparse.Namespace) -> int:
    try:
        print(importer.import_plan(Path(args.file), Path(args.data), args.organisation, args.slug))
    except (importer.ImportRefused, importer.DraftRefused) as error:
        print(f"import: {error}", file=sys.stderr)
        return 1
    return 0


def admin_config(args: argparse.Namespace) -> int:
    try:
        target, changed = form_editor.write(Path(args.project))
    except DataError as error:
        print(error.problems.report(), file=sys.stderr)
        return 1
    print(f"{target}: {'written' if changed else 'already up to date'}")
    return 0


def main(argv: list[str] | None = None) -> int:
    # Editors run every command through ./run (which runs this module), so help names it so.
    parser = argparse.ArgumentParser(prog="./run", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    checker = commands.add_parser("check", help="validate the data and print every problem")
    checker.add_argument("--data", default=DATA, help="the data folder (default: the repository's data/)")
    checker.add_argument("--preview", action="store_true", help="include drafts and scheduled plans")
    checker.add_argument(
        "--report",
        nargs=2,
        metavar=("FORMAT", "FILE"),
        type=str,
        help="also write every problem into FILE; FORMAT: json (what the pull-request comment is made from)",
    )
    checker.set_defaults(run=check)
    reviewer = commands.add_parser(
        "mark-reviewed", help="after reading them, mark a plan's young-people texts as matching its adult texts"
    )
    reviewer.add_argument("files", nargs="+", help="plan files, e.g. data/plans/my-plan.yml")
    reviewer.set_defaults(run=mark_reviewed)
    updater = commands.add_parser("progress", help="add a dated progress update to an action, project or aim of a plan")
    updater.add_argument("file", help="the plan file, e.g. data/plans/my-plan.yml")
    updater.add_argument("ref", help="the item: its #anchor on the plan page (e.g. early-help-1) or its ref (e.g. 1.2)")
    updater.add_argument(
        "--status", required=True, choices=[s.value for s in m.Status], help="the status from that day"
    )
    updater.add_argument("--text", required=True, help="what happened, in one or two sentences")
    updater.add_argument("--young-people", help="the same for young people, in short sentences and everyday words")
    updater.add_argument(
        "--date",
        help="the date of the update, YYYY-MM-DD, or YYYY-MM when the report gives only the month (default: today)",
    )
    updater.add_argument("--source", help="where it was reported: the report, its date, its page or section")
    updater.set_defaults(run=progress)
    reader = commands.add_parser("reading-level", help="measure the reading level of a built site's young-people pages")
    reader.add_argument("site", nargs="?", default="site", help="the built site folder (default: site)")
    reader.set_defaults(run=reading_level)
    starter = commands.add_parser("new-plan", help="start a new plan file from the template, as a draft")
    starter.add_argument("--organisation", required=True, help="organisation id from data/organisations.yml, e.g. occ")
    starter.add_argument("--title", required=True, help='e.g. "Business Plan 2025-26"')
    starter.add_argument("--period", required=True, help="e.g. 2025-26")
    starter.add_argument(
        "--kind",
        default="business plan",
        help="the kind of plan, in the organisation's words, e.g. 'participation strategy' or 'children's charter'; "
        "known kinds get their own icon: " + ", ".join(k.value for k in m.PlanKind),
    )
    starter.add_argument("--data", default=DATA, help="the data folder (default: the repository's data/)")
    starter.set_defaults(run=new_plan)
    adder = commands.add_parser(
        "new-organisation", help="add an organisation to data/organisations.yml, so its plans can name it"
    )
    adder.add_argument(
        "--id",
        required=True,
        help="a short id for addresses: lower-case letters, digits and hyphens, e.g. leeds-city-council",
    )
    adder.add_argument("--name", required=True, help='the full name, e.g. "Leeds City Council"')
    adder.add_argument(
        "--kind", required=True, help='what sort of organisation it is, e.g. "Local authority" or "Charity"'
    )
    adder.add_argument("--short-name", help="an abbreviation the organisation uses of itself, if it has one, e.g. LCC")
    adder.add_argument("--area", help='where it works, e.g. "Leeds, England"')
    adder.add_argument("--website", help="its website, e.g. https://www.leeds.gov.uk")
    adder.add_argument("--about", help="two or three sentences about it for adults (else a placeholder to fill in)")
    adder.add_argument(
        "--young-people", help="one or two short sentences about it for young people (else a placeholder)"
    )
    adder.add_argument(
        "--licence",
        help="the licence its plans' data is published under: "
        + ", ".join(m.KNOWN_LICENCES)
        + " (default: OGL-UK-3.0, the Open Government Licence), or another licence's name with --licence-url",
    )
    adder.add_argument("--licence-url", help="the web address of a licence the site does not know")
    adder.add_argument("--data", default=DATA, help="the data folder (default: the repository's data/)")
    adder.set_defaults(run=new_organisation)
    comparer = commands.add_parser(
        "compare", help="list the source's sentences a plan does not have, and the plan's numbers the source does not"
    )
    comparer.add_argument("plan", help="the plan file, e.g. data/plans/x.yml")
    comparer.add_argument("source", nargs="?", help="its source text (default: data/sources/<plan>.txt)")
    comparer.add_argument("--data", default=DATA, help="the data folder (default: the repository's data/)")
    comparer.set_defaults(run=compare)
    importing = commands.add_parser(
        "import", help="make a draft plan file in data/plans/ from a plan's Word document (.docx) or PDF"
    )
    importing.add_argument("file", help="the document, e.g. ~/Downloads/participation-strategy.docx")
    importing.add_argument("--organisation", required=True, help="organisation id from data/organisations.yml")
    importing.add_argument("--slug", help="the new file's name without .yml (default: organisation and title)")
    importing.add_argument("--data", default=DATA, help="the data folder (default: the repository's data/)")
    importing.set_defaults(run=import_document)
    configurer = commands.add_parser(
        "admin-config", help="write the form editor's configuration (content/admin/config.yml) from the model"
    )
    configurer.add_argument("--project", default=DATA.parent, help="the project folder (default: this repository)")
    configurer.set_defaults(run=admin_config)
    args = parser.parse_args(argv)
    if getattr(args, "report", None) and args.report[0] != "json":
        parser.error(
            f"--report: unknown format '{args.report[0]}'; the one format is json, e.g. --report json problems.json"
        )
    return args.run(args)
