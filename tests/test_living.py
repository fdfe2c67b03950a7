"""Living plans: a progress update added with the command shows everywhere after one build.

One project copy gets two updates through `python -m plansite progress` (one action of the
CHSCB plan, twice) and `last_updated` in another plan; it is built once, and the tests read
the pages, the change logs, the feeds and the downloads of that build.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import re
import shutil
from pathlib import Path
from xml.etree import ElementTree

import feedparser
import jsonschema
import pytest
from plansite import model as m
from plansite.catalogue import load_catalogue, load_plan
from plansite.commands.main import main
from plansite.commands.progress import add_update
from plansite.commands.yaml_edit import read_text
from plansite.errors import DataError, Problems
from plansite.outputs import all_files
from plansite.outputs.schema import plan_schema
from plansite.progress import progress_items, summary, young_summary
from project import DATA, FIXTURE_DATA, ROOT, build, copy_project, read

CHSCB = "data/plans/chscb-business-plan-2014-15.yml"
SITE_URL = "https://childrens-plans.example.org/"
FIRST = (
    "2025-01-20",
    "needs-attention",
    "The early help review started late: two partners have not sent their figures.",
    "This started late. Some groups have not sent their numbers yet.",
)
SECOND = (
    "2025-03-03",
    "on-track",
    "The early help review has every partner's figures and is on track.",
    "This is going well now. Every group has sent their numbers.",
)
SOURCE = "Early help progress report to the Board, 3 March 2025, section 2"


def progress(file: Path, ref: str, date: str, status: str, text: str, young: str, *source: str) -> int:
    return main(
        ["progress", str(file), ref, "--status", status, "--text", text, "--young-people", young, "--date", date]
        + [option for where in source for option in ("--source", where)]
    )


@pytest.fixture(scope="module")
def living(tmp_path_factory) -> Path:
    """A copy of the project with two dated updates on one action and a last_updated date on one plan."""
    project = copy_project(tmp_path_factory.mktemp("living"))
    file = project / CHSCB
    assert progress(file, "early-help-1", *FIRST) == 0
    assert progress(file, "early-help-1", *SECOND, SOURCE) == 0
    scb = project / "data/plans/scb-business-plan-2009-10.yml"
    assert (
        progress(scb, "e-safety-1", "2009-12-01", "completed", "The e-safety guidance was issued.", "This is done.")
        == 0
    )
    strategic = project / "data/plans/occ-strategic-plan-2012-14.yml"
    assert (
        progress(
            strategic, "1.2", "2013-06-30", "needs-attention", "Work on this aim is behind.", "This needs more work."
        )
        == 0
    )
    occ = project / "data/plans/occ-participation-strategy-2014-15.yml"
    occ.write_text(
        occ.read_text(encoding="utf-8").replace(
            "status: published\n", "status: published\nlast_updated: 2024-11-05\n", 1
        ),
        encoding="utf-8",
    )
    return project


@pytest.fixture(scope="module")
def living_site(living, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("living-site")
    result = build(out, living / "mkdocs.yml")
    assert result.returncode == 0, result.stderr
    return out


# --- The command and the data ----------------------------------------------------------------


def test_the_command_only_adds_the_update(living):
    before = (ROOT / CHSCB).read_text(encoding="utf-8")
    after = (living / CHSCB).read_text(encoding="utf-8")
    added = [line for line in after.splitlines() if line not in before.splitlines()]
    assert len(after.splitlines()) == len(before.splitlines()) + len(added)
    assert after.replace("\n".join(added) + "\n", "", 1) == before, "everything else is byte for byte as it was"
    assert added[0].strip() == "updates:" and "- date: 2025-01-20" in added[1]


def test_the_current_status_is_the_latest_update(living):
    plan, _ = load_plan(living / CHSCB, Problems())
    row = plan.sections[3].blocks[0].groups[1].rows[0]
    assert row.status is m.Status.ON_TRACK and row.latest.date == datetime.date(2025, 3, 3)
    found = summary(progress_items(plan))
    assert [(c.status, c.number) for c in found.counts if c.number] == [(m.Status.ON_TRACK, 1), (None, 6)]
    assert young_summary(found) == [
        "This plan made 7 promises that we can follow.",
        "1 is going well.",
        "For 6, they have not told us yet how it is going.",
        "The newest news is from 3 March 2025.",
    ]


def test_late_things_say_they_are_late_to_young_people():
    counts = summary(
        [type("I", (), {"status": s, "date": None})() for s in (m.Status.URGENT, m.Status.URGENT, m.Status.COMPLETED)]
    )
    assert "2 are late and need work now." in young_summary(counts)


@pytest.mark.parametrize(
    "ref, args, message",
    [
        ("nothing-here", [], "no item called 'nothing-here'"),
        ("early-help-1", ["--text", "<script>alert(1)</script>"], "HTML is not allowed in text"),
        ("early-help-1", ["--date", "3 March"], "is not a date"),
    ],
)
def test_a_refused_update_leaves_the_file_as_it_was(tmp_path, capsys, ref, args, message):
    file = tmp_path / "data" / "plans" / "plan.yml"  # where commands find plans
    file.parent.mkdir(parents=True)
    shutil.copy(ROOT / CHSCB, file)
    before = file.read_bytes()
    options = {"--status": "on-track", "--text": "Started."} | dict(zip(args[::2], args[1::2]))
    code = main(["progress", str(file), ref, *[x for pair in options.items() for x in pair]])
    assert code == 1
    assert file.read_bytes() == before
    err = capsys.readouterr().err
    assert "Traceback" not in err and message in err


def test_a_status_without_a_date_is_a_problem_once_the_plan_has_updates(tmp_path):
    file = tmp_path / "data" / "plans" / "plan.yml"  # where commands find plans
    file.parent.mkdir(parents=True)
    text = read_text(ROOT / CHSCB).replace(
        "                timescale: Dec 14\n",
        "                timescale: Dec 14\n                progress: urgent\n",
        1,
    )
    file.write_text(text, encoding="utf-8")
    problems = Problems()
    load_plan(file, problems)
    assert not problems, "an undated status alone is fine"
    with pytest.raises(DataError) as error:
        add_update(file, "early-help-1", m.Status.COMPLETED, "Done.", date=datetime.date(2025, 3, 3))
    report = error.value.problems.report()
    assert re.search(
        r":\d+:\d+: this status has no date, but the plan's progress updates have dates; give it a date", report
    )
    assert read_text(file) == text


# --- Pages -----------------------------------------------------------------------------------


def test_the_update_shows_with_its_date_on_both_plan_pages(living_site):
    adult = read(living_site, "plans/chscb-business-plan-2014-15")
    row = re.search(r'<tr id="early-help-1">.*?</tr>', adult, re.S).group(0)
    assert (
        'On track</span></span><span class="ps-update__date">, as of <time datetime="2025-03-03">3 March 2025</time>'
        in row
    )
    assert "<details" in row and "20 January 2025" in row, "the history is one click away"
    assert '<dt>Last updated</dt><dd><time datetime="2025-03-03">3 March 2025</time>' in adult
    young = read(living_site, "young-people/plans/chscb-business-plan-2014-15")
    assert "What we promised, what we did" in young
    assert (
        'Going well</span></span><span class="ps-update__date">, as of <time datetime="2025-03-03">3 March 2025</time>'
        in young
    )
    assert SECOND[3] in young and SECOND[2] not in young


def test_where_an_update_was_reported_is_shown_to_adults_under_it(living_site):
    """The plan page and the progress page name the update's source; the young-people pages keep to plain words."""
    line = f'<p class="ps-update__source">Source: {SOURCE}</p>'
    # The plan page has the history one click away; the progress page the item's timeline.
    for url, end in (
        ("plans/chscb-business-plan-2014-15", "</details>"),
        ("plans/chscb-business-plan-2014-15/progress", "</ol>"),
    ):
        page = read(living_site, url)
        row = page[page.index('id="early-help-1"') :]
        assert line in row[: row.index(end)], url
    for url in (
        "young-people/plans/chscb-business-plan-2014-15",
        "young-people/plans/chscb-business-plan-2014-15/progress",
    ):
        assert SOURCE not in read(living_site, url), url


