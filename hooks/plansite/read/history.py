"""When a data file last changed, from git, so each plan page can say when it was last updated."""

from __future__ import annotations

import datetime
import subprocess
from pathlib import Path


def last_changed(file: Path) -> datetime.date | None:
    """The date of the last commit that touched the file, or None outside a git checkout."""
    try:
        result = subprocess.run(
            ["git", "log", "-1", "--format=%cs", "--", file.name],
            cwd=file.parent, capture_output=True, text=True, timeout=20, check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    text = result.stdout.strip()
    return datetime.date.fromisoformat(text) if result.returncode == 0 and text else None
