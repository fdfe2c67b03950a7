"""What one build works out and the next can use, kept in the project's .cache/plansite/ folder:
each checked data file, the templates compiled to Python, and the plan schema.

A saved result is used only for exactly the input it was made from: a data file's bytes and
name, with the code and the installed libraries that checked it (`code_fingerprint`); a template's
source (Jinja compares it). Anything else is made again, so a build from saved results publishes
the same site as one without, and an unreadable or missing entry only costs the time to redo it.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import jinja2

FOLDER = Path(".cache", "plansite")
PACKAGE = Path(__file__).resolve().parent


def folder_for(project: Path) -> Path:
    return Path(project) / FOLDER


def code_fingerprint() -> str:
    """Changes whenever a result might: this package's code, any installed library, Python itself."""
    digest = hashlib.sha256(sys.version.encode())
    for file in sorted(PACKAGE.rglob("*.py")):
        digest.update(file.relative_to(PACKAGE).as_posix().encode() + b"\0" + file.read_bytes())
    digest.update("\0".join(_installed()).encode())
    return digest.hexdigest()[:32]


@functools.cache
def _installed() -> tuple[str, ...]:
    """Every installed distribution with its version, as the names of its metadata folders say."""
    names = set()
    for entry in sys.path:
        try:
            names.update(name for name in os.listdir(entry or ".") if name.endswith((".dist-info", ".egg-info")))
        except OSError:
            continue
    return tuple(sorted(names))


class SavedFiles:
    """Checked data files, by their name and bytes, for one version of the code.

    Only a file checked without a problem is saved. `forget_others()` deletes what a build did
    not use (older versions of the files, files deleted since), so the folder stays the size of
    the data.
    """

    def __init__(self, project: Path) -> None:
        self.root = folder_for(project) / "data"
        self.fingerprint = code_fingerprint()
        self.folder = self.root / self.fingerprint

    def key(self, display: str, digest: str) -> str:
        """The name of a file's entry, from its name and the digest of its content."""
        return hashlib.sha256(f"{display}\0{digest}".encode()).hexdigest()

    def get(self, key: str):
        try:
            return pickle.loads((self.folder / key).read_bytes())
        except Exception:  # noqa: BLE001 - missing, cut short or from elsewhere: checked again
            return None

    def put(self, key: str, loaded) -> None:
        _write_whole(self.folder / key, pickle.dumps(loaded, protocol=pickle.HIGHEST_PROTOCOL))

    def forget_others(self, keep: set[str | None]) -> None:
        """Delete every saved result but those kept, and everything saved by another version of the code."""
        _forget_other_versions(self.root, self.fingerprint)
        try:
            for entry in self.folder.iterdir():
                if entry.name not in keep:
                    entry.unlink(missing_ok=True)
        except OSError:
            pass  # nothing saved yet, or a folder we may not write: nothing to tidy


class SavedOutputs:
    """Downloads made from the code alone (the plan schema), for one version of the code."""

    def __init__(self, project: Path) -> None:
        self.root = folder_for(project) / "outputs"
        self.fingerprint = code_fingerprint()

    def made(self, name: str, make: Callable[[], bytes]) -> bytes:
        """The output called name as this code made it before, or make()'s, saved for the next build."""
        entry = self.root / self.fingerprint / hashlib.sha256(name.encode()).hexdigest()
        try:
            return entry.read_bytes()
        except OSError:
            pass
        content = make()
        _forget_other_versions(self.root, self.fingerprint)
        _write_whole(entry, content)
        return content


def _forget_other_versions(root: Path, fingerprint: str) -> None:
    """Delete what other versions of the code saved under root."""
    try:
        for entry in root.iterdir():
            if entry.name != fingerprint:
                shutil.rmtree(entry, ignore_errors=True)
    except OSError:
        pass  # nothing saved yet


def _write_whole(path: Path, content: bytes) -> None:
    """Write a file so that no reader ever sees half of it; give up quietly if the folder is not writable."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".", delete=False) as handle:
            handle.write(content)
        os.replace(handle.name, path)
    except OSError:
        pass


class _CompiledTemplates(jinja2.FileSystemBytecodeCache):
    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass  # a folder we may not write: compiled again next time, as without a cache


def compiled_templates(project: Path, name: str) -> jinja2.BytecodeCache | None:
    """Jinja's own cache of compiled templates, on disk, one folder per environment (`name`): code
    compiled for one environment's settings may not suit another's. Jinja compiles a template
    again when its source changes."""
    folder = folder_for(project) / "templates" / f"{name}-{jinja2.__version__}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None  # nowhere to save: compiled each time, as without a cache
    return _CompiledTemplates(str(folder))