def chart_and_table(html: str) -> tuple[dict[str, int], dict[str, int]]:
    chart = {label: int(n) for label, n in re.findall(r'<span class="ps-chart__label">([^<]+): (\d+)</span>', html)}
    table_html = re.search(r'<table class="ps-table ps-summary__table">.*?</tbody>', html, re.S).group(0)
    cells = re.findall(r'<tr><th scope="row">(.*?)</th>\s*<td class="ps-number">(\d+)</td>', table_html, re.S)
    table = {re.sub(r"<[^>]+>", "", label).strip(): int(n) for label, n in cells}
    return chart, table


@pytest.mark.parametrize(
    "url",
    [
        "plans/chscb-business-plan-2014-15",
        "plans/chscb-business-plan-2014-15/progress",
        "young-people/plans/chscb-business-plan-2014-15",
        "young-people/plans/chscb-business-plan-2014-15/progress",
    ],
)
def test_summary_chart_and_table_agree(living_site, url):
    html = read(living_site, url)
    chart, table = chart_and_table(html)
    assert chart == table and sum(table.values()) == 7
    assert table.get("On track", table.get("Going well")) == 1
    assert 'class="ps-chart"' in html and "<script" not in html.split('class="ps-chart"')[1].split("</figure>")[0]


def test_change_logs_and_latest_updates(living_site):
    for url, words in [
        ("plans/chscb-business-plan-2014-15/progress", SECOND[2]),
        ("updates", SECOND[2]),
        ("young-people/updates", SECOND[3]),
        ("young-people/plans/chscb-business-plan-2014-15/progress", SECOND[3]),
    ]:
        html = read(living_site, url)
        log = re.search(r'<ol class="ps-changes">.*?</ol>', html, re.S).group(0)
        dates = re.findall(r'<time datetime="([\d-]+)">', log)
        assert dates == sorted(dates, reverse=True) and dates[0] == "2025-03-03", url
        assert words in log
    assert "2024-11-05" in read(living_site, "updates"), "a plan's own last_updated is in the change log"


