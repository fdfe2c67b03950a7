"""A copy of the project with many plans, made from the five real ones, for the benchmark.

Copy k of plan 'occ-business-plan-2012-13' becomes 'occ-business-plan-2012-13-k3' of the organisation
'occ-k3': same shape, same sizes, same citations; new slugs and organisations. Copy 0 is the real data.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from project import link_editor_packages

ROOT = Path(__file__).resolve().parent.parent
PROJECT = ("mkdocs.yml", "content", "theme", "hooks")


def copy_project(dest: Path) -> Path:
    """The project's config, pages, theme and hooks (not data/) copied into dest."""
    dest.mkdir(parents=True, exist_ok=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info", "node_modules")
    for name in PROJECT:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, dest / name, ignore=ignore, dirs_exist_ok=True)
        else:
            shutil.copy(source, dest / name)
    link_editor_packages(dest)
    return dest


def _organisations(text: str, copies: int) -> str:
    """organisations.yml with each organisation repeated once per copy under a new id and name."""
    head, _, body = text.partition("organisations:\n")
    entries = re.split(r"(?m)^(?=  - id: )", body)
    entries = [e for e in entries if e.startswith("  - id: ")]
    out = [head, "organisations:\n"]
    for k in range(copies):
        for entry in entries:
            if k:
                entry = re.sub(r"(?m)^(  - id: )(\S+)", rf"\g<1>\g<2>-k{k}", entry, count=1)
                entry = re.sub(r"(?m)^(    name: )(.+)$", rf"\g<1>\g<2> (area {k})", entry, count=1)
                entry = re.sub(r"(?m)^(    short_name: )(.+)$", rf"\g<1>\g<2> {k}", entry, count=1)
            out.append(entry.rstrip("\n") + "\n")
    return "".join(out)


def make_data(dest: Path, plans: int) -> list[Path]:
    """data/ with `plans` plans (the five real ones first); returns the plan files written."""
    source = ROOT / "data"
    shutil.copytree(source, dest / "data", dirs_exist_ok=True, ignore=shutil.ignore_patterns("plans"))
    real = sorted((source / "plans").glob("*.yml"))
    copies = -(-plans // len(real))
    organisations = (source / "organisations.yml").read_text(encoding="utf-8")
    (dest / "data" / "organisations.yml").write_text(_organisations(organisations, copies), encoding="utf-8")
    out = dest / "data" / "plans"
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for index in range(plans):
        k, plan = divmod(index, len(real))
        text = real[plan].read_text(encoding="utf-8")
        name = real[plan].name
        if k:
            text = re.sub(r"(?m)^organisation: (\S+)$", rf"organisation: \g<1>-k{k}", text, count=1)
            name = f"{real[plan].stem}-k{k}.yml"
        (out / name).write_text(text, encoding="utf-8")
        written.append(out / name)
    return written


def make_project(dest: Path, plans: int) -> Path:
    """A buildable copy of the project with `plans` plans."""
    copy_project(dest)
    make_data(dest, plans)
    return dest
