"""Generated pages and downloads as MkDocs files.

Every page made from data is a `File.generated`, so that MkDocs' navigation, sitemap and link
validation see it. Its source is only its title and description: its body is drawn by our
templates (site/drawing.py), so MkDocs has no Markdown to convert.
"""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import os
import shutil
from pathlib import Path

import yaml
from markupsafe import escape
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from .. import outputs
from ..addresses import audience_of, base_of
from ..cache import Cache, NoCache
from ..catalogue import Catalogue, PlanFile
from ..views import PageView, all_pages, plan_views, redirects
from ..views.navigation import young_people_menu
from .drawing import Drawing

# libyaml's writer when PyYAML has it: the same text, written faster.
SAFE_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class GeneratedPages:
    """The pages made from data, by their source path, in the order MkDocs draws them."""

    def __init__(self, catalogue: Catalogue, cache: Cache | NoCache | None = None):
        self.catalogue = catalogue
        cache = cache or NoCache()
        today = datetime.date.today()
        convention = hashlib.sha256(repr(catalogue.convention).encode()).hexdigest()
        plans, used = [], set()
        for plan_file in catalogue.plans:
            # A plan's views are made from the plan's text, its organisation, the Convention and the day.
            key = cache.key(
                plan_file.slug,
                text_digest(plan_file),
                repr(catalogue.organisations[plan_file.plan.organisation]),
                convention,
                today.isoformat(),
            )
            plans.append(cache.get_or_make(key, lambda plan_file=plan_file: plan_views(catalogue, plan_file, today)))
            used.add(key)
        cache.keep_only(used)
        self.views: dict[str, PageView] = {view.path: view for view in all_pages(catalogue, plans)}
        self.young_people_menu = young_people_menu(catalogue)

    def files(self, config, drawing: Drawing) -> list[File]:
        """Generated pages, and a redirect page at each old address of a renamed plan.

        Pages outside the nav say so (NOT_IN_NAV), so that MkDocs does not log a line for each.
        """
        in_nav = nav_titles(config)
        files = []
        for view in self.views.values():
            meta = {"title": view.title, "description": view.description}
            if view.template == "pages/plan.html":
                meta["hide"] = ["toc"]  # the plan has its own contents list; its tables get the width
            front = yaml.dump(meta, Dumper=SAFE_DUMPER, allow_unicode=True)
            file = _generated(config, view.path, f"---\n{front}---\n", view.path in in_nav)
            if view.path not in in_nav:  # MkDocs gives a page in the nav its title from there
                DrawnPage(None, file, config)
            files.append(file)
        for redirect in redirects(self.catalogue):
            target = base_of(redirect.path.removesuffix("index.html")) + redirect.target
            html = drawing.page(
                "pages/redirect.html", target=target, title=redirect.title, audience=audience_of(redirect.path).value
            )
            files.append(_generated(config, redirect.path, html, in_nav=False))
        return files

    def view_for(self, page: Page) -> PageView | None:
        return self.views.get(page.file.src_uri)

    def set_toc(self, page: Page) -> bool:
        """Give MkDocs a generated page's table of contents; False for a hand-written page."""
        view = self.view_for(page)
        if view is None:
            return False
        page.toc = get_toc(
            [
                {"level": level, "id": anchor, "name": str(escape(name)), "children": []}
                for level, anchor, name in view.toc
            ]
        )
        return True


class DrawnPage(Page):
    """A generated page outside the nav. Its source is only its title and description, and its
    body is drawn by our templates, so MkDocs has no Markdown to convert."""

    def render(self, config, files) -> None:
        self.content = ""


def _generated(config, path: str, content: str, in_nav: bool) -> File:
    inclusion = InclusionLevel.UNDEFINED if in_nav else InclusionLevel.NOT_IN_NAV
    return File.generated(config, path, content=content, inclusion=inclusion)


def nav_titles(config) -> dict[str, str | None]:
    """The source paths the nav of mkdocs.yml names, with the title it gives each (or None)."""
    found: dict[str, str | None] = {}

    def visit(entry, title: str | None = None) -> None:
        if isinstance(entry, str):
            found[entry] = title
        elif isinstance(entry, dict):
            for key, value in entry.items():
                visit(value, key)
        elif isinstance(entry, list):
            for value in entry:
                visit(value)

    visit(config.nav or [])
    return found


# --- Downloads and feeds ----------------------------------------------------------------------

# Where the downloads and feeds are written while the build goes on: inside the site, so that
# moving them into place is a rename, and hidden, so that MkDocs' cleaning of the site folder at
# the start of a build (which skips hidden names) leaves it alone.
OUTPUTS_STAGING = ".plansite-outputs"


@dataclasses.dataclass(frozen=True)
class WrittenOutputs:
    """What write_outputs wrote: the path in the site of every download and feed, and the cache keys of
    the plans whose downloads are now in the site folder (for the next rebuild of `mkdocs serve`)."""

    paths: list[str]
    plans: frozenset[str]


