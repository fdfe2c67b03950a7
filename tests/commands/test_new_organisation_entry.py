"""`new-organisation`: values written as an editor would type them, and a licence of its own."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from plan_files import shared_cache
from plansite import model as m
from plansite.catalogue import load_catalogue
from plansite.commands.main import main
from plansite.outputs.licence import licence_id
from project import FIXTURE_DATA


@pytest.fixture
def data(tmp_path) -> Path:
    shutil.copytree(FIXTURE_DATA, tmp_path / "data")
    return tmp_path / "data"


def add(data: Path, *extra: str) -> int:
    return main(["new-organisation", "--id", "leeds-cc", "--kind", "Local authority", "--data", str(data), *extra])


def entry_lines(data: Path) -> list[str]:
    text = (data / "organisations.yml").read_text(encoding="utf-8")
    return text[text.index("  - id: leeds-cc") :].splitlines()


def test_plain_names_are_written_plain_and_others_quoted_so_they_read_back_the_same(data):
    assert add(data, "--name", "Leeds City Council", "--area", 'Leeds: West Yorkshire\'s "capital"') == 0
    lines = entry_lines(data)
    assert "    name: Leeds City Council" in lines
    organisation = load_catalogue(data, cache=shared_cache()).organisations["leeds-cc"]
    assert organisation.area == 'Leeds: West Yorkshire\'s "capital"'
    assert yaml.safe_load("\n".join(lines))[0]["kind"] == "Local authority"


@pytest.mark.parametrize(("code", "name"), [("CC-BY-4.0", "Creative Commons Attribution 4.0"), ("ogl-uk-3.0", None)])
def test_a_known_licence_is_named_by_its_identifier(data, code, name):
    assert add(data, "--name", "Leeds City Council", "--licence", code) == 0
    licence = load_catalogue(data, cache=shared_cache()).organisations["leeds-cc"].licence
    assert licence == m.KNOWN_LICENCES[code.upper()] and licence_id(licence) == code.upper()
    # The default licence is not written out: the entry stays as short as the others.
    assert any("licence:" in line for line in entry_lines(data)) == (name is not None)


def test_another_licence_needs_its_address_and_gets_it(data, capsys):
    assert add(data, "--name", "Leeds City Council", "--licence", "Leeds Open Data Licence") == 1
    error = capsys.readouterr().err
    assert "'Leeds Open Data Licence' is not a licence the site knows" in error and "--licence-url" in error
    assert "leeds-cc" not in (data / "organisations.yml").read_text(encoding="utf-8")
    url = "https://www.leeds.gov.uk/open-data-licence"
    assert add(data, "--name", "Leeds City Council", "--licence", "Leeds Open Data Licence", "--licence-url", url) == 0
    licence = load_catalogue(data, cache=shared_cache()).organisations["leeds-cc"].licence
    assert (licence.name, licence.url, licence_id(licence)) == ("Leeds Open Data Licence", url, "other")


def test_a_licence_address_that_is_not_one_is_refused_in_words(data, capsys):
    assert add(data, "--name", "L", "--licence", "Leeds licence", "--licence-url", "leeds licence") == 1
    error = capsys.readouterr().err
    assert "'leeds licence' (--licence-url) is not a web address" in error and "Traceback" not in error
