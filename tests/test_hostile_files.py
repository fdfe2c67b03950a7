"""Hostile files and folders, budgets and messages: what cannot be written as one fixture file.

Links to /dev/zero or out of the repository, pipes, files the loader would not read, a million
tabs, tens of thousands of unknown keys, names repeated across files and messages that try to
command the terminal or the CI runner. Each ends in problems naming file and line, quickly,
with nothing from outside data/ echoed.
"""

from __future__ import annotations

import datetime
import os
import re
import time
from pathlib import Path

import pytest
import yaml
from plan_files import shared_cache
from plansite.catalogue import load_catalogue
from plansite.errors import SHOWN_PER_FILE, DataError, Problems
from plansite.model import Plan
from plansite.read import Document, read_document, validate
from project import DATA
from test_hostile import MINIMAL_PLAN

ROOT = Path(__file__).resolve().parent.parent
BUDGET = 10.0  # seconds per file, as the issue judges it; a normal run takes a fraction of this
SECRET = "SECRET-OUTSIDE-CONTENT"


def problems_of(data: Path) -> Problems:
    start = time.perf_counter()
    try:
        load_catalogue(data, preview=True, today=datetime.date(2026, 1, 1), cache=shared_cache())
    except DataError as error:
        problems = error.problems
    else:
        problems = Problems()
    assert time.perf_counter() - start < BUDGET
    return problems


def report_of(data: Path) -> str:
    problems = problems_of(data)
    assert problems, "the hostile file was not reported"
    report = problems.report()
    for line in report.splitlines()[:-1]:
        assert re.fullmatch(r"data/\S+:\d+:\d+: .+; .+", line), line
    return report


# --- Files are what they claim ---------------------------------------------------------------


def test_link_to_dev_zero_is_refused_before_reading(data: Path) -> None:
    (data / "plans" / "zero.yml").symlink_to("/dev/zero")
    assert "data/plans/zero.yml:1:1: this file is a link to a file outside the data folder" in report_of(data)


