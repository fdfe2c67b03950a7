"""The shapes real plans have (issue 13), through the real build: a plan using every one publishes."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from project import build, copy_project, read

FIXTURE = Path(__file__).parent / "fixtures" / "plans" / "example-council-participation-strategy-2024-27.yml"
SLUG = FIXTURE.stem
ORGANISATION = """
  - id: example-council
    name: Example Borough Council
    kind: Local authority
    about: A council in England.
    young_people:
      text: The council runs schools, parks and buses in the area.
"""


@pytest.fixture(scope="module")
def shapes_site(tmp_path_factory) -> Path:
    """A preview build of the project with the example council and its plan added."""
    project = copy_project(tmp_path_factory.mktemp("shapes"))
    with (project / "data" / "organisations.yml").open("a", encoding="utf-8") as file:
        file.write(ORGANISATION)
    shutil.copy(FIXTURE, project / "data" / "plans" / FIXTURE.name)
    result = build(project / "site", project / "mkdocs.yml", preview=True)
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_a_kind_the_site_does_not_know_is_shown_as_written(shapes_site):
    html = read(shapes_site, f"plans/{SLUG}")
    assert "<dd>Pledge and participation strategy</dd>" in html


def test_an_organisation_without_a_short_name_titles_its_plans_with_its_name(shapes_site):
    assert "<title>Example Borough Council Children and Young People&#39;s Participation Strategy 2024-27" in read(
        shapes_site, f"plans/{SLUG}"
    ).replace("&#x27;", "&#39;")


def test_the_original_document_is_linked_with_its_format_and_size(shapes_site):
    html = read(shapes_site, f"plans/{SLUG}")
    assert '<a href="https://www.example.gov.uk/participation-strategy.pdf">Children and Young People' in html
    assert "(PDF, 1.2 MB)" in html


def test_a_subheading_is_a_heading_inside_its_section(shapes_site):
    assert '<h3 id="what-we-promise">What we promise</h3>' in read(shapes_site, f"plans/{SLUG}")


def test_a_quote_without_a_speaker_is_from_a_young_person(shapes_site):
    assert "<figcaption>A young person, aged 14 years, Youth council member</figcaption>" in read(
        shapes_site, f"plans/{SLUG}"
    )


def test_a_note_on_one_item_is_shown_under_it(shapes_site):
    html = read(shapes_site, f"plans/{SLUG}")
    listen = html[html.index("<dt>Listen</dt>") :]
    assert listen.index("added after the youth council") < listen.index("</dd>")


def test_you_said_we_did_shows_each_answer_with_its_date_and_status(shapes_site):
    html = read(shapes_site, f"plans/{SLUG}")
    item = html[html.index('id="transport"') :]
    item = item[: item.index("</li>")]
    for words in (
        "You said",
        "Bus fares are too expensive",
        "We will",
        "Work with bus companies",
        "We did",
        "flat fare",
        '<time datetime="2024-09-01">1 September 2024</time>',
        "Completed",
        "paid for until March 2026",
        "Article 31",
    ):
        assert words in item, words


def test_a_part_not_transcribed_says_so_and_links_the_original(shapes_site):
    html = read(shapes_site, f"plans/{SLUG}")
    assert "Appendix 2 - Survey results</h3>" in html
    notice = html[html.index("This section is not yet online") :]
    assert notice.startswith(
        "This section is not yet online. See pages 24-31 of the <a "
        'href="https://www.example.gov.uk/participation-strategy.pdf">original document</a> (PDF, 1.2 MB).'
    )


def test_the_organisation_page_lists_its_plans_with_its_young_people_text(shapes_site):
    adult = read(shapes_site, "organisations/example-council")
    assert "The council runs schools, parks and buses in the area." in adult
    assert 'href="../../plans/example-council-participation-strategy-2024-27/"' in adult
    young = read(shapes_site, "young-people/organisations/example-council")
    assert 'href="../../../young-people/plans/example-council-participation-strategy-2024-27/"' in young
    assert "How the council will listen to you" in young
    plan = read(shapes_site, f"young-people/plans/{SLUG}")
    assert (
        'href="../../../young-people/organisations/example-council/">All the plans of Example Borough Council' in plan
    )


def test_plans_whose_period_has_ended_are_listed_as_past_newest_first(site):
    page = read(site, "organisations/occ")
    assert "Current plans" not in page
    past = page[page.index('id="past-plans"') :]
    order = [
        past.index(slug)
        for slug in ("occ-participation-strategy-2014-15", "occ-strategic-plan-2012-14", "occ-business-plan-2012-13")
    ]
    assert order == sorted(order)


def test_all_plans_are_also_listed_by_kind_with_other_kinds_named(shapes_site):
    page = read(shapes_site, "plans")
    by_kind = page[page.index('id="by-kind"') :]
    headings = [re.sub(r"<[^>]+>", "", h).strip() for h in re.findall(r"<h3>(.*?)</h3>", by_kind, re.S)]
    assert headings[:3] == ["Business plans", "Strategic plans", "Participation strategies"]
    assert headings[-1] == "Other kinds of plan"
    other = by_kind[by_kind.index("Other kinds of plan") :]
    assert "(Example Borough Council, 2024-27: pledge and participation strategy)" in other


def test_a_you_said_we_did_block_of_one_entry_is_not_a_numbered_list(site, shapes_site):
    one = read(site, "plans/cumberland-participation-strategy-2024-27")
    entry = one[: one.index('id="your-voice"')]
    assert entry[entry.rindex("<") :].startswith('<div class="ps-you-said__item"')
    assert entry[: entry.rindex("<")].rstrip().endswith('<div class="ps-you-said">')
    many = read(shapes_site, f"plans/{SLUG}")
    entry = many[: many.index('id="transport"')]
    assert entry[entry.rindex("<") :].startswith('<li class="ps-you-said__item"')
    assert '<ol class="ps-you-said">' in many
