"""The UNCRC summaries: both summaries of every article, the text they were checked against, and when."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
from plansite.check.across_files import check_convention
from plansite.errors import Problems
from plansite.model import Convention
from plansite.read import read_document, validate
from project import DATA, build, read

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = DATA / "uncrc" / "articles.yml"
FULL_REVIEW = datetime.date(2026, 12, 6)
"""Every summary was re-checked against the Convention's text on this day; a review date may only move on."""


def load(file: Path) -> tuple[Convention | None, Problems]:
    problems = Problems()
    document = read_document(file, "data/uncrc/articles.yml", problems)
    convention = validate(document, Convention, problems) if document else None
    if convention:
        check_convention(convention, document, problems)
    return convention, problems


def test_every_article_has_both_summaries_and_is_sourced_and_reviewed():
    convention, problems = load(ARTICLES)
    assert not problems, problems.report()
    assert [a.number for a in convention.articles] == list(range(1, 55))
    assert (
        convention.source.url == "https://www.ohchr.org/en/instruments-mechanisms/instruments/convention-rights-child"
    )
    assert "Convention on the Rights of the Child" in convention.source.title
    for article in convention.articles:
        assert article.title.strip() and article.young_people.title.strip(), article.number
        assert article.summary.strip() and article.young_people.summary.strip(), article.number
        assert article.reviewed >= FULL_REVIEW, f"article {article.number} was not re-checked"


def test_the_site_says_which_grouping_is_its_own():
    convention, _ = load(ARTICLES)
    own = [c for c in convention.clusters if c.site_grouping]
    assert [c.id for c in own] == ["how-the-convention-works"]
    assert {a.number for a in convention.articles if a.cluster == "how-the-convention-works"} == set(range(43, 55))
    for note in (convention.grouping_note, convention.young_people_grouping_note):
        assert "How the" in note and "own" in note


@pytest.mark.parametrize(
    "old, new, expected",
    [
        # An article without its review date.
        (
            "    cluster: family-environment-and-alternative-care\n    reviewed: 2026-12-06\n    summary: >-\n      "
            "When a child",
            "    cluster: family-environment-and-alternative-care\n    summary: >-\n      When a child",
            "missing required key 'reviewed'",
        ),
        # A review date that is not a date.
        ("reviewed: 2026-12-06", "reviewed: 1 December", "is not a date"),
        # A young-people text without its summary.
        (
            "      title: Families in different countries\n      summary: >-",
            "      title: Families in different countries\n      text: >-",
            "missing required key 'summary'",
        ),
        # No source named.
        ("source:\n  title: >-", "origin:\n  title: >-", "missing required key 'source'"),
        # No note on the grouping.
        ("grouping_note: >-", "grouping: >-", "missing required key 'grouping_note'"),
    ],
)
def test_a_missing_summary_source_or_review_is_reported_with_its_line(tmp_path, old, new, expected):
    text = ARTICLES.read_text(encoding="utf-8")
    assert old in text
    broken = tmp_path / "articles.yml"
    broken.write_text(text.replace(old, new, 1), encoding="utf-8")
    _, problems = load(broken)
    report = problems.report()
    assert problems, "the broken file was accepted"
    assert re.search(r"data/uncrc/articles\.yml:\d+:\d+: ", report)
    assert expected in report, report


@pytest.mark.parametrize("indent, next_key", [("    ", "    young_people:\n"), ("      ", "  - number: 38\n")])
def test_an_empty_summary_is_refused(tmp_path, indent, next_key):
    """Article 37's adult summary, then its young-people summary, left blank."""
    text = ARTICLES.read_text(encoding="utf-8")
    start = text.index("  - number: 37\n")
    summary = text.index(f"\n{indent}summary: >-\n", start) + 1
    end = text.index(next_key, summary)
    broken = tmp_path / "articles.yml"
    broken.write_text(text[:summary] + f"{indent}summary: ' '\n" + text[end:], encoding="utf-8")
    _, problems = load(broken)
    # Every text field refuses a blank value: the summary's own line says so.
    assert re.search(r"articles\.yml:\d+:\d+: 'summary': this text is empty", problems.report()), problems.report()


def test_an_article_without_a_review_date_stops_the_build(project_copy, tmp_path):
    articles = project_copy / "data" / "uncrc" / "articles.yml"
    text = articles.read_text(encoding="utf-8")
    start = text.index("  - number: 37\n")
    articles.write_text(text[:start] + text[start:].replace("    reviewed: 2026-12-06\n", "", 1), encoding="utf-8")
    out = tmp_path / "out"
    result = build(out, project_copy / "mkdocs.yml")
    assert result.returncode != 0
    assert re.search(r"data/uncrc/articles\.yml:\d+:\d+: missing required key 'reviewed'", result.stderr)
    assert "Traceback" not in result.stderr
    assert not (out / "index.html").exists()


def test_pages_show_the_source_the_review_date_and_whose_grouping_it_is(site):
    source = 'href="https://www.ohchr.org/en/instruments-mechanisms/instruments/convention-rights-child"'
    for url in ("uncrc", "young-people/uncrc"):
        html = read(site, url)
        assert source in html
        assert 'id="about-the-groups"' in html
        assert html.count('href="#about-the-groups"') == 1, "the site's own group points to the note"
    assert "Two choices are this site's own" in read(site, "uncrc")
    assert "is our own idea" in read(site, "young-people/uncrc")
    for url in ("uncrc/article-10", "young-people/uncrc/article-10"):
        html = read(site, url)
        assert source in html
        assert '<time datetime="2026-12-06">6 December 2026</time>' in html
    assert "Group: How the Convention works (the site&#39;s own, not a UN reporting cluster)" in read(
        site, "uncrc/article-43"
    )
    young = re.sub(r"<[^>]+>", "", read(site, "young-people/uncrc/article-43"))  # 'rights' is linked to the glossary
    assert "Group of rights: How the rules are checked and kept (our own group)" in young
    for url in ("uncrc/article-3", "uncrc/article-41", "young-people/uncrc/article-41"):
        html = read(site, url)
        assert "own" not in html.split('class="ps-cluster"')[1].split("</p>")[0]
        assert 'uncrc/#about-the-groups"' in html, "every article page points to how the articles are grouped"
