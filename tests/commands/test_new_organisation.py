"""Adding an organisation: `new-organisation` writes a valid entry (values written as an editor would type them,
and a licence of its own), and its plans can then be started and published."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from plan_files import shared_cache
from plansite import model as m
from plansite.catalogue import load_catalogue
from plansite.commands.main import main
from plansite.errors import DataError
from plansite.outputs.licence import licence_id

ROOT = Path(__file__).resolve().parents[2]


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


def entry_lines(data: Path) -> list[str]:
    text = (data / "organisations.yml").read_text(encoding="utf-8")
    return text[text.index("  - id: leeds-cc") :].splitlines()


def test_plain_names_are_written_plain_and_others_quoted_so_they_read_back_the_same(data):
    assert add(data, "--area", 'Leeds: West Yorkshire\'s "capital"') == 0
    lines = entry_lines(data)
    assert "    name: Leeds City Council" in lines
    organisation = load_catalogue(data, cache=shared_cache()).organisations["leeds-cc"]
    assert organisation.area == 'Leeds: West Yorkshire\'s "capital"'
    assert yaml.safe_load("\n".join(lines))[0]["kind"] == "Local authority"


@pytest.mark.parametrize(("code", "name"), [("CC-BY-4.0", "Creative Commons Attribution 4.0"), ("ogl-uk-3.0", None)])
def test_a_known_licence_is_named_by_its_identifier(data, code, name):
    assert add(data, "--licence", code) == 0
    licence = load_catalogue(data, cache=shared_cache()).organisations["leeds-cc"].licence
    assert licence == m.KNOWN_LICENCES[code.upper()] and licence_id(licence) == code.upper()
    # The default licence is not written out: the entry stays as short as the others.
    assert any("licence:" in line for line in entry_lines(data)) == (name is not None)


def test_another_licence_needs_its_address_and_gets_it(data, capsys):
    assert add(data, "--licence", "Leeds Open Data Licence") == 1
    error = capsys.readouterr().err
    assert "'Leeds Open Data Licence' is not a licence the site knows" in error and "--licence-url" in error
    assert "leeds-cc" not in (data / "organisations.yml").read_text(encoding="utf-8")
    url = "https://www.leeds.gov.uk/open-data-licence"
    assert add(data, "--licence", "Leeds Open Data Licence", "--licence-url", url) == 0
    licence = load_catalogue(data, cache=shared_cache()).organisations["leeds-cc"].licence
    assert (licence.name, licence.url, licence_id(licence)) == ("Leeds Open Data Licence", url, "other")


def test_a_licence_address_that_is_not_one_is_refused_in_words(data, capsys):
    assert add(data, "--name", "L", "--licence", "Leeds licence", "--licence-url", "leeds licence") == 1
    error = capsys.readouterr().err
    assert "'leeds licence' (--licence-url) is not a web address" in error and "Traceback" not in error