def test_link_out_of_the_repository_never_echoes_its_content(data: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.yml"
    outside.write_text(f"{SECRET}: [\n  {SECRET}\n", encoding="utf-8")  # broken YAML: a careless loader quotes it
    (data / "plans" / "leak.yml").symlink_to(outside)
    (data / "glossary.yml").unlink()
    (data / "glossary.yml").symlink_to(outside)
    report = report_of(data)
    assert SECRET not in report
    assert "data/plans/leak.yml:1:1: this file is a link to a file outside the data folder" in report
    assert "data/glossary.yml:1:1: this file is a link to a file outside the data folder" in report


def test_link_to_a_repository_file_outside_data_is_refused(data: Path) -> None:
    (data.parent / "mkdocs.yml").write_text(f"site_name: {SECRET}\n", encoding="utf-8")
    (data / "plans" / "config.yml").symlink_to(data.parent / "mkdocs.yml")
    report = report_of(data)
    assert SECRET not in report and "data/plans/config.yml:1:1: this file is a link" in report


def test_link_inside_data_is_followed(data: Path) -> None:
    plan = data / "plans" / "scb-business-plan-2009-10.yml"
    stored = data / "stored.yml"
    plan.rename(stored)
    plan.symlink_to(stored)
    report = report_of(data)  # the stored file itself is not read as a plan: it is reported, the link is read
    assert report.splitlines()[0].startswith("data/stored.yml:1:1: this file is not read by the site")
    assert "scb-business-plan-2009-10" not in report


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_pipe_is_refused_without_waiting(data: Path) -> None:
    os.mkfifo(data / "plans" / "pipe.yml")
    assert "data/plans/pipe.yml:1:1: this is not an ordinary file" in report_of(data)


def test_folder_named_like_a_plan_is_refused(data: Path) -> None:
    (data / "plans" / "folder.yml").mkdir()
    (data / "plans" / "folder.yml" / "inside.txt").write_text("x", encoding="utf-8")
    report = report_of(data)
    assert "data/plans/folder.yml/inside.txt:1:1: this file is not read by the site" in report


def test_read_document_refuses_a_device_itself(tmp_path: Path) -> None:
    problems = Problems()
    assert read_document(Path("/dev/zero"), "data/plans/zero.yml", problems) is None
    assert "not an ordinary file" in problems.report()


def test_broken_link_is_reported(data: Path) -> None:
    (data / "plans" / "gone.yml").symlink_to(data / "plans" / "nowhere.yml")
    assert "data/plans/gone.yml:1:1:" in report_of(data)


# --- Every file under data/ is read or reported ----------------------------------------------


@pytest.mark.parametrize(
    "name, hint",
    [
        ("plans/extra.yaml", "rename it to extra.yml"),
        ("plans/EXTRA.YML", "rename it to EXTRA.yml"),
        ("plans/2025/extra.yml", "plan files go directly in data/plans/"),
        ("notes.txt", "a plan's source text goes in data/sources/"),
        ("plans/.hidden.yml", ""),
    ],
)
def test_files_the_loader_does_not_read_are_reported(data: Path, name: str, hint: str) -> None:
    file = data / name
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(MINIMAL_PLAN, encoding="utf-8")
    report = report_of(data)
    if name == "plans/.hidden.yml":
        assert "data/plans/.hidden.yml:1:1: the file name '.hidden.yml' cannot be used in a web address" in report
        return
    line = next(line for line in report.splitlines() if line.startswith(f"data/{name}:1:1: "))
    assert "this file is not read by the site, so nothing in it would be published; " in line and hint in line, line


def test_yaml_beside_yml_is_reported_not_overwritten(data: Path) -> None:
    plan = (data / "plans" / "scb-business-plan-2009-10.yml").read_text(encoding="utf-8")
    (data / "plans" / "scb-business-plan-2009-10.yaml").write_text(
        plan.replace("Business Plan", "Other Plan"), encoding="utf-8"
    )
    report = report_of(data)
    assert "data/plans/scb-business-plan-2009-10.yaml:1:1: this file is not read by the site" in report
    assert "data/plans/scb-business-plan-2009-10.yml is read instead" in report


# --- Names unique across files ---------------------------------------------------------------


def _replace(file: Path, old: str, new: str, count: int = 1) -> None:
    text = file.read_text(encoding="utf-8")
    assert old in text, old
    file.write_text(text.replace(old, new, count), encoding="utf-8")


def test_duplicate_organisation_id_is_reported(data: Path) -> None:
    text = (data / "organisations.yml").read_text(encoding="utf-8")
    first = re.search(r"^  - id: (\S+)$", text, re.MULTILINE)
    second = re.search(r"^  - id: (\S+)$", text[first.end() :], re.MULTILINE)
    _replace(data / "organisations.yml", f"  - id: {second.group(1)}\n", f"  - id: {first.group(1)}\n")
    report = report_of(data)
    assert re.search(rf"data/organisations\.yml:\d+:\d+: the organisation id '{first.group(1)}' is used twice", report)


def test_duplicate_and_blank_glossary_terms_are_reported(data: Path) -> None:
    glossary = data / "glossary.yml"
    text = glossary.read_text(encoding="utf-8")
    glossary.write_text(
        text.rstrip("\n") + "\n  - term: S 10\n    meaning: one\n  - term: s-10\n    meaning: two\n"
        "  - term: '!!!'\n    meaning: nothing\n",
        encoding="utf-8",
    )
    report = report_of(data)
    assert "the term 's-10' is in the glossary twice, or written two ways" in report
    assert "the term '!!!' has no letters or digits" in report


def test_glossary_term_of_one_space_is_empty(data: Path) -> None:
    glossary = data / "glossary.yml"
    glossary.write_text(
        glossary.read_text(encoding="utf-8").rstrip("\n") + "\n  - term: ' '\n    meaning: every space\n",
        encoding="utf-8",
    )
    assert re.search(r"data/glossary\.yml:\d+:\d+: 'term': this text is empty", report_of(data))


def test_cluster_id_used_by_the_uncrc_page_is_reported(data: Path) -> None:
    _replace(data / "uncrc" / "articles.yml", "id: general-measures", "id: coverage")
    _replace(data / "uncrc" / "articles.yml", "cluster: general-measures", "cluster: coverage", count=-1)
    assert "the id 'coverage' is used by the UNCRC page itself" in report_of(data)


def test_previous_slug_claimed_by_two_plans_is_reported(data: Path) -> None:
    for name in ("scb-business-plan-2009-10", "occ-business-plan-2012-13"):
        _replace(data / "plans" / f"{name}.yml", "\nsections:", "\nprevious_slugs:\n  - old-plan\nsections:")
    assert "'old-plan' is also a previous address in data/plans/" in report_of(data)


def test_previous_slug_listed_twice_is_reported(data: Path) -> None:
    _replace(
        data / "plans" / "scb-business-plan-2009-10.yml",
        "\nsections:",
        "\nprevious_slugs:\n  - old-plan\n  - old-plan\nsections:",
    )
    assert "'old-plan' is also a previous address in this plan's list" in report_of(data)


# --- Budgets ---------------------------------------------------------------------------------


def _read(tmp_path: Path, text: str) -> tuple[Problems, float]:
    file = tmp_path / "plan.yml"
    file.write_text(text, encoding="utf-8")
    problems = Problems()
    start = time.perf_counter()
    document = read_document(file, "data/plans/plan.yml", problems)
    if document is not None:
        validate(document, Plan, problems)
    return problems, time.perf_counter() - start


def test_many_unknown_keys_are_reported_with_a_count(tmp_path: Path) -> None:
    keys = "".join(f"unknown{i}: x\n" for i in range(5_000))
    problems, elapsed = _read(tmp_path, MINIMAL_PLAN + keys)
    report = problems.report()
    assert elapsed < BUDGET, f"{elapsed:.1f} s"
    assert "data/plans/plan.yml:13:1: unknown key 'unknown0'" in report
    assert len(report.splitlines()) == SHOWN_PER_FILE + 2
    assert "and 4,950 more problems in this file" in report
    assert report.endswith("5,000 problems found in the data: nothing was published.")


def test_locating_a_problem_does_not_rescan_the_file() -> None:
    """Each lookup is one step per level of the path: 20,000 lookups among 20,000 keys take well
    under a second (rescanning, they took minutes)."""
    keys = "".join(f"unknown{i}: x\n" for i in range(20_000))
    nodes = yaml.compose(MINIMAL_PLAN + keys, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # libyaml: faster
    document = Document("data/plans/plan.yml", None, nodes)
    start = time.perf_counter()
    lines = [document.position((f"unknown{i}",), at_key=True)[0] for i in range(20_000)]
    assert time.perf_counter() - start < 2
    assert lines == list(range(13, 20_013))


def test_a_megabyte_of_tabs_prints_a_few_lines(tmp_path: Path) -> None:
    problems, elapsed = _read(tmp_path, MINIMAL_PLAN.replace("Plain words.", "Plain" + "\t" * 900_000 + "words."))
    report = problems.report()
    assert elapsed < BUDGET
    assert len(report.splitlines()) == SHOWN_PER_FILE + 2
    assert report.endswith("900,000 problems found in the data: nothing was published.")


def test_size_is_checked_before_reading(tmp_path: Path) -> None:
    file = tmp_path / "sparse.yml"
    with open(file, "wb") as handle:  # 5 GB on paper, nothing on disk: reading it would take minutes
        handle.truncate(5_000_000_000)
    problems = Problems()
    start = time.perf_counter()
    assert read_document(file, "data/plans/sparse.yml", problems) is None
    assert time.perf_counter() - start < 1
    assert "the file is 5000.0 MB; data files must be under 1 MB" in problems.report()


# The known slow paths of Markdown parsers, each as long as a valid text may make it.
SLOW_PATHS = ["[" * 20 + "a" + "]" * 20, "[a] " * 120, "`" * 500, "*" * 250 + "a" + "_" * 249, "_a" * 500, "**a " * 250,
              "`a` " * 166, "[a](" * 30 + "b) " * 30, "\\" * 500, "< " * 300 + "1", "( " * 300, "![" * 20 + "]" * 20,
              "[" + "a" * 3000 + "](" + "b" * 3000 + ")"]  # fmt: skip


def test_a_valid_megabyte_plan_of_slow_markdown_loads_and_renders(tmp_path: Path) -> None:
    from plansite.texts.rendering import to_html

    texts = [(path + " " + "Plain words. " * 300).replace("'", "''") for path in SLOW_PATHS]
    per_block = sum(len(text) + 40 for text in texts) / len(texts)
    blocks = "".join(
        f"      - type: text\n        text: '{texts[i % len(texts)]}'\n" for i in range(int(950_000 // per_block))
    )
    plan = MINIMAL_PLAN + blocks
    assert 900_000 < len(plan.encode()) < 1_000_000
    problems, elapsed = _read(tmp_path, plan)
    assert not problems, problems.report()
    start = time.perf_counter()
    for index in range(plan.count("type: text") - 1):
        assert "<script" not in to_html(texts[index % len(texts)])
    rendered = time.perf_counter() - start
    assert elapsed + rendered < BUDGET, f"loading {elapsed:.1f} s, rendering every text {rendered:.1f} s"


# --- Messages cannot command the terminal or the CI runner -----------------------------------

COMMANDS = [
    '"::add-mask::x\\n::error file=x::injected": 1\n',
    '"\\e[2J\\e[Hcleared": 1\n',
    '"\\u202Eevil": 1\n',
]


@pytest.mark.parametrize("key", COMMANDS)
def test_keys_from_the_data_cannot_command_the_terminal_or_the_runner(tmp_path: Path, key: str, monkeypatch) -> None:
    problems, _ = _read(tmp_path, MINIMAL_PLAN + key)
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    report = problems.report()
    assert problems
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f\u202e]", report), report
    for line in report.splitlines():
        assert line.startswith(("data/plans/plan.yml:", "::error file=data/plans/plan.yml,line=")) or line.endswith(
            "nothing was published."
        ), line


def test_annotation_encodes_its_properties() -> None:
    problems = Problems()
    problems.add("data/plans/a,b:c.yml", 1, 2, "what 100%\nnext", "fix")
    annotation = problems.items[0].annotation()
    assert annotation.startswith("::error file=data/plans/a%2Cb%3Ac.yml,line=1,col=2::")
    assert "\n" not in annotation and "100%25" in annotation and "\\x0a" in annotation


# --- The fast parser reads files as the reference loader does --------------------------------


def _nodes(node, out: list) -> list:
    mark = node.start_mark
    value = node.value if isinstance(node, yaml.ScalarNode) else None
    out.append((type(node).__name__, node.tag, getattr(node, "style", None), mark.line, mark.column, value))
    if isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _nodes(item, out)
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            _nodes(key, out)
            _nodes(value, out)
    return out


@pytest.mark.parametrize("file", sorted((DATA).rglob("*.yml")), ids=lambda f: f.name)
def test_libyaml_fast_path_composes_the_same_nodes_as_the_reference_loader(file: Path) -> None:
    from plansite.read import document

    if document.CParser is None:
        pytest.skip("PyYAML without libyaml")
    text = file.read_text(encoding="utf-8")
    reference = document._Composer(text, "x", Problems()).get_single_node()
    assert _nodes(document._compose_fast(text), []) == _nodes(reference, [])


def test_a_long_value_quoted_in_a_message_is_cut_in_its_middle(tmp_path: Path) -> None:
    problems, _ = _read(tmp_path, MINIMAL_PLAN.replace("status: draft", "status: " + "x" * 50_000))
    line = problems.report().splitlines()[0]
    assert len(line) < 500
    assert (
        line.startswith("data/plans/plan.yml:5:9: 'xxx") and " … " in line and "' is not allowed for 'status'; " in line
    )


# --- Every link and date in every data file, not only in plans' texts ------------------------


@pytest.mark.parametrize(
    "address",
    [
        "javascript:alert(1)",
        "http://www.ohchr.org/",
        "https://www.ohchr.org@evil.example/",
        "https://127.0.0.1/",
        "//evil.example",
    ],
)
def test_the_conventions_source_address_is_a_web_address(data: Path, address: str) -> None:
    articles = data / "uncrc" / "articles.yml"
    text = articles.read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if line.startswith("  url: "))
    articles.write_text(text.replace(line, f"  url: '{address}'", 1), encoding="utf-8")
    assert re.search(
        r"data/uncrc/articles\.yml:\d+:\d+: 'url': this must be a web address starting with https://", report_of(data)
    )


@pytest.mark.parametrize("value", ["0", "1700000000", "2026-13-01"])
def test_an_articles_review_date_is_a_real_date(data: Path, value: str) -> None:
    _replace(data / "uncrc" / "articles.yml", "reviewed: 2026-12-06", f"reviewed: {value}")
    assert re.search(rf"data/uncrc/articles\.yml:\d+:\d+: 'reviewed': '{value}' is not a date", report_of(data))


def test_a_plans_original_document_address_is_a_web_address(data: Path) -> None:
    _replace(
        data / "plans" / "kirklees-children-in-care-pledge.yml",
        "  url: https://www.kirklees.gov.uk/",
        "  url: https://www.kirklees.gov.uk@evil.example/",
    )
    assert "data/plans/kirklees-children-in-care-pledge.yml:18:8: 'url': this must be a web address" in report_of(data)


@pytest.mark.parametrize(
    "text", ["summary: 'A \ufffe plan'\n", 'summary: "A \\uFFFE plan"\n', "summary: 'A \ufdd0 plan'\nbroken: [\n"]
)
def test_noncharacters_are_problems_not_reader_errors(tmp_path: Path, text: str) -> None:
    problems, _ = _read(
        tmp_path, MINIMAL_PLAN.replace("summary: A small plan used to test how careless files are reported.\n", text)
    )
    assert re.search(r"data/plans/plan\.yml:6:\d+: .*U\+(FFFE|FDD0)", problems.report()), problems.report()
