"""From what children said to what was done (issue 30), through the real build of a plan that has it all.

The fixture plan (tests/fixtures/plans/example-council-you-said-2025-26.yml) links each "you said" item
to the commitments that answer it (`answered_by`), names owners, has dated updates (one dated only
to its month), a commitment with no progress reported and a "you said" item with no answer yet.
One copy of the project with it is built once; the tests read its pages, feeds and downloads.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import re
import shutil
from pathlib import Path

import feedparser
import pytest
from plansite.catalogue import load_catalogue
from plansite.progress import changes as plan_changes
from project import build, copy_project, read
from test_living import chart_and_table
from test_new_shapes import ORGANISATION

FIXTURE = Path(__file__).parent / "fixtures" / "plans" / "example-council-you-said-2025-26.yml"
SLUG = FIXTURE.stem
SITE_URL = "https://childrens-plans.example.org/"


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("you-said"))
    with (project / "data" / "organisations.yml").open("a", encoding="utf-8") as file:
        file.write(ORGANISATION)
    shutil.copy(FIXTURE, project / "data" / "plans" / FIXTURE.name)
    return project


@pytest.fixture(scope="module")
def built(project) -> Path:
    out = project / "site"
    result = build(out, project / "mkdocs.yml")
    assert result.returncode == 0, result.stderr
    return out


def part(html: str, start: str, end: str) -> str:
    """The HTML from the element that starts with `start` to the first `end` after it."""
    found = html[html.index(start) :]
    return found[: found.index(end) + len(end)]


def words(html: str) -> str:
    """What a reader reads of some HTML: its text, spaces made one."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace("&#39;", "'").strip()


# --- Both ways: what children said, and what answers it ---------------------------------------


def test_a_you_said_item_names_what_answers_it_and_each_answer_names_it_back(built):
    page = read(built, f"plans/{SLUG}")
    said = part(page, '<li class="ps-you-said__item" id="safe-parks">', "</li>\n  \n")
    assert re.findall(r'<a href="#([\w-]+)">', said) == ["park-lighting-1", "park-walks"]
    assert "On track" in said and '<time datetime="2025-09-15">' in said, "each answer with its current status"
    for commitment, end in (
        ('<tr id="park-lighting-1">', "</tr>"),
        ('<section class="ps-project" id="park-walks"', "</section>"),
    ):
        back = part(page, commitment, end)
        assert "What children and young people said that led to this:" in back
        assert '<a href="#safe-parks">“We do not feel safe in the park after dark.”</a>' in back
    young = read(built, f"young-people/plans/{SLUG}")
    assert 'href="../../../young-people/plans/example-council-you-said-2025-26/progress/#you-said"' in young


def test_a_commitment_s_updates_read_as_a_timeline_oldest_first(built):
    story = part(read(built, f"plans/{SLUG}/progress"), '<article class="ps-story" id="safe-parks">', "</article>")
    timeline = part(story, '<ol class="ps-timeline">', "</ol>")
    entries = re.findall(r'<li class="ps-timeline__entry">(.*?)</li>', timeline, re.S)
    assert [words(entry) for entry in entries] == [
        "June 2025 In progress, needs attention The lights for the first park were ordered late. Source: Youth "
        "forum report, June 2025 (the report gives the month only)",
        "15 September 2025 On track Lights are up in two of the three parks. Source: Cabinet report, 15 September "
        "2025, page 3",
    ]
    assert '<time datetime="2025-06">June 2025</time>' in timeline, "a month is never given a day"


def test_young_people_read_you_told_us_we_promised_what_happened(built):
    story = part(
        read(built, f"young-people/plans/{SLUG}/progress"), '<article class="ps-story" id="safe-parks">', "</article>"
    )
    parts = re.findall(r'<h\d class="ps-story__part">([^<]+)</h\d>', story)
    assert parts == ["You told us", "We promised", "What happened"]
    text = words(story)
    assert text.index("You said the park is scary after dark.") < text.index("Walks in the park")
    assert text.index("This started late. The lights came late.") < text.index("Two parks have lights.")
    assert "Lights are up in two of the three parks." not in text, "the adult words stay on the adult page"
    assert "Source:" not in text


