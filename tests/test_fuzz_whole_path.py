"""Property tests over the whole path: bytes → YAML → model → checks → HTML of the plan's pages.

Whatever hypothesis puts in any field of a plan (or does to the file's bytes), loading ends in a
catalogue or in problem messages, never a traceback, within the time budget; messages are one
line each, with no control character from the data; and the rendered pages hold no live markup
and no link a browser would follow off the site unless the checks allow it (https:, mailto:, tel:).

Example counts stay small: each example loads the real organisations, glossary and Convention
and draws two pages, and CI has two cores.
"""

from __future__ import annotations

import datetime
import re
import shutil
import time
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from plan_files import shared_cache
from plansite.catalogue import load_catalogue
from plansite.errors import DataError
from plansite.site.drawing import Drawing
from plansite.site.pages import GeneratedPages
from plansite.texts.links import SITE, links_in, url_problem
from project import DATA
from test_hostile import MARKDOWN_PIECES, executable_constructs

ROOT = Path(__file__).resolve().parent.parent
SLUG = "fuzz-plan"
BUDGET = 10.0
ICON = re.compile(r'<svg aria-hidden="true" focusable="false" class="ps-icon" .*?</svg>', re.DOTALL)
FUZZ = settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck))

hostile_text = st.one_of(
    st.text(max_size=60),
    st.lists(MARKDOWN_PIECES, max_size=20).map("".join),
    st.lists(
        st.sampled_from(
            [
                "\\/evil.example",
                "//evil.example",
                "/\\evil.example",
                "http://x.org",
                "mailto:a@b.org?bcc=c@d.org",
                "tel:123",
                "https://u@evil.example",
                "[x](",
                "](",
                ")",
                "[x]: ",
                "\n\n",
                "- ",
                "> ",
                "::error::",
                "\x1b[2J",
                "\u202e",
                "\udfff",
                "\u3164",
                " ",
                "!!!",
                "<",
                "&#",
                "`",
                "*",
                "_",
            ]
        ),  # fmt: skip
        max_size=12,
    ).map("".join),
)


def _plan(texts: dict[str, str]) -> dict:
    """A draft plan of every block kind that carries free text or a value, each field from hypothesis."""
    return {
        "organisation": "scb",
        "title": texts["title"],
        "kind": "business plan",
        "period": texts["period"],
        "status": "draft",
        "publish_on": texts["date"],
        "summary": texts["summary"],
        "previous_slugs": [texts["slug"]],
        "young_people": {
            "title": texts["yp_title"],
            "summary": texts["yp_summary"],
            "get_involved": texts["yp_involved"],
        },
        "sections": [
            {
                "id": texts["section_id"],
                "title": texts["section_title"],
                "young_people": {"title": texts["yp_section"], "text": texts["yp_text"]},
                "blocks": [
                    {"type": "text", "title": texts["block_title"], "text": texts["text"]},
                    {"type": "quote", "text": texts["quote"], "speaker": texts["speaker"], "age": texts["age"]},
                    {"type": "list", "items": [texts["item"], texts["text"]]},
                    {
                        "type": "contact",
                        "name": texts["speaker"],
                        "email": texts["email"],
                        "phone": texts["phone"],
                        "website": texts["website"],
                    },
                    {"type": "budget", "total": {"name": texts["block_title"], "amount": texts["amount"]}},
                    {
                        "type": "aims",
                        "groups": [
                            {
                                "ref": texts["ref"],
                                "title": texts["title"],
                                "aims": [{"ref": "1.1", "text": texts["item"]}],
                            }
                        ],
                    },
                ],
            }
        ],
    }


FIELDS = ["title", "period", "date", "summary", "slug", "yp_title", "yp_summary", "yp_involved", "section_id",
          "section_title", "yp_section", "yp_text", "block_title", "text", "quote", "speaker", "age", "item", "email",
          "phone", "website", "amount", "ref"]  # fmt: skip
