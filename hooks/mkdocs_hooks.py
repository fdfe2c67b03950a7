"""MkDocs entry points: load and check the data, add the generated pages, draw them.

Each hook is a few lines; the work is done by the `plansite` package beside this file.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

# `mkdocs serve` loads this file again for every rebuild, but Python would keep the package it
# imported the first time: forget it, so that an edit to hooks/plansite/ is in the next build.
for _name in [name for name in sys.modules if name == "plansite" or name.startswith("plansite.")]:
    del sys.modules[_name]

from markupsafe import Markup  # noqa: E402
from mkdocs.exceptions import PluginError  # noqa: E402

from plansite.catalogue import load_catalogue  # noqa: E402
from plansite.errors import DataError  # noqa: E402
from plansite.paths import audience_of  # noqa: E402
from plansite.site.links import LinkCheck  # noqa: E402
from plansite.site.markup import repair  # noqa: E402
from plansite.site.pages import GeneratedPages  # noqa: E402
from plansite.site.security import with_policy  # noqa: E402

generated: GeneratedPages | None = None
links: LinkCheck | None = None


def is_preview(config) -> bool:
    """Drafts and scheduled plans are built only in previews (PLANSITE_PREVIEW=1 or extra.preview)."""
    return os.environ.get("PLANSITE_PREVIEW") == "1" or bool(config.extra.get("preview"))


def on_config(config):
    global generated, links
    data = Path(config.config_file_path).parent / "data"
    try:
        catalogue = load_catalogue(data, preview=is_preview(config))
    except DataError as error:
        raise PluginError("\n" + error.problems.report()) from None
    generated = GeneratedPages(catalogue)
    links = LinkCheck()
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
        context["audience"] = page.meta.get("audience") or audience_of(page.url).value
    return context


def on_post_page(output, page, config):
    return with_policy(repair(output))


def on_post_template(output_content, template_name, config):
    """The 404 page is a theme template, not a page: it gets the same repairs and policy."""
    return with_policy(repair(output_content)) if template_name.endswith(".html") else output_content