def test_where_nothing_was_reported_the_page_says_so(built):
    adult = read(built, f"plans/{SLUG}/progress")
    young = read(built, f"young-people/plans/{SLUG}/progress")
    for story in ("bus-fares", "more-clubs"):
        said = words(part(adult, f'<article class="ps-story" id="{story}">', "</article>"))
        assert said.endswith("What was done Not reported"), said
        told = words(part(young, f'<article class="ps-story" id="{story}">', "</article>"))
        assert told.endswith("What happened Not told yet"), told
    assert "Not reported (1)" in words(part(adult, 'id="status-not-reported"', "</h3>"))


# --- Owners ----------------------------------------------------------------------------------


def test_every_owner_is_on_the_page(built):
    page = words(read(built, f"plans/{SLUG}/progress"))
    for owner in ("Parks team", "Transport team", "Youth participation team"):
        assert f"Owner: {owner}" in page


def items_csv(built: Path) -> list[dict[str, str]]:
    text = (built / f"downloads/plans/{SLUG}/items.csv").read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def test_the_items_csv_has_every_item_with_its_owner_status_and_date(built):
    rows = {row["id"]: row for row in items_csv(built)}
    assert list(rows) == [
        "safe-parks",
        "bus-fares",
        "more-clubs",
        "park-lighting",
        "park-lighting-1",
        "cheaper-buses",
        "cheaper-buses-1",
        "park-walks",
    ]
    assert {key: rows["park-lighting-1"][key] for key in ("kind", "owner", "timescale", "status", "status_date")} == {
        "kind": "action",
        "owner": "Parks team",
        "timescale": "March 2026",
        "status": "on-track",
        "status_date": "2025-09-15",
    }
    assert (rows["cheaper-buses-1"]["owner"], rows["cheaper-buses-1"]["status"]) == ("Transport team", "not-reported")
    assert (rows["park-walks"]["owner"], rows["park-walks"]["status"]) == ("Youth participation team", "completed")
    assert rows["safe-parks"]["answered_by"] == "park-lighting-1 park-walks"
    assert rows["park-lighting"]["status"] == "", "a group of rows reports no progress of its own"
    updates = (built / f"downloads/plans/{SLUG}/updates.csv").read_text(encoding="utf-8")
    assert '"park-lighting-1","action","2025-06","needs-attention"' in updates


def test_the_json_and_the_csv_of_the_items_agree(built):
    data = json.loads((built / f"downloads/plans/{SLUG}.json").read_text(encoding="utf-8"))
    rows = items_csv(built)
    assert len(data["items"]) == len(rows)
    for item, row in zip(data["items"], rows):
        as_csv = {
            **item,
            "articles": " ".join(map(str, item["articles"])),
            "answered_by": " ".join(item["answered_by"]),
        }
        assert {"plan": SLUG, **as_csv} == row
    row = next(row for row in data["plan"]["sections"][1]["blocks"][0]["groups"][0]["rows"])
    assert [update["date"] for update in row["updates"]] == ["2025-06", "2025-09-15"]


def test_no_download_or_page_of_the_plan_says_none(built):
    files = [built / f"downloads/plans/{SLUG}.json", *sorted((built / f"downloads/plans/{SLUG}").glob("*.csv"))]
    pages = [
        f"plans/{SLUG}",
        f"plans/{SLUG}/progress",
        f"young-people/plans/{SLUG}",
        f"young-people/plans/{SLUG}/progress",
    ]
    for text in [file.read_text(encoding="utf-8") for file in files] + [words(read(built, url)) for url in pages]:
        assert not re.search(r"\bNone\b", text)


# --- Roll-ups --------------------------------------------------------------------------------