VALID = {
    "title": "A plan", "period": "2025-26", "date": "2025-04-01", "summary": "What we will do.", "slug": "old-plan",
    "yp_title": "Our plan", "yp_summary": "What we will do.", "yp_involved": "Tell us.", "section_id": "aims",
    "section_title": "Aims", "yp_section": "Our aims", "yp_text": "What we want.", "block_title": "Budget",
    "text": "Plain words.",
    "quote": "I was heard.", "speaker": "A young person", "age": "14", "item": "An aim.", "email": "team@example.org",
    "phone": "020 7783 8330", "website": "www.example.org", "amount": "5000", "ref": "SP1",
}  # fmt: skip


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory):
    """A data folder with the real organisations, glossary and Convention and no plans, and the theme."""
    from mkdocs.config import load_config

    data = tmp_path_factory.mktemp("fuzz") / "data"
    (data / "plans").mkdir(parents=True)
    shutil.copytree(DATA / "uncrc", data / "uncrc")
    for name in ("organisations.yml", "glossary.yml"):
        shutil.copy(DATA / name, data / name)
    config = load_config(str(ROOT / "mkdocs.yml"))
    return data, config, config.theme.get_env()


def run_whole_path(world, content: bytes) -> list[str] | None:
    """Load a plan file's bytes with the real data; draw its pages. Problems (as report lines) or None."""
    data, config, env = world
    (data / "plans" / f"{SLUG}.yml").write_bytes(content)
    start = time.perf_counter()
    try:
        catalogue = load_catalogue(data, preview=True, today=datetime.date(2026, 1, 1), cache=shared_cache())
    except DataError as error:
        report = error.problems.report().split("\n")
        assert time.perf_counter() - start < BUDGET
        for line in report[:-1]:
            assert re.fullmatch(r"data/[^\s:]+:\d+:\d+: .+; .+", line), line
            assert line.isprintable(), line
        assert len(report) <= 60
        return report
    pages = GeneratedPages(catalogue)
    drawing = Drawing(env, catalogue, shared_cache().templates("ours"))
    for view in pages.views.values():
        if f"plans/{SLUG}" not in view.path:
            continue
        html = drawing.html(view, config)
        # The site's own icons are inline SVG; text from the data can never write '<svg' (it is escaped).
        assert executable_constructs(ICON.sub("", html)) == [], html
        page = f"{SITE}/{view.url}"
        for tag, href in links_in(html):
            assert url_problem(href, image=tag == "img", base=page) is None, (href, view.path)
    assert time.perf_counter() - start < BUDGET
    return None


def dump(plan: dict) -> bytes:
    return yaml.safe_dump(plan, allow_unicode=True, sort_keys=False, width=80).encode("utf-8", "surrogatepass")


def test_the_valid_plan_loads_and_draws(world) -> None:
    assert run_whole_path(world, dump(_plan(VALID))) is None


@FUZZ
@given(field=st.sampled_from(FIELDS), text=hostile_text)
def test_any_string_in_any_field_ends_in_a_site_or_problems(world, field: str, text: str) -> None:
    run_whole_path(world, dump(_plan({**VALID, field: text})))


@FUZZ
@given(texts=st.fixed_dictionaries({name: hostile_text for name in FIELDS}))
def test_any_strings_in_every_field_end_in_a_site_or_problems(world, texts: dict[str, str]) -> None:
    run_whole_path(world, dump(_plan(texts)))


@FUZZ
@given(edits=st.lists(st.tuples(st.floats(0, 1), st.integers(0, 3), st.binary(max_size=6)), min_size=1, max_size=6))
def test_any_bytes_edited_into_a_valid_plan_end_in_a_site_or_problems(world, edits) -> None:
    content = bytearray(dump(_plan(VALID)))
    for where, remove, insert in edits:
        at = int(where * len(content))
        content[at : at + remove] = insert
    run_whole_path(world, bytes(content))
