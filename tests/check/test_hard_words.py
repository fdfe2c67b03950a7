"""Hard words on young-people pages: found in a text, explained where first used, or refused.

The last test reads every young-people page of the real site: each word the glossary explains
for young people, and each word of the hard-word list, is linked to its explanation or explained
in the words around it where the page first uses it. That holds for any valid data: the site
links the glossary's words itself, and the checks refuse a published text with an unexplained
hard word.
"""

from __future__ import annotations

import datetime
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from plan_files import shared_cache
from plansite import model as m
from plansite.addresses import term_anchor
from plansite.cache import Cache
from plansite.catalogue import load_catalogue
from plansite.check.hard_words import check_hard_words, unexplained, young_people_words
from plansite.errors import DataError
from plansite.texts.hard_words import HARD_WORDS, first_uses, said_what_it_means
from plansite.texts.rendering import NOT_RUNNING_TEXT, link_glossary_terms
from project import DATA

ROOT = Path(__file__).resolve().parents[2]


def explained_here(block: str, word: str) -> bool:
    match = re.search(rf"\b{word}\w*", block, re.IGNORECASE)
    assert match, (word, block)
    return said_what_it_means(block, match.start(), match.end())


# --- Saying what a word means ------------------------------------------------------------------


@pytest.mark.parametrize(
    "block, word",
    [
        ("Neglect is when a child does not get the care they need.", "neglect"),
        ("A care leaver is a young person who used to be in care.", "care leaver"),
        ("Safeguarding means keeping children safe.", "safeguarding"),
        ("Refugees are people who had to leave their country.", "refugee"),
        ("It is called the UNCRC. That is short for a long name.", "UNCRC"),
        ("A country makes a promise. This is called ratifying.", "ratifying"),
        ("They can find you an advocate. That is someone who helps you speak up.", "advocate"),
        ("Then countries ratify. That means they promise to follow it.", "ratify"),
        ("We will help with a project on mental health. Mental health means how you feel inside.", "mental health"),
        ("Empower: you and your family can help plan our work.", "empower"),
        ("Be ambitious: we will get better at keeping track.", "ambitious"),
    ],
)
def test_the_plain_ways_of_saying_what_a_word_means(block, word):
    assert explained_here(block, word)


@pytest.mark.parametrize(
    "block, word",
    [
        ("Some children are held in detention for weeks.", "detention"),
        ("Detention. It is hard for children.", "detention"),  # the next sentence is about something else
        ("We work with refugees. This is a plan for one year.", "refugee"),
        ("We work with refugees. That is why we wrote this.", "refugee"),
        ("The council cares about safeguarding and about play.", "safeguarding"),
    ],
)
def test_a_word_only_used_is_not_explained(block, word):
    assert not explained_here(block, word)


# --- Finding the hard words a text leaves unexplained ------------------------------------------


def test_a_hard_word_is_found_in_its_plural_and_past_forms():
    assert unexplained("Some children are refugees.", set()) == ["refugee"]
    assert unexplained("She was tortured.", set()) == ["tortured"]
    assert unexplained("We help children who are neglected.", set()) == ["neglect"]


def test_a_word_the_young_people_glossary_explains_needs_nothing_more():
    assert unexplained("Some children are refugees.", {"refugee"}) == []
    assert unexplained("Safeguarding and child protection.", {"Safeguarding", "child protection"}) == []


def test_a_hard_word_is_judged_where_it_is_first_used():
    assert unexplained("Neglect is when no one cares for you. We will stop neglect.", set()) == []
    assert unexplained("We will stop neglect.\n\nNeglect is when no one cares for you.", set()) == ["neglect"]


def test_list_items_and_markdown_marks_are_read_as_the_page_shows_them():
    text = "Our values:\n\n- **Empower:** you can help plan our work.\n- **Innovate:** we will think big."
    assert unexplained(text, set()) == []


def test_a_longer_hard_word_is_found_before_the_word_inside_it():
    assert unexplained("Domestic abuse is when one adult at home hurts another.", {"abuse"}) == []


