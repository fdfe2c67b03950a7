"""One command line: `./run --help` lists every command, each command's help names `./run`, and the
editors' guide sends editors only to `./run` commands."""

from __future__ import annotations

import re
import subprocess

import pytest
from plansite.commands.main import main
from project import ROOT

GUIDE = (ROOT / "content" / "editors-guide.md").read_text(encoding="utf-8")
DATA_COMMANDS = (
    "check",
    "new-plan",
    "new-organisation",
    "compare",
    "mark-reviewed",
    "progress",
    "reading-level",
    "import",
    "admin-config",
)
SITE_COMMANDS = ("serve", "build", "preview", "test", "lint", "admin")


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(ROOT / "run"), *args], capture_output=True, text=True, timeout=300)


def test_run_help_lists_every_command_and_exits_0():
    for flag in ("--help", "-h", "help"):
        result = run(flag)
        assert result.returncode == 0, result.stderr
        listed = re.findall(r"^  ([a-z-]+) ", result.stdout, re.M)
        assert set(listed) == set(DATA_COMMANDS + SITE_COMMANDS), listed


def test_an_unknown_command_is_named_and_the_list_is_printed():
    result = run("chek")
    assert result.returncode == 2
    assert "unknown command 'chek'" in result.stderr and "  check " in result.stderr


@pytest.mark.parametrize("command", DATA_COMMANDS)
def test_each_data_command_has_help_that_names_run(command, capsys):
    with pytest.raises(SystemExit) as stop:
        main([command, "--help"])
    assert stop.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: ./run {command}") and "python -m" not in out


@pytest.mark.parametrize("command", ("progress", "reading-level"))
def test_progress_and_reading_level_run_through_run(command):
    result = run(command, "--help")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"usage: ./run {command}")


def test_the_guide_sends_editors_only_to_run_commands():
    assert "python -m" not in GUIDE and "cd hooks" not in GUIDE and ".venv/" not in GUIDE
    named = set(re.findall(r"\./run ([a-z][a-z-]*)", GUIDE))  # and ./run --help
    assert named and named <= set(DATA_COMMANDS + SITE_COMMANDS), named - set(DATA_COMMANDS + SITE_COMMANDS)
