"""Adding an organisation: `new-organisation` writes a valid entry, and its plans can then be started and published."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from plan_files import shared_cache
from plansite.catalogue import load_catalogue
from plansite.commands.main import main
from plansite.errors import DataError
from project import FIXTURE_DATA

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def data(tmp_path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, target)
    return target


def add(data: Path, *extra: str) -> int:
    return main(
        [
            "new-organisation",
            "--id",
            "leeds-cc",
            "--name",
            "Leeds City Council",
            "--kind",
            "Local authority",
            "--data",
            str(data),
            *extra,
        ]
    )


def test_a_new_organisation_is_appended_and_every_other_line_is_kept(data, capsys):
    before = (data / "organisations.yml").read_text(encoding="utf-8")
    assert add(data, "--area", "Leeds, England") == 0
    after = (data / "organisations.yml").read_text(encoding="utf-8")
    assert after.startswith(before)
    organisation = load_catalogue(data, cache=shared_cache()).organisations["leeds-cc"]
    assert (organisation.name, organisation.short_name, organisation.area) == (
        "Leeds City Council",
        None,
        "Leeds, England",
    )
    assert "./run new-plan --organisation leeds-cc" in capsys.readouterr().out


def test_a_plan_of_the_new_organisation_is_refused_as_published_while_its_placeholders_remain(data):
    assert add(data) == 0
    assert (
        main(
            [
                "new-plan",
                "--organisation",
                "leeds-cc",
                "--title",
                "Participation Strategy 2024-27",
                "--period",
                "2024-27",
                "--kind",
                "participation strategy",
                "--data",
                str(data),
            ]
        )
        == 0
    )
    assert "leeds-cc-participation-strategy-2024-27" in [
        p.slug for p in load_catalogue(data, preview=True, cache=shared_cache()).plans
    ]
    plan = data / "plans" / "leeds-cc-participation-strategy-2024-27.yml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("status: draft", "status: published"), encoding="utf-8")
    with pytest.raises(DataError) as error:
        load_catalogue(data, cache=shared_cache())
    report = error.value.problems.report()
    assert re.search(r"data/organisations.yml:\d+:12: the placeholder \[\[What the organisation is", report)
    assert "replace it with the real text: a plan of 'leeds-cc' is set to 'status: published'" in report


@pytest.mark.parametrize(
    "args, message",
    [
        (["--id", "occ"], "the id 'occ' is already used by Office of the Children's Commissioner"),
        (["--id", "Leeds CC"], "'Leeds CC' cannot be an id; use lower-case letters"),
        (["--id", "x", "--website", "www.x.org"], None),
    ],
)
def test_new_organisation_explains_bad_arguments(data, capsys, args, message):
    code = main(["new-organisation", "--name", "N", "--kind", "Charity", "--data", str(data), *args])
    if message is None:
        assert code == 0
    else:
        assert code == 1 and message in capsys.readouterr().err


def test_a_text_that_would_break_the_file_is_quoted(data):
    assert add(data, "--about", 'A council: "the best" # really', "--young-people=- Leeds: the council.") == 0
    organisation = load_catalogue(data, cache=shared_cache()).organisations["leeds-cc"]
    assert organisation.about == 'A council: "the best" # really'
    assert organisation.young_people.text == "- Leeds: the council."


def test_an_unknown_organisation_says_how_to_add_one(data):
    plan = data / "plans" / "scb-business-plan-2009-10.yml"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace("organisation: scb", "organisation: leeds-cc", 1), encoding="utf-8"
    )
    with pytest.raises(DataError) as error:
        load_catalogue(data, cache=shared_cache())
    report = error.value.problems.report()
    assert (
        "data/plans/scb-business-plan-2009-10.yml:1:15: unknown organisation 'leeds-cc'; use one of: chscb, " in report
    )
    assert "; for an organisation new to the site, add it first: ./run new-organisation --id leeds-cc" in report
