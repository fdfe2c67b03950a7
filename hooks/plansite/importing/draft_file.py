"""A draft checked by the project's own loader, then written as a new file in data/plans/.

The draft is written as YAML the loader reads back exactly (every line placed by this writer, so a
problem's line names the block it is in), read and checked with `load_plan`, and every block the
checks refuse falls back to a plainer form, down to a `not_transcribed` block that keeps its
words. The whole data folder is then checked with the draft in it, as `./run check --preview`
would, before a byte is written to data/plans/; an existing file is never overwritten.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..catalogue import load_catalogue, load_plan
from ..errors import DataError, DataProblem, Problems
from ..read.files import FIXED_FILES
from .drafting import PLACEHOLDER_TITLE, Draft
from .placing import Placed

MAX_ROUNDS = 40
"""Rounds of checking: each gives up one form of at least one block, so a few are always enough."""


class DraftRefused(Exception):
    """A draft that cannot be written (its file exists, data/plans/ is not an ordinary folder...)."""


# --- Writing YAML the loader reads back as written ----------------------------------------


def _scalar(value) -> str:
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if re.fullmatch(
        r"[\d\s./,:+-]+", value
    ):  # numbers and dates in quotes, as 'YAML basics for this site' in the editors' guide asks
        return yaml.safe_dump([value], default_style='"', allow_unicode=True, width=1_000_000)[2:].rstrip("\n")
    dumped = yaml.safe_dump([value], allow_unicode=True, width=1_000_000, default_flow_style=False)
    return dumped[2:].rstrip("\n").removesuffix("\n...")


LONG = 100
"""Texts longer than this are written under '|-', where nothing in them needs quotes or escapes."""


class _Writer:
    """Plain data as block-style YAML, keeping the line each list item of a dict starts on."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.starts: dict[tuple, int] = {}

    def mapping(self, value: dict, indent: int, path: tuple, first_prefix: str | None = None) -> None:
        for number, (key, item) in enumerate(value.items()):
            prefix = first_prefix if (number == 0 and first_prefix is not None) else " " * indent
            self.entry(prefix, key, item, indent, path + (key,))

    def entry(self, prefix: str, key: str, item, indent: int, path: tuple) -> None:
        if isinstance(item, dict):
            self.lines.append(f"{prefix}{key}:")
            self.mapping(item, indent + 2, path)
        elif isinstance(item, list):
            if not item:
                self.lines.append(f"{prefix}{key}: []")
                return
            if all(isinstance(v, int) and not isinstance(v, bool) for v in item):
                self.lines.append(f"{prefix}{key}: [{', '.join(map(str, item))}]")
                return
            self.lines.append(f"{prefix}{key}:")
            self.sequence(item, indent + 2, path)
        elif isinstance(item, str) and ("\n" in item or len(item) > LONG):
            self.lines.append(f"{prefix}{key}: |-")
            for line in item.split("\n"):
                self.lines.append(" " * (indent + 2) + line if line else "")
        else:
            self.lines.append(f"{prefix}{key}: {_scalar(item)}")

    def sequence(self, items: list, indent: int, path: tuple) -> None:
        for index, item in enumerate(items):
            where = path + (index,)
            if isinstance(item, dict):
                self.starts[where] = len(self.lines) + 1
                self.mapping(item, indent + 2, where, first_prefix=" " * indent + "- ")
            elif isinstance(item, str) and ("\n" in item or len(item) > LONG):
                self.lines.append(" " * indent + "- |-")
                for line in item.split("\n"):
                    self.lines.append(" " * (indent + 2) + line if line else "")
            else:
                self.lines.append(" " * indent + "- " + _scalar(item))


def to_yaml(plan: dict, header: str = "") -> tuple[str, dict[tuple, int]]:
    """The plan as YAML text after a header of comments, and the line each dict in a list (a section,
    a block, a row) starts on."""
    writer = _Writer()
    writer.lines = header.splitlines()
    writer.mapping(plan, 0, ())
    return "\n".join(writer.lines) + "\n", writer.starts


HEADER = """\
# A draft made by ./run import from {name}. Read it against the document, part by part:
# every [[...]] placeholder, and every not_transcribed block, is left for you (see the editors'
# guide, "Add a plan from a Word document"). Set 'status: published' only when it is complete.
"""


# --- Checking -----------------------------------------------------------------------------


@dataclass
class Settled:
    """A draft every check accepts: its text, and what was given up on the way."""

    text: str
    plan: dict
    young_people: list[str] = field(default_factory=list)
    """What the check asks of a published plan that the draft leaves for the editor, as lines."""
    rounds: int = 0


def _problems_of(text: str, display: str, folder: Path) -> list[DataProblem]:
    file = folder / "draft.yml"
    file.write_text(text, encoding="utf-8")
    problems = Problems()
    load_plan(file, problems, display)
    return list(problems.items)


