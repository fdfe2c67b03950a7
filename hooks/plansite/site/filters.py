"""What templates may call: filters that format values, draw icons, render prose and make URLs.

Templates only loop and branch; every formatting rule (money, dates, URLs, labels) lives here.
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Iterable
from pathlib import Path

import jinja2
import material
from markupsafe import Markup, escape

from .. import model as m
from ..addresses import (
    article_path,
    glossary_path,
    long_date,
    organisation_path,
    phone_link,
    plan_path,
    term_anchor,
    uncrc_path,
    url_of,
    web_address,
)
from ..block_types import partial_of
from ..catalogue import Catalogue
from ..model import ids
from ..model.walk import anchor_of
from ..texts.rendering import NOT_RUNNING_TEXT, link_glossary_terms, to_html
from ..views import PageView, tables
from ..views.organisations import has_ended as period_has_ended
from ..views.words import period_in_words, plural, with_the

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
"""Material's icon set, drawn inline so that pages need no icon font and no request."""


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


# --- Labels: the words pages print for values of the model --------------------------------------


def the_name(organisation: m.Organisation, start: bool = False) -> str:
    """An organisation's name as a sentence says it: 'the Office of the Children's Commissioner',
    'Kirklees Council'; start: at the start of a sentence ('The Office of ...')."""
    return with_the(organisation.name, organisation.takes_the, start)


def by_letter(terms: list[m.GlossaryTerm]) -> list[tuple[str, list[m.GlossaryTerm]]]:
    """Glossary terms A to Z, in groups by first letter ('#' for a term starting with anything else)."""
    groups: dict[str, list[m.GlossaryTerm]] = {}
    for term in sorted(terms, key=lambda t: t.term.casefold()):
        first = term.term[:1].upper()
        groups.setdefault(first if "A" <= first <= "Z" else "#", []).append(term)
    return sorted(groups.items(), key=lambda group: (group[0] == "#", group[0]))


def ways_to_get_in_touch(organisation: m.Organisation, plan: m.Plan) -> list[tuple[str, str]]:
    """How young people can reach the organisation, as (words, link): its website, which it keeps
    up to date; without one, the contact details its plan printed."""
    if organisation.website:
        shown = organisation.website.removeprefix("https://").removeprefix("http://").removeprefix("www.")
        return [(f"Visit their website: {shown.rstrip('/')}", web_address(organisation.website))]
    contact = next((b for s in plan.sections for b in s.blocks if isinstance(b, m.ContactBlock)), None)
    if contact is None:
        return []
    ways = []
    if contact.email:
        ways.append((f"Email them: {contact.email}", f"mailto:{contact.email}"))
    if contact.phone:
        ways.append((f"Call them: {contact.phone}", phone_link(contact.phone)))
    if contact.website:
        ways.append((f"Visit their website: {contact.website}", web_address(contact.website)))
    return ways


def has_ended(period: str) -> bool:
    """Whether a plan's period is over, today: the rule of the organisation and plan pages."""
    return period_has_ended(period, datetime.date.today())


def kind_label(kind: str) -> str:
    """A plan's kind as a label: first letter capitalised, the rest as the editor wrote it."""
    return kind[:1].upper() + kind[1:]


def kind_icon(kind: str) -> str:
    """The icon of a known kind of plan, or a plain document for any other."""
    known = m.PlanKind.known(kind)
    return known.icon if known else "material/file-document-outline"


def file_size(size_bytes: int) -> str:
    """A file's size as people say it: '820 KB', '1.2 MB' (decimal units, as file browsers show)."""
    if size_bytes < 1_000_000:
        return f"{max(1, round(size_bytes / 1000))} KB"
    return f"{size_bytes / 1_000_000:.1f} MB"


def original_facts(original: m.Original) -> str:
    """The format and size of an original document, e.g. 'PDF, 1.2 MB' (empty when neither is known)."""
    parts = [original.format] if original.format else []
    if original.size_bytes:
        parts.append(file_size(original.size_bytes))
    return ", ".join(parts)


