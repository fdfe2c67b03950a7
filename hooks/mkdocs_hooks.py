"""MkDocs entry points: load and check the data, add the generated pages, draw them.

Each hook is a few lines; the work is done by the `plansite` package beside this file.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import marshal
import os
import shutil
import sys
from pathlib import Path
from types import CodeType, ModuleType, SimpleNamespace

from markupsafe import Markup
from mkdocs.exceptions import PluginError

HOOKS = str(Path(__file__).resolve().parent)


def code_version() -> tuple:
    """When and how big each file of the package is: changes when the code is edited."""
    return tuple(
        sorted((str(f), f.stat().st_mtime_ns, f.stat().st_size) for f in Path(HOOKS, "plansite").rglob("*.py"))
    )


# MkDocs runs this file afresh each time it loads the config (each rebuild of `mkdocs serve`), and
# calls on_startup only once: what must last the whole process is kept in a module of its own.
process = sys.modules.setdefault("plansite_process", ModuleType("plansite_process"))
for name, value in {
    "imported_version": None,
    "command": None,
    "dirty": False,
    "indexer": None,
    "downloads": None,
    "downloads_folder": None,
}.items():
    if not hasattr(process, name):
        setattr(process, name, value)


def fresh_package() -> SimpleNamespace:
    """The plansite modules the hooks use, imported afresh when the code has changed.

    MkDocs loads this file once per process, and Python keeps a package it has imported: without
    this, `mkdocs serve` would go on building with the code as it was when it started. While the
    code is unchanged the package is kept, with what it remembers of unchanged data files.
    """
    version = code_version()
    if version != process.imported_version:
        for name in [name for name in sys.modules if name == "plansite" or name.startswith("plansite.")]:
            del sys.modules[name]
        process.imported_version = version
    if HOOKS not in sys.path:
        sys.path.insert(0, HOOKS)
    names = (
        "catalogue",
        "errors",
        "forks",
        "paths",
        "site.links",
        "site.markup",
        "site.pages",
        "site.preview",
        "site.search",
        "site.security",
        "saved",
        "views.progress",
    )
    modules = {name.split(".")[-1]: importlib.import_module(f"plansite.{name}") for name in names}
    return SimpleNamespace(**modules)


class SavedCode(importlib.machinery.SourceFileLoader):
    """Loads a module of the package with its code compiled once for each version of its source,
    and kept in the project's .cache/plansite/python/. Python keeps compiled modules in
    __pycache__ only where it may write them (not with PYTHONDONTWRITEBYTECODE, which some
    containers set); without this, such a build would compile the whole package every time."""

    folder: Path

    def get_code(self, fullname: str):
        source = self.get_data(self.path)
        digest = hashlib.sha256(importlib.util.MAGIC_NUMBER + source).hexdigest()[:24]
        saved = self.folder / f"{fullname}-{digest}"
        try:
            code = marshal.loads(saved.read_bytes())
            if isinstance(code, CodeType):
                return code
        except (OSError, ValueError, EOFError, TypeError):
            pass  # not saved yet, or unreadable: compiled here, as without saving
        code = self.source_to_code(source, self.path)
        with contextlib.suppress(OSError):  # a folder we may not write only costs the compile
            self.folder.mkdir(parents=True, exist_ok=True)
            for older in self.folder.glob(f"{fullname}-*"):
                older.unlink(missing_ok=True)
            temporary = self.folder / f".{saved.name}.{os.getpid()}"
            temporary.write_bytes(marshal.dumps(code))
            os.replace(temporary, saved)
        return code


class PackageFinder(importlib.abc.MetaPathFinder):
    """Finds the package's modules where Python would, to be loaded by SavedCode."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def find_spec(self, name: str, path=None, target=None):
        if name != "plansite" and not name.startswith("plansite."):
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is not None and type(spec.loader) is importlib.machinery.SourceFileLoader:
            spec.loader = SavedCode(spec.loader.name, spec.loader.path)
            spec.loader.folder = self.folder
        return spec


