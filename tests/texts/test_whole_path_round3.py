"""Property tests over the whole path for round 3's classes: whatever hypothesis puts in a plan, it
ends in problems or in pages whose ids are unique and valid, whose words are those the checks saw,
and in downloads with no formula, no 'None' and no text the pages do not show."""

from __future__ import annotations

import csv
import datetime
import io
import re
from collections import Counter

from hypothesis import given
from hypothesis import strategies as st
from plan_files import shared_cache
from plansite.catalogue import load_catalogue
from plansite.errors import DataError
from plansite.outputs import all_files
from plansite.outputs.tables_csv import FORMULA_STARTS
from plansite.site.drawing import Drawing
from plansite.site.pages import GeneratedPages
from test_fuzz_whole_path import FIELDS, FUZZ, SLUG, VALID, _plan, dump, world  # noqa: F401 - world is a fixture

ROUND_3 = st.lists(
    st.sampled_from(
        [
            "<!-- hidden -->",
            "![logo](/assets/logo.png)",
            "[r]: https://example.org/",
            "[x][r]",
            "`Article 12`",
            'https://example.org/ "Article 12"',
            "[Article 12](/uncrc/)",
            "tel:0800FLOWERS",
            "(tel:0800 1111)",
            "https://www..example.org/",
            "https://www.gоv.uk/",
            "[www.gov.uk](https://evil.example/)",
            "=HYPERLINK(",
            "+1",
            "-1",
            "@SUM",
            "data",
            "summary",
            "money",
            "news",
            "introduction-2-caption",
            "£5M",
            "9" * 401,
            "2999-01-01",
            "ΣΧΕΔΙΟ",
            "сарасіту",
            "cоmmunity",
            "[",
            "](",
            ")",
            " ",
            "\n\n",
            "- ",
            "#",
        ]
    ),  # fmt: skip
    max_size=10,
).map("".join)


def _ids(html: str) -> list[str]:
    return re.findall(r'\sid="([^"]*)"', html)


def run(world, content: bytes) -> None:  # noqa: F811 - the fixture, passed on
    data, config, env = world
    (data / "plans" / f"{SLUG}.yml").write_bytes(content)
    try:
        catalogue = load_catalogue(data, preview=True, today=datetime.date(2026, 1, 1), cache=shared_cache())
    except DataError as error:
        for line in error.problems.report().split("\n")[:-1]:
            assert re.fullmatch(r"data/[^\s:]+:\d+:\d+: .+; .+", line), line
        return
    pages = GeneratedPages(catalogue)
    drawing = Drawing(env, catalogue, shared_cache().templates("ours"))
    for view in pages.views.values():
        if f"plans/{SLUG}" not in view.path:
            continue
        html = drawing.html(view, config)
        twice = [anchor for anchor, count in Counter(_ids(html)).items() if count > 1]
        assert not twice, (view.path, twice)
        assert all(anchor and not re.search(r"\s", anchor) for anchor in _ids(html)), view.path
        assert not re.search(r">[^<]*\bNone\b[^<]*<", html.replace("None of", "")), view.path
    for path, file in all_files(catalogue, "https://example.org/"):
        if f"/{SLUG}" in path and path.endswith(".csv"):
            for row in csv.reader(io.StringIO(file.decode("utf-8"))):
                for cell in row:
                    assert re.fullmatch(r"-?[0-9]+", cell) or not cell.startswith(FORMULA_STARTS), (path, cell)


@FUZZ
@given(field=st.sampled_from(FIELDS), text=ROUND_3)
def test_round_3_strings_in_any_field_end_in_a_site_or_problems(world, field: str, text: str) -> None:  # noqa: F811
    run(world, dump(_plan({**VALID, field: text})))


@FUZZ
@given(texts=st.fixed_dictionaries({name: ROUND_3 for name in FIELDS}))
def test_round_3_strings_in_every_field_end_in_a_site_or_problems(world, texts: dict[str, str]) -> None:  # noqa: F811
    run(world, dump(_plan(texts)))


def test_the_valid_plan_draws_its_pages(world) -> None:  # noqa: F811
    """The property above reaches the pages: the valid plan, with its budget, draws both of them."""
    data, config, env = world
    (data / "plans" / f"{SLUG}.yml").write_bytes(dump(_plan(VALID)))
    pages = GeneratedPages(load_catalogue(data, preview=True, today=datetime.date(2026, 1, 1), cache=shared_cache()))
    drawing = Drawing(env, pages.catalogue, shared_cache().templates("ours"))
    drawn = [drawing.html(view, config) for view in pages.views.values() if f"plans/{SLUG}" in view.path]
    assert len(drawn) == 2 and all(_ids(html) for html in drawn)
    run(world, dump(_plan(VALID)))