def speaker(quote: m.QuoteBlock) -> str:
    """Who said a quote, as the plan gives it: 'Amy, aged 14, Youth council member'; 'A young person' unnamed."""
    parts = [quote.speaker or "A young person"]
    if quote.age is not None:
        parts.append(f"aged {quote.age} years")
    if quote.context:
        parts.append(quote.context)
    return ", ".join(parts)


def pages_label(pages: str) -> str:
    """Where a part is in the original: 'page 24' or 'pages 24-31'."""
    return ("pages " if any(mark in pages for mark in "-–,& ") else "page ") + pages


HEADING_ICONS = frozenset(
    {
        "material/account-group",
        "material/format-list-checks",
        "material/scale-balance",
        "material/bullhorn",
        "material/progress-check",
        "material/hand-heart",
    }
)
"""Icons of the young-people pages' own headings: a card or section from the data never repeats them."""


@jinja2.pass_context
def young_icon(context, name: str | m.Icon | None) -> Markup:
    """The icon beside a young-people text or heading.

    An icon the editor chose (an m.Icon) is drawn every time: it was chosen for that text, and a
    card without the picture its editor gave it would be a silent loss. One of the page's own
    icons is drawn only the first time the page uses it: the same picture twice says nothing.
    """
    chosen = isinstance(name, m.Icon)
    name = ICONS.get(name, name) if name else None
    seen = context.get("icons_seen")  # a template drawn on its own (a test) has no page to remember
    if not name or (not chosen and seen is not None and name in seen):
        return Markup("")
    if seen is not None:
        seen.add(name)
    return icon_svg(name)


def note_of(owner: object, notes: tables.TableNotes) -> tables.Note | None:
    """The note of a table that belongs to this value (a row, an amount, a budget line), if any."""
    return notes.of(owner)


def iso_date(day: datetime.date) -> str:
    """A date as a `<time datetime>` attribute takes it: YYYY-MM-DD, or YYYY-MM for a month (model.values.Month)."""
    return day.isoformat()


def index_of(values: Iterable[object], value: object) -> int:
    """Where a value first is in a list (from 0), as Python's list.index."""
    return list(values).index(value)


