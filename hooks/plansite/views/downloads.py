"""The open-data page: every download and feed the site publishes, and every column of every table (the data
dictionary), for adults."""

from __future__ import annotations

from .. import model as m
from ..addresses import DOWNLOADS_PAGE, PACKAGE_PATH, SCHEMA_PATH, SITE_FEED
from ..catalogue import Catalogue
from ..dictionary import TABLES, UNITS_NOTE
from .contexts import DownloadsPage
from .page import PageView
from .words import with_the


def downloads_pages(catalogue: Catalogue) -> list[PageView]:
    example = catalogue.plans[0] if catalogue.plans else None
    organisation = catalogue.organisations[example.plan.organisation] if example else None
    context = DownloadsPage(
        TABLES,
        UNITS_NOTE,
        PACKAGE_PATH,
        SCHEMA_PATH,
        SITE_FEED,
        example,
        with_the(organisation.name, organisation.takes_the) + "'s" if example else "",
    )
    toc = [(2, "files", "The files")] + [(3, f"table-{name}", table.title) for name, table in TABLES.items()]
    toc += [(2, "feeds", "Feeds"), (2, "reuse", "Reusing the data")]
    return [
        PageView(
            DOWNLOADS_PAGE,
            "Open data: what each download holds",
            "pages/downloads.html",
            m.Audience.ADULT,
            "Every plan as open data (JSON and CSV), every column of every table with its meaning and unit, and "
            "the feeds of updates.",
            context,
            toc,
        )
    ]