def test_a_term_explained_for_adults_only_is_found_as_written():
    assert unexplained("UNICEF helps children.", set(), {"UNICEF"}) == ["UNICEF"]
    assert unexplained("It is a plan. This is good.", set(), {"IS", "IT"}) == []
    assert unexplained("UNICEF is part of the UN.", set(), {"UNICEF"}) == []


def test_every_hard_word_is_lower_case_and_found_as_itself():
    for word in HARD_WORDS:
        assert word == word.lower() and word.strip() == word
        assert [found for found, _, _ in first_uses([f"About {word} here."], HARD_WORDS)] == [word]


def test_the_problem_names_the_word_and_how_to_fix_it():
    glossary = m.Glossary(terms=[m.GlossaryTerm(term="UNICEF", meaning="United Nations Children's Fund")])
    reported = []
    texts = [("Children in detention.", ("a",)), ("UNICEF helps.", ("b",)), ("Plain words.", ("c",))]
    check_hard_words(
        young_people_words(glossary), texts, lambda path, message, hint: reported.append((path, message, hint))
    )
    assert [(path, message.split("'")[1]) for path, message, _ in reported] == [
        (("a",), "detention"),
        (("b",), "UNICEF"),
    ]
    assert "data/glossary.yml" in reported[0][2] and "everyday word" in reported[0][2]
    assert "young_people text to the entry 'UNICEF'" in reported[1][2]


# --- The site's side: the first use on the page is the one linked ------------------------------


def test_the_page_links_a_plural_and_passes_over_headings_links_and_form_controls():
    html = (
        '<article><h1>Refugees</h1><p>See <a href="x">refugee help</a>.</p>'
        "<select><option>Refugee children</option></select><p>Refugees are safe here.</p><p>A refugee.</p></article>"
    )
    linked = link_glossary_terms(html, {"refugee": "g/#term-refugee"}, set(), untouched=NOT_RUNNING_TEXT)
    assert linked.count('class="ps-term"') == 1
    assert '<p><a class="ps-term" href="g/#term-refugee">Refugees</a> are safe here.</p>' in linked
    assert "<h1>Refugees</h1>" in linked and "<option>Refugee children</option>" in linked


# --- The checks on the data: refused when published, a warning for a draft ---------------------

PLAN = """\
organisation: scb
title: Words test plan
kind: business plan
period: "2009-10"
status: {status}
summary: A small plan used to test hard words.
young_people:
  title: Words test plan
  summary: Some children are kept in detention.
  get_involved: Talk to us.
sections:
  - id: introduction
    title: Introduction
    blocks:
      - type: text
        text: Plain words.
"""


def test_a_published_plan_with_an_unexplained_hard_word_is_refused(data):
    (data / "plans" / "words-test.yml").write_text(PLAN.format(status="published"), encoding="utf-8")
    with pytest.raises(DataError) as error:
        load_catalogue(data, today=datetime.date(2026, 1, 1), cache=shared_cache())
    report = error.value.problems.report()
    assert re.search(r"data/plans/words-test\.yml:9:\d+: 'detention' is a word children may not know", report), report


def test_a_draft_with_an_unexplained_hard_word_gets_a_warning_only(data):
    (data / "plans" / "words-test.yml").write_text(PLAN.format(status="draft"), encoding="utf-8")
    catalogue = load_catalogue(data, today=datetime.date(2026, 1, 1), cache=shared_cache())
    warnings = [str(w) for w in catalogue.warnings.warnings if "'detention'" in w.message]
    assert len(warnings) == 1 and re.match(r"data/plans/words-test\.yml:9:\d+: warning: 'detention' ", warnings[0])


KAFALAH = """\
  - term: kafalah
    meaning: A way of caring for a child in Islamic law, without adoption.
    definition: >-
      Kafalah is named in Article 20 of the UNCRC among the ways a child may be cared for.
    young_people: >-
      Kafalah is a way a family can look after a child who is not their own.
"""


