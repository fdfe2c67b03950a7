"""One place for sources: data/sources/<slug>.txt is accepted (it is what `compare` reads), and a file
the site does not read gets a message naming where it belongs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from plan_files import shared_cache
from plansite.catalogue import load_catalogue
from plansite.commands.main import main
from plansite.errors import DataError
from project import ROOT

SLUG = "occ-business-plan-2012-13"


def report_of(data: Path) -> str:
    with pytest.raises(DataError) as refused:
        load_catalogue(data, cache=shared_cache())
    return refused.value.problems.report()


def test_a_source_text_beside_its_plan_is_accepted_and_compare_finds_it(data, capsys):
    sources = data / "sources"
    sources.mkdir()
    shutil.copy(ROOT / "tests" / "fixtures" / "source-plans" / f"{SLUG}.txt", sources / f"{SLUG}.txt")
    catalogue = load_catalogue(data, cache=shared_cache())
    assert not catalogue.warnings.warnings
    main(["compare", str(data / "plans" / f"{SLUG}.yml"), "--data", str(data)])
    assert "source sentences not in the plan" in capsys.readouterr().out


def test_a_source_text_without_its_plan_is_a_warning_naming_the_plan_it_lacks(data):
    (data / "sources").mkdir()
    (data / "sources" / "leeds-plan.txt").write_text("Our plan.\n", encoding="utf-8")
    [warning] = [str(w) for w in load_catalogue(data, cache=shared_cache()).warnings.warnings]
    assert warning.startswith("data/sources/leeds-plan.txt:1:1: warning: there is no plan data/plans/leeds-plan.yml")
    assert "name it after its plan file" in warning


@pytest.mark.parametrize(
    ("name", "hint"),
    [
        ("leeds-plan.txt", "a plan's source text goes in data/sources/, named after its plan file"),
        ("plans/leeds-plan.txt", "a plan's source text goes in data/sources/"),
        ("sources/leeds-plan.TXT", "save it as data/sources/leeds-plan.txt"),
        ("sources/leeds-plan.pdf", "save it as data/sources/leeds-plan.txt"),
        ("leeds-plan.pdf", "plans go in data/plans/<slug>.yml, the source text of a plan in data/sources/<slug>.txt"),
        ("leeds.yml", "plans go in data/plans/<slug>.yml"),
    ],
)
def test_a_file_the_site_does_not_read_is_told_where_it_belongs(data, name, hint):
    (data / name).parent.mkdir(parents=True, exist_ok=True)
    (data / name).write_text("text\n", encoding="utf-8")
    line = next(line for line in report_of(data).splitlines() if line.startswith(f"data/{name}:"))
    assert "this file is not read by the site" in line and hint in line, line


def test_compare_looks_where_the_guide_says_and_the_check_accepts(data, capsys):
    guide = (ROOT / "content" / "editors-guide.md").read_text(encoding="utf-8")
    assert "save it as `data/sources/<slug>.txt`" in guide
    assert main(["compare", str(data / "plans" / f"{SLUG}.yml"), "--data", str(data)]) == 1
    assert f"{data}/sources/{SLUG}.txt:1:1: the file is missing" in capsys.readouterr().err
