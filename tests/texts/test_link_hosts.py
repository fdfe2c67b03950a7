"""A link is only as good as where it goes: site names by the URL standard's host rules, in one
alphabet; phone links in digits; link words that name a site go to that site; the page's policy
decided by what the page is, not by what a text says."""

from __future__ import annotations

import pytest
from plan_files import PLAN, data_folder, load, reported
from plansite.addresses import phone_link
from plansite.model.values import website
from plansite.site.security import policy
from plansite.texts.links import url_problem
from plansite.texts.typed import text_problem

REFUSED = [
    "https://www..example.gov.uk/",
    "https://.example.org/",
    "https://example..org/",
    "https://a_b.example.org/",
    "https://-example.org/",
    "https://example-.org/",
    "https://ex--ample.org/",
    "https://" + "a" * 64 + ".org/",
    "https://" + ".".join(["abcdefghi"] * 26) + ".org/",
    "https://www.gоv.uk/",  # a Cyrillic 'о'
    "https://www.gov.υk/",  # a Greek 'υ'
    "https://аррӏе.com/",  # Cyrillic letters only, that show as 'apple'
    "https://xn--80ak6aa92e.com/",  # the same, typed as punycode
    "https://xn--zz.org/",
    "https://example.123/",
    "tel:0800FLOWERS",
    "tel:0800 1111 ext 2",
    "tel:javascript",
    "mailto:team@gоv.uk",
]
ACCEPTED = ["https://www.example.gov.uk/", "https://example.org./", "https://münchen.de/", "https://пример.рф/",
            "tel:0800 1111", "tel:+44 20 7783 8330", "tel:020-7783-8330", "mailto:team@example.org"]  # fmt: skip


@pytest.mark.parametrize("href", REFUSED)
def test_a_link_that_goes_nowhere_valid_or_looks_like_another_site_is_refused(href: str) -> None:
    assert url_problem(href), href
    problem = text_problem(f"[Our partner]({href})")
    assert problem and (f"the link '{href[:40]}' is not allowed" in problem or "mixes letters" in problem), problem


@pytest.mark.parametrize("href", ACCEPTED)
def test_a_link_to_a_valid_address_is_accepted(href: str) -> None:
    assert url_problem(href) is None, url_problem(href)


@pytest.mark.parametrize(
    "text",
    [
        "[www.gov.uk](https://evil.example/)",
        "[https://www.nspcc.org.uk/](https://nspcc.example/)",
        "[childline.org.uk](/uncrc/)",
        "[help@childline.org.uk](mailto:help@evil.example)",
    ],
)
def test_link_words_that_name_another_site_are_refused(text: str) -> None:
    problem = text_problem(text)
    assert problem and "name the address" in problem, problem


@pytest.mark.parametrize(
    "text",
    ["[www.gov.uk](https://www.gov.uk/help)", "[gov.uk](https://www.gov.uk/)",
     "[help@childline.org.uk](mailto:help@childline.org.uk)", "[Section 1.2](/uncrc/)", "[e.g. here](/uncrc/)"],
)  # fmt: skip
def test_link_words_that_name_the_site_they_go_to_are_accepted(text: str) -> None:
    assert text_problem(text) is None, text_problem(text)


@pytest.mark.parametrize("value", ["www..example.org", "www.gоv.uk", "https://a_b.example.org"])
def test_a_website_field_follows_the_host_rules(value: str) -> None:
    with pytest.raises(ValueError):
        website(value)


def test_a_contact_phone_links_as_digits() -> None:
    assert phone_link("020 (7783) 8330") == "tel:02077838330"
    assert phone_link("+44 20 7783-8330") == "tel:+442077838330"


def test_a_contact_with_a_look_alike_email_domain_is_refused(tmp_path) -> None:
    block = "      - type: contact\n        email: team@exаmple.org\n"
    _, problems = load(data_folder(tmp_path), PLAN + block)
    reported(problems, "'email'", line=14)


def test_the_policy_is_the_pages_not_the_texts() -> None:
    quoted = '<p>Our form: <code>&lt;form id="ps-search-form"&gt;</code> id="ps-search-form"</p>'
    assert "'wasm-unsafe-eval'" not in policy(quoted, "plans/a-plan/")
    assert "'wasm-unsafe-eval'" not in policy(quoted, None)
    assert "'wasm-unsafe-eval'" in policy("", "search/") and "'wasm-unsafe-eval'" in policy("", "young-people/search/")


def test_a_documents_title_that_names_another_site_is_refused(tmp_path) -> None:
    original = "original:\n  url: https://evil.example/plan.pdf\n  title: www.gov.uk/plan.pdf\nsections:"
    _, problems = load(data_folder(tmp_path), PLAN.replace("sections:", original))
    reported(problems, "the words 'www.gov.uk/plan.pdf' name the site www.gov.uk", line=8)
