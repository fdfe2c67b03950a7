"""Which files under data/ are read, and the checks every file passes before a byte of it is read.

A plan file could be a link to /dev/zero, to a pipe, or to a file outside the repository; such a
file is refused from what the file system says about it, before it is opened, and nothing it
holds is ever printed. Every file under data/ that the site does not read is reported, so that a
plan saved as .yaml, .YML or in a subfolder is not silently left out.
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


@dataclass(frozen=True)
class Listing:
    """The plan files the site reads, in name order; problems for everything else went to the collector."""

    plans: list[Path]


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
    folder, _, name = relative.rpartition("/")
    stem, dot, suffix = name.rpartition(".")
    if folder == PLANS and dot and suffix.lower() in ("yml", "yaml"):
        wanted = f"{PLANS}/{stem}{PLAN_SUFFIX}"
        if wanted in readable:
            return f"data/{wanted} is read instead; keep one of the two files and delete the other"
        return f"plan files end in '{PLAN_SUFFIX}' (lower case): rename it to {stem}{PLAN_SUFFIX}"
    if folder.startswith(PLANS + "/") and suffix.lower() in ("yml", "yaml"):
        return f"plan files go directly in data/{PLANS}/, not in a folder inside it: move it up"
    fixed = ", ".join("data/" + f for f in FIXED_FILES)
    return f"the site reads only data/{PLANS}/*{PLAN_SUFFIX} and {fixed}: move or delete this file"


def list_data(data_dir: Path, problems: Problems) -> Listing:
    """The plan files to read; every other file or link under data/ is a problem, named with a hint."""
    plans: list[Path] = []
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
    return Listing(sorted(plans))
