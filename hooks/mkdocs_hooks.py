"""MkDocs entry points: load and check the data, add the generated pages, draw them.

Each hook is a few lines; the work is done by the `plansite` package beside this file.
"""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path
from types import SimpleNamespace

from markupsafe import Markup
from mkdocs.exceptions import PluginError

HOOKS = str(Path(__file__).resolve().parent)


def fresh_package() -> SimpleNamespace:
    """The plansite modules the hooks use, imported afresh.

    MkDocs loads this file once per process, and Python keeps a package it has imported: without
    this, `mkdocs serve` would go on building with the code as it was when it started.
    """
    for name in [name for name in sys.modules if name == "plansite" or name.startswith("plansite.")]:
        del sys.modules[name]
    if HOOKS not in sys.path:
        sys.path.insert(0, HOOKS)
    names = ("catalogue", "errors", "paths", "site.links", "site.markup", "site.pages", "site.security")
    modules = {name.split(".")[-1]: importlib.import_module(f"plansite.{name}") for name in names}
    return SimpleNamespace(**modules)


plansite: SimpleNamespace | None = None
generated = None
links = None


def is_preview(config) -> bool:
    """Drafts and scheduled plans are built only in previews (PLANSITE_PREVIEW=1 or extra.preview)."""
    return os.environ.get("PLANSITE_PREVIEW") == "1" or bool(config.extra.get("preview"))


def on_config(config):
    global plansite, generated, links
    plansite = fresh_package()
    data = Path(config.config_file_path).parent / "data"
    try:
        catalogue = plansite.catalogue.load_catalogue(data, preview=is_preview(config))
    except plansite.errors.DataError as error:
        raise PluginError("\n" + error.problems.report()) from None
    generated = plansite.pages.GeneratedPages(catalogue)
    links = plansite.links.LinkCheck()
    return config


def on_files(files, config):
    # Pages are drawn before MkDocs' on_env, so our templates get the theme's environment here.
    generated.set_environment(config.theme.get_env())
    for file in generated.files(config):
        files.append(file)
    return files


def on_page_content(html, page, config, files):
    rendered = generated.render(page, config)
    # Material prints page titles without escaping them: hand it titles already escaped.
    title = Markup.escape(page.title or "")
    page.title = title
    if page.meta.get("title"):
        page.meta["title"] = title
    if rendered is None:
        return html
    links.record(page, rendered, files)
    return rendered


def on_page_context(context, page, config, nav):
    view = generated.view_for(page)
    if view is not None:
        context["audience"] = view.audience.value
        context["counterpart"] = view.counterpart
    else:
        context["audience"] = page.meta.get("audience") or plansite.paths.audience_of(page.url).value
    return context


def on_post_page(output, page, config):
    return plansite.security.with_policy(plansite.markup.repair(output))


def on_post_template(output_content, template_name, config):
    """The 404 page is a theme template, not a page: it gets the same repairs and policy."""
    return plansite.security.with_policy(plansite.markup.repair(output_content)) if template_name.endswith(".html") else output_content

