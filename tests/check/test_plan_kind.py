"""A plan's kind is free words; one a slip away from a kind the site knows gets a "did you mean"."""

from __future__ import annotations

import shutil

import pytest
from plan_files import shared_cache
from plansite.catalogue import load_catalogue
from project import FIXTURE_DATA

PLAN = "occ-business-plan-2012-13"


@pytest.mark.parametrize(
    ("kind", "guess"),
    [("buisness plan", "business plan"), ("Stratgic Plan", "strategic plan"), ("pledges", "pledge"),
     ("Business Plan", None), ("children's rights charter", None), ("youth offer", None)],
)  # fmt: skip
def test_a_kind_a_slip_from_a_known_one_is_warned_and_never_refused(tmp_path, kind, guess):
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    file = data / "plans" / f"{PLAN}.yml"
    text = file.read_text(encoding="utf-8")
    file.write_text(text.replace("\nkind: business plan\n", f"\nkind: {kind}\n", 1), encoding="utf-8")
    warnings = [
        str(w) for w in load_catalogue(data, cache=shared_cache()).warnings.warnings if "kinds of plan" in w.message
    ]
    if guess is None:
        assert warnings == []
    else:
        [warning] = warnings
        assert warning.startswith(f"data/plans/{PLAN}.yml:")
        assert f"warning: '{kind}' is not one of the kinds of plan the site knows; did you mean '{guess}'?" in warning
