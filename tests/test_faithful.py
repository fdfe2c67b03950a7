"""The data against the source plans: every sentence of the source is in the data, every table row counted.

The source texts (extracted from the published PDFs) are kept in tests/fixtures/source-plans.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
import yaml
from plan_files import shared_cache
from plansite import model as m
from plansite.catalogue import load_catalogue
from plansite.model.values import Month
from plansite.model.walk import walk
from project import DATA

SOURCES = Path(__file__).resolve().parent / "fixtures" / "source-plans"
SLUGS = sorted(p.stem for p in SOURCES.glob("*.txt"))

# Source lines that the data holds in another shape, so they are not found word for word.
RESHAPED = [
    r"\.\.\.\.\.",  # contents lines with page numbers
    r"^[A-Z0-9 ,'\-–]+$",  # headings in capitals (kept in normal case)
    r"^(Boy|Girl), aged \d+ years",  # a quote's speaker, age and context are fields
    r"^IMPACT \(outcome\) INDICATORS$",  # a column heading the page template prints
    r"^A handwritten signature",  # the signature image, described in 'signature'
    r"^Programme delivery £1\.735M$",  # a budget line: name and amount are fields
    r"^\[@ChildrensComm\]",  # a social handle whose link pointed elsewhere
    r"^(Develop improved rapid|Full service in place|Revise local guidance|New guidance in "
    r"place)",  # merged rows, split
]


def normalise(text: str) -> str:
    text = html.unescape(text)
    text = re.sub(r"\[([^\]]*)\]\(#\)", r"\1", text)
    text = re.sub(r"[\"'“”‘’·•*_`\[\]()#>|¹²³⁴–—\-:.,;]", " ", text)
    return " ".join(text.split()).lower()


def adult_strings(value) -> list[str]:
    if isinstance(value, dict):
        return [s for key, item in value.items() if key not in ("young_people", "matches") for s in adult_strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in adult_strings(item)]
    return [str(value)] if value is not None else []


def source_pieces(slug: str) -> list[str]:
    text = (SOURCES / f"{slug}.txt").read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", "\n", text)
    pieces = re.split(r"(?<=[.;:!?])\s+|\t|\n|\s[–-]\s", text)
    pieces = [re.sub(r"^\s*(?:[-•·]\s*)?(?:\d\.\d\s+)?", "", p).strip() for p in pieces]
    return [p for p in pieces if len(normalise(p)) > 20 and not any(re.search(r, p) for r in RESHAPED)]


@pytest.mark.parametrize("slug", SLUGS)
def test_every_sentence_of_the_source_is_in_the_data(slug):
    data = yaml.safe_load((DATA / "plans" / f"{slug}.yml").read_text(encoding="utf-8"))
    everything = normalise(" ".join(adult_strings(data)))
    missing = [piece for piece in source_pieces(slug) if normalise(piece) not in everything]
    assert not missing, "\n".join(missing)


def count(plan: m.Plan, kind: type) -> int:
    return sum(1 for obj, _ in walk(plan) if isinstance(obj, kind))


@pytest.fixture(scope="module")
def plans():
    catalogue = load_catalogue(DATA, cache=shared_cache())
    return {p.slug: p.plan for p in catalogue.plans}


def source(slug: str) -> str:
    return (SOURCES / f"{slug}.txt").read_text(encoding="utf-8")


def part(text: str, heading: str, next_heading: str | None = None) -> str:
    """The body of the source from a heading line (not its contents-list entry) to the next one."""
    start = re.search(rf"^{re.escape(heading)}$", text, re.MULTILINE).end()
    end = (
        re.search(rf"^{re.escape(next_heading)}", text[start:], re.MULTILINE).start() + start
        if next_heading
        else len(text)
    )
    return text[start:end]


@pytest.mark.parametrize("slug", ["occ-business-plan-2012-13", "occ-strategic-plan-2012-14"])
def test_strategic_aims_counted_against_the_source(plans, slug):
    assert count(plans[slug], m.Aim) == len(re.findall(r"^- \d\.\d ", source(slug), re.MULTILINE))


def test_business_plan_tables_counted_against_the_source(plans):
    text = source("occ-business-plan-2012-13")
    delivery = part(text, "WHAT WE WILL DELIVER IN 2012-13", "***Owner")
    assert count(plans["occ-business-plan-2012-13"], m.DeliveryRow) == len(
        re.findall(r"\t(?:[\d,]+|[\d.]+m)$", delivery, re.MULTILINE)
    )
    projects = part(text, "OUR PROJECT GOALS AND PERFORMANCE MEASUREMENT")
    assert count(plans["occ-business-plan-2012-13"], m.Project) == len(
        re.findall(r"^SP\d[^\t]*\t", projects, re.MULTILINE)
    )
    owners = re.findall(r"^- \*\*(\w+)\*\*", text, re.MULTILINE)
    assert sorted(
        item.code
        for obj, _ in walk(plans["occ-business-plan-2012-13"])
        if isinstance(obj, m.KeyBlock)
        for item in obj.items
    ) == sorted(owners)


def test_strategic_plan_achievements_and_networks(plans):
    text = source("occ-strategic-plan-2012-14")
    achievements = part(text, "OUR TOP ACHIEVEMENTS 2011/12", "HOW WE HAVE IDENTIFIED")
    plan = plans["occ-strategic-plan-2012-14"]
    items = [b for obj, _ in walk(plan) if isinstance(obj, m.AchievementsBlock) for b in obj.items]
    assert len(items) == len(re.findall(r"^\d+\. ", achievements, re.MULTILINE))
    networks = [n for obj, _ in walk(plan) if isinstance(obj, m.NetworksBlock) for n in obj.items]
    # 12 table rows of 3 cells; three names run over two rows and are joined: 36 - 3 + 3 continuation cells
    table = text[
        text.index("Advocacy Consortium") : text.index("The Children's Commissioner, Deputy Commissioner and a number")
    ]
    cells = [c for c in re.split(r"\t|\n", table) if c.strip()]
    continuations = [c for c in cells if c[0].islower() or c.startswith(("Children (ENOC)", "(Cabinet Office)"))]
    assert len(networks) == len(cells) - len(continuations)


def test_participation_strategy_quotes_priorities_and_action_plan(plans):
    text = source("occ-participation-strategy-2014-15")
    plan = plans["occ-participation-strategy-2014-15"]
    quotes = [obj for obj, _ in walk(plan) if isinstance(obj, m.QuoteBlock)]
    assert [(q.speaker, q.age) for q in quotes] == [
        (s, int(a)) for s, a in re.findall(r"^(Boy|Girl), aged (\d+) years", text, re.MULTILINE)
    ]
    groups = [g for obj, _ in walk(plan) if isinstance(obj, m.ActionPlanBlock) for g in obj.groups]
    assert len(groups) == len(re.findall(r"^<p>\d\. We will promote", text, re.MULTILINE))
    bullets = sum(len(row.activity) for g in groups for row in g.rows)
    assert bullets == text[text.index("Action plan 2014–2015") :].count("•")


def test_safeguarding_boards_action_plans(plans):
    scb = source("scb-business-plan-2009-10")
    groups = [obj for obj, _ in walk(plans["scb-business-plan-2009-10"]) if isinstance(obj, m.ActionGroup)]
    headed = re.findall(r"^(?:Target|Activities)\t", scb, re.MULTILINE)
    assert len(groups) == len(headed) + 1  # the Laming table lost its heading row at a page break
    rows = sum(len(g.rows) for g in groups)
    # Work programme rows with a lead, one per activity: merged lines in CDOP (2) and SCRIP (3) are split.
    work = scb[scb.index("Board work programme") :]
    single = len(re.findall(r"^[A-Z][^\t\n]+\t[^\t\n]+\t", work, re.MULTILINE)) - len(
        re.findall(r"^Activities\t", work, re.MULTILINE)
    )
    assert rows == 6 + single - 2 + 2 + 3 + 1  # + "Establish a Communication Sub group", which has no other cell
    chscb = source("chscb-business-plan-2014-15")
    chscb_groups = [obj for obj, _ in walk(plans["chscb-business-plan-2014-15"]) if isinstance(obj, m.ActionGroup)]
    assert len(chscb_groups) == len(re.findall(r"^\tPRIORITY \d", chscb, re.MULTILINE))


def test_cumberland_strategy_you_said_we_will_counted_against_the_source(plans):
    """Each 'they said' list of the source is one 'You said' item, bullet for bullet, with its 'What we will do'."""
    text = source("cumberland-participation-strategy-2024-27")
    plan = plans["cumberland-participation-strategy-2024-27"]
    items = [item for obj, _ in walk(plan) if isinstance(obj, m.YouSaidWeDidBlock) for item in obj.items]
    assert len(items) == text.count("what is important to them and they said:")
    said = part(text, "2. What is important to our young people", "3. Our starting point")
    assert sum(item.you_said.count("\n- ") + 1 for item in items) == said.count("•")
    assert sum(1 for item in items if item.we_will) == said.count("What we will do")
    titles = [obj.title for obj, _ in walk(plan) if isinstance(obj, m.YouSaidWeDidBlock)]
    assert all(re.search(rf"^{re.escape(title)}$", said, re.MULTILINE) for title in titles)


def test_cumberland_strategy_values_quote_and_untranscribed_parts(plans):
    text = source("cumberland-participation-strategy-2024-27")
    plan = plans["cumberland-participation-strategy-2024-27"]
    values = part(text, "5. Our plans moving forward")
    statements = [s.name for obj, _ in walk(plan) if isinstance(obj, m.StatementsBlock) for s in obj.items]
    assert statements == ["Empower", "Collaborate", "Be ambitious", "Be compassionate", "Innovate"]
    assert all(re.search(rf"^{name}$", values, re.MULTILINE) for name in statements)
    quotes = [obj for obj, _ in walk(plan) if isinstance(obj, m.QuoteBlock)]
    assert len(quotes) == text.count("“") and all(q.speaker is None for q in quotes)
    # The source holds parts 2, 3 and 5 of five; every other part, and the cut-off ends, are marked as not online.
    held = re.findall(r"^(\d)\. ", text, re.MULTILINE)
    assert held == ["2", "3", "5"]
    untranscribed = [obj.title for obj, _ in walk(plan) if isinstance(obj, m.NotTranscribedBlock)]
    assert {"Part one of the strategy", "Part four of the strategy"} <= set(untranscribed)
    assert len(untranscribed) == 5  # parts 1 and 4, and the ends of the foreword, part 2 and part 3
    assert plan.original and plan.original.url.startswith("https://www.cumberland.gov.uk/")


def test_kirklees_pledge_counted_against_the_source(plans):
    text = source("kirklees-children-in-care-pledge")
    plan = plans["kirklees-children-in-care-pledge"]
    promises = [item for obj, _ in walk(plan) if isinstance(obj, m.ListBlock) for item in obj.items]
    assert len(promises) == text.count("•") == 8
    assert plan.kind == "pledge" and plan.original.url.startswith("https://www.kirklees.gov.uk/")


def test_stockton_progress_update_counted_against_the_source(plans):
    """Each recommendation of the source is one action row, with its responsibility, its date and one dated
    update: the progress presented to the committee, its category as the status, and where it was reported."""
    text = source("slscb-progress-update-2017")
    plan = plans["slscb-progress-update-2017"]
    # In the source a row is its cells, one a paragraph, and rows are two blank lines apart.
    table = [row.split("\n\n") for row in text.split("\n\n\n") if re.match(r"\d\.\n", row)]
    rows = [obj for obj, _ in walk(plan) if isinstance(obj, m.ActionRow)]
    assert [row.ref for row in rows] == [cells[0].rstrip(".") for cells in table] == ["1", "2", "3", "4", "5"]
    category_status = {"1": m.Status.COMPLETED, "2": m.Status.ON_TRACK}
    for row, (_, recommendation, lead, date, progress, category) in zip(rows, table):
        assert normalise(row.activity[0]) == normalise(recommendation)
        assert (row.lead, row.timescale) == ([lead], date)
        [update] = row.updates
        assert normalise(update.text) == normalise(progress)
        # The source's column is headed "Progress presented to Committee Dec 2017": a month, and no day.
        assert isinstance(update.date, Month) and update.date.isoformat() == "2017-12"
        assert update.status is category_status[category.strip()]
        assert f"recommendation {row.ref}: progress presented to Committee Dec 2017" in update.source
        assert update.source.endswith(f"category {category.strip()}") and update.young_people
    key = [item.text for obj, _ in walk(plan) if isinstance(obj, m.StatusKeyBlock) for item in obj.items]
    assert key == text.rstrip("\n").split("\n\n\n")[-1].split("\n") == ["1 Fully Achieved", "2 On"]
    untranscribed = [obj.title for obj, _ in walk(plan) if isinstance(obj, m.NotTranscribedBlock)]
    assert untranscribed == ["The rest of the key to the assessment categories"]
