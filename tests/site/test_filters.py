"""Template filters that put words on pages: organisation names in a sentence."""

from __future__ import annotations

import pytest
from plansite import model as m
from plansite.site.filters import the_name
from plansite.views.words import takes_the, with_the


def organisation(name: str, takes: bool | None = None) -> m.Organisation:
    return m.Organisation(
        id="org",
        name=name,
        kind="Local authority",
        about="About it.",
        takes_the=takes,
        young_people={"text": "About it."},
    )


@pytest.mark.parametrize(
    "name",
    [
        "Office of the Children's Commissioner",
        "Safeguarding Children Board",
        "City and Hackney Safeguarding Children Board",
        "Children's Commissioner for Wales",
        "Leeds Safeguarding Children Partnership",
        "Department for Education",
    ],
)
def test_a_name_whose_main_word_is_a_board_or_an_office_takes_the(name):
    assert takes_the(name)
    assert with_the(name) == f"the {name}"
    assert with_the(name, start=True) == f"The {name}"


@pytest.mark.parametrize(
    "name",
    ["Kirklees Council", "Leeds City Council", "Cumberland Council", "Action for Children", "The Children's Society"],
)
def test_a_council_a_plain_name_or_a_name_with_the_already_takes_none(name):
    assert not takes_the(name)
    assert with_the(name) == name
    assert with_the(name, start=True) == name


def test_the_data_decides_over_the_rule():
    assert with_the("NSPCC", True) == "the NSPCC"
    assert with_the("Safeguarding Children Board", False) == "Safeguarding Children Board"


@pytest.mark.parametrize(
    "name, takes, expected",
    [
        ("Office of the Children's Commissioner", None, "the Office of the Children's Commissioner"),
        ("Kirklees Council", None, "Kirklees Council"),
        ("NSPCC", True, "the NSPCC"),
    ],
)
def test_the_filter_reads_the_organisation(name, takes, expected):
    assert the_name(organisation(name, takes)) == expected
    assert the_name(organisation(name, takes), start=True) == expected[:1].upper() + expected[1:]
