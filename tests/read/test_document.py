"""The loader and schema: every class of editing mistake reported with file, line, column and a hint."""

from pathlib import Path

import pytest
from plansite.errors import Problems
from plansite.model import Plan
from plansite.read import read_document, validate
from project import FIXTURE_DATA

MINIMAL = """\
organisation: occ
title: Test plan
kind: business plan
period: 2012-13
status: draft
summary: A plan used in tests.
sections:
  - id: intro
    title: Introduction
    blocks:
      - type: text
        text: Hello.
"""


def problems_for(tmp_path: Path, content, name="x.yml") -> tuple[Problems, object]:
    file = tmp_path / name
    if isinstance(content, bytes):
        file.write_bytes(content)
    else:
        file.write_text(content, encoding="utf-8")
    problems = Problems()
    document = read_document(file, f"data/plans/{name}", problems)
    plan = validate(document, Plan, problems) if document else None
    return problems, plan


def only(problems: Problems):
    assert len(problems) >= 1, "expected a problem"
    return problems.items[0]


def test_minimal_plan_is_valid_and_values_arrive_as_typed(tmp_path):
    problems, plan = problems_for(tmp_path, MINIMAL)
    assert not problems, problems.report()
    assert plan.period == "2012-13"


@pytest.mark.parametrize("typed", ["no", "yes", "09", "012", "1:20", "3.10", "2012-13", "off", "NO", "1e3"])
def test_yaml_1_1_surprises_arrive_exactly_as_typed(tmp_path, typed):
    problems, plan = problems_for(tmp_path, MINIMAL.replace("period: 2012-13", f"period: {typed}"))
    assert not problems, problems.report()
    assert plan.period == typed


def test_duplicate_key_names_both_lines(tmp_path):
    problems, _ = problems_for(tmp_path, MINIMAL.replace("title: Test plan\n", "title: Test plan\ntitle: Again\n"))
    problem = only(problems)
    assert (problem.line, problem.column) == (3, 1)
    assert "duplicate key 'title' (also on line 2)" in problem.message and problem.hint


def test_all_problems_are_reported_in_one_run(tmp_path):
    broken = MINIMAL.replace("title: Test plan\n", "title: Test plan\ntitle: Again\n").replace(
        "status: draft", "status: publised"
    )
    broken = broken.replace("summary:", "sumary:")
    problems, _ = problems_for(tmp_path, broken)
    messages = " | ".join(str(p) for p in problems.items)
    assert "duplicate key 'title'" in messages
    assert "'publised' is not allowed for 'status'; did you mean 'published'?" in messages
    assert "unknown key 'sumary'; did you mean 'summary'?" in messages
    assert "missing required key 'summary'" in messages


def test_unknown_key_suggests_the_right_one(tmp_path):
    problems, _ = problems_for(tmp_path, MINIMAL.replace("        text: Hello.", "        txet: Hello."))
    messages = [str(p) for p in problems.items]
    assert "data/plans/x.yml:12:9: unknown key 'txet'; did you mean 'text'?" in messages


def test_wrong_type_is_explained(tmp_path):
    problems, _ = problems_for(tmp_path, MINIMAL.replace("title: Test plan", "title:\n  - a\n  - b"))
    problem = only(problems)
    assert problem.line == 3 and "'title' must be text" in problem.message


def test_tab_is_reported_at_its_column(tmp_path):
    problems, _ = problems_for(tmp_path, MINIMAL.replace("    title: Introduction", "\ttitle: Introduction"))
    problem = only(problems)
    assert (problem.line, problem.column, problem.message) == (9, 1, "tab character")


def test_unclosed_quote(tmp_path):
    problems, _ = problems_for(tmp_path, MINIMAL.replace("title: Test plan", 'title: "Test plan'))
    problem = only(problems)
    assert problem.message.startswith("YAML syntax") and "quote" in problem.hint


def test_invalid_utf8_names_line_and_byte(tmp_path):
    problems, _ = problems_for(tmp_path, MINIMAL.encode().replace(b"Hello.", b"Hell\xff."))
    problem = only(problems)
    assert problem.line == 12 and "not valid UTF-8 (byte 0xff)" in problem.message


@pytest.mark.parametrize("content", ["", "\n\n", "# only a comment\n"])
def test_empty_file(tmp_path, content):
    problems, _ = problems_for(tmp_path, content)
    assert only(problems).message == "the file is empty"