# --- Feeds -----------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["feed.xml", "organisations/chscb/feed.xml", "uncrc/article-18/feed.xml"])
def test_feeds_are_valid_and_carry_the_update(living_site, path):
    raw = (living_site / path).read_bytes()
    parsed = feedparser.parse(raw)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    ElementTree.fromstring(raw)  # well-formed XML
    entry = next(e for e in parsed.entries if "early help" in e.summary.lower() and "on track" in e.summary.lower())
    assert entry.link == f"{SITE_URL}plans/chscb-business-plan-2014-15/#early-help-1"
    assert entry.updated.startswith("2025-03-03")
    assert len({e.id for e in parsed.entries}) == len(parsed.entries)
    for link in [parsed.feed.link, *(e.link for e in parsed.entries)]:
        assert link.startswith(SITE_URL)


def test_an_organisation_feed_has_only_its_own_plans(living_site):
    parsed = feedparser.parse((living_site / "organisations/occ/feed.xml").read_bytes())
    assert parsed.bozo == 0
    assert all("chscb" not in e.link for e in parsed.entries)


def test_pages_link_their_feeds(living_site):
    head = read(living_site, "uncrc/article-18").split("</head>")[0]
    assert re.search(
        r'<link rel=" alternate" type="application/atom\+xml" title="[^"]+" href="(\.\./)+feed\.xml">', head
    )
    assert 'href="feed.xml"' in head.replace("../", "")
    assert "uncrc/article-18/feed.xml" in head or 'href="feed.xml"' in head


# --- Open data -------------------------------------------------------------------------------