def find_package_with_saved_code(config) -> None:
    """For `mkdocs build`: a process that builds once and ends (`mkdocs serve` compiles the
    package once for each change of its code, and keeps it)."""
    if process.command == "build" and not any(type(f).__name__ == "PackageFinder" for f in sys.meta_path):
        sys.meta_path.insert(0, PackageFinder(project(config) / ".cache" / "plansite" / "python"))


plansite: SimpleNamespace | None = None
generated = None
links = None


def is_preview(config) -> bool:
    """Drafts and scheduled plans are built only in previews (PLANSITE_PREVIEW=1 or extra.preview)."""
    return os.environ.get("PLANSITE_PREVIEW") == "1" or bool(config.extra.get("preview"))


def on_startup(command, dirty):
    """`mkdocs serve --dirty` draws again only the pages whose data changed (site/preview.py)."""
    process.command, process.dirty = command, dirty
    if dirty:
        fresh_package().preview.quiet_dirty_warning()


def on_serve(server, config, builder):
    plansite.preview.poll_often(server, config)
    return server


def build_cores() -> int:
    """The processes `mkdocs build` shares its work among; one for `mkdocs serve`, whose threads
    forbid forks (forks.py)."""
    return plansite.forks.cores() if process.command == "build" else 1


def site_url(config) -> str:
    """The site's address, ending in '/': feeds and downloads give absolute URLs from it."""
    return (config.site_url or "").rstrip("/") + "/"


def project(config) -> Path:
    """The folder of mkdocs.yml, which holds data/ and the builds' saved work (.cache/)."""
    return Path(config.config_file_path).parent


def on_config(config):
    global plansite, generated, links
    find_package_with_saved_code(config)
    plansite = fresh_package()
    data = project(config) / "data"
    building = process.command == "build"
    with plansite.forks.lasting_objects() if building else contextlib.nullcontext():
        try:
            catalogue = plansite.catalogue.load_catalogue(
                data, preview=is_preview(config), processes=build_cores(), save=building
            )
        except plansite.errors.DataError as error:
            raise PluginError("\n" + error.problems.report()) from None
        if build_cores() > 1:  # the downloads and feeds are made and written by a fork meanwhile
            process.downloads_folder = Path(config.site_dir, plansite.pages.OUTPUTS_STAGING)
            shutil.rmtree(process.downloads_folder, ignore_errors=True)
            process.downloads = plansite.forks.WorkInFork(
                write_downloads, catalogue, site_url(config), process.downloads_folder, project(config)
            )
        generated = plansite.pages.GeneratedPages(catalogue)
    links = plansite.links.LinkCheck()
    return config


def outputs() -> ModuleType:
    """The downloads and feeds, imported when they are made: by a fork, in `mkdocs build`."""
    return importlib.import_module("plansite.outputs")


def write_downloads(catalogue, url: str, folder: Path, project: Path) -> list[str]:
    """Every download and feed written into folder by a fork, which hands back their paths."""
    return outputs().write_all(catalogue, url, folder, plansite.saved.SavedOutputs(project))


def on_files(files, config):
    # Pages are drawn before MkDocs' on_env, so our templates get the theme's environment here.
    generated.set_environment(config.theme.get_env())
    for file in generated.files(config):
        files.append(file)
    if process.command != "serve":
        # `mkdocs build` draws the generated pages in forks, one per core, while it goes on; then
        # Pagefind starts and indexes each page as MkDocs writes it (forks first: no thread may run then).
        generated.env.bytecode_cache = plansite.saved.compiled_templates(project(config), "ours")
        generated.draw_ahead(config, build_cores())
        process.indexer = plansite.search.PagesIndexer(config.site_dir)
        generated.hand_over_drawn(index_drawn)  # Pagefind has each page as soon as it is drawn
    downloads, process.downloads = process.downloads, None
    if downloads:
        for file in plansite.pages.moved_outputs(config, downloads.result()):
            files.append(file)
    else:
        for path, content in outputs().all_files(generated.catalogue, site_url(config)):
            files.append(plansite.pages.written_output(config, path, content))
    if process.dirty:
        generated.env.bytecode_cache = plansite.preview.OUR_TEMPLATES
        plansite.preview.watch(files, generated, config)
    return files


