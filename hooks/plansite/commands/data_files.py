"""The data files a command reads or writes, refused as the build refuses them, before a byte is read.

A plan file given on the command line must be where the build reads plans (data/plans/<name>.yml),
an ordinary file inside data/ (not a link out of it, a device, a pipe or a dangling link), with a
name that can be its page's address. Otherwise the command stops with the build's own message,
and nothing of the file (or of what it links to) is read, printed or copied.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from ..errors import DataError, Problems
from ..read.files import PLAN_SUFFIX, PLANS, refused

DATA = "data"


def _refuse(display: str, message: str, hint: str) -> DataError:
    problems = Problems()
    problems.add(display, 1, 1, message, hint)
    return DataError(problems)


def plan_file(given: str | os.PathLike) -> tuple[Path, Path, str]:
    """(the file, its data folder, its name as messages give it) for a plan file a command may use."""
    file = Path(given)
    display = str(given)
    data_dir = file.parent.parent
    if file.parent.name != PLANS or data_dir.name != DATA or file.suffix != PLAN_SUFFIX:
        raise _refuse(
            display,
            f"this is not a plan file of the site: plans are read from {DATA}/{PLANS}/<name>{PLAN_SUFFIX} only",
            f"give the plan's file in the {DATA}/{PLANS}/ folder, e.g. {DATA}/{PLANS}/occ-business-plan-2012-13.yml",
        )
    display = f"{DATA}/{PLANS}/{file.name}"
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", file.stem):
        raise _refuse(
            display,
            f"the file name '{file.name}' cannot be used in a web address, so the site would not read it",
            "rename it with lower-case letters, digits and hyphens only, e.g. occ-business-plan-2025-26.yml",
        )
    problems = Problems()
    if not file.exists() and not file.is_symlink():
        problems.add(display, 1, 1, "the file is missing", "check the name of the plan file")
    elif refused(file, data_dir, display, problems):
        pass
    if problems:
        raise DataError(problems)
    return file, data_dir, display


def data_folder_file(data_dir: Path, relative: str) -> Path:
    """A file of the data folder a command reads and rewrites (organisations.yml), refused as the build refuses it."""
    file = data_dir / relative
    display = f"{DATA}/{relative}"
    problems = Problems()
    if not file.exists() and not file.is_symlink():
        problems.add(display, 1, 1, "the file is missing", f"restore {display} from the main branch")
    else:
        refused(file, data_dir, display, problems)
    if problems:
        raise DataError(problems)
    return file


def plans_folder(data_dir: Path) -> Path:
    """The folder new plan files go in: data/plans/ itself, a real folder inside data/, not a link elsewhere."""
    folder = data_dir / PLANS
    real = Path(os.path.realpath(folder))
    if folder.is_symlink() or not folder.is_dir() or not real.is_relative_to(Path(os.path.realpath(data_dir))):
        raise _refuse(
            f"{DATA}/{PLANS}",
            "this is not an ordinary folder inside the data folder (a link, a file, or missing)",
            f"make {DATA}/{PLANS}/ an ordinary folder holding the plan files",
        )
    return folder


def ordinary_file(given: str | os.PathLike, limit: int) -> bytes:
    """The bytes of an ordinary file outside the site's data (a source text), at most limit of them;
    a link, device, pipe or folder is refused before it is opened."""
    file = Path(given)
    problems = Problems()
    try:
        info = os.lstat(file)
    except OSError:
        problems.add(str(given), 1, 1, "the file is missing", "check the file's name")
        raise DataError(problems) from None
    if not stat.S_ISREG(info.st_mode):
        problems.add(
            str(given),
            1,
            1,
            "this is not an ordinary file (it is a link, a folder, a device or a pipe)",
            "give an ordinary text file saved as UTF-8",
        )
        raise DataError(problems)
    with open(file, "rb") as handle:
        content = handle.read(limit + 1)
    if len(content) > limit:
        problems.add(str(given), 1, 1, f"the file is over {limit // 1_000_000} MB", "give the text alone")
        raise DataError(problems)
    return content
