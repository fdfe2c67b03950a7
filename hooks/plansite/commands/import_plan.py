"""`./run import FILE --organisation ID`: a plan's Word document or PDF made a draft plan file in data/plans/."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .. import model as m
from ..catalogue import read_file
from ..errors import Problems
from ..importing.draft_file import HEADER, DraftRefused, check_with_data, plans_folder, settle, write_draft
from ..importing.drafting import draft_plan
from ..importing.inline import clean
from ..importing.report import report
from ..importing.tree import Document
from ..importing.word import DocumentRefused, read_word
from .new_plan import slug_for

MAX_DOCUMENT = 100_000_000
"""Bytes of a document: a plan with every picture in it is well below."""

READERS = {".docx": "word", ".pdf": "pdf"}


class ImportRefused(Exception):
    """Why a document cannot be imported, in one line for the editor."""


def read_source(file: Path) -> Document:
    """The document's tree, or ImportRefused saying why the file cannot be read."""
    suffix = file.suffix.lower()
    if suffix not in READERS:
        hint = " (save it from Word as .docx)" if suffix in (".doc", ".odt", ".rtf") else ""
        raise ImportRefused(f"{file}: only Word documents (.docx) and PDFs (.pdf) can be imported{hint}")
    try:
        info = os.stat(file)
    except FileNotFoundError:
        raise ImportRefused(f"{file}: no such file") from None
    except OSError as error:
        raise ImportRefused(f"{file}: the file cannot be opened ({error.strerror})") from None
    if not stat.S_ISREG(info.st_mode):
        raise ImportRefused(f"{file}: this is not an ordinary file (it is a folder, a device or a pipe)")
    if info.st_size > MAX_DOCUMENT:
        raise ImportRefused(f"{file}: the file is {info.st_size / 1_000_000:.0f} MB, more than any plan's document")
    if info.st_size == 0:
        raise ImportRefused(f"{file}: the file is empty")
    try:
        if READERS[suffix] == "word":
            return read_word(file, file.name)
        from ..importing.pdf import read_pdf

        return read_pdf(file, file.name)
    except DocumentRefused as error:
        raise ImportRefused(f"{file}: {error}") from None
    except OSError as error:
        raise ImportRefused(f"{file}: the file cannot be read ({error.strerror or error})") from None


def _known_organisation(data_dir: Path, organisation: str) -> None:
    organisations_file = data_dir / "organisations.yml"
    if not organisations_file.exists():
        raise ImportRefused(f"{organisations_file} not found; run this from the repository, or give --data")
    problems = Problems()
    organisations, _ = read_file(organisations_file, str(organisations_file), m.Organisations, problems)
    if organisations is None:
        raise ImportRefused("the organisations file has problems; run ./run check first:\n" + problems.report())
    known = [o.id for o in organisations.organisations]
    if organisation not in known:
        raise ImportRefused(
            f"unknown organisation '{organisation}'; use one of: {', '.join(known)}, or add it first: "
            f'./run new-organisation --id {organisation} --name "..." --kind "..."'
        )


def import_plan(file: Path, data_dir: Path, organisation: str, slug: str | None = None) -> str:
    """Import one document as a draft plan; the report to print. ImportRefused or DraftRefused if it cannot be."""
    _known_organisation(data_dir, organisation)
    plans = plans_folder(data_dir)
    document = read_source(file)
    draft = draft_plan(document, organisation)
    if slug is None:
        slug = slug_for(organisation, draft.top["title"])[:80].rstrip("-")
    if not m.slug(slug) == slug or not slug:
        raise ImportRefused(f"'{slug}' cannot be a plan's file name: use lower-case letters, digits and hyphens")
    target = plans / f"{slug}.yml"
    display = f"data/plans/{slug}.yml"
    if target.exists() or target.is_symlink():
        raise DraftRefused(f"{display} already exists; nothing was written (give another name with --slug)")
    settled = settle(draft, display, HEADER.format(name=clean(document.name)))
    check_with_data(settled.text, slug, data_dir)
    write_draft(settled.text, target)
    return report(draft, settled, display)
