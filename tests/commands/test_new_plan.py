"""Starting a new plan: the scaffold is a valid draft, and refused for publication until filled in."""

import pytest
from plan_files import shared_cache
from plansite.catalogue import load_catalogue
from plansite.commands.main import main
from plansite.errors import DataError


def test_new_plan_is_a_valid_draft_and_is_left_out_of_production(data, capsys):
    code = main(
        [
            "new-plan",
            "--organisation",
            "occ",
            "--title",
            "Business Plan 2025-26",
            "--period",
            "2025-26",
            "--data",
            str(data),
        ]
    )
    assert code == 0
    file = data / "plans" / "occ-business-plan-2025-26.yml"
    assert file.exists() and "[[" in file.read_text(encoding="utf-8")
    catalogue = load_catalogue(data, cache=shared_cache())
    assert ("occ-business-plan-2025-26", "draft") in catalogue.left_out
    assert "occ-business-plan-2025-26" in [
        p.slug for p in load_catalogue(data, preview=True, cache=shared_cache()).plans
    ]


def test_new_plan_takes_any_kind_of_plan(data):
    """Real organisations publish charters, pledges, local offers...: the kind is the organisation's own words."""
    args = ["new-plan", "--organisation", "occ", "--title", "Our Charter", "--period", "2025", "--data", str(data)]
    assert main([*args, "--kind", "children's rights charter"]) == 0
    [plan] = [p for p in load_catalogue(data, preview=True, cache=shared_cache()).plans if p.slug == "occ-our-charter"]
    assert plan.plan.kind == "children's rights charter"


def test_new_plan_is_refused_as_published_while_placeholders_remain(data):
    main(
        [
            "new-plan",
            "--organisation",
            "occ",
            "--title",
            "Business Plan 2025-26",
            "--period",
            "2025-26",
            "--data",
            str(data),
        ]
    )
    file = data / "plans" / "occ-business-plan-2025-26.yml"
    file.write_text(file.read_text(encoding="utf-8").replace("status: draft", "status: published"), encoding="utf-8")
    with pytest.raises(DataError) as error:
        load_catalogue(data, cache=shared_cache())
    report = error.value.problems.report()
    assert "data/plans/occ-business-plan-2025-26.yml:9:10: the placeholder [[" in report
    assert "replace it with the real text, or set 'status: draft'" in report


@pytest.mark.parametrize(
    "args, message",
    [
        (["--organisation", "nobody"], "unknown organisation 'nobody'; use one of: occ, scb, chscb, "),
        (
            ["--organisation", "occ", "--kind", " "],
            "the kind must be one line of words, such as: business plan, strategic plan",
        ),
    ],
)
def test_new_plan_explains_bad_arguments(data, capsys, args, message):
    code = main(["new-plan", "--title", "T", "--period", "2025-26", "--data", str(data), *args])
    assert code == 1
    assert message in capsys.readouterr().err


def test_a_plan_file_name_that_cannot_be_an_address_is_refused(data):
    (data / "plans" / "scb-business-plan-2009-10.yml").rename(data / "plans" / "SCB Plan.yml")
    with pytest.raises(DataError) as error:
        load_catalogue(data, cache=shared_cache())
    assert (
        "data/plans/SCB Plan.yml:1:1: the file name 'SCB Plan.yml' cannot be used in a web address"
        in error.value.problems.report()
    )