def _owner(line: int, starts: dict[tuple, int], owners: dict[tuple[int, int], Placed]):
    """What a line of the draft belongs to: ('block', its placed part), ('section', its index) or ('top', None)."""
    found, start_of = None, 0
    for path, start in starts.items():
        is_block = len(path) == 4 and path[0] == "sections" and path[2] == "blocks"
        is_section = len(path) == 2 and path[0] == "sections"
        if (is_block or is_section) and start_of <= start <= line:
            found, start_of = path, start
    if found is None:
        return "top", None
    if len(found) == 4:
        return "block", owners.get((found[1], found[3]))
    return "section", found[1]


def settle(draft: Draft, display: str, header: str = "") -> Settled:
    """Check the draft with the project's loader, falling back block by block until it is accepted."""
    with tempfile.TemporaryDirectory(prefix="plansite-import-") as folder:
        for rounds in range(1, MAX_ROUNDS + 1):
            plan, owners = draft.plan()
            text, starts = to_yaml(plan, header)
            problems = _problems_of(text, display, Path(folder))
            if not problems:
                settled = Settled(text, plan, rounds=rounds)
                settled.young_people = _young_people(plan, Path(folder), display, header)
                return settled
            changed, seen = False, set()
            for problem in problems:
                kind, owner = _owner(problem.line, starts, owners)
                if id(owner) in seen:
                    continue  # one step back per part and round: the next form may have no problem
                seen.add(id(owner))
                reason = f"{problem.message}; {problem.hint}" if problem.hint else problem.message
                if kind == "block" and owner is not None:
                    if not owner.fall_back(reason):
                        _drop(draft, owner, reason)
                    changed = True
                elif kind == "section":
                    changed |= _fix_section(draft, owner, reason)
                else:
                    changed |= _fix_top(draft, problem)
            if not changed:
                break
    raise DraftRefused(
        "the draft could not be made valid; please report this with the document: "
        + "; ".join(str(p) for p in problems[:3])
    )


def _drop(draft: Draft, owner: Placed, reason: str) -> None:
    """A part that fails even as not_transcribed: out of the plan, its words in the report."""
    for section in draft.sections:
        if owner in section.placed:
            section.placed.remove(owner)
    draft.document.skipped.append(f"{owner.what} that no form of the plan accepts ({reason}): {owner.words[:300]}")


def _fix_section(draft: Draft, index: int, reason: str) -> bool:
    section = draft.sections[index]
    if section.title != PLACEHOLDER_TITLE:
        from .placing import not_transcribed

        words = section.title
        section.title = PLACEHOLDER_TITLE
        section.placed.insert(0, Placed([not_transcribed("The heading of this part", words)], "a heading", words))
        return True
    return False


def _fix_top(draft: Draft, problem: DataProblem) -> bool:
    key = re.search(r"'(\w+)'", problem.message)
    for name in ("title", "subtitle", "period", "kind"):
        if name in draft.top and (key and key.group(1) == name or name in problem.message):
            if name == "subtitle":
                draft.document.skipped.append(f"the subtitle '{draft.top.pop('subtitle')}' ({problem.message})")
            else:
                draft.top[name] = f"[[The plan's {name}]]"
            return True
    return False


def _young_people(plan: dict, folder: Path, display: str, header: str) -> list[str]:
    """What the check would ask of this plan once published: its young-people texts and placeholders."""
    published = dict(plan, status="published")
    text, _ = to_yaml(published, header)
    return [
        f"line {p.line}: {p.message}"
        for p in sorted(_problems_of(text, display, folder), key=lambda p: (p.line, p.column))
        if "young-people" in p.message or "placeholder" in p.message
    ]


# --- Writing the file ---------------------------------------------------------------------


def check_with_data(text: str, slug: str, data_dir: Path) -> None:
    """The data folder checked as `./run check --preview` checks it, with the draft in it (in a copy)."""
    with tempfile.TemporaryDirectory(prefix="plansite-import-") as folder:
        copy = Path(folder) / "data"
        (copy / "plans").mkdir(parents=True)
        for name in FIXED_FILES:
            target = copy / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(data_dir / name, target)
        (copy / "plans" / f"{slug}.yml").write_text(text, encoding="utf-8")
        try:
            load_catalogue(copy, preview=True)
        except DataError as error:
            raise DraftRefused(
                "the draft was refused by the data check: " + error.problems.report().replace(str(copy), "data")
            ) from None


def plans_folder(data_dir: Path) -> Path:
    """data/plans/, refused if it is a link out of data/ or not a folder: the build's own rule."""
    plans = data_dir / "plans"
    real_data = Path(os.path.realpath(data_dir))
    if not plans.is_dir() or plans.is_symlink() or not Path(os.path.realpath(plans)).is_relative_to(real_data):
        raise DraftRefused(f"{plans} is not an ordinary folder inside {data_dir}; the draft is written only there")
    return plans


def write_draft(text: str, target: Path) -> None:
    """The new file, created only if no file (or link) of that name exists."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    try:
        handle = os.open(target, flags, 0o644)
    except FileExistsError:
        raise DraftRefused(
            f"{target} already exists; nothing was written (choose another name with --slug, or delete the old file)"
        ) from None
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(text)
