"""Drawing again only the pages whose data changed: `mkdocs serve --dirty` and `mkdocs build --dirty`.

Each page gets a fingerprint of everything it shows: its view (title, table of contents, template
and the data in its context), the site-wide data every page uses, the theme, the code and the
list of pages. A page is redrawn when its fingerprint differs from the one it had when it was
last written. Fingerprints are remembered (`Redraws`) only after a whole build succeeds: while
serving, in the session; by `mkdocs build`, in a record beside the site it built (RECORD), which
the next `mkdocs build --dirty` into that folder reads. A build that is not dirty draws every page.
"""

from __future__ import annotations

import dataclasses
import enum
import hashlib
import json
import logging
import os
from pathlib import Path

from pydantic import BaseModel

from ..catalogue import Catalogue, PlanFile
from ..views import PageView
from .pages import text_digest


class QuietDirtyWarning(logging.Filter):
    """MkDocs warns that a dirty build may leave navigation stale, and says the folder holds stale files:
    fingerprints include the page list, and a dirty build removes what it did not make (pages.remove_others)."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        return "A 'dirty' build is being performed" not in message and "contains stale files" not in message


def quiet_dirty_warning() -> None:
    for engine in ("mkdocs", "properdocs"):  # ProperDocs, MkDocs' continuation, logs under its own name
        build_log = logging.getLogger(f"{engine}.commands.build")
        if not any(isinstance(f, QuietDirtyWarning) for f in build_log.filters):
            build_log.addFilter(QuietDirtyWarning())


def _files_version(folder: Path) -> str:
    """The digest of every file in a folder, by its name and bytes (a fresh clone's times are new)."""
    digest = hashlib.sha256()
    for file in sorted(folder.rglob("*")):
        if file.is_file():
            digest.update(file.relative_to(folder).as_posix().encode() + b"\0")
            digest.update(hashlib.sha256(file.read_bytes()).digest())
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
        settings: str = "",
    ):
        self.previous = previous
        self._plans: dict[int, str] = {}
        for plan_file in catalogue.plans:
            self._plans[id(plan_file.plan)] = plan_file.slug + text_digest(plan_file)
        self._digests: dict[int, tuple[object, str]] = {}
        shared = [
            settings,
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


class SavedIds:
    """The ids of a page not drawn again, as the record keeps them (a line each): MkDocs only asks
    whether an anchor is among them, and sets of every page's ids would hold hundreds of megabytes
    at 10,000 plans."""

    def __init__(self, lines: str) -> None:
        self._lines = "\n" + lines + "\n"

    def __contains__(self, anchor: object) -> bool:
        return isinstance(anchor, str) and bool(anchor) and "\n" not in anchor and f"\n{anchor}\n" in self._lines


RECORD = ".plansite-pages.json"
"""Beside a site `mkdocs build` wrote (hidden: MkDocs leaves it out of the site it cleans, and the
workflows do not publish it): each page's fingerprint, the ids in it and the links it makes to
other pages' anchors, for the next `mkdocs build --dirty` into the same folder."""


class Redraws:
    """Which pages a dirty build draws again: what each page was last written from, by its source
    path, remembered from one build to the next once a build succeeds, with the ids each page holds
    and its links to anchors (a page not drawn again still has its links checked, and is linked to)."""

    def __init__(self) -> None:
        self.built: dict[str, str] = {}
        self.pending: dict[str, str] = {}
        self.digests: dict[int, tuple[object, str]] = {}
        self.anchors: dict[str, list[str]] = {}  # each page's [ids, pages it links to, links to anchors] (drawn())
        self.to_draw: set[str] | None = None  # every page, until watch() says otherwise

    def watch(self, files, pages, config, settings: str, skip: bool, keep_digests: bool) -> None:  # noqa: ANN001 - MkDocs' Files, our GeneratedPages, its config
        """Each page's fingerprint, from its view (a hand-written page's from its text). With skip (a dirty
        build), MkDocs is told to draw again only the pages whose fingerprint changed, or whose file is gone.
        With keep_digests (serving, where the views are kept too), the digests of what the views hold are
        kept for the next rebuild; a build lets them go (at 10,000 plans, hundreds of megabytes held
        through the rest of the build)."""
        fingerprints = Fingerprints(
            pages.catalogue,
            list(pages.views.values()),
            Path(config.config_file_path),
            Path(config.theme.custom_dir or config.docs_dir),
            Path(config.docs_dir),
            self.digests,
            settings,
        )
        self.pending.clear()
        self.to_draw = set()
        for file in files.documentation_pages():
            view = pages.views.get(file.src_uri)
            if view is not None:
                fingerprint = fingerprints.of(view)
            elif file.abs_src_path:
                fingerprint = fingerprints.of_file(Path(file.abs_src_path).read_bytes())
            else:
                fingerprint = None
            if fingerprint is not None:
                self.pending[file.src_uri] = fingerprint
            kept = fingerprint is not None and self.built.get(file.src_uri) == fingerprint
            if not (kept and os.path.isfile(file.abs_dest_path)):
                self.to_draw.add(file.src_uri)
            if skip:
                file.is_modified = lambda path=file.src_uri: path in self.to_draw
        self.digests = fingerprints.written_out() if keep_digests else {}

    def drawn(self, page) -> None:  # noqa: ANN001 - MkDocs' Page, once written
        """What a page drawn in this build holds of anchors, kept in the record for the builds after:
        its ids (a line each), the pages it links to anchors of, and those links (as JSON)."""
        links = {target.src_uri: dict(anchors) for target, anchors in (page.links_to_anchors or {}).items()}
        ids = "\n".join(sorted(page.present_anchor_ids or ()))
        self.anchors[page.file.src_uri] = [ids, "\n".join(sorted(links)), json.dumps(links) if links else ""]

    def restore_anchors(self, files) -> None:  # noqa: ANN001 - MkDocs' Files, every page made
        """Pages not drawn again get the ids they were written with, and their links to the anchors of
        pages drawn again, for MkDocs' anchor check (their links to pages not drawn again were checked
        when they were written, against the same ids)."""
        for file in files.documentation_pages():
            if file.src_uri in self.to_draw or file.src_uri not in self.anchors or file.page is None:
                continue
            ids, targets, links = self.anchors[file.src_uri]
            file.page.present_anchor_ids = SavedIds(ids)
            if any(target in self.to_draw for target in targets.split("\n") if target):
                file.page.links_to_anchors = {
                    target: anchors
                    for uri, anchors in json.loads(links).items()
                    if uri in self.to_draw and (target := files.get_file_from_path(uri))
                }

    def succeeded(self, site_dir: str) -> None:
        """The pages of this build are written: remember them, and remove pages that no longer exist."""
        for path in set(self.built) - set(self.pending):
            page = Path(site_dir) / (path[:-3] if path.endswith(".md") else path) / "index.html"
            if path.endswith("index.md"):
                page = Path(site_dir) / path[: -len("index.md")] / "index.html"
            if page.is_file():
                os.remove(page)
            self.anchors.pop(path, None)
        self.built = dict(self.pending)
        self.pending.clear()

    def failed(self) -> None:
        self.pending.clear()

    def forget(self) -> None:
        """Every page is drawn again at the next rebuild (this one wrote something else in their place)."""
        self.built.clear()
        self.pending.clear()

    # --- The record beside a built site (`mkdocs build`) -------------------------------------

    def read_record(self, site_dir: str, use: bool) -> None:
        """Take the record of the build that wrote site_dir (with use: a dirty build), and remove it: a
        build that fails leaves none, and the next draws every page."""
        record = Path(site_dir, RECORD)
        try:
            saved = json.loads(record.read_text(encoding="utf-8")) if use else {}
        except (OSError, ValueError):
            saved = {}
        record.unlink(missing_ok=True)
        try:
            for path, (fingerprint, *anchors) in saved.get("pages", {}).items():
                ids, targets, links = anchors
                self.built[path] = fingerprint
                self.anchors[path] = [str(ids), str(targets), str(links)]
        except (AttributeError, TypeError, ValueError):  # not a record this code wrote: draw every page
            self.built.clear()
            self.anchors.clear()

    def write_record(self, site_dir: str) -> None:
        """The record of the build that just wrote site_dir (after succeeded())."""
        pages = {path: [fingerprint, *self.anchors.get(path, ["", "", ""])] for path, fingerprint in self.built.items()}
        record = Path(site_dir, RECORD)
        partial = record.with_suffix(".partial")
        partial.write_text(json.dumps({"pages": pages}), encoding="utf-8")
        os.replace(partial, record)
