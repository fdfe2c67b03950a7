"""Messages tell the truth: every page and file the site builds can be linked from a text, and a
name in any script has letters."""

from __future__ import annotations

from pathlib import Path

import pytest
from plan_files import PLAN, data_folder, load, reported
from plansite.catalogue import load_catalogue
from plansite.check.across_files import plan_pages, site_pages
from project import CONTENT, DATA

BLOCK = "      - type: text\n        text: Plain words.\n"


@pytest.mark.parametrize(
    "href",
    [
        "/updates/", "/young-people/updates/", "/search/", "/young-people/search/", "/plans/",
        "/young-people/organisations/scb/", "/organisations/scb/", "/feed.xml", "/organisations/scb/feed.xml",
        "/uncrc/article-12/feed.xml", "/downloads/datapackage.json", "/downloads/schema/plan.schema.json",
        "/downloads/plans/scb-business-plan-2009-10.json", "/downloads/plans/occ-business-plan-2012-13/budget.csv",
        "/sitemap.xml", "/404.html",
    ],
)  # fmt: skip
def test_a_link_to_a_page_or_file_every_build_makes_is_accepted(tmp_path, href: str) -> None:
    catalogue, problems = load(
        data_folder(tmp_path), PLAN.replace(BLOCK, f"      - type: text\n        text: '[Go]({href})'\n")
    )
    assert catalogue is not None, problems.report()


@pytest.mark.parametrize("href", ["/nowhere/", "/downloads/plans/nowhere.json", "/uncrc/article-12/page-2/"])
def test_a_link_to_a_page_no_build_makes_is_refused(tmp_path, href: str) -> None:
    _, problems = load(
        data_folder(tmp_path), PLAN.replace(BLOCK, f"      - type: text\n        text: '[Go]({href})'\n")
    )
    reported(problems, "goes to a page this site does not have", line=12)


def test_a_glossary_term_in_another_script_has_letters(tmp_path) -> None:
    data = data_folder(tmp_path)
    glossary = data / "glossary.yml"
    glossary.write_text(
        glossary.read_text(encoding="utf-8").rstrip("\n") + "\n  - term: Ελλάδα\n    meaning: Greece\n",
        encoding="utf-8",
    )
    catalogue, problems = load(data, PLAN)
    assert catalogue is not None, problems.report()


@pytest.mark.build
def test_every_page_and_file_of_the_built_site_can_be_linked(site: Path) -> None:
    catalogue = load_catalogue(DATA)
    pages = site_pages(
        [(p.slug, plan_pages(p.slug, p.plan)) for p in catalogue.plans],
        list(catalogue.organisations),
        [old for p in catalogue.plans for old in p.plan.previous_slugs],
        CONTENT,
    )
    missing = []
    for file in site.rglob("*"):
        relative = file.relative_to(site).as_posix()
        if file.is_dir() or relative.startswith(
            ("pagefind/", "assets/javascripts/", "assets/stylesheets/", "assets/images/", "admin/")
        ):
            continue  # the search index, the theme's and the form editor's own files: not for linking
        if relative.startswith("."):
            continue  # the build's records beside the site (site/redraws.py, site/search.py): hidden, not published
        if file.name == "index.html":
            url = relative.removesuffix("index.html")
        else:
            url = relative
        if url and url not in pages:
            missing.append(url)
    assert not missing, missing
