"""Every address on the site comes from one module."""

from __future__ import annotations

import datetime

from plansite import model as m
from plansite.addresses import (
    article_path,
    audience_of,
    base_of,
    long_date,
    phone_link,
    plan_path,
    redirect_path,
    term_anchor,
    url_of,
    web_address,
)

ADULT, YOUNG = m.Audience.ADULT, m.Audience.YOUNG_PEOPLE


def test_page_paths_for_both_audiences() -> None:
    assert plan_path("occ-business-plan-2012-13", ADULT) == "plans/occ-business-plan-2012-13.md"
    assert plan_path("x", YOUNG) == "young-people/plans/x.md"
    assert article_path(12, YOUNG) == "young-people/uncrc/article-12.md"
    assert redirect_path("old", YOUNG) == "young-people/plans/old/index.html"


def test_urls_are_directory_urls() -> None:
    assert url_of("index.md") == ""
    assert url_of("young-people/index.md") == "young-people/"
    assert url_of("plans/x.md") == "plans/x/"
    assert base_of("young-people/plans/x/") == "../../../"
    assert base_of("") == ""


def test_the_audience_of_a_page_is_its_folder() -> None:
    assert audience_of("young-people/uncrc/article-1/") is YOUNG
    assert audience_of("plans/young-people-plan/") is ADULT


def test_dates_are_written_as_people_write_them_on_any_platform() -> None:
    assert long_date(datetime.date(2025, 3, 3)) == "3 March 2025"
    assert long_date(datetime.date(2012, 11, 30)) == "30 November 2012"


def test_contact_details_become_link_targets() -> None:
    assert phone_link("0800 1111") == "tel:08001111"
    assert web_address("www.example.org.uk") == "https://www.example.org.uk"
    assert web_address("https://example.org") == "https://example.org"
    assert term_anchor("S 10") == "term-s-10"
