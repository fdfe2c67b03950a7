"""GitHub's REST API as the trusted workflow uses it, through the `gh` command of its runner.

The token is the workflow's own (GH_TOKEN); what each call may do is what the job's permissions
allow. Nothing read here is run: answers are JSON, artifacts are zip files unpacked as files.
"""

from __future__ import annotations

import io
import json
import stat
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

PER_PAGE = 100


class GitHubError(Exception):
    """A call to GitHub failed, or what it gave is not what was asked for; its message says which and why."""


class TooBig(GitHubError):
    """An artifact that would not fit in the room left."""


@dataclass(frozen=True)
class Artifact:
    """A file a workflow run uploaded, by its id, with the run it belongs to."""

    id: int
    name: str
    run_id: int


class GitHub:
    """One repository's API: JSON answers, lists page by page, artifacts as bytes, comments."""

    def __init__(self, repository: str, command: tuple[str, ...] = ("gh",)) -> None:
        self.repository = repository
        self.command = command

    def _call(self, args: list[str], body: dict | None = None) -> bytes:
        result = subprocess.run(
            [*self.command, "api", "-H", "Accept: application/vnd.github+json", *args],
            input=json.dumps(body).encode() if body is not None else None,
            capture_output=True,
            timeout=300,
        )
        if result.returncode != 0:
            raise GitHubError(f"gh api {args[-1]}: {result.stderr.decode(errors='replace').strip()}")
        return result.stdout

    def get(self, path: str) -> dict | list:
        """The JSON answer to GET repos/<repository>/<path>."""
        return json.loads(self._call([f"repos/{self.repository}/{path}"]) or b"null")

    def each(self, path: str, key: str | None = None, most: int = 1000):
        """Every item of a listed answer, page by page (key: the list's name in the answer, if it is in one)."""
        separator = "&" if "?" in path else "?"
        for page in range(1, most // PER_PAGE + 1):
            answer = self.get(f"{path}{separator}per_page={PER_PAGE}&page={page}")
            items = answer.get(key, []) if key else answer
            yield from items
            if len(items) < PER_PAGE:
                return

    def send(self, method: str, path: str, body: dict) -> dict:
        """POST or PATCH a JSON body to repos/<repository>/<path>."""
        return json.loads(self._call(["--method", method, f"repos/{self.repository}/{path}", "--input", "-"], body))

    def artifact_zip(self, artifact: Artifact) -> bytes:
        return self._call([f"repos/{self.repository}/actions/artifacts/{artifact.id}/zip"])


def unpack(archive: bytes, folder: Path, most: int) -> int:
    """Unpack an artifact's zip into folder, as plain files only; returns the bytes written.

    The zip was made by a run of a pull request's code: a name that would land outside folder,
    an entry that is not a plain file or folder (a link), or more than `most` bytes unpacked, is
    refused with the whole archive (the caller removes what was written).
    """
    with zipfile.ZipFile(io.BytesIO(archive)) as zipped:
        entries = zipped.infolist()
        if sum(entry.file_size for entry in entries) > most:
            raise TooBig(f"the artifact unpacks to more than {most:,} bytes")
        for entry in entries:
            name = PurePosixPath(entry.filename)
            kind = stat.S_IFMT(entry.external_attr >> 16)
            if name.is_absolute() or ".." in name.parts or "\\" in entry.filename or ":" in entry.filename:
                raise GitHubError(f"the artifact holds a file outside its folder: {entry.filename!r}")
            if kind not in (0, stat.S_IFREG, stat.S_IFDIR):
                raise GitHubError(f"the artifact holds something that is not a file: {entry.filename!r}")
        folder.mkdir(parents=True, exist_ok=True)
        written = 0
        for entry in entries:
            target = folder.joinpath(*PurePosixPath(entry.filename).parts)
            if entry.is_dir():
                target.mkdir(parents=True, exist_ok=True)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            with zipped.open(entry) as source, open(target, "wb") as out:
                while chunk := source.read(1 << 20):
                    out.write(chunk)
                    written += len(chunk)
                    if written > most:  # the sizes it declares were not the truth
                        raise TooBig(f"the artifact unpacks to more than {most:,} bytes")
    return written
