"""Which files under data/ are read, and the checks every file passes before a byte of it is read.

A plan file could be a link to /dev/zero, to a pipe, or to a file outside the repository; such a
file is refused from what the file system says about it, before it is opened, and nothing it
holds is ever printed. Every file under data/ that the site does not read is reported, so that a
plan saved as .yaml, .YML or in a subfolder is not silently left out. The source texts that
`./run compare` checks a plan against are kept beside the plans, as data/sources/<slug>.txt.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from ..errors import Problems

FIXED_FILES = ("organisations.yml", "glossary.yml", "uncrc/articles.yml")
PLANS = "plans"
PLAN_SUFFIX = ".yml"
SOURCES = "sources"
SOURCE_SUFFIX = ".txt"
WHERE_FILES_GO = (
    f"plans go in data/{PLANS}/<slug>{PLAN_SUFFIX}, the source text of a plan in data/{SOURCES}/<slug>{SOURCE_SUFFIX} "
    "(the same slug as its plan file), and nothing else goes in data/ but "
    + ", ".join("data/" + f for f in FIXED_FILES)
)


@dataclass(frozen=True)
class Listing:
    """The plan files the site reads and the source texts kept for `compare`, in name order; problems
    for everything else went to the collector."""

    plans: list[Path]
    sources: list[Path]


def display_of(file: Path, data_dir: Path) -> str:
    """A file's path as messages show it: from the repository, e.g. data/plans/x.yml."""
    try:
        return "data/" + file.relative_to(data_dir).as_posix()
    except ValueError:
        return file.name


def refused(file: Path, data_dir: Path, display: str, problems: Problems) -> bool:
    """True, with a problem, when a file must not be read: not an ordinary file, or really elsewhere.

    Only the file system's description of the file is used; the file is never opened here.
    """
    try:
        real = Path(os.path.realpath(file))
        inside = real.is_relative_to(Path(os.path.realpath(data_dir)))
        info = os.stat(file) if inside else None
    except (OSError, ValueError, RuntimeError):
        problems.add(
            display, 1, 1, "the file cannot be opened (a broken or looping link?)", "replace it with an ordinary file"
        )
        return True
    if not inside:
        problems.add(
            display,
            1,
            1,
            "this file is a link to a file outside the data folder",
            "replace the link with an ordinary file holding the data itself",
        )
        return True
    if not stat.S_ISREG(info.st_mode):
        problems.add(
            display,
            1,
            1,
            "this is not an ordinary file (it is a folder, a device or a pipe)",
            "replace it with an ordinary text file saved as UTF-8",
        )
        return True
    return False


def read_limited(file: Path, limit: int) -> bytes:
    """At most limit + 1 bytes of an ordinary file: enough to know it is too big, never more."""
    with open(file, "rb") as handle:
        return handle.read(limit + 1)


def _unread_hint(relative: str, readable: set[str]) -> str:
    """Where a file the site does not read belongs, or what to do with it."""
    folder, _, name = relative.rpartition("/")
    stem, dot, suffix = name.rpartition(".")
    suffix = suffix.lower() if dot else ""
    if folder == PLANS and suffix in ("yml", "yaml"):
        wanted = f"{PLANS}/{stem}{PLAN_SUFFIX}"
        if wanted in readable:
            return f"data/{wanted} is read instead; keep one of the two files and delete the other"
        return f"plan files end in '{PLAN_SUFFIX}' (lower case): rename it to {stem}{PLAN_SUFFIX}"
    if folder.startswith(PLANS + "/") and suffix in ("yml", "yaml"):
        return f"plan files go directly in data/{PLANS}/, not in a folder inside it: move it up"
    if suffix == "txt" and folder != SOURCES:
        return (
            f"a plan's source text goes in data/{SOURCES}/, named after its plan file: move it to "
            f"data/{SOURCES}/<slug>{SOURCE_SUFFIX}; otherwise delete it"
        )
    if folder == SOURCES:
        return f"source texts are plain text files ending in '{SOURCE_SUFFIX}': save it as data/{SOURCES}/{stem}.txt"
    if suffix in ("yml", "yaml"):
        return f"{WHERE_FILES_GO}: move it where it belongs, or delete it"
    return f"{WHERE_FILES_GO}: move it where it belongs, or delete it (keep the original documents elsewhere)"


def list_data(data_dir: Path, problems: Problems) -> Listing:
    """The plan files to read; every other file or link under data/ is a problem, named with a hint."""
    plans: list[Path] = []
    sources: list[Path] = []
    others: list[str] = []
    for folder, folders, names in os.walk(data_dir, followlinks=False):
        here = Path(folder)
        for name in sorted(folders):
            if (here / name).is_symlink():
                others.append((here / name).relative_to(data_dir).as_posix())
        for name in names:
            relative = (here / name).relative_to(data_dir).as_posix()
            if relative in FIXED_FILES:
                continue
            if here == data_dir / PLANS and name.endswith(PLAN_SUFFIX):
                plans.append(here / name)
            elif here == data_dir / SOURCES and name.endswith(SOURCE_SUFFIX) and not (here / name).is_symlink():
                sources.append(here / name)
            else:
                others.append(relative)
    readable = {p.relative_to(data_dir).as_posix() for p in plans}
    for relative in sorted(others):
        problems.add(
            f"data/{relative}",
            1,
            1,
            "this file is not read by the site, so nothing in it would be published",
            _unread_hint(relative, readable),
        )
    slugs = {plan.stem for plan in plans}
    for source in sorted(sources):
        if source.stem not in slugs:
            problems.warn(
                f"data/{SOURCES}/{source.name}",
                1,
                1,
                f"there is no plan data/{PLANS}/{source.stem}{PLAN_SUFFIX} for this source text",
                f"name it after its plan file, e.g. data/{SOURCES}/<slug>{SOURCE_SUFFIX} beside data/{PLANS}/<slug>"
                f"{PLAN_SUFFIX}",
            )
    return Listing(sorted(plans), sorted(sources))
