"""Article pages answer "what are they doing about this right?": each citing item in full, by plan, with progress."""

from __future__ import annotations

import html as entities
import re

import pytest
from plan_files import shared_cache
from plansite import model as m
from plansite.block_types import about
from plansite.catalogue import load_catalogue
from plansite.views.article_items import plan_items, words_of
from plansite.views.citations import citations
from project import DATA, build, read


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue(DATA, cache=shared_cache())


def test_a_short_text_is_shown_whole_and_a_long_one_cut_to_its_sentences_about_the_article():
    assert about("We will listen to children.", 12) == "We will listen to children."
    long = (
        " ".join(["Some words about other things here."] * 10)
        + " We promote Article 12 of the UNCRC. "
        + "More text. " * 10
    )
    assert about(long, 12) == "We promote Article 12 of the UNCRC."
    assert about(long, 31) == "Some words about other things here."


def test_every_citing_item_has_words_to_show(catalogue):
    empty = [
        (c.plan.slug, c.label)
        for number, found in citations(catalogue).items()
        for c in found
        if not words_of(c.item, number).strip()
    ]
    assert not empty, empty


def test_young_people_texts_come_from_the_item_or_the_part_of_the_plan_around_it(catalogue):
    found = [c for c in citations(catalogue)[12] if c.plan.slug == "occ-business-plan-2012-13"]
    items = plan_items(found[0].plan, catalogue.organisations["occ"], found, 12)
    assert items.young and all(text for text, _ in items.young)
    assert len({text for text, _ in items.young}) == len(items.young)  # each text once
    aim = next(c for c in found if isinstance(c.item, m.Aim))
    group = next(
        g
        for s in aim.plan.plan.sections
        for b in s.blocks
        if isinstance(b, m.AimsBlock)
        for g in b.groups
        if aim.item in g.aims
    )
    assert aim.young == group.young_people.text


def visible(html: str) -> str:
    return " ".join(entities.unescape(re.sub(r"<[^>]+>", " ", html)).split())


def test_the_adult_article_page_shows_whole_sentences_grouped_by_plan(site):
    html = read(site, "uncrc/article-12")
    section = html[html.index('id="in-the-plans"') : html.index('class="ps-pager"')]
    assert "…" not in visible(section)
    assert "Cited in the plan" not in section and "ps-tag" not in section
    for link in re.findall(r"<a [^>]*>(.*?)</a>", section, re.S):
        assert not visible(link).endswith(".."), link
    assert "Office of the Children's Commissioner: Business Plan 2012 -2013" in visible(section)
    assert (
        "Undertake a number of Child Rights Impact Assessments to ensure legislation promotes children's rights and "
        "highlight potential violations." in visible(section)
    )


def test_the_article_page_shows_progress_where_the_plan_records_it(project_copy, tmp_path):
    plan = project_copy / "data" / "plans" / "chscb-business-plan-2014-15.yml"
    lines = plan.read_text(encoding="utf-8").split("\n")
    first = next(i for i, line in enumerate(lines) if line.strip() == "timescale: Dec 14")
    indent = lines[first][: len(lines[first]) - len(lines[first].lstrip())]
    lines.insert(first + 1, f"{indent}progress: on-track")
    plan.write_text("\n".join(lines), encoding="utf-8")
    out = tmp_path / "out"
    result = build(out, project_copy / "mkdocs.yml")
    assert result.returncode == 0, result.stderr
    # The first action group of the plan is related to article 12; one of its rows now says how it is going.
    adult = (out / "uncrc" / "article-12" / "index.html").read_text(encoding="utf-8")
    young = (out / "young-people" / "uncrc" / "article-12" / "index.html").read_text(encoding="utf-8")
    assert re.search(r"Progress: .*?<span>On track</span>", adult, re.S)
    assert re.search(r"How it is going: .*?<span>", young, re.S)


def test_the_young_people_article_page_says_what_each_plan_promises(site):
    html = read(site, "young-people/uncrc/article-12")
    section = html[html.index('id="in-the-plans"') : html.index('class="ps-pager"')]
    assert section.count('<section class="ps-plan-items"') >= 4
    assert section.count('<ul class="ps-promises">') >= 4
    assert "We will help children who are sent out of school" in visible(section)
