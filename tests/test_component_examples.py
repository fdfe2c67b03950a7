"""The component examples: one file for every block type and for components.html, all of them valid data."""

from __future__ import annotations

from collections import Counter

import pytest
from component_examples import COMPONENTS, EXAMPLES, SLUG, component_names, example_files, examples_plan, read_examples
from plansite import model as m
from plansite.block_types import BLOCKS
from plansite.catalogue import load_plan
from plansite.errors import Problems


@pytest.fixture(scope="module")
def examples() -> list:
    """Every example, read once for the tests that only look at them (test_every_example_is_valid_data
    reads them itself, for the problems)."""
    return read_examples(Problems())


def test_every_block_type_has_an_examples_file():
    have = {file.stem for file in example_files()}
    missing = sorted({view.partial for view in BLOCKS.values()} - have)
    assert not missing, f"no examples in {EXAMPLES} for block type(s): {', '.join(missing)}; add <type>.yml"


def test_every_examples_file_is_a_block_type_or_the_components():
    known = {view.partial for view in BLOCKS.values()} | {"components"}
    assert {file.stem for file in example_files()} <= known


def test_every_example_is_valid_data():
    problems = Problems()
    read_examples(problems)
    assert not problems, problems.report()


def test_each_examples_file_holds_only_its_own_block_type_and_some_hostile_ones(examples):
    wrong, without_hostile = [], []
    by_file: dict[str, list] = {}
    for named in examples:
        by_file.setdefault(named.file, []).append(named)
        if named.file != "components" and BLOCKS[type(named.example.block)].partial != named.file:
            wrong.append(f"{named.file}.yml: {named.example.name} is a {named.example.block.type} block")
    for file, examples in by_file.items():
        if file != "components" and not any(e.example.hostile for e in examples):
            without_hostile.append(file)
    assert not wrong, wrong
    assert not without_hostile, f"no hostile example in: {without_hostile}"


def test_every_component_has_examples(examples):
    shown = {e.example.component for e in examples if e.file == "components"}
    assert all(e.example.component for e in examples if e.file == "components"), (
        "each example in components.yml names its component"
    )
    missing = sorted(set(component_names()) - shown)
    assert not missing, f"no example in components.yml for the macro(s) {missing} of {[f.name for f in COMPONENTS]}"
    unknown = sorted(shown - set(component_names()))
    assert not unknown, f"components.yml names macros that no components template defines: {unknown}"


def _values(value: object, key: str) -> set:
    """Every value stored under a key anywhere in a nest of dicts and lists."""
    if isinstance(value, dict):
        return {v for k, v in value.items() if k == key and isinstance(v, str)} | set().union(
            *(_values(v, key) for v in value.values())
        )
    if isinstance(value, list):
        return set().union(*(_values(v, key) for v in value))
    return set()


def test_every_status_and_every_picture_is_in_some_example(examples):
    raw = [named.raw for named in examples]
    shown_statuses = _values(raw, "progress") | _values(raw, "status")
    assert {s.value for s in m.Status} <= shown_statuses
    assert {i.value for i in m.Icon} <= _values(raw, "icon")


def test_example_names_are_unique(examples):
    counts = Counter(named.section_id for named in examples)
    assert [sid for sid, n in counts.items() if n > 1] == []


def test_the_examples_plan_passes_every_check_of_a_plan(tmp_path, examples):
    """All examples share one plan, so their anchors must differ and each must pass the plan's cross-field checks."""
    text = examples_plan(examples)
    file = tmp_path / f"{SLUG}.yml"
    file.write_text(text, encoding="utf-8")
    problems = Problems()
    plan, _ = load_plan(file, problems)
    lines = text.splitlines()

    def section_at(line: int) -> str:
        ids = [entry.split("id: ", 1)[1] for entry in lines[:line] if entry.startswith("- id: ")]
        return ids[-1] if ids else "(plan)"

    assert not problems, "\n".join(f"in section {section_at(p.line)}: {p.message}; {p.hint}" for p in problems.items)
    assert [s.id for s in plan.sections] == [e.section_id for e in examples]
    assert {type(s.blocks[0]) for s in plan.sections} == set(m.BLOCK_CLASSES)
