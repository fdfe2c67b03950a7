"""The build's one cache: what a build worked out from an input, kept for the next build.

An entry is found by its key alone, and `Cache.key()` makes every key from all a result depends
on: the input's name and bytes, and the code that worked it out (this package, every installed
library, Python itself). So a stale entry is never used: it is never found, and is deleted once
a build has not used it. An entry that cannot be read costs only the time to work it out again.

`NoCache` is the plain twin (`cache: false` in mkdocs.yml): nothing is kept, everything is worked
out. `mkdocs serve` keeps its entries in memory as well, from one rebuild to the next.
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
from typing import Any

import jinja2

FOLDER = Path(".cache", "plansite")
PACKAGE = Path(__file__).resolve().parent


def code_fingerprint() -> str:
    """Changes whenever a result might: this package's code, any installed library, Python itself."""
    digest = hashlib.sha256(sys.version.encode())
    for file in sorted(PACKAGE.rglob("*.py")):
        digest.update(file.relative_to(PACKAGE).as_posix().encode() + b"\0" + file.read_bytes())
    digest.update("\0".join(_installed()).encode())
    return digest.hexdigest()[:32]


def entry_key(*parts: str) -> str:
    """The key of a result: from the parts of its input (a file's name, its content's digest...)."""
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


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


class Cache:
    """Entries kept in a project's .cache/plansite/<part>/, one file each, for one version of the code.

    A part holds one kind of result ("data": each data file checked; "downloads": each plan's
    downloads), and is tidied on its own (keep_only). With in_memory (`mkdocs serve`), each entry
    is also held in memory once read or made, so that a rebuild takes the very objects the last one used;
    a part not on_disk is held in memory only (the views of each plan, while serving).
    """

    def __init__(self, project: Path, in_memory: bool = False, part: str = "data", on_disk: bool = True) -> None:
        self.root = Path(project) / FOLDER
        self.on_disk = on_disk
        self.fingerprint = code_fingerprint()
        self.part = part
        self.folder = self.root / part / self.fingerprint
        self._memory: dict[str, Any] | None = {} if in_memory else None
        self._compiled: dict[str, _TemplatesInMemory] = {}

    def key(self, *parts: str) -> str:
        """The key of a result (entry_key): the same in the plain twin."""
        return entry_key(*parts)

    def get(self, key: str) -> Any | None:
        """The entry kept under key, or None."""
        if self._memory is not None and key in self._memory:
            return self._memory[key]
        if not self.on_disk:
            return None
        try:
            value = pickle.loads((self.folder / key).read_bytes())
        except Exception:  # noqa: BLE001 - missing, cut short or unreadable: worked out again
            return None
        if self._memory is not None:
            self._memory[key] = value
        return value

    def get_or_make(self, key: str, make: Callable[[], Any]) -> Any:
        """The entry kept under key, or make()'s result, kept under it."""
        value = self.get(key)
        if value is None:
            value = make()
            self.put(key, value)
        return value

    def put(self, key: str, value: Any) -> None:
        """Keep value under key, for this build's process and the next build."""
        if self._memory is not None:
            self._memory[key] = value
        if self.on_disk:
            _write_whole(self.folder / key, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))

    def remember(self, key: str, value: Any) -> None:
        """Hold value in memory under key, as get() found it: an entry a fork made and kept on disk."""
        if self._memory is not None:
            self._memory[key] = value

    def keep_only(self, used: set[str]) -> None:
        """Delete every entry of this part but those this build used, and all that other versions of the code kept."""
        if self._memory is not None:
            for key in set(self._memory) - used:
                del self._memory[key]
        try:
            for entry in (self.root / self.part).iterdir():
                if entry.name != self.fingerprint:
                    shutil.rmtree(entry, ignore_errors=True)
            for entry in self.folder.iterdir():
                if entry.name not in used:
                    entry.unlink(missing_ok=True)
        except OSError:
            pass  # nothing kept yet, or a folder we may not write: nothing to tidy

    def templates(self, name: str) -> jinja2.BytecodeCache | None:
        """Jinja's own cache of compiled templates, one per environment (`name`: code compiled for one
        environment's settings may not suit another's); Jinja compiles a template again when its
        source changes."""
        if self._memory is not None:
            return self._compiled.setdefault(name, _TemplatesInMemory())
        folder = self.root / "templates" / f"{name}-{jinja2.__version__}"
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            return None  # nowhere to keep them: compiled each time, as without a cache
        return _TemplatesOnDisk(str(folder))


class NoCache:
    """The plain twin: nothing is kept, every result is worked out."""

    def key(self, *parts: str) -> str:
        return entry_key(*parts)

    def get(self, key: str) -> None:
        return None

    def get_or_make(self, key: str, make: Callable[[], Any]) -> Any:
        return make()

    def put(self, key: str, value: Any) -> None:
        pass

    def remember(self, key: str, value: Any) -> None:
        pass

    def keep_only(self, used: set[str]) -> None:
        pass

    def templates(self, name: str) -> None:
        return None


def _write_whole(path: Path, content: bytes) -> None:
    """Write a file so that no reader ever sees half of it; give up quietly if the folder is not writable."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".", delete=False) as handle:
            handle.write(content)
        os.replace(handle.name, path)
    except OSError:
        pass


class _TemplatesOnDisk(jinja2.FileSystemBytecodeCache):
    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass  # a folder we may not write: compiled again next time, as without a cache


class _TemplatesInMemory(jinja2.BytecodeCache):
    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.store:
            bucket.bytecode_from_string(self.store[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()
