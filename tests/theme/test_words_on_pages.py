"""Words on the built pages, for any data: organisation names with or without "the", no sentence
said twice in a row, downloads named by their plan with their sizes, the glossary A to Z, the
young-people pages' links home and to the organisation, an empty page that says what it is for."""

from __future__ import annotations

import html as entities
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
from plan_files import shared_cache
from plansite.catalogue import load_catalogue
from plansite.site.filters import file_size
from plansite.views.words import with_the
from project import DATA

pytestmark = pytest.mark.build

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue(DATA, cache=shared_cache())


def page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def text_of(html: str) -> str:
    return " ".join(entities.unescape(re.sub(r"<[^>]+>", " ", html)).split())


def test_organisation_names_take_the_where_they_should_and_only_there(site, catalogue):
    adult_home, young_home = text_of(page(site, "")), text_of(page(site, "young-people"))
    for organisation in catalogue.organisations.values():
        if not any(p.plan.organisation == organisation.id for p in catalogue.plans):
            continue
        said = with_the(organisation.name, organisation.takes_the)
        assert f"About {said}" in adult_home, said
        assert f"More about {said}" in young_home, said
        if said == organisation.name:
            assert f"the {organisation.name}" not in adult_home.replace("The ", "the "), organisation.name
        else:
            assert not re.search(rf"(About|about|of) {re.escape(organisation.name)}", adult_home + young_home)


SENTENCE = re.compile(r"(?<=[.!?])\s+")


def paragraphs(html: str) -> list[str]:
    """The text of each paragraph of a page's content, in order."""
    body = html[html.find('<div class="md-content"') :]
    return [text_of(p) for p in re.findall(r"<p\b[^>]*>(.*?)</p>", body, re.S)]


def test_no_sentence_is_said_twice_in_consecutive_paragraphs(site):
    repeated = []
    for file in sorted(site.rglob("index.html")):
        found = paragraphs(file.read_text(encoding="utf-8"))
        for before, after in zip(found, found[1:]):
            shared = {s for s in SENTENCE.split(before) if len(s.split()) > 3} & set(SENTENCE.split(after))
            repeated += [f"{file.parent.relative_to(site)}: {s}" for s in shared]
    assert not repeated, repeated[:10]


def test_downloads_are_named_by_their_plan_with_their_size_and_the_formats_explained(site, catalogue):
    for plan_file in catalogue.plans:
        html = page(site, f"plans/{plan_file.slug}")
        downloads = html[html.index('<section class="ps-section" aria-labelledby="data">') :].split("</section>")[0]
        assert "JSON files hold the whole plan" in downloads and "CSV files hold one table each" in downloads
        organisation = catalogue.organisations[plan_file.plan.organisation]
        links = re.findall(
            r'<a href="\.\./\.\./(downloads/[^"]+)" download>([^<]+)</a> <span class="ps-meta">\(([^)]+)\)', downloads
        )
        assert links, plan_file.slug
        for path, words, size in links:
            assert entities.unescape(words).startswith(f"{organisation.short_label} {plan_file.plan.title}: "), words
            assert size == file_size((site / path).stat().st_size), path


def test_the_glossary_goes_a_to_z_and_every_letter_leads_to_its_terms(site):
    for url in ("glossary", "young-people/glossary"):
        html = page(site, url)
        letters = re.findall(r'<li><a href="#(letter-[a-z]+)">([A-Z#])</a></li>', html)
        assert letters and [letter for _, letter in letters] == sorted(letter for _, letter in letters)
        for anchor, letter in letters:
            group = html[html.index(f'id="{anchor}"') :].split('<h2 id="letter-')[0]
            terms = re.findall(r'<dt id="[^"]+">([^<]+)', group)
            assert terms and all(t.strip()[0].upper() == letter for t in terms), (url, letter)


def logo_target(site: Path, url: str) -> str:
    href = re.search(r'<a href="([^"]*)"[^>]*class="md-header__button md-logo"', page(site, url)).group(1)
    return urljoin(f"/{url}/", href)


def test_young_peoples_pages_lead_home_to_theirs_and_adults_to_theirs(site):
    assert logo_target(site, "young-people/glossary") == "/young-people/"
    assert logo_target(site, "young-people/uncrc/article-12") == "/young-people/"
    assert logo_target(site, "glossary") == "/"


def test_how_you_can_get_involved_leads_to_the_organisation(site, catalogue):
    for plan_file in catalogue.plans:
        organisation = catalogue.organisations[plan_file.plan.organisation]
        html = page(site, f"young-people/plans/{plan_file.slug}")
        involved = html[html.index('<h2 id="involved">') :].split("</section>")[0]
        if organisation.website:
            assert f'href="{organisation.website}' in involved, plan_file.slug
        else:
            assert "<a href=" in involved, plan_file.slug


def test_an_updates_page_without_updates_says_what_will_appear_there(site):
    for url, words in (("updates", "the update will appear here"), ("young-people/updates", "you will see it here")):
        html = page(site, url)
        assert ('<ol class="ps-changes">' in html) != (words in text_of(html)), url
