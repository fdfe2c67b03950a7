"""One build of the site, from MkDocs' on_config to on_post_build (or on_build_error).

The hooks (hooks/mkdocs_hooks.py) hand each MkDocs event to the `Build` made for it, which owns
everything a build holds: the checked data, the generated pages, the drawing of their bodies,
the downloads, the link check and the search index. A dirty build (`mkdocs build --dirty`,
`mkdocs serve --dirty`) draws only the pages whose fingerprint changed (redraws.py). How the work
is shared (`jobs`) and whether results are kept for the next build (`cache`) are settings
(`Settings`), decided once here.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from markupsafe import Markup
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError

from ..addresses import audience_of
from ..cache import NoCache, code_fingerprint
from ..catalogue import load_catalogue
from ..errors import DataError, Problems
from ..publishing.address import published_at
from ..tasks import tasks_for
from ..views.progress import feeds_for
from ..views.search import search_filters
from . import admin, markup, pages, problems_page, search, security
from .drawing import Drawing, draw_body
from .link_check import LinkCheck, page_url
from .session import Session


class Settings(base.Config):
    """The build's own settings, under `extra: plansite:` in mkdocs.yml. Both have a plain value
    that builds the same site, for debugging: `jobs: 1` and `cache: false`."""

    jobs = c.Type(int, default=0)
    """Processes that share the work of `mkdocs build`: 0 for one per CPU core, 1 for all of it in
    the build's own process. `mkdocs serve` shares the work of its first build only: its server's
    threads forbid forks once they run (tasks.py)."""
    cache = c.Type(bool, default=True)
    """Keep each checked data file, each plan's downloads and the compiled templates in .cache/plansite/
    for the next build, which takes them while the file, the code and the installed libraries are unchanged."""


def settings_of(config) -> Settings:
    """The settings in mkdocs.yml, checked: a wrong type or an unknown name stops the build."""
    settings = Settings()
    settings.load_dict(dict(config.extra.get("plansite") or {}))
    errors, warnings = settings.validate()
    problems = [f"extra.plansite.{name}: {error}" for name, error in errors + warnings]
    if problems:
        raise PluginError("mkdocs.yml: " + "; ".join(problems))
    return settings


def is_preview(config) -> bool:
    """Drafts and scheduled plans are built only in previews (PLANSITE_PREVIEW=1 or extra.preview)."""
    return os.environ.get("PLANSITE_PREVIEW") == "1" or bool(config.extra.get("preview"))


def site_url(config) -> str:
    """The site's address, ending in '/': feeds and downloads give absolute URLs from it."""
    return (config.site_url or "").rstrip("/") + "/"


