"""How much a data file may hold: a plan file 1 MB; organisations.yml, which grows with the site, 20 MB."""

import copy
from pathlib import Path

import yaml
from plansite.cache import NoCache
from plansite.catalogue import load_fixed_file
from plansite.errors import Problems
from plansite.model import Organisations
from plansite.read import read_document
from project import FIXTURE_DATA


def many_organisations(count: int) -> str:
    """organisations.yml with `count` organisations, each a copy of the fixture data's first under a new id."""
    data = yaml.safe_load((FIXTURE_DATA / "organisations.yml").read_text(encoding="utf-8"))
    first = data["organisations"][0]
    for n in range(count):
        copied = copy.deepcopy(first)
        copied.update(id=f"{first['id']}-{n}", name=f"{first['name']} {n}")
        data["organisations"].append(copied)
    # libyaml's emitter, when PyYAML has it: the same text as safe_dump's, in a seventh of the time.
    return yaml.dump(data, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), allow_unicode=True, sort_keys=False)


def test_an_organisations_file_over_a_megabyte_is_read(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    text = many_organisations(3_000)
    assert len(text.encode()) > 1_000_000
    (data / "organisations.yml").write_text(text, encoding="utf-8")
    loaded = load_fixed_file("organisations.yml", Organisations, data, NoCache())
    assert not loaded.problems, loaded.problems.report()
    assert len(loaded.model.organisations) > 3_000


def test_an_organisations_file_over_its_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    file = tmp_path / "organisations.yml"
    with open(file, "wb") as handle:  # 30 MB on paper, nothing on disk
        handle.truncate(30_000_000)
    problems = Problems()
    assert read_document(file, "data/organisations.yml", problems) is None
    report = problems.report()
    assert "data/organisations.yml:1:1: the file is 30.0 MB; this file must be under 20 MB" in report
    assert "remove pasted content from the organisations' texts" in report


def test_a_plan_file_keeps_its_limit_of_a_megabyte(tmp_path: Path) -> None:
    file = tmp_path / "plan.yml"
    file.write_text("summary: |-\n" + "  All work and no play.\n" * 60_000, encoding="utf-8")
    problems = Problems()
    assert read_document(file, "data/plans/plan.yml", problems) is None
    assert "data files must be under 1 MB" in problems.report()
    assert "split the plan" in problems.report()