def write_outputs(
    catalogue: Catalogue,
    site_url: str,
    site_dir: str,
    cache: Cache | NoCache,
    dirty: bool = False,
    in_site: frozenset[str] = frozenset(),
) -> WrittenOutputs:
    """Every download and feed written into the site's staging folder.

    Each plan's own downloads, and its part of the site's (outputs.plan_outputs), are taken from
    `cache` (its "downloads" part) while the plan's text, its organisation and the site's address
    are what they were; the site's are put together from them every time.
    A dirty build (`mkdocs serve --dirty`) keeps the site folder of the build before: a file already
    there with the same bytes is not written again. A plan whose key is `in_site` (the last good
    rebuild of this `mkdocs serve` left its downloads in the folder) has the same bytes there: they
    are not read to be compared (2.3 s of a rebuild at 10,000 plans).
    """
    staging = Path(site_dir, OUTPUTS_STAGING)
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    paths, used, plans = [], set(), []
    for plan_file in catalogue.plans:
        key = downloads_key(cache, catalogue, plan_file, site_url)
        made = cache.get_or_make(key, lambda plan_file=plan_file: outputs.plan_outputs(catalogue, plan_file, site_url))
        used.add(key)
        if dirty and key in in_site:
            paths += [path for path, _ in made.files]
        else:
            paths += _write(made.files, staging, Path(site_dir) if dirty else None)
        plans.append(dataclasses.replace(made, files=[]))  # its files are written: only its part of the site's is kept
    paths += _write(outputs.site_files(catalogue, site_url, plans), staging, Path(site_dir) if dirty else None)
    cache.keep_only(used)
    return WrittenOutputs(paths, frozenset(used))


def _write(files, staging: Path, written_before: Path | None) -> list[str]:  # noqa: ANN001 - (path, bytes) pairs
    """Files written into staging, but for those written_before holds already, byte for byte; returns every path."""
    if written_before is None:
        return outputs.write(files, staging)
    paths = []
    for path, content in files:
        try:
            same = (written_before / path).read_bytes() == content
        except OSError:
            same = False
        if not same:
            outputs.write([(path, content)], staging)
        paths.append(path)
    return paths


def downloads_key(cache: Cache | NoCache, catalogue: Catalogue, plan_file: PlanFile, site_url: str) -> str:
    """All a plan's own downloads depend on (outputs.plan_files): its file's name and text (its model is
    made from them, by code the cache's folder is named after), its organisation and the site's address."""
    organisation = repr(catalogue.organisations[plan_file.plan.organisation])
    return cache.key(plan_file.slug, text_digest(plan_file), organisation, site_url)


def text_digest(plan_file: PlanFile) -> str:
    """The digest of a plan file's text: its model is made from it (by the code the cache is kept for)."""
    return hashlib.sha256(plan_file.document.text.encode()).hexdigest()


def output_sizes(config, paths: list[str]) -> dict[str, int]:
    """The size in bytes of each download and feed, by its path in the site: as written into
    OUTPUTS_STAGING, or as the site holds it already (a dirty build's unchanged files)."""
    staging, site = Path(config.site_dir, OUTPUTS_STAGING), Path(config.site_dir)
    sizes = {}
    for path in paths:
        written = staging / path
        sizes[path] = (written if written.exists() else site / path).stat().st_size
    return sizes


def moved_outputs(config, paths: list[str]) -> list[File]:
    """Downloads and feeds written into OUTPUTS_STAGING, moved into the built site, as MkDocs files
    (MkDocs skips copying a file onto itself)."""
    staging = Path(config.site_dir, OUTPUTS_STAGING)
    _move_into(staging, Path(config.site_dir))
    shutil.rmtree(staging, ignore_errors=True)
    return [File.generated(config, path, abs_src_path=str(Path(config.site_dir, path))) for path in paths]


def _move_into(source: Path, target: Path) -> None:
    """Every entry of source moved into target (a rename each), into folders already there too."""
    target.mkdir(parents=True, exist_ok=True)
    for entry in source.iterdir():
        destination = target / entry.name
        if entry.is_dir() and destination.is_dir():
            _move_into(entry, destination)
        else:
            os.replace(entry, destination)


def remove_outputs(site_dir: str) -> None:
    """The staging folder removed (the build failed)."""
    shutil.rmtree(Path(site_dir, OUTPUTS_STAGING), ignore_errors=True)


def remove_others(config, files, kept: tuple[str, ...] = ("pagefind",)) -> None:  # noqa: ANN001 - MkDocs' config and Files
    """A dirty build's folder held the build before: every file this build did not make is removed
    (the downloads of a plan that is gone, say), and the folders left empty. Kept: the folders
    named in `kept` (the search index, written whole), hidden names, the theme's own templates."""
    site = Path(config.site_dir)
    made = {file.dest_uri for file in files}
    for template in config.theme.static_templates:  # 404.html, sitemap.xml and the sitemap.xml.gz beside it
        made.update((template, template + ".gz"))
    for folder, _folders, names in os.walk(site, topdown=False):
        relative = Path(folder).relative_to(site)
        top = relative.parts[0] if relative.parts else None
        if top is not None and (top in kept or top.startswith(".")):
            continue
        for name in names:
            path = (relative / name).as_posix()
            if not (top is None and name.startswith(".")) and path not in made:
                os.remove(Path(folder, name))
        if top is not None and not os.listdir(folder):
            os.rmdir(folder)