class Build:
    """One build: made in on_config, closed by finish() or fail()."""

    def __init__(self, config, session: Session) -> None:
        self.config, self.session = config, session
        session.build_starts()  # until finish() or fail(): `mkdocs serve`'s watcher waits (watcher.py)
        try:
            self._start(config, session)
        except BaseException:
            session.build_ends()  # MkDocs has no build to tell of the error
            raise

    def _start(self, config, session: Session) -> None:
        self.settings = settings_of(config)
        try:  # a pull request's preview is published in a folder of the site, and has its own address
            config.site_url = published_at(config.site_url)
        except ValueError as error:
            raise PluginError(str(error)) from None
        config.extra["preview"] = is_preview(config)  # main.html asks search engines not to index a preview
        project = Path(config.config_file_path).parent
        self.tasks = tasks_for(self.settings.jobs)
        if session.keeps_record:  # what the last build into this folder drew, for a dirty build (redraws.py)
            session.redraws.read_record(config.site_dir, use=session.dirty)
        self.cache = session.cache(project) if self.settings.cache else NoCache()
        self.downloads_cache = session.cache(project, "downloads") if self.settings.cache else NoCache()
        # A plan's views hold its model: kept only in memory, from one rebuild of `mkdocs serve` to the next.
        keep_views = self.settings.cache and session.keeps_views
        self.views_cache = session.cache(project, "views", on_disk=False) if keep_views else NoCache()
        self.links = LinkCheck()
        self.index: search.PagesIndexer | None = None
        self.bodies = None
        self.problems: Problems | None = None  # while serving data with problems (problems_page.py)
        self.fingerprinted = False  # whether each page's fingerprint is worked out (add_files)
        self.written_plans: frozenset[str] = frozenset()  # whose downloads are in the site folder (add_files)
        try:
            self.catalogue = load_catalogue(
                project / "data", preview=is_preview(config), tasks=self.tasks, cache=self.cache
            )
            self.outputs = self.tasks.start(
                pages.write_outputs,
                self.catalogue,
                site_url(config),
                config.site_dir,
                self.downloads_cache,
                session.dirty,
                session.downloads_in_site,
            )
            self.pages = pages.GeneratedPages(self.catalogue, self.views_cache)
        except DataError as error:
            self.tasks.close()
            if not session.shows_problems:
                raise PluginError("\n" + error.problems.report()) from None
            self.problems = error.problems
            config.nav = []  # the pages the nav names are not built: none is missing
            print(error.problems.report(), file=sys.stderr)

    # --- on_files: the generated pages and the downloads join the site's files ----------------

    def add_files(self, files):
        if self.problems is not None:
            self.session.redraws.forget()  # every page is drawn again once the data is right
            return problems_page.files(self.config, self.problems, files, self.session.served_addresses)
        # The downloads are made first: a plan's page says how big each is.
        written = self.outputs.result()
        outputs, self.written_plans = written.paths, written.plans
        self.written = set(outputs)
        sizes = pages.output_sizes(self.config, outputs)
        # Pages are drawn before MkDocs' on_env, so our templates get the theme's environment here.
        self.drawing = Drawing(self.config.theme.get_env(), self.catalogue, self.cache.templates("ours"), sizes)
        for file in self.pages.files(self.config, self.drawing):
            files.append(file)
        try:
            for file in admin.files(self.config):  # the form editor at /admin/
                files.append(file)
        except admin.EditorNotInstalled as error:
            raise PluginError(str(error)) from None
        # Which pages are drawn: every one, but in a dirty build only those whose fingerprint changed.
        # A build that keeps a record of what it wrote fingerprints its pages too.
        redraws = self.session.redraws
        self.fingerprinted = self.session.fingerprints_pages
        if self.fingerprinted:
            redraws.watch(
                files, self.pages, self.config, self._shown_settings(), self.session.dirty, self.session.keeps_views
            )
        drawn = [view for view in self.pages.views.values() if not self.fingerprinted or view.path in redraws.to_draw]
        self.body_of = {view.path: index for index, view in enumerate(drawn)}
        self.session.settled()  # the data, the views and their fingerprints last to the build's end
        # Every fork is taken before Pagefind's threads start (tasks.py), with the cycle collector on.
        self.bodies = self.tasks.ahead(draw_body, drawn, self.drawing, self.config)
        if self.session.indexes_search:
            self.index = search.PagesIndexer(
                self.config.site_dir,
                [page_url(file) for file in files.documentation_pages()],
                keep_last=self.session.dirty,
            )
        for file in pages.moved_outputs(self.config, outputs):
            files.append(file)
        return files

    def _shown_settings(self) -> str:
        """What every page shows besides the data and the theme: the code and libraries drawing it, the
        site's address, whether it is a preview, the young-people menu."""
        shown = (code_fingerprint(), self.config.site_url, self.config.extra["preview"], self.pages.young_people_menu)
        return repr(shown)

    def use_environment(self, env, files):
        if self.session.shows_problems and self.problems is None:  # where the next problems are shown
            self.session.served_addresses = {f.dest_uri for f in files.documentation_pages()}
        self.links.use(files)
        self.files = files
        if self.session.dirty:
            self.session.redraws.restore_anchors(files)
        env.bytecode_cache = self.cache.templates("theme")
        self.session.settled()  # and so do MkDocs' pages, read by now
        return env

    # --- Each page -------------------------------------------------------------------------

    def page_content(self, html: str, page) -> str:
        generated = self.pages.set_toc(page)
        # Material prints page titles without escaping them: hand it titles already escaped.
        title = Markup.escape(page.title or "")
        page.title = title
        if page.meta.get("title"):
            page.meta["title"] = title
        return "" if generated else html  # a generated body is drawn when its page is (page_context)

    def page_context(self, context: dict, page) -> dict:
        context["young_people_menu"] = self.pages.young_people_menu
        view = self.pages.view_for(page)
        if view is not None:
            body = self.bodies.take(self.body_of[view.path])
            page.content = body.html
            self.links.record(page, body.ids, body.links)
            context["audience"] = view.audience.value
            context["counterpart"] = view.counterpart
            context["feeds"] = [feed for feed in feeds_for(view.context) if feed[1] in self.written]
        else:
            context["audience"] = page.meta.get("audience") or audience_of(page.url).value
        context["search_url"] = search.search_url(context["audience"])
        context["search_filters"] = search_filters(view, page.url, self.catalogue)
        return context

    def finish_page(self, output: str, page) -> str:
        if self.pages.view_for(page) is not None:
            page.content = None  # drawn: its body need not be held until the build ends
        output = security.with_policy(markup.repair(output), page.url)
        if self.fingerprinted:
            self.session.redraws.drawn(page)
        if self.index is not None:
            self.index.add(page.url, output)
        return output

    def finish_template(self, output: str, template_name: str) -> str:
        """The 404 page is a theme template, not a page: it gets the same repairs and policy."""
        if self.problems is not None and template_name == "404.html":
            return problems_page.page(self.problems, self.config.site_name, "/")
        return security.with_policy(markup.repair(output)) if template_name.endswith(".html") else output

    # --- The end ---------------------------------------------------------------------------

    def finish(self) -> None:
        """The search index, written once every page is; then nothing of the build is left running."""
        self.session.build_ends()
        self.session.downloads_in_site = self.written_plans
        if self.fingerprinted:
            self.session.redraws.succeeded(self.config.site_dir)
        self._close_tasks()
        index, self.index = self.index, None
        if index is None:
            return
        try:
            index.write()
        except search.SearchIndexError as error:
            raise PluginError(f"The search index could not be made: {error}") from None
        if self.session.dirty:  # the folder held the last build: what this build did not make goes
            pages.remove_others(self.config, self.files)
        self.session.redraws.write_record(self.config.site_dir)

    def fail(self) -> None:
        """The build failed: stop what still works for it and leave nothing half made behind."""
        self.session.build_ends()
        self.session.downloads_in_site = frozenset()
        if self.fingerprinted:
            self.session.redraws.failed()
        self._close_tasks()
        pages.remove_outputs(self.config.site_dir)
        index, self.index = self.index, None
        if index is not None:
            index.close()

    def _close_tasks(self) -> None:
        if self.bodies is not None:
            self.bodies.close()
        self.tasks.close()
