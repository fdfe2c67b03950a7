"""`./run`: packages are installed only when what is installed changed, so `./run check` answers in about a second."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FAKE_PYTHON = """#!/bin/sh
echo "$*" >> "$(dirname "$0")/../calls.log"
"""


def run_check(project: Path) -> list[str]:
    log = project / ".venv" / "calls.log"
    log.unlink(missing_ok=True)
    subprocess.run([str(project / "run"), "check"], cwd=project, check=True, env=dict(os.environ), timeout=60)
    return log.read_text().splitlines()


def test_the_second_check_installs_nothing_and_a_changed_pyproject_installs_again(tmp_path):
    shutil.copy(ROOT / "run", tmp_path / "run")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    python = tmp_path / ".venv" / "bin" / "python"
    python.parent.mkdir(parents=True)
    python.write_text(FAKE_PYTHON)
    python.chmod(python.stat().st_mode | stat.S_IEXEC)

    first = run_check(tmp_path)
    assert any("pip install" in call for call in first) and first[-1] == "-m plansite check"
    assert run_check(tmp_path) == ["-m plansite check"]
    with (tmp_path / "pyproject.toml").open("a") as file:
        file.write("\n# a new dependency\n")
    assert any("pip install" in call for call in run_check(tmp_path))