def test_an_article_summary_is_checked_again_when_the_glossary_no_longer_explains_its_word(data):
    """The Convention's file is kept in the cache with the glossary it was checked against: a glossary
    that no longer explains a word the summaries use gets the summary refused, even when the file is
    taken from the cache."""
    glossary, articles = data / "glossary.yml", data / "uncrc" / "articles.yml"
    before = glossary.read_text(encoding="utf-8")
    glossary.write_text(before.replace("terms:\n", "terms:\n" + KAFALAH, 1), encoding="utf-8")
    text = articles.read_text(encoding="utf-8")
    used = text.replace("        If you are under 18,", "        We know about kafalah. If you are under 18,", 1)
    articles.write_text(used, encoding="utf-8")
    cache = Cache(data.parent)
    load_catalogue(data, today=datetime.date(2026, 1, 1), cache=cache)
    glossary.write_text(before, encoding="utf-8")
    with pytest.raises(DataError) as error:
        load_catalogue(data, today=datetime.date(2026, 1, 1), cache=cache)
    report = error.value.problems.report()
    assert re.search(r"data/uncrc/articles\.yml:6\d:\d+: 'kafalah' is a word children may not know", report), report


# --- Every young-people page of the real site ---------------------------------------------------

BLOCKS = {"p", "li", "dd", "dt", "td", "th", "caption", "figcaption", "blockquote", "div", "section", "summary"}


class RunningText(HTMLParser):
    """A page's <article> as blocks of running text: words in headings, links, form controls and
    scripts left out, except the words linked to the glossary, which are kept with their link."""

    def __init__(self) -> None:
        super().__init__()
        self.in_article = 0
        self.skipped = 0
        self.term: str | None = None
        self.blocks: list[str] = [""]
        self.links: list[tuple[int, int, str]] = []  # (block, offset, anchor) of each glossary link

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "article":
            self.in_article += 1
        elif tag in BLOCKS:
            self.blocks.append("")
        if tag == "a" and "ps-term" in (attributes.get("class") or "").split():
            self.term = attributes.get("href", "").rpartition("#")[2]
            self.links.append((len(self.blocks) - 1, len(self.blocks[-1]), self.term))
        elif tag in NOT_RUNNING_TEXT:
            self.skipped += 1

    def handle_endtag(self, tag):
        if tag == "article":
            self.in_article -= 1
        elif tag in BLOCKS:
            self.blocks.append("")
        if tag == "a" and self.term is not None:
            self.term = None
        elif tag in NOT_RUNNING_TEXT:
            self.skipped -= 1

    def handle_data(self, data):
        if self.in_article and (not self.skipped or self.term is not None):
            self.blocks[-1] += " ".join(data.split()) if not data.strip() else data.replace("\n", " ")


def young_people_pages(site: Path) -> list[Path]:
    return sorted(p for p in (site / "young-people").rglob("index.html") if p.parent.name != "glossary")


@pytest.mark.build
def test_every_hard_word_on_a_young_people_page_is_explained_where_first_used(site):
    glossary = yaml.safe_load((DATA / "glossary.yml").read_text(encoding="utf-8"))["terms"]
    young = {entry["term"] for entry in glossary if entry.get("young_people")}
    anchors = {term.lower(): term_anchor(term) for term in young}
    hand_written = {p.stem for p in (ROOT / "content" / "young-people").glob("*.md")}
    failures = []
    for page in young_people_pages(site):
        text = RunningText()
        text.feed(page.read_text(encoding="utf-8"))
        # Hand-written pages are not drawn from the data, so the site does not link their words.
        words = HARD_WORDS if page.parent.name in hand_written else HARD_WORDS | {t.lower() for t in young}
        for word, index, match in first_uses(text.blocks, words):
            linked = any(
                anchor == anchors.get(word) and (block, offset) <= (index, match.start())
                for block, offset, anchor in text.links
            )
            if not linked and not said_what_it_means(text.blocks[index], match.start(), match.end()):
                where = page.parent.relative_to(site).as_posix()
                failures.append(f"{where}: '{word}' in \"{text.blocks[index].strip()[:120]}\"")
    assert not failures, "\n".join(failures)
