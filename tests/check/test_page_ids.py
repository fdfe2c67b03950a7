"""Every id on every page is unique and valid, derived ones too, and every fragment has its target.

The ids the templates make (captions, notes, footnotes, charts, the young people's parts) are
claimed as the data's ids are, so a clash is a problem on its line; the built pages of the real
site, of the component examples and of a plan of every shape are read to prove it.
"""

from __future__ import annotations

import posixpath
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import project
import pytest
import yaml
from component_examples import SLUG, examples_plan, read_examples
from model_samples import sample_plan
from plan_files import PLAN, load, reported
from plansite.errors import Problems
from plansite.views.tables import TableNotes

BLOCK = "      - type: text\n        text: Plain words.\n"


def with_sections(sections: str) -> str:
    return PLAN + sections


@pytest.mark.parametrize("section_id", ["data", "progress-chart-caption", "rights-in-this-plan", "news", "money"])
def test_a_section_id_the_layout_uses_is_refused(data, section_id: str) -> None:
    _, problems = load(data, with_sections(f"  - id: {section_id}\n    title: More\n    blocks:\n{BLOCK}"))
    reported(problems, f"the id '{section_id}' is used by the site's own page layout", line=13)


def test_an_item_id_the_progress_page_uses_is_refused(data) -> None:
    rows = "        groups:\n          - id: help\n            title: Help\n"
    rows += "            rows:\n              - id: summary\n"
    block = (
        "      - type: action_plan\n        columns: {activity: Activity}\n"
        + rows
        + "                activity: [Do it.]\n"
    )
    _, problems = load(data, PLAN + block)
    reported(problems, "the id 'summary' is used by the site's own page layout", line=19)


def test_a_section_id_equal_to_a_tables_caption_is_refused(data) -> None:
    budget = "      - type: budget\n        total: {name: All, amount: 5}\n"
    plan = PLAN + budget + "  - id: introduction-2-caption\n    title: More\n    blocks:\n" + BLOCK
    _, problems = load(data, plan)
    reported(problems, "the anchor 'introduction-2-caption' is used twice", line=15)


def test_an_id_in_a_tables_notes_is_refused(data) -> None:
    budget = "      - type: budget\n        total: {name: All, amount: {amount: 5, note: Ours.}}\n"
    plan = PLAN + budget + "  - id: introduction-2-note-a\n    title: More\n    blocks:\n" + BLOCK
    _, problems = load(data, plan)
    reported(problems, "the anchor 'introduction-2-note-a' is used twice (the site gives it to the notes", line=15)


def test_footnotes_with_one_mark_in_two_blocks_are_refused(data) -> None:
    notes = "      - type: footnotes\n        items:\n          - {mark: '1', text: One.}\n"
    _, problems = load(data, PLAN + notes + notes)
    reported(problems, "the anchor 'introduction-footnote-1' is used twice", line=18)


def test_notes_past_the_26th_get_letters_of_their_own() -> None:
    notes = TableNotes("t")
    for _ in range(60):
        notes.add(object(), "ours", by_editors=True)
    marks = [note.mark for note in notes.notes]
    assert marks[:3] == ["a", "b", "c"] and marks[26:28] == ["aa", "ab"]
    assert len({note.id for note in notes.notes}) == 60


def test_notes_that_share_a_printed_mark_have_ids_of_their_own() -> None:
    notes = TableNotes("t")
    first, second = notes.add(object(), "one", "4"), notes.add(object(), "two", "4")
    assert (first.mark, second.mark) == ("4", "4") and first.id != second.id


# --- The built pages ----------------------------------------------------------------------------


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        values = dict(attrs)
        if "id" in values:
            self.ids.append(values["id"] or "")
        for name in ("href", "aria-labelledby", "aria-describedby", "for"):
            if values.get(name) and name != "href":
                self.hrefs += ["#" + target for target in values[name].split()]
        if tag == "a" and values.get("href"):
            self.hrefs.append(values["href"])


def _read(file: Path) -> _Ids:
    parser = _Ids()
    parser.feed(file.read_text(encoding="utf-8"))
    parser.close()
    return parser


def id_problems(site: Path) -> list[str]:
    """Every duplicate or invalid id of every page of a built site, and every fragment without a target."""
    pages = {
        file: _read(file)
        for file in site.rglob("*.html")
        if not file.relative_to(site).as_posix().startswith("pagefind/")
    }
    by_url = {"/" + f.relative_to(site).as_posix().removesuffix("index.html"): set(p.ids) for f, p in pages.items()}
    found = []
    for file, page in pages.items():
        name = file.relative_to(site).as_posix()
        for anchor, count in Counter(page.ids).items():
            if count > 1:
                found.append(f"{name}: id '{anchor}' {count} times")
            if not anchor or re.search(r"[\t\n\f\r ]", anchor):
                found.append(f"{name}: id '{anchor}' is not valid")
        here = "/" + name.removesuffix("index.html")
        for href in page.hrefs:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or not parts.fragment:
                continue
            target = (
                posixpath.normpath(posixpath.join(posixpath.dirname(here) + "/", unquote(parts.path)))
                if parts.path
                else here
            )
            target = target + "/" if parts.path.endswith("/") and not target.endswith("/") else target
            ids = by_url.get(target if target.endswith((".html", "/")) else target + "/")
            if ids is not None and unquote(parts.fragment) not in ids:
                found.append(f"{name}: '{href}' has no target")
    return found


@pytest.mark.build
def test_every_page_of_the_real_site_has_unique_valid_ids_and_fragments_with_targets(site: Path) -> None:
    assert id_problems(site) == []


ORGANISATION = """\
  - id: sample-trust
    name: Sample Trust
    kind: Charity
    about: A charity.
    young_people:
      text: A charity.
"""


@pytest.mark.build
def test_every_page_of_the_examples_and_of_a_plan_of_every_shape_has_unique_valid_ids(tmp_path) -> None:
    (tmp_path / "project").mkdir()
    copy = project.copy_project(tmp_path / "project")
    (copy / "data" / "plans" / f"{SLUG}.yml").write_text(examples_plan(read_examples(Problems())), encoding="utf-8")
    with (copy / "data" / "organisations.yml").open("a", encoding="utf-8") as file:
        file.write(ORGANISATION)
    plan, _ = sample_plan("sample-trust")
    (copy / "data" / "plans" / "sample-trust-every-shape.yml").write_text(
        yaml.safe_dump(plan, sort_keys=False), encoding="utf-8"
    )
    result = project.build(tmp_path / "site", copy / "mkdocs.yml", preview=True)
    assert result.returncode == 0, result.stderr[-3000:]
    assert id_problems(tmp_path / "site") == []
