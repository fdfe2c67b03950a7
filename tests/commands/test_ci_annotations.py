"""What the pull-request workflow's `./run check` step shows when a plan file is broken.

In GitHub Actions (GITHUB_ACTIONS=true) every data problem is also printed as an `::error` workflow
command, whose path must be relative to the repository for GitHub to put it on the changed line.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from plansite.commands.main import main

PLAN = "data/plans/scb-business-plan-2009-10.yml"
DUPLICATE = "title: A second title for the same plan\n"


def break_plan(project: Path) -> int:
    """Add a second top-level `title:` right after the first; return the line number of the duplicate."""
    file = project / PLAN
    lines = file.read_text(encoding="utf-8").splitlines(keepends=True)
    first = next(i for i, line in enumerate(lines) if line.startswith("title:"))
    lines.insert(first + 1, DUPLICATE)
    file.write_text("".join(lines), encoding="utf-8")
    return first + 2


def check_as_the_workflow_runs_it(project: Path, github_actions: bool) -> tuple[int, str]:
    """`./run check` as the workflow runs it: `python -m plansite check --data ...` from hooks/, in a process
    of its own; its exit code and what it printed."""
    env = dict(os.environ)
    env.pop("GITHUB_ACTIONS", None)  # the suite itself may be running in GitHub Actions
    env.pop("PYTHONPATH", None)
    if github_actions:
        env["GITHUB_ACTIONS"] = "true"
    result = subprocess.run(
        [sys.executable, "-m", "plansite", "check", "--data", str(project / "data")],
        capture_output=True,
        text=True,
        env=env,
        cwd=project / "hooks",
        timeout=300,
    )
    return result.returncode, result.stdout + result.stderr


@pytest.fixture
def check(monkeypatch, capsys):
    """`./run check` run here (`main`, as `python -m plansite` runs it), in GitHub Actions or not: its exit
    code and what it printed. One test runs it in a process of its own, as the workflow does."""

    def run(project: Path, github_actions: bool, *options: str) -> tuple[int, str]:
        monkeypatch.delenv("GITHUB_ACTIONS", raising=False)  # the suite itself may be running in GitHub Actions
        if github_actions:
            monkeypatch.setenv("GITHUB_ACTIONS", "true")
        capsys.readouterr()
        code = main(["check", "--data", str(project / "data"), *options])
        printed = capsys.readouterr()
        return code, printed.out + printed.err

    return run


def test_the_copy_is_valid_before_it_is_broken(project_copy, check):
    code, output = check(project_copy, github_actions=True)
    assert code == 0, output
    assert "::error" not in output


def test_a_duplicate_key_is_annotated_in_github_actions(project_copy):
    line = break_plan(project_copy)
    code, output = check_as_the_workflow_runs_it(project_copy, github_actions=True)
    assert code == 1, output
    assert "Traceback" not in output
    lines = output.splitlines()

    plain = [text for text in lines if re.match(rf"^{re.escape(PLAN)}:\d+:\d+: duplicate key 'title'", text)]
    assert plain, output
    assert plain[0].startswith(f"{PLAN}:{line}:1: duplicate key 'title' (also on line {line - 1})")

    annotations = [text for text in lines if re.match(rf"^::error file={re.escape(PLAN)},line=\d+,col=\d+::", text)]
    assert annotations, output
    assert annotations[0].startswith(f"::error file={PLAN},line={line},col=1::{PLAN}:{line}:1: duplicate key 'title'")

    # Every path printed is the repository-relative one GitHub needs, never the checkout's absolute path.
    assert str(project_copy) not in output
    for annotation in (text for text in lines if text.startswith("::error")):
        assert re.match(r"^::error file=data/[^,]+,line=\d+,col=\d+::", annotation), annotation


def test_no_annotations_outside_github_actions(project_copy, check):
    line = break_plan(project_copy)
    code, output = check(project_copy, github_actions=False)
    assert code == 1, output
    assert "Traceback" not in output
    assert f"{PLAN}:{line}:1: duplicate key 'title'" in output
    assert "::error" not in output


def test_the_report_names_the_same_problem_as_the_printed_line(project_copy, tmp_path, check):
    line = break_plan(project_copy)
    report = tmp_path / "report" / "problems.json"
    code, output = check(project_copy, False, "--report", "json", str(report))  # as the pull-request workflow runs it
    assert code == 1, output
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["format"] == "plansite-problems/1"
    duplicate = [p for p in data["problems"] if p["message"].startswith("duplicate key 'title'")]
    assert duplicate and duplicate[0]["file"] == PLAN and duplicate[0]["line"] == line
    assert duplicate[0]["column"] == 1 and duplicate[0]["hint"]
    assert data["total"] == len(data["problems"]) == sum(data["files"].values())
    printed = [text for text in output.splitlines() if text.startswith(f"{PLAN}:{line}:1: duplicate key 'title'")]
    assert printed and duplicate[0]["message"] in printed[0] and duplicate[0]["hint"] in printed[0]


def test_the_report_of_valid_data_says_so(project_copy, tmp_path, check):
    report = tmp_path / "problems.json"
    code, output = check(project_copy, False, "--report", "json", str(report))
    assert code == 0, output
    assert json.loads(report.read_text(encoding="utf-8"))["problems"] == []


def test_an_unknown_report_format_is_refused(tmp_path, capsys):
    with pytest.raises(SystemExit) as refused:
        main(["check", "--report", "xml", str(tmp_path / "p.xml")])
    assert refused.value.code == 2 and "unknown format 'xml'" in capsys.readouterr().err
    assert not (tmp_path / "p.xml").exists()
