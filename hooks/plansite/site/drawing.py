"""Our templates drawing the body of each generated page, with autoescaping on.

MkDocs' own Jinja environment does not escape values, so our pages are drawn in an overlay of it
with autoescape on: a value from the data can only reach the page as HTML through the `prose`
filter, which sanitises it. A drawn body comes with the ids in it and the links it makes to this
site (site/link_check.py), read where it was drawn.
"""

from __future__ import annotations

from dataclasses import dataclass

import jinja2

from ..addresses import base_of
from ..catalogue import Catalogue
from ..views import PageView
from . import budget_filters, progress_filters
from .filters import HEADING_ICONS, Filters
from .link_check import SiteLinks, ids_and_links, on_site_links


@dataclass(frozen=True)
class DrawnBody:
    """A generated page's body, the ids in it and its links that stay on the site."""

    html: str
    ids: set[str]
    links: SiteLinks


class Drawing:
    """The environment our templates are drawn in: the theme's loader, autoescape on, our filters."""

    def __init__(
        self,
        theme: jinja2.Environment,
        catalogue: Catalogue,
        compiled: jinja2.BytecodeCache | None,
        download_sizes: dict[str, int] | None = None,
    ):
        self.env = theme.overlay(autoescape=True, bytecode_cache=compiled)
        # An overlay shares its parent's filter and global dicts; copy them so Material's stay untouched.
        self.env.filters = dict(theme.filters)
        self.env.globals = dict(theme.globals)
        Filters(catalogue, download_sizes).install(self.env)
        progress_filters.install(self.env)
        budget_filters.install(self.env)

    def html(self, view: PageView, config) -> str:
        """The body of a generated page, as its template draws it."""
        template = self.env.get_template(view.template)
        return template.render(
            view=view,
            base=base_of(view.url),
            config=config,
            terms_seen=set(),
            icons_seen=set(HEADING_ICONS),
            ids_given=set(),
            **view.context.values(),
        )

    def page(self, template: str, **context) -> str:
        """A page of its own (a redirect), drawn by one of our templates."""
        return self.env.get_template(template).render(**context)


def draw_body(view: PageView, drawing: Drawing, config) -> DrawnBody:
    """A generated page's body with its ids and site links: the work handed to the tasks."""
    html = drawing.html(view, config)
    ids, hrefs = ids_and_links(html)
    return DrawnBody(html, ids, on_site_links(view.url, hrefs))
