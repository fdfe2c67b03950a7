"""The safe YAML editor: one value changed or one item added, every other byte as it was, or a refusal."""

import datetime
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from plansite.commands.main import main
from plansite.commands.review import mark_reviewed
from plansite.commands.yaml_edit import EditRefused, append_item, read_text, scalar, set_value
from project import FIXTURE_DATA

ROOT = Path(__file__).resolve().parents[2]


def changed(before: str, after: str) -> tuple[str, str]:
    """The one span an edit replaced: (what was there, what is there now); all around it is unchanged."""
    start = next((i for i, (a, b) in enumerate(zip(before, after)) if a != b), min(len(before), len(after)))
    end = 0
    while end < min(len(before), len(after)) - start and before[-1 - end] == after[-1 - end]:
        end += 1
    return before[start : len(before) - end], after[start : len(after) - end]


def only_inserted(before: str, after: str) -> str:
    """What an edit added, asserting nothing of the old text was changed or lost."""
    removed, added = changed(before, after)
    assert removed == "", f"the edit changed {removed!r}"
    return added


STYLES = {
    "block": "young_people:\n  title: Hi\n  text: Hello\nnext: 1\n",
    "flow": "young_people: {title: Hi, text: Hello}\nnext: 1\n",
    "flow over lines": "young_people: {\n    title: Hi,\n    text: Hello\n  }\nnext: 1\n",
    "quoted": 'young_people:\n  "title": \'Hi\'\n  text: "Hello # not a comment"\nnext: 1\n',
    "comments": (
        "# top\nyoung_people:  # theirs\n  title: Hi # a\n  text: Hello\n  # trailing comment\nnext: 1  # end\n"
    ),
    "folded text": "young_people:\n  title: Hi\n  text: >-\n    Hello\n    there\n\nnext: 1\n",
    "kept literal": "young_people:\n  title: Hi\n  text: |+\n    Hello\n\n\nnext: 1\n",
    "crlf": "young_people:\r\n  title: Hi\r\n  text: Hello\r\nnext: 1\r\n",
    "no final newline": "next: 1\nyoung_people:\n  title: Hi\n  text: Hello",
    "empty flow": "young_people: {}\nnext: 1\n",
}


@pytest.mark.parametrize("style", STYLES)
def test_adding_a_key_keeps_every_other_byte_in_every_style(style):
    before = STYLES[style]
    after = set_value(before, ("young_people", "matches"), "0a1b2c3d")
    assert yaml.safe_load(after)["young_people"]["matches"] == "0a1b2c3d"
    assert yaml.safe_load(after)["next"] == 1
    added = only_inserted(before, after)
    assert "matches: 0a1b2c3d" in added
    if "\r\n" in before:
        assert "\n" not in added.replace("\r\n", "")


@pytest.mark.parametrize(
    "old", ["matches: 33011538", "matches: '33011538'", 'matches: "33011538"', "matches:   33011538   # old"]
)
@pytest.mark.parametrize("flow", [False, True])
def test_replacing_a_value_touches_only_that_value(old, flow):
    if flow:
        before = "a:\n  young_people: {text: Hi, " + old.split("#")[0].strip() + "}\nb: 2\n"
    else:
        before = f"a:\n  young_people:\n    text: Hi\n    {old}\nb: 2\n"
    after = set_value(before, ("a", "young_people", "matches"), "40951380")
    assert yaml.safe_load(after)["a"]["young_people"]["matches"] == "40951380"
    removed, added = changed(before, after)
    assert removed.strip("'\"") in ("33011538", "3301153") and added.strip("'\"").endswith("40951380")
    assert after.count("\n") == before.count("\n")


LISTS = {
    "block, missing": "row:\n  outcome: Do it\n  lead: Me  # who\nafter: x\n",
    "block, present": (
        "row:\n  outcome: Do it\n  updates:\n  - date: 2025-01-01\n    status: on-track\n    text: Begun\nafter: x\n"
    ),
    "block, indented": (
        "row:\n  outcome: Do it\n  updates:\n    - {date: 2025-01-01, status: on-track, text: Begun}\n    # note\n"
        "after: x\n"
    ),
    "flow row": "row: {outcome: Do it, lead: Me}\nafter: x\n",
    "flow list": "row:\n  outcome: Do it\n  updates: [{date: 2025-01-01, status: on-track, text: Begun}]\nafter: x\n",
    "empty flow list": "row:\n  outcome: Do it\n  updates: []\nafter: x\n",
    "in a list": "rows:\n  - outcome: Do it\n    lead: >-\n      Me\n  - outcome: Next\nafter: x\n",
}


