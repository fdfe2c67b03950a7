"""Every address on the site: where each page goes, its URL, the audience it is written for, and dates as shown.

Pages are named by their source path ('young-people/plans/x.md'); MkDocs turns that into a
directory URL ('young-people/plans/x/'). Templates get these rules as filters, never rebuild them.
"""

from __future__ import annotations

import datetime
import re

from .model import Audience
from .model.values import Month, website_href

YOUNG_PEOPLE_PREFIX = Audience.YOUNG_PEOPLE.prefix


def audience_of(path: str) -> Audience:
    """The audience of a page, from its path or URL: everything under young-people/ is for young people."""
    return Audience.YOUNG_PEOPLE if path.startswith(YOUNG_PEOPLE_PREFIX) else Audience.ADULT


def plan_path(slug: str, audience: Audience) -> str:
    return f"{audience.prefix}plans/{slug}.md"


PLANS_PER_PAGE = 50
"""An article's page lists this many plans citing it, then goes on to page 2, 3..."""


def article_path(number: int, audience: Audience, page: int = 1) -> str:
    """An article's page; with many plans citing it, its page 2, 3... list the plans after the first ones."""
    if page > 1:
        return f"{audience.prefix}uncrc/article-{number}/page-{page}.md"
    return f"{audience.prefix}uncrc/article-{number}.md"


def organisation_path(organisation_id: str, audience: Audience = Audience.ADULT) -> str:
    return f"{audience.prefix}organisations/{organisation_id}.md"


def home_path(audience: Audience) -> str:
    return f"{audience.prefix}index.md"


def uncrc_path(audience: Audience) -> str:
    return f"{audience.prefix}uncrc/index.md"


def glossary_path(audience: Audience) -> str:
    return f"{audience.prefix}glossary.md"


def progress_path(slug: str, audience: Audience) -> str:
    """A plan's progress page: its summary, every item's status and what changed."""
    return f"{audience.prefix}plans/{slug}/progress.md"


def search_path(audience: Audience) -> str:
    """The search page."""
    return f"{audience.prefix}search.md"


def updates_path(audience: Audience) -> str:
    """The latest updates across every plan."""
    return f"{audience.prefix}updates.md"


# --- Open data and feeds: files in the site, not pages ----------------------------------------

DOWNLOADS = "downloads/"
SCHEMA_PATH = DOWNLOADS + "schema/plan.schema.json"
PACKAGE_PATH = DOWNLOADS + "datapackage.json"
SITE_FEED = "feed.xml"
# What MkDocs itself writes beside the pages.
BUILT_FILES = ("404.html", "sitemap.xml", "sitemap.xml.gz")


def plan_json_path(slug: str) -> str:
    return f"{DOWNLOADS}plans/{slug}.json"


def csv_path(slug: str, table: str) -> str:
    return f"{DOWNLOADS}plans/{slug}/{table}.csv"


ITEMS_TABLE = "items"
"""Every plan's CSV of all its items, whatever blocks it has (outputs/items_csv.py)."""


def items_csv_path(slug: str) -> str:
    return csv_path(slug, ITEMS_TABLE)


DOWNLOADS_PAGE = DOWNLOADS + "index.md"
"""The page that describes every download and feed, column by column: the data dictionary."""


def organisation_feed(organisation_id: str) -> str:
    return f"organisations/{organisation_id}/feed.xml"


def article_feed(number: int) -> str:
    return f"uncrc/article-{number}/feed.xml"


def redirect_path(old_slug: str, audience: Audience) -> str:
    """Where a renamed plan used to be: a page that sends readers on."""
    return f"{audience.prefix}plans/{old_slug}/index.html"


def url_of(path: str) -> str:
    """A page's URL relative to the site root, as MkDocs makes it with directory URLs."""
    if path == "index.md":
        return ""
    return re.sub(r"(index)?\.md$", "", path).rstrip("/") + "/"


def base_of(url: str) -> str:
    """The relative path from a page's URL back to the site root ('' for the home page)."""
    return "../" * url.count("/")


def term_anchor(term: str) -> str:
    """The #anchor of a glossary entry: 'S 10' becomes 'term-s-10'; letters of every script are kept."""
    return "term-" + (re.sub(r"(?:[^\w]|_)+", "-", term.lower()).strip("-") or "x")


def web_address(website: str) -> str:
    """A website as printed in a plan ('www.example.org.uk') as a link target: the rule the schema checked."""
    return website_href(website)


def phone_link(phone: str) -> str:
    """A phone number as printed ('0800 1111', '020 (7783) 8330') as a tel: link target: digits, and a leading +."""
    plus = "+" if phone.strip().startswith("+") else ""
    return "tel:" + plus + re.sub(r"\D", "", phone)


def long_date(day: datetime.date) -> str:
    """A date as people write it: '3 March 2025', or 'December 2017' for a month (portable: no
    platform-only strftime flags)."""
    return f"{day:%B %Y}" if isinstance(day, Month) else f"{day.day} {day:%B %Y}"
