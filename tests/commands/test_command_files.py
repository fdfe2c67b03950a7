"""Editing commands refuse what the build refuses, before they read or write anything.

A plan file that links out of data/, to a device or a pipe, that dangles, or that is not in
data/plans/ at all: progress, mark-reviewed and compare stop with the build's message, print
nothing of what the link leads to and change nothing; new-plan and new-organisation write no
file the check would refuse, and never through a link.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from plansite.commands.main import main
from project import FIXTURE_DATA

SECRET = "SECRET-OUTSIDE-CONTENT"
PLAN = FIXTURE_DATA / "plans" / "chscb-business-plan-2014-15.yml"


def outside_file(tmp_path: Path) -> Path:
    """A file outside data/ with a valid plan's text and a secret in it."""
    outside = tmp_path / "outside.yml"
    outside.write_text(PLAN.read_text(encoding="utf-8").replace("title:", f"{SECRET}: 1\ntitle:", 1), encoding="utf-8")
    return outside


def commands(file: Path, data: Path) -> list[list[str]]:
    return [
        ["mark-reviewed", str(file)],
        ["progress", str(file), "early-help-1", "--status", "completed", "--text", "Done.", "--date", "2025-01-01"],
        ["compare", str(file), str(data.parent / "source.txt"), "--data", str(data)],
    ]


def run(arguments: list[str], capsys) -> tuple[int, str]:
    code = main(arguments)
    out, err = capsys.readouterr()
    return code, out + err


@pytest.mark.parametrize("kind", ["link out of data", "link to a device", "dangling link", "pipe", "outside data"])
def test_each_command_refuses_a_plan_file_the_build_refuses(data, tmp_path, capsys, kind: str) -> None:
    outside = outside_file(tmp_path)
    (data.parent / "source.txt").write_text("A source.", encoding="utf-8")
    file = data / "plans" / "leak.yml"
    if kind == "link out of data":
        file.symlink_to(outside)
    elif kind == "link to a device":
        file.symlink_to("/dev/zero")
    elif kind == "dangling link":
        file.symlink_to(tmp_path / "nowhere.yml")
    elif kind == "pipe":
        os.mkfifo(file)
    else:
        file = outside
    before = outside.read_bytes()
    for arguments in commands(file, data):
        code, said = run(arguments, capsys)
        assert code == 1, (arguments[0], said)
        assert SECRET not in said, (arguments[0], said)
        assert "Traceback" not in said
        assert ":1:1: " in said and "; " in said, said
    assert outside.read_bytes() == before
    if kind == "link out of data":
        assert file.is_symlink(), "mark-reviewed must not copy the linked file into data/"
    assert sorted(p.name for p in (data / "plans").iterdir() if p.name.startswith(".")) == []


def test_progress_writes_no_file_through_a_link_left_at_a_name(data, tmp_path, capsys) -> None:
    plan = data / "plans" / "chscb-business-plan-2014-15.yml"
    victim = tmp_path / "victim.txt"
    victim.write_text("untouched", encoding="utf-8")
    (data / "plans" / f".{plan.name}.progress.tmp").symlink_to(victim)
    code, said = run(commands(plan, data)[1], capsys)
    assert code == 0, said
    assert victim.read_text(encoding="utf-8") == "untouched"


@pytest.mark.parametrize("title", ["£££", "ΣΧΕΔΙΟ", "<script>alert(1)</script>", "[[x]] <!-- hidden -->"])
def test_new_plan_writes_only_a_file_the_check_accepts(data, capsys, title: str) -> None:
    before = sorted((data / "plans").iterdir())
    code, said = run(["new-plan", "--organisation", "occ", "--title", title, "--period", "2025-26",
                      "--data", str(data)], capsys)  # fmt: skip
    assert code == 1, said
    assert said.startswith("new-plan: ") and "Traceback" not in said
    assert sorted((data / "plans").iterdir()) == before


def test_new_plan_writes_a_valid_draft(data, capsys) -> None:
    code, said = run(["new-plan", "--organisation", "occ", "--title", "Plan 2030", "--period", "2030",
                      "--data", str(data)], capsys)  # fmt: skip
    assert code == 0, said
    assert main(["check", "--data", str(data)]) == 0


def test_new_plan_never_writes_through_a_link(data, tmp_path, capsys) -> None:
    target = tmp_path / "written-elsewhere.yml"
    (data / "plans" / "occ-plan-2030.yml").symlink_to(target)
    code, said = run(["new-plan", "--organisation", "occ", "--title", "Plan 2030", "--period", "2030",
                      "--data", str(data)], capsys)  # fmt: skip
    assert code == 1 and not target.exists(), said


def test_new_plan_refuses_a_plans_folder_that_is_a_link(data, tmp_path, capsys) -> None:
    elsewhere = tmp_path / "elsewhere"
    (data / "plans").rename(elsewhere)
    (data / "plans").symlink_to(elsewhere)
    code, said = run(["new-plan", "--organisation", "occ", "--title", "Plan 2030", "--period", "2030",
                      "--data", str(data)], capsys)  # fmt: skip
    assert code == 1 and not (elsewhere / "occ-plan-2030.yml").exists(), said


def test_new_organisation_never_writes_through_a_link(data, tmp_path, capsys) -> None:
    outside = tmp_path / "organisations.yml"
    (data / "organisations.yml").rename(outside)
    (data / "organisations.yml").symlink_to(outside)
    before = outside.read_bytes()
    code, said = run(["new-organisation", "--id", "leeds", "--name", "Leeds", "--kind", "Council",
                      "--data", str(data)], capsys)  # fmt: skip
    assert code == 1, said
    assert outside.read_bytes() == before and "link to a file outside the data folder" in said
