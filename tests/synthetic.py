"""A copy of the project with many plans, made from the plans of a data folder, for the portal tests
and the benchmark.

Copy k of plan 'occ-business-plan-2012-13' becomes 'occ-business-plan-2012-13-k3' of the organisation
'occ-k3': same shape, same sizes, same citations; new slugs and organisations. Copy 0 is the data as
it is. Every file is read as YAML, changed as data and written again (never edited as text), so
any valid data makes a valid copy, however its values are written.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml
from project import DATA, ROOT, copy_code  # noqa: F401 - ROOT for the benchmark


def _read(file: Path) -> Any:
    return yaml.safe_load(file.read_text(encoding="utf-8"))


class _Dumper(yaml.SafeDumper):
    """Writes a value shared by two copies out in full each time: the site refuses YAML aliases."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _write(file: Path, value: Any) -> None:
    file.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.dump(value, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
    file.write_text(text, encoding="utf-8")


def _organisation_copy(organisation: dict, k: int) -> dict:
    """Organisation number k of an organisation: its own id, name and short name."""
    if not k:
        return organisation
    copy = dict(organisation, id=f"{organisation['id']}-k{k}", name=f"{organisation['name']} (area {k})")
    if copy.get("short_name"):
        copy["short_name"] = f"{copy['short_name']} {k}"
    return copy


def make_data(dest: Path, plans: int, source: Path = DATA) -> list[Path]:
    """data/ with `plans` plans (those of `source` first); returns the plan files written.

    Only the organisations that have a plan are copied: an organisation's copy k holds copy k of
    each of its plans, so every organisation of the copy has what the real one has.
    """
    shutil.copytree(source, dest / "data", dirs_exist_ok=True, ignore=shutil.ignore_patterns("plans"))
    real = sorted((source / "plans").glob("*.yml"))
    values = [_read(file) for file in real]
    organisations = _read(source / "organisations.yml")
    by_id = {o["id"]: o for o in organisations["organisations"]}
    out = dest / "data" / "plans"
    out.mkdir(parents=True, exist_ok=True)
    written, copied = [], {}
    for index in range(plans):
        k, number = divmod(index, len(real))
        plan, name = values[number], real[number].name
        if k:
            plan = dict(plan, organisation=f"{plan['organisation']}-k{k}")
            name = f"{real[number].stem}-k{k}.yml"
            copied.setdefault(plan["organisation"], _organisation_copy(by_id[values[number]["organisation"]], k))
        _write(out / name, plan)
        written.append(out / name)
    organisations = dict(organisations, organisations=organisations["organisations"] + list(copied.values()))
    _write(dest / "data" / "organisations.yml", organisations)
    return written


def make_project(dest: Path, plans: int, source: Path = DATA) -> Path:
    """A buildable copy of the project with `plans` plans made from those of `source`."""
    copy_code(dest)
    make_data(dest, plans, source)
    return dest