def test_plan_json_carries_the_update_and_validates_against_the_published_schema(living_site):
    data = json.loads((living_site / "downloads/plans/chscb-business-plan-2014-15.json").read_text(encoding="utf-8"))
    assert data["version"] == "1.1" and data["licence"]["title"] == "Open Government Licence v3.0"
    assert data["last_updated"] == "2025-03-03"
    schema = json.loads((living_site / "downloads/schema/plan.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data["plan"], schema)
    updates = data["plan"]["sections"][3]["blocks"][0]["groups"][1]["rows"][0]["updates"]
    assert [(u["date"], u.get("source")) for u in updates] == [("2025-01-20", None), ("2025-03-03", SOURCE)]


def test_every_plan_json_validates_and_the_schema_refuses_a_wrong_one(living_site):
    schema = plan_schema(SITE_URL)
    jsonschema.Draft202012Validator.check_schema(schema)
    for file in (living_site / "downloads/plans").glob("*.json"):
        jsonschema.validate(json.loads(file.read_text(encoding="utf-8"))["plan"], schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"organisation": "occ", "title": "x", "owenr": 1}, schema)


def test_action_csv_carries_the_current_status_and_its_date(living_site):
    rows = list(
        csv.DictReader(
            io.StringIO(
                (living_site / "downloads/plans/chscb-business-plan-2014-15/actions.csv").read_text(encoding="utf-8")
            )
        )
    )
    row = next(r for r in rows if r["row"] == "early-help-1")
    assert (row["status"], row["status_date"]) == ("on-track", "2025-03-03")
    updates = list(
        csv.DictReader(
            io.StringIO(
                (living_site / "downloads/plans/chscb-business-plan-2014-15/updates.csv").read_text(encoding="utf-8")
            )
        )
    )
    assert [(u["date"], u["source"]) for u in updates] == [("2025-01-20", ""), ("2025-03-03", SOURCE)]


def test_no_download_is_empty_and_every_one_is_linked(living_site):
    downloads = [file for file in (living_site / "downloads").rglob("*.*") if file.suffix in (".csv", ".json")]
    assert len(downloads) > 10
    linked = "".join(read(living_site, f"plans/{p.stem}") for p in (living_site / "downloads/plans").glob("*.json"))
    for file in downloads:
        text = file.read_text(encoding="utf-8")
        if file.suffix == ".csv":
            assert len(list(csv.reader(io.StringIO(text)))) >= 2, f"{file} has no rows"
            assert f"downloads/plans/{file.parent.name}/{file.name}" in linked
        else:
            assert json.loads(text), f"{file} is empty"


def test_the_data_package_is_valid_and_describes_every_field(living_site):
    from frictionless import Package, validate

    path = living_site / "downloads/datapackage.json"
    report = validate(str(path))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    package = json.loads(path.read_text(encoding="utf-8"))
    csv_files = {
        p.relative_to(living_site / "downloads").as_posix() for p in (living_site / "downloads").rglob("*.csv")
    }
    assert {r["path"] for r in package["resources"] if r["format"] == "csv"} == csv_files
    for resource in package["resources"]:
        assert resource["licenses"] and resource["description"]
        for field in resource.get("schema", {}).get("fields", []):
            assert field["description"]
            if field["name"].endswith("_gbp"):
                assert field["type"] == "integer" and field["unit"] == "GBP"
            if "date" in field["name"]:  # a day, or a month where the source gives only the month
                pattern = re.compile(field["constraints"]["pattern"])
                assert field["type"] == "string" and pattern.match("2025-03-03") and pattern.match("2017-12")
                assert not pattern.match("2025-3-3") and not pattern.match("3 March 2025")
    assert Package(str(path)).get_resource("chscb-business-plan-2014-15-updates").read_rows()


def test_outputs_need_no_mkdocs():
    catalogue = load_catalogue(DATA)
    paths = [path for path, _ in all_files(catalogue, SITE_URL)]
    assert "feed.xml" in paths and "downloads/datapackage.json" in paths
    assert len(paths) == len(set(paths))


def test_licence_is_the_organisations_and_shown_beside_the_downloads(living_site):
    html = read(living_site, "plans/occ-business-plan-2012-13")
    section = html.split('id="data"')[1].split("</section>")[0]
    assert (
        "Open Government Licence v3.0" in section and "downloads/plans/occ-business-plan-2012-13/budget.csv" in section
    )


# --- Budgets ---------------------------------------------------------------------------------


def test_budget_has_its_total_a_chart_and_a_young_people_version(living_site):
    adult = read(living_site, "plans/occ-business-plan-2012-13")
    table = re.search(r'<table class="ps-table ps-budget[^"]*">.*?</table>', adult, re.S).group(0)
    assert re.search(
        r'<tr class="ps-budget__depth-0">\s*<th scope="row">Incoming resources</th>\s*<td '
        r'class="ps-money"[^>]*><span>£2.5M',
        table,
    )
    assert "Programme delivery: £1,735,000</span>" in adult and "Admin – running costs: £765,000</span>" in adult
    young = read(living_site, "young-people/plans/occ-business-plan-2012-13")
    money = young.split('<h2 id="budget">')[1].split("</section>")[0]
    assert "Where the money goes" in money, "inside the section's own young-people text"
    text = re.sub(r"<[^>]+>", "", money)
    for amount in ("about £2.5 million to spend", "£1.7 million", "£765,000"):
        assert text.count(amount) == 1, f"{amount} is said once"
    assert "Out of every £10, about £7 went on work with children and about £3 on running the office." in text
    assert "Programme delivery" not in text and "Admin" not in text, "the lines in everyday words"


def _as_editors_tools_read_it(value):
    """YAML as an editor's tool reads it: dates stay text (YAML 1.2), everything else as PyYAML reads it."""
    if isinstance(value, dict):
        return {k: _as_editors_tools_read_it(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_editors_tools_read_it(v) for v in value]
    return value.isoformat() if isinstance(value, datetime.date) else value


@pytest.mark.parametrize("file", sorted((ROOT / "data/plans").glob("*.yml")), ids=lambda f: f.stem)
def test_every_plan_file_passes_the_schema_editors_tools_use(file):
    import yaml

    jsonschema.validate(
        _as_editors_tools_read_it(yaml.safe_load(file.read_text(encoding="utf-8"))), plan_schema(SITE_URL)
    )


def test_the_new_plan_template_points_editors_tools_at_the_schema(tmp_path):
    shutil.copytree(FIXTURE_DATA, tmp_path / "data")
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    assert (
        main(
            [
                "new-plan",
                "--organisation",
                "occ",
                "--title",
                "Plan 2030",
                "--period",
                "2030",
                "--data",
                str(tmp_path / "data"),
            ]
        )
        == 0
    )
    first = (tmp_path / "data/plans/occ-plan-2030.yml").read_text(encoding="utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema={SITE_URL}downloads/schema/plan.schema.json"


def test_a_table_without_a_progress_column_gets_one_once_a_row_has_an_update(living_site):
    html = read(living_site, "plans/scb-business-plan-2009-10")
    table = re.search(
        r'<table class="ps-table ps-action-table[^"]*">(?:(?!</table>).)*id="e-safety-1".*?</table>', html, re.S
    ).group(0)
    assert '<th scope="col" class="ps-col-progress">Progress</th>' in table
    assert (
        'Completed</span></span><span class="ps-update__date">, as of <time datetime="2009-12-01">1 December '
        "2009</time>" in table
    )


def test_an_aim_shows_its_update_and_is_counted(living_site):
    html = read(living_site, "plans/occ-strategic-plan-2012-14")
    aim = re.search(r'<li id="sp1-2">.*?</li>', html, re.S).group(0)
    assert 'as of <time datetime="2013-06-30">30 June 2013</time>' in aim
    chart, table = chart_and_table(html)
    assert (
        chart == table
        and table["In progress, needs attention"] == 1
        and table["Not reported"] == sum(table.values()) - 1
    )
