"""Fast previews: `mkdocs serve --dirty` draws again only the pages whose data changed.

Each generated page gets a fingerprint of everything it shows: its view (title, table of
contents, template and the data in its context), the site-wide data every page uses, the theme
and the list of pages. A page is redrawn when its fingerprint differs from the one it had when it
was last written. Fingerprints are remembered (`Redraws`, kept by the serve's session) only after
a whole build succeeds, and `mkdocs build` (never dirty) ignores them: it draws every page.
"""

from __future__ import annotations

import dataclasses
import enum
import hashlib
import logging
import os
from pathlib import Path

from pydantic import BaseModel

from ..catalogue import Catalogue, PlanFile
from ..views import PageView
from .pages import text_digest


class QuietDirtyWarning(logging.Filter):
    """MkDocs warns that a dirty build may leave navigation stale; fingerprints include the page list,
    so it does not."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "A 'dirty' build is being performed" not in record.getMessage()


def quiet_dirty_warning() -> None:
    build_log = logging.getLogger("mkdocs.commands.build")
    if not any(isinstance(f, QuietDirtyWarning) for f in build_log.filters):
        build_log.addFilter(QuietDirtyWarning())


def _files_version(*folders: Path) -> str:
    digest = hashlib.sha256()
    for folder in folders:
        for file in sorted(folder.rglob("*")) if folder.is_dir() else [folder]:
            if file.is_file():
                stat = file.stat()
                digest.update(f"{file}:{stat.st_mtime_ns}:{stat.st_size}\n".encode())
    return digest.hexdigest()


class Fingerprints:
    """The fingerprint of every generated page of one build.

    Each model object or container a view holds is written out once and stands in the pages'
    fingerprints by the digest of what it holds. `previous` holds those digests from the last
    rebuild, by id, with the object itself: the models of unchanged files, and the views of
    unchanged plans, are the same objects from one rebuild to the next (the serve's caches keep
    them in memory), and an object held there keeps its id. Views never change once made.
    """

    def __init__(
        self,
        catalogue: Catalogue,
        views: list[PageView],
        config_file: Path,
        theme_dir: Path,
        docs_dir: Path,
        previous: dict[int, tuple[object, str]],
    ):
        self.previous = previous
        self._plans: dict[int, str] = {}
        for plan_file in catalogue.plans:
            self._plans[id(plan_file.plan)] = plan_file.slug + text_digest(plan_file)
        self._digests: dict[int, tuple[object, str]] = {}
        shared = [
            config_file.read_bytes().decode("utf-8", "replace"),
            _files_version(theme_dir),
            repr(sorted(v.path for v in views)),
            repr(sorted(str(p.relative_to(docs_dir)) for p in docs_dir.rglob("*.md"))),
            repr(catalogue.organisations),
            repr(catalogue.glossary),
            repr(catalogue.convention),
            repr(catalogue.left_out),
        ]
        self.shared = hashlib.sha256("\x00".join(shared).encode()).hexdigest()

    def _part(self, value) -> str:  # noqa: ANN001 - anything a view holds
        if isinstance(value, (str, int, float, bool, type(None), enum.Enum)):
            return repr(value)
        key = id(value)
        if key in self._plans:
            return self._plans[key]
        if isinstance(value, PlanFile):  # of this rebuild's catalogue, or kept with its views from the last
            found = self._plans.get(id(value.plan))
            return found or value.slug + text_digest(value)
        known = self._digests.get(key) or self.previous.get(key)
        if known is not None and known[0] is value:
            self._digests[key] = known
            return known[1]
        if isinstance(value, BaseModel):
            text = repr(value)
        elif isinstance(value, dict):
            text = self._pairs(value.items())
        elif isinstance(value, (list, tuple, set, frozenset)):
            items = sorted(value, key=repr) if isinstance(value, (set, frozenset)) else value
            text = type(value).__name__ + "[" + ",".join(self._part(v) for v in items) + "]"
        elif dataclasses.is_dataclass(value):
            fields = ((f.name, getattr(value, f.name)) for f in dataclasses.fields(value))
            text = type(value).__name__ + self._pairs(fields)
        else:
            text = repr(value)
        digest = hashlib.sha256(text.encode()).hexdigest()
        self._digests[key] = (value, digest)
        return digest

    def _pairs(self, pairs) -> str:  # noqa: ANN001 - (key, value) pairs
        return "{" + ",".join(self._part(k) + ":" + self._part(v) for k, v in pairs) + "}"

    def of_file(self, content: bytes) -> str:
        """A hand-written page's: its text, and what every page shares (the theme, the list of pages...)."""
        return hashlib.sha256(self.shared.encode() + content).hexdigest()

    def of(self, view: PageView) -> str:
        """A generated page's: its view written out, and what every page shares."""
        text = self._part(
            [
                view.path,
                view.title,
                view.template,
                view.audience,
                view.description,
                view.toc,
                view.counterpart,
                view.context,
            ]
        )
        return hashlib.sha256((self.shared + text).encode()).hexdigest()

    def written_out(self) -> dict[int, tuple[object, str]]:
        """The digest of each object this rebuild wrote out, for the next one."""
        return self._digests


class Redraws:
    """Which pages `mkdocs serve --dirty` draws again: what each page was last written from, by its
    source path, remembered from one rebuild to the next once a rebuild succeeds."""

    def __init__(self) -> None:
        self.built: dict[str, str] = {}
        self.pending: dict[str, str] = {}
        self.digests: dict[int, tuple[object, str]] = {}

    def changed(self, path: str, fingerprint: str) -> bool:
        """Whether a page must be drawn again; what it is drawn from is remembered until the build ends."""
        self.pending[path] = fingerprint
        return self.built.get(path) != fingerprint

    def watch(self, files, pages, config) -> None:  # noqa: ANN001 - MkDocs' Files, our GeneratedPages, its config
        """Tell MkDocs which pages changed: each page by its fingerprint; a hand-written page's is of its text."""
        fingerprints = Fingerprints(
            pages.catalogue,
            list(pages.views.values()),
            Path(config.config_file_path),
            Path(config.theme.custom_dir or config.docs_dir),
            Path(config.docs_dir),
            self.digests,
        )
        for file in files.documentation_pages():
            view = pages.views.get(file.src_uri)
            if view is None:
                fingerprint = fingerprints.of_file(Path(file.abs_src_path).read_bytes()) if file.abs_src_path else None
                file.is_modified = lambda path=file.src_uri, fingerprint=fingerprint: (
                    fingerprint is None or self.changed(path, fingerprint)
                )
            else:
                fingerprint = fingerprints.of(view)
                file.is_modified = lambda path=view.path, fingerprint=fingerprint: self.changed(path, fingerprint)
        self.digests = fingerprints.written_out()

    def succeeded(self, site_dir: str) -> None:
        """The pages of this build are written: remember them, and remove pages that no longer exist."""
        for path in set(self.built) - set(self.pending):
            page = Path(site_dir) / (path[:-3] if path.endswith(".md") else path) / "index.html"
            if path.endswith("index.md"):
                page = Path(site_dir) / path[: -len("index.md")] / "index.html"
            if page.is_file():
                os.remove(page)
        self.built = dict(self.pending)
        self.pending.clear()

    def failed(self) -> None:
        self.pending.clear()

    def forget(self) -> None:
        """Every page is drawn again at the next rebuild (this one wrote something else in their place)."""
        self.built.clear()
        self.pending.clear()