@pytest.mark.parametrize("shape", LISTS)
def test_appending_an_update_keeps_every_other_byte(shape):
    before = LISTS[shape]
    path = ("rows", 0, "updates") if shape == "in a list" else ("row", "updates")
    update = {
        "date": datetime.date(2025, 3, 3),
        "status": "completed",
        "text": 'Done: "all", of it # yes',
        "young_people": "We did it.",
    }
    after = append_item(before, path, update)
    data = yaml.safe_load(after)
    row = data["rows"][0] if shape == "in a list" else data["row"]
    assert row["updates"][-1] == dict(update)
    assert data["after"] == "x"
    only_inserted(before, after)


@pytest.mark.parametrize(
    "text, path, message",
    [
        ("a: [1, 2]\n", ("a", "b"), "no mapping"),
        ("a:\n  b: |\n    long\n", ("a", "b"), "not a one-line value"),
        ("a: 1\na: 2\n", ("a", "b"), "twice"),
        ("a: [unclosed\n", ("a", "b"), "not valid YAML"),
    ],
)
def test_what_cannot_be_edited_safely_is_refused(text, path, message):
    with pytest.raises(EditRefused, match=message):
        set_value(text, path, "x")


def test_scalars_read_back_as_the_same_text():
    for value in [
        "on-track",
        "yes",
        "null",
        "012",
        "1:20",
        "a: b",
        "#x",
        "- x",
        "it's",
        'say "hi"',
        "a\nb",
        "\u2028",
        "",
        " x",
    ]:
        assert yaml.safe_load(f"k: {scalar(value)}")["k"] == value
        assert yaml.safe_load(f"k: {{v: {scalar(value)}}}")["k"]["v"] == value


@pytest.fixture
def chscb(tmp_path) -> Path:
    file = tmp_path / "data" / "plans" / "plan.yml"  # where commands find plans
    file.parent.mkdir(parents=True)
    shutil.copy(FIXTURE_DATA / "plans" / "chscb-business-plan-2014-15.yml", file)
    return file


def test_mark_reviewed_on_a_flow_mapping_writes_a_valid_file(chscb):
    """The reported bug: young_people written as {title: ..., text: ...} was broken by mark-reviewed."""
    text = read_text(chscb)
    old = (
        "            young_people:\n              title: Helping families early\n              matches: 8d56a4aa\n"
        "              text: >-\n                Early help means help that comes as soon as a problem starts. We "
        "will check that\n"
        "                children and families get this help when they need it.\n              icon: heart\n"
    )
    new = (
        "            young_people: {title: Helping families early, text: Early help comes as soon as a problem "
        "starts., icon: heart}\n"
    )
    assert old in text
    chscb.write_bytes(text.replace(old, new).encode())
    before = read_text(chscb)
    assert mark_reviewed(chscb) == 1
    after = read_text(chscb)
    assert only_inserted(before, after) == ", matches: 8d56a4aa"
    assert mark_reviewed(chscb) == 0, "a second run finds nothing to change"


def test_mark_reviewed_changes_nothing_when_all_match(chscb):
    before = chscb.read_bytes()
    assert mark_reviewed(chscb) == 0
    assert chscb.read_bytes() == before


def test_mark_reviewed_replaces_only_the_old_fingerprint(chscb, capsys):
    text = read_text(chscb)
    chscb.write_bytes(text.replace("Delivery – Neglect", "Delivery – Child Neglect", 1).encode())
    before = read_text(chscb)
    assert main(["mark-reviewed", str(chscb)]) == 0
    after = read_text(chscb)
    assert len(after.splitlines()) == len(before.splitlines())
    changed = [(a, b) for a, b in zip(before.splitlines(), after.splitlines()) if a != b]
    assert len(changed) == 1 and changed[0][0].strip() == "matches: 40951380"


TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=60)


@settings(max_examples=150, deadline=None)
@given(value=TEXT, style=st.sampled_from(sorted(STYLES)))
def test_any_text_added_in_any_style_reads_back_and_keeps_the_rest(value, style):
    before = STYLES[style]
    try:
        after = set_value(before, ("young_people", "note"), value)
    except EditRefused:
        return  # a refusal is allowed; a broken file is not
    assert yaml.safe_load(after)["young_people"]["note"] == value
    only_inserted(before, after)


@settings(max_examples=100, deadline=None)
@given(text=TEXT, young=TEXT, shape=st.sampled_from(sorted(LISTS)))
def test_any_update_appended_reads_back_and_keeps_the_rest(text, young, shape):
    before = LISTS[shape]
    path = ("rows", 0, "updates") if shape == "in a list" else ("row", "updates")
    update = {"date": datetime.date(2025, 3, 3), "status": "on-track", "text": text, "young_people": young}
    try:
        after = append_item(before, path, update)
    except EditRefused:
        return
    data = yaml.safe_load(after)
    assert (data["rows"][0] if shape == "in a list" else data["row"])["updates"][-1] == update
    only_inserted(before, after)
