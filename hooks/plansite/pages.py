"""Generated pages as MkDocs files, drawn by our templates with autoescaping on.

This is the only module that imports MkDocs. MkDocs' own Jinja environment does not escape
values, so our pages are drawn in an overlay of it with autoescape on: a value from the data
can only reach the page as HTML through the `prose` filter, which sanitises it.
"""

from __future__ import annotations

import functools
from pathlib import Path

import jinja2
import yaml
from markupsafe import Markup, escape
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

import material

from . import model as m
from .catalogue import Catalogue
from .checks import anchor_of, row_anchors
from .prose import to_html
from .views import PageView, term_anchor, all_pages, article_path, redirects, url_of

ICONS = {
    m.Icon.SCHOOL: "material/school",
    m.Icon.HEALTH: "material/heart-pulse",
    m.Icon.SHIELD: "material/shield-account",
    m.Icon.VOICE: "material/bullhorn",
    m.Icon.MONEY: "material/cash",
    m.Icon.PEOPLE: "material/account-group",
    m.Icon.HOME: "material/home",
    m.Icon.JUSTICE: "material/scale-balance",
    m.Icon.STAR: "material/star",
    m.Icon.HEART: "material/heart",
    m.Icon.BOOK: "material/book-open-variant",
    m.Icon.WORLD: "material/earth",
    m.Icon.CHECK: "material/check-circle",
    m.Icon.SEARCH: "material/magnify",
    m.Icon.PHONE: "material/phone",
    m.Icon.LEARN: "material/lightbulb",
}
ICON_DIR = Path(material.__file__).parent / "templates" / ".icons"


@functools.cache
def icon_svg(name: str) -> Markup:
    """An icon from Material's set as inline SVG, hidden from screen readers (words always go with it)."""
    svg = (ICON_DIR / f"{name}.svg").read_text(encoding="utf-8")
    return Markup(svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" class="ps-icon" ', 1))


def money(value: m.Money) -> str:
    """An amount as the plan printed it, with a pound sign."""
    if value.as_printed:
        return value.as_printed if value.as_printed.startswith("£") else f"£{value.as_printed}"
    return f"£{value.amount:,}"


def base_of(url: str) -> str:
    """The relative path from a page's URL back to the site root ('' for the home page)."""
    return "../" * url.count("/")


class GeneratedPages:
    """The pages made from data, as MkDocs files and as HTML."""

    def __init__(self, catalogue: Catalogue):
        self.catalogue = catalogue
        self.views: dict[str, PageView] = {view.path: view for view in all_pages(catalogue)}
        self.abbreviations = {t.term: t.meaning for t in catalogue.glossary if t.term != t.term.lower()}
        # Words the young-people glossary explains, and the #anchor of each on the glossary page.
        self.young_terms = {t.term: term_anchor(t.term) for t in catalogue.glossary if t.young_people}
        self.env: jinja2.Environment | None = None

    def files(self, config) -> list[File]:
        """Generated pages, and a redirect page at each old address of a renamed plan."""
        files = []
        for view in self.views.values():
            meta = {"title": view.title, "description": view.description}
            if view.template == "pages/plan.html":
                meta["hide"] = ["toc"]  # the plan has its own contents list; its tables get the width
            front = yaml.safe_dump(meta, allow_unicode=True)
            files.append(File.generated(config, view.path, content=f"---\n{front}---\n"))
        template = self.env.get_template("pages/redirect.html")
        for redirect in redirects(self.catalogue):
            audience = "young-people" if redirect.path.startswith("young-people/") else "adult"
            target = base_of(redirect.path.removesuffix("index.html")) + redirect.target
            html = template.render(target=target, title=redirect.title, audience=audience)
            files.append(File.generated(config, redirect.path, content=html))
        return files

    def set_environment(self, env: jinja2.Environment) -> None:
        """Our templates use the theme's loader, with autoescape on and our filters."""
        self.env = env.overlay(autoescape=True)
        # An overlay shares its parent's filter and global dicts; copy them so Material's stay untouched.
        self.env.filters = dict(env.filters)
        self.env.globals = dict(env.globals)
        self.env.filters.update(
            prose=self._prose, prose_inline=self._prose_inline, money=money, url=self._url,
            article_url=self._article_url, anchor=anchor_of, term_anchor=term_anchor, row_anchor=lambda group, i: row_anchors(group)[i],
        )
        self.env.globals.update(icon=icon_svg, icons=ICONS, Status=m.Status, Audience=m.Audience)

    @jinja2.pass_context
    def _prose(self, context, text: str | None, inline: bool = False) -> Markup:
        if not text:
            return Markup("")
        view: PageView = context["view"]
        base = context["base"]
        adult = view.audience is m.Audience.ADULT
        glossary_url = base + url_of("young-people/glossary.md")
        on_glossary = view.path == "young-people/glossary.md"
        glossary = {} if adult or on_glossary else {term: f"{glossary_url}#{a}" for term, a in self.young_terms.items()}
        return to_html(
            text,
            article_href=lambda n: base + url_of(article_path(n, view.audience)),
            abbreviations=self.abbreviations if adult else {},
            glossary_links=glossary,
            seen=context["terms_seen"],
            inline=inline,
        )

    @jinja2.pass_context
    def _prose_inline(self, context, text: str | None) -> Markup:
        return self._prose(context, text, inline=True)

    @jinja2.pass_context
    def _url(self, context, path: str) -> str:
        return context["base"] + url_of(path)

    @jinja2.pass_context
    def _article_url(self, context, number: int) -> str:
        return context["base"] + url_of(article_path(number, context["view"].audience))

    def view_for(self, page: Page) -> PageView | None:
        return self.views.get(page.file.src_uri)

    def render(self, page: Page, config) -> str | None:
        """The HTML body of a generated page, or None for a hand-written one."""
        view = self.view_for(page)
        if view is None or self.env is None:
            return None
        template = self.env.get_template(view.template)
        html = template.render(view=view, base=base_of(view.url), config=config, terms_seen=set(), **view.context)
        page.toc = get_toc(
            [{"level": level, "id": anchor, "name": str(escape(name)), "children": []} for level, anchor, name in view.toc]
        )
        return html