def index_drawn(view, title: str, body: str) -> None:
    """Give Pagefind a page drawn ahead, without waiting for MkDocs to write it (on another thread)."""
    filters = plansite.search.filters_for(view, view.url, generated.catalogue)
    if filters is None:  # a page not indexed (main.html does not mark its body)
        process.indexer.pass_over(view.url)
        return
    part = plansite.search.drawn_part(body, title, filters)
    if part is not None:
        process.indexer.add_part(view.url, part)


def on_env(env, config, files):
    links.use(files)
    if process.indexer is not None:  # once every page is in Pagefind, it writes the index meanwhile
        process.indexer.expect(plansite.pages.written_page_urls(files))
    if process.dirty:
        env.bytecode_cache = plansite.preview.THEME_TEMPLATES
    elif process.command != "serve":
        env.bytecode_cache = plansite.saved.compiled_templates(project(config), "theme")
    return env


def on_page_content(html, page, config, files):
    generated_page = generated.set_toc(page)
    # Material prints page titles without escaping them: hand it titles already escaped.
    title = Markup.escape(page.title or "")
    page.title = title
    if page.meta.get("title"):
        page.meta["title"] = title
    return "" if generated_page else html  # a generated body is drawn when its page is (on_page_context)


def on_page_context(context, page, config, nav):
    context["young_people_menu"] = generated.young_people_menu
    view = generated.view_for(page)
    if view is not None:
        page.content, ids, on_site = generated.body(page, config)
        links.record(page, ids, on_site)
        context["audience"] = view.audience.value
        context["counterpart"] = view.counterpart
        context["feeds"] = plansite.progress.feeds_for(view.context)
    else:
        context["audience"] = page.meta.get("audience") or plansite.paths.audience_of(page.url).value
    context["search_url"] = plansite.search.search_url(context["audience"])
    context["search_filters"] = plansite.search.filters_for(view, page.url, generated.catalogue)
    return context


def on_post_page(output, page, config):
    if generated.view_for(page) is not None:
        page.content = None  # drawn: its body need not be held until the build ends
    output = plansite.security.with_policy(plansite.markup.repair(output), page.url)
    if process.indexer is not None:
        if "data-pagefind-body" in output:
            process.indexer.add(page.url, output)
        else:
            process.indexer.pass_over(page.url)
    return output


def on_post_template(output_content, template_name, config):
    """The 404 page is a theme template, not a page: it gets the same repairs and policy."""
    return (
        plansite.security.with_policy(plansite.markup.repair(output_content))
        if template_name.endswith(".html")
        else output_content
    )


def on_post_build(config):
    """The search index, written by the build itself; `mkdocs serve` skips it to keep previews fast."""
    if process.dirty:
        plansite.preview.build_succeeded(config.site_dir)
    generated.stop_drawing()
    indexer, process.indexer = process.indexer, None
    if indexer is None:
        return
    try:
        indexer.write()
    except plansite.search.SearchIndexError as error:
        raise PluginError(f"The search index could not be made: {error}") from None


def on_build_error(error):
    if process.dirty and plansite is not None:
        plansite.preview.build_failed()
    if generated is not None:
        generated.stop_drawing()
    downloads, process.downloads = process.downloads, None
    if downloads is not None:
        downloads.cancel()
        shutil.rmtree(process.downloads_folder, ignore_errors=True)
    indexer, process.indexer = process.indexer, None
    if indexer is not None:
        indexer.close()