class Filters:
    """Filters and globals for our templates; those that need the page read it from the template context."""

    def __init__(self, catalogue: Catalogue, download_sizes: dict[str, int] | None = None):
        self.catalogue = catalogue
        self.download_sizes = download_sizes or {}
        self.abbreviations = {t.term: t.meaning for t in catalogue.glossary if t.term != t.term.lower()}
        # Words the young-people glossary explains, and the #anchor of each on the glossary page.
        self.young_terms = {t.term: term_anchor(t.term) for t in catalogue.glossary if t.young_people}

    def install(self, env: jinja2.Environment) -> None:
        env.filters.update(
            prose=self.prose,
            prose_inline=self.prose_inline,
            explain_words=self.explain_words,
            download_size=self.download_size,
            money=money,
            url=self.url,
            article_url=self.article_url,
            anchor=anchor_of,
            term_anchor=term_anchor,
            long_date=long_date,
            web_address=web_address,
            phone_link=phone_link,
            partial=partial_of,
            plan_url=self.plan_url,
            organisation_url=self.organisation_url,
            uncrc_url=self.uncrc_url,
            glossary_url=self.glossary_url,
            kind_label=kind_label,
            the_name=the_name,
            has_ended=has_ended,
            ways_to_get_in_touch=ways_to_get_in_touch,
            by_letter=by_letter,
            period_words=period_in_words,
            kind_icon=kind_icon,
            original_facts=original_facts,
            speaker=speaker,
            pages_label=pages_label,
            plural=plural,
            budget_notes=tables.budget_notes,
            delivery_notes=tables.delivery_notes,
            delivery_total=tables.delivery_total,
            split_mark=tables.split_mark,
            footnote_id=tables.footnote_id,
            table_id=ids.table_id,
            caption_id=ids.caption_id,
            chart_id=ids.chart_id,
            money_id=ids.money_id,
            right_id=ids.right_id,
            note_of=note_of,
            iso_date=iso_date,
            index_of=index_of,
        )
        env.globals.update(
            icon=icon_svg,
            young_icon=young_icon,
            icons=ICONS,
            Status=m.Status,
            Audience=m.Audience,
            principles=m.GENERAL_PRINCIPLES,
        )

    @jinja2.pass_context
    def prose(
        self, context, text: str | None, inline: bool = False, written_on: str | None = None, headings: bool = True
    ) -> Markup:
        """An editor's text as safe HTML, with article numbers linked and, for adults, abbreviations
        explained at first use (a young-people page links its hard words as a whole: explain_words).

        A text quoted from another page (written_on: that page's link) keeps its links to parts of
        that page: '#foreword' becomes '<that page>#foreword'. Without headings (in a table's
        header cell, where HTML allows none), a typed heading is given as strong words.
        """
        if not text:
            return Markup("")
        if written_on:
            html = self.prose(context, text, inline, headings=headings)
            return Markup(html.replace(' href="#', f' href="{escape(written_on)}#'))
        view: PageView = context["view"]
        base = context["base"]
        adult = view.audience is m.Audience.ADULT
        return to_html(
            text,
            article_href=lambda n: base + url_of(article_path(n, view.audience)),
            abbreviations=self.abbreviations if adult else {},
            seen=context["terms_seen"],
            inline=inline,
            headings=headings,
        )

    @jinja2.pass_context
    def explain_words(self, context, html: str) -> Markup:
        """A young-people page's HTML with the first use of each word the glossary explains linked to
        it, wherever on the page that use is: in a plan's text or in the page's own words.

        Headings, links and form controls are passed over; the glossary page itself and adult pages
        are left as they are.
        """
        view: PageView = context["view"]
        young_glossary = glossary_path(m.Audience.YOUNG_PEOPLE)
        if view.audience is m.Audience.ADULT or view.path == young_glossary:
            return Markup(html)
        glossary_url = context["base"] + url_of(young_glossary)
        hrefs = {term: f"{glossary_url}#{anchor}" for term, anchor in self.young_terms.items()}
        return Markup(link_glossary_terms(str(html), hrefs, context["terms_seen"], untouched=NOT_RUNNING_TEXT))

    def download_size(self, path: str) -> str:
        """The size of a download, by its path in the site ('55 KB'), as the build wrote it; '' if unknown."""
        size = self.download_sizes.get(path)
        return file_size(size) if size else ""

    @jinja2.pass_context
    def prose_inline(self, context, text: str | None) -> Markup:
        return self.prose(context, text, inline=True)

    @jinja2.pass_context
    def url(self, context, path: str) -> str:
        """The link from the current page to a page named by its source path."""
        return context["base"] + url_of(path)

    @jinja2.pass_context
    def article_url(self, context, number: int) -> str:
        """The link to an article's page in the current page's audience."""
        return context["base"] + url_of(article_path(number, context["view"].audience))

    @jinja2.pass_context
    def plan_url(self, context, slug: str, audience: m.Audience | None = None) -> str:
        """The link to a plan's page, in the given audience or the current page's."""
        return context["base"] + url_of(plan_path(slug, audience or context["view"].audience))

    @jinja2.pass_context
    def organisation_url(self, context, organisation_id: str, audience: m.Audience | None = None) -> str:
        """The link to an organisation's page, in the given audience or the current page's."""
        return context["base"] + url_of(organisation_path(organisation_id, audience or context["view"].audience))

    @jinja2.pass_context
    def uncrc_url(self, context, audience: m.Audience | None = None) -> str:
        return context["base"] + url_of(uncrc_path(audience or context["view"].audience))

    @jinja2.pass_context
    def glossary_url(self, context, audience: m.Audience | None = None) -> str:
        return context["base"] + url_of(glossary_path(audience or context["view"].audience))