def test_missing_child_friendly_text_is_an_error_when_published(tmp_path):
    from plansite.catalogue import load_plan

    file = tmp_path / "x.yml"
    file.write_text(MINIMAL.replace("status: draft", "status: published"), encoding="utf-8")
    problems = Problems()
    load_plan(file, problems, "data/plans/x.yml")
    assert any("needs its young-people version" in p.message for p in problems.items)


def test_wrong_article_number_has_its_line(tmp_path):
    text = MINIMAL.replace("        text: Hello.", "        text: Hello.\n        articles: [12, 99]")
    problems, _ = problems_for(tmp_path, text)
    problem = only(problems)
    assert problem.line == 13 and "there is no UNCRC article 99" in problem.message


@pytest.mark.parametrize(
    "text, message",
    [
        ("'[x](//evil.example)'", "the link '//evil.example' is not allowed"),
        ("'" + "[a] " * 301 + "'", "square brackets"),
        ("'" + "a" * 20_001 + "'", "characters long"),
    ],
)
def test_texts_that_leave_the_site_or_would_stall_the_build_are_refused(tmp_path, text, message):
    problems, _ = problems_for(tmp_path, MINIMAL.replace("summary: A plan used in tests.", f"summary: {text}"))
    problem = only(problems)
    assert problem.line == 6 and message in problem.message and problem.hint


def test_a_problem_inside_a_long_text_is_reported_on_its_own_line(tmp_path):
    text = MINIMAL.replace(
        "summary: A plan used in tests.",
        "summary: |-\n  First line is fine.\n  Second line is fine too.\n  Third has <script>alert(1)</script> in it.",
    )
    problems, _ = problems_for(tmp_path, text)
    problem = only(problems)
    assert (problem.line, problem.column) == (9, 13) and "HTML is not allowed" in problem.message


@pytest.mark.parametrize(
    "old, new, expected",
    [
        (
            "period: 2012-13\n",
            "  period: 2012-13\n",
            "data/plans/x.yml:4:3: YAML syntax: 'period' is indented more than the key above it, so it is read as "
            "part of that line; "
            "line 'period:' up with the key above it (column 1): it is indented 2 spaces more",
        ),
        (
            "        text: Hello.\n",
            "          text: Hello.\n",
            "data/plans/x.yml:12:11: YAML syntax: 'text' is indented more than the key above it, so it is read as "
            "part of that line; "
            "line 'text:' up with the key above it (column 9): it is indented 2 spaces more",
        ),
        (
            "summary: A plan used in tests.\n",
            "summary: A plan used in tests,\n  Note: this one.\n",
            "line 'Note:' up with the key above it (column 1): it is indented 2 spaces more; or, if this line is more "
            "of "
            "the text above, put that whole text in quotes or under '|'",
        ),
    ],
)
def test_an_over_indented_key_gets_an_indentation_hint_not_quotes(tmp_path, old, new, expected):
    problems, _ = problems_for(tmp_path, MINIMAL.replace(old, new))
    assert expected in problems.report()
    assert "put the whole text in quotes" not in problems.report()


def test_an_unknown_icon_lists_every_icon(tmp_path):
    from plansite.model import Icon

    content = MINIMAL + "    young_people:\n      text: Hi.\n      icon: sheild\n"
    problems, _ = problems_for(tmp_path, content)
    assert (
        f"'sheild' is not allowed for 'icon'; did you mean 'shield'? use one of: {', '.join(i.value for i in Icon)}"
        in problems.report()
    )


def test_a_document_that_let_go_of_its_nodes_still_finds_every_place() -> None:
    """Plans free their node trees after their own checks; checks across files still get places."""
    from plansite.catalogue import load_plan
    from plansite.model.walk import strings

    file = FIXTURE_DATA / "plans" / "occ-business-plan-2012-13.yml"
    fresh = read_document(file, "plan.yml", Problems())
    plan, released = load_plan(file, Problems(), "plan.yml")
    assert released.root is None
    paths = [path for _, path in strings(plan)][::25]
    assert len(paths) > 10
    assert [released.position(p) for p in paths] == [fresh.position(p) for p in paths]
    assert released.root is not None  # composed again, once
