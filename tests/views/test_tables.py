"""Tables that fit: notes out of the cells, linked both ways; totals; labelled scroll regions."""

from __future__ import annotations

import re

import pytest
from plan_files import shared_cache
from plansite import model as m
from plansite.catalogue import load_catalogue
from plansite.views import tables
from project import CONTENT, FIXTURE_DATA, read


@pytest.fixture(scope="module")
def business_plan() -> m.Plan:
    return load_catalogue(FIXTURE_DATA, cache=shared_cache()).plan("occ-business-plan-2012-13").plan


@pytest.fixture(scope="module")
def site(fixture_site):
    """These tests read known pages of known plans: the fixture data's site."""
    return fixture_site


def block_of(plan: m.Plan, kind: type) -> m.Block:
    return next(b for s in plan.sections for b in s.blocks if isinstance(b, kind))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("NHS Complaints ⁴", ("NHS Complaints", "4")),
        ("Budget ³", ("Budget", "3")),
        ("Note ¹²", ("Note", "12")),
        ("Budget", ("Budget", None)),
        ("⁴", ("⁴", None)),
        ("Article 4", ("Article 4", None)),
    ],
)
def test_a_printed_footnote_mark_is_split_from_its_text(text, expected):
    assert tables.split_mark(text) == expected


def test_the_plans_footnote_keeps_its_number_and_an_editors_note_gets_a_letter(business_plan):
    delivery = tables.delivery_notes(block_of(business_plan, m.DeliveryBlock), "delivery")
    assert [(n.mark, n.by_editors) for n in delivery.notes] == [("4", False)]
    assert delivery.notes[0].id == "delivery-note-4" and delivery.notes[0].ref_id == "delivery-note-4-ref"
    budget = tables.budget_notes(block_of(business_plan, m.BudgetBlock), "budget")
    assert [(n.mark, n.by_editors) for n in budget.notes] == [("a", True)]
    assert "£1,275M" in budget.notes[0].text


def test_notes_without_a_printed_mark_are_numbered_and_lettered_in_turn():
    notes = tables.TableNotes("t")
    first, second, editors = object(), object(), object()
    notes.add(first, "one")
    notes.add(second, "two")
    notes.add(editors, "ours", by_editors=True)
    assert [n.mark for n in notes.notes] == ["1", "2", "a"]
    assert notes.of(second).text == "two" and notes.of(object()) is None


def test_the_delivery_total_adds_up_every_amount(business_plan):
    block = block_of(business_plan, m.DeliveryBlock)
    assert tables.delivery_total(block).amount == sum(row.budget.amount for row in block.rows) == 2_404_727


def cells(html: str) -> list[str]:
    return re.findall(r"<t[dh]\b[^>]*>(.*?)</t[dh]>", html, re.DOTALL)


def test_no_note_sits_inside_a_table_cell_and_each_links_both_ways(site):
    html = read(site, "plans/occ-business-plan-2012-13")
    for table in re.findall(r"<table.*?</table>", html, re.DOTALL):
        for cell in cells(table):
            assert 'ps-note"' not in cell and "Note from the website editors" not in cell
            assert "completion of a project in the 2011/12" not in cell
    # The editors' note on the budget and the plan's footnote 4 on the delivery table: mark and note link to each other.
    for note in ("budget-1-note-a", "delivery-1-note-4"):
        assert f'href="#{note}" id="{note}-ref"' in html
        assert f'<li id="{note}">' in html and f'href="#{note}-ref"' in html
    # The "Budget ³" column heading links to the plan's footnote 3 under the table.
    assert re.search(r'Budget<sup class="ps-note-mark"><a href="#(delivery-footnote-3)"', html)
    assert 'id="delivery-footnote-3"' in html


def test_the_delivery_table_has_a_total_row_that_says_who_added_it(site):
    html = read(site, "plans/occ-business-plan-2012-13")
    foot = re.search(r"<tfoot>(.*?)</tfoot>", html, re.DOTALL).group(1)
    assert "added up by the site’s editors" in foot and "£2,404,727" in foot


@pytest.mark.parametrize(
    "slug", ["occ-business-plan-2012-13", "chscb-business-plan-2014-15", "scb-business-plan-2009-10"]
)
def test_every_table_is_in_a_focusable_region_labelled_by_its_caption(site, slug):
    html = read(site, f"plans/{slug}")
    regions = re.findall(
        r'<div class="ps-table-wrap" role="region" aria-labelledby="([^"]+)" tabindex="0">\s*<table', html
    )
    assert regions and len(regions) == html.count("<table")
    for caption in regions:
        assert f'<caption id="{caption}">' in html


def test_money_is_right_aligned_in_tabular_figures():
    css = (CONTENT / "assets" / "tables.css").read_text(encoding="utf-8")
    rule = css[css.index(".md-typeset .ps-table .ps-money") :].split("}")[0]
    assert "text-align: right" in rule and "tabular-nums" in rule