def test_the_organisation_page_rolls_up_its_plans(built):
    for url, sentence in [
        (
            "organisations/example-council",
            "Of the 3 items in the plans of Example Borough Council, 1 is completed, 1 on track and 1 not reported; "
            "the newest update is from 20 October 2025.",
        ),
        (
            "young-people/organisations/example-council",
            "The plans of Example Borough Council made 3 promises that we can follow.",
        ),
    ]:
        page = read(built, url)
        assert sentence in words(page)
        chart, table = chart_and_table(page)
        assert chart == table and sum(table.values()) == 3
        assert "<caption" in page and '<th scope="col">' in page


def test_the_home_page_rolls_up_every_plan_organisation_by_organisation(built):
    page = read(built, "")
    rollup = part(page, '<section aria-labelledby="how-the-promises-stand">', "</section>")
    chart, table = chart_and_table(rollup)
    assert chart == table
    rows = re.findall(r'<li><a class="ps-rollup__name" href="[^"]+">([^<]+)</a>:(.*?)</li>', rollup, re.S)
    assert [name for name, _ in rows] == [
        "City and Hackney Safeguarding Children Board",
        "Stockton-on-Tees Local Safeguarding Children Board",
        "Example Borough Council",
    ]
    counted = sum(
        int(n)
        for _, counts in rows
        for n in re.findall(r"(\d+) (?:completed|on track|not reported|needing)", words(counts))
    )
    assert counted == sum(table.values())
    young = words(part(read(built, "young-people"), '<section aria-labelledby="how-the-promises-stand">', "</section>"))
    assert f"The plans on this site made {sum(table.values())} promises that we can follow." in young


# --- Feeds -----------------------------------------------------------------------------------


def feed(built: Path, path: str):
    parsed = feedparser.parse((built / path).read_bytes())
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    return parsed


@pytest.mark.parametrize("path", ["feed.xml", "organisations/example-council/feed.xml", "uncrc/article-12/feed.xml"])
def test_a_feed_is_newest_first_and_updated_when_its_newest_entry_is(built, path):
    parsed = feed(built, path)
    assert parsed.entries, "a feed is never empty while the site has plans"
    dates = [entry.updated for entry in parsed.entries]
    assert dates == sorted(dates, reverse=True)
    assert parsed.feed.updated == dates[0]
    for link in [parsed.feed.link, *(entry.link for entry in parsed.entries)]:
        assert link.startswith(SITE_URL)


def test_the_site_feed_has_every_plan_dated_by_its_data_and_every_update(project, built):
    catalogue = load_catalogue(project / "data")
    entries = feed(built, "feed.xml").entries
    published = {entry.link: entry.updated[:10] for entry in entries if entry.title.startswith("New plan: ")}
    assert published == {
        f"{SITE_URL}plans/{plan_file.slug}/": plan_file.plan.publish_on.isoformat() for plan_file in catalogue.plans
    }
    changes = sum(len(plan_changes(plan_file.slug, plan_file.plan)) for plan_file in catalogue.plans)
    assert len(entries) == len(catalogue.plans) + changes, "every progress update, and every plan's last_updated"


def test_the_organisation_feed_tells_each_update_and_a_month_in_its_words(built):
    entries = feed(built, "organisations/example-council/feed.xml").entries
    assert [(entry.updated[:10], entry.link.removeprefix(f"{SITE_URL}plans/{SLUG}/")) for entry in entries] == [
        ("2025-10-20", "#park-walks"),
        ("2025-09-15", "#park-lighting-1"),
        ("2025-06-01", "#park-lighting-1"),
        ("2025-04-01", ""),
    ]
    june = entries[2]
    assert "June 2025" in june.summary and "1 June" not in june.summary
    assert datetime.date.fromisoformat(entries[-1].updated[:10]) == datetime.date(2025, 4, 1)


def test_a_plan_that_only_says_what_children_said_lists_no_items_by_status(built):
    """The fixture data's participation strategy has "you said" items and no commitment to follow."""
    page = read(built, "plans/cumberland-participation-strategy-2024-27/progress")
    assert 'id="items"' not in page and 'href="#items"' not in page
    assert (
        "This plan has no items that report progress: below is what children and young people said, and what the "
        "plan promised in answer." in words(page)
    )
    assert words(part(page, '<article class="ps-story" id="your-voice">', "</article>")).endswith(
        "What was done Not reported"
    )
