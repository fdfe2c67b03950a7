"""`./run import`: a plan's Word document or PDF made a draft in data/plans/, measured against the
plan's source text, checked and built as an editor would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from importing.documents import make_document
from importing.hand_made import typed_by_hand
from importing.measures import data_copy, measure
from plansite.commands.main import main
from project import FIXTURE_DATA

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ROOT / "tests" / "fixtures" / "source-plans"
PLANS = sorted(p.stem for p in SOURCES.glob("*.txt") if (FIXTURE_DATA / "plans" / f"{p.stem}.yml").exists())


@pytest.fixture
def data(tmp_path) -> Path:
    return data_copy(tmp_path)


@pytest.mark.parametrize("suffix", [".docx", ".pdf"])
@pytest.mark.parametrize("plan", PLANS)
def test_a_plans_document_reaches_the_draft(plan, suffix, tmp_path):
    found = measure(FIXTURE_DATA / "plans" / f"{plan}.yml", SOURCES / f"{plan}.txt", tmp_path, suffix)
    print(f"{plan}{suffix}: {found.reached}/{found.sentences} sentences ({found.share:.1%}); tables {found.drafted}")
    assert found.share >= 0.95, found.missing
    assert [rows for _, rows in found.drafted] == [rows for _, rows in found.tables]


def test_the_report_and_the_draft(data, tmp_path, capsys):
    document = typed_by_hand(tmp_path / "anytown.docx")
    assert main(["import", str(document), "--organisation", "occ", "--data", str(data)]) == 0
    out = capsys.readouterr().out
    draft = data / "plans" / "occ-anytown-participation-strategy-2025-to-2028.yml"
    assert out.startswith(f"Wrote data/plans/{draft.name}: a draft (status: draft)")
    assert "'Anytown Council – Participation Strategy'" in out and "http://www.example.org/old" in out
    assert "'Priority 1: Being heard' has no young-people text" in out
    text = draft.read_text(encoding="utf-8")
    assert "status: draft" in text and "type: action_plan" in text and "type: footnotes" in text
    assert "[full survey](https://www.example.org/survey)" in text
    assert main(["check", "--data", str(data), "--preview"]) == 0


def test_an_existing_file_is_never_overwritten(data, tmp_path, capsys):
    document = typed_by_hand(tmp_path / "anytown.docx")
    target = data / "plans" / "taken.yml"
    target.write_text("old", encoding="utf-8")
    assert main(["import", str(document), "--organisation", "occ", "--data", str(data), "--slug", "taken"]) == 1
    assert "data/plans/taken.yml already exists; nothing was written" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "old"


@pytest.mark.parametrize(
    "name, content, words",
    [
        ("plan.txt", b"words", "only Word documents (.docx) and PDFs (.pdf) can be imported"),
        ("plan.doc", b"words", "save it from Word as .docx"),
        ("plan.docx", b"\xd0\xcf\x11\xe0" + b"\0" * 60, "password-protected"),
        ("plan.pdf", b"%PDF-1.4\ngarbage", "the PDF"),
        ("empty.docx", b"", "the file is empty"),
    ],
)
def test_files_that_cannot_be_imported_get_one_line_and_no_traceback(data, tmp_path, name, content, words):
    (tmp_path / name).write_bytes(content)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "plansite",
            "import",
            str(tmp_path / name),
            "--organisation",
            "occ",
            "--data",
            str(data),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT / "hooks",
    )
    assert result.returncode == 1
    assert words in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert list((data / "plans").iterdir()) == []


def test_an_unknown_organisation_is_refused_before_anything_is_read(data, tmp_path, capsys):
    document = typed_by_hand(tmp_path / "anytown.docx")
    assert main(["import", str(document), "--organisation", "nobody", "--data", str(data)]) == 1
    assert "unknown organisation 'nobody'" in capsys.readouterr().err


def test_the_draft_is_written_only_inside_data_plans(data, tmp_path, capsys):
    document = typed_by_hand(tmp_path / "anytown.docx")
    assert main(["import", str(document), "--organisation", "occ", "--data", str(data), "--slug", "../x"]) == 1
    (data / "plans").rmdir()
    (data / "plans").symlink_to(tmp_path)
    assert main(["import", str(document), "--organisation", "occ", "--data", str(data)]) == 1
    assert "is not an ordinary folder" in capsys.readouterr().err
    assert not list(tmp_path.glob("*.yml"))


@pytest.mark.build
def test_an_imported_draft_passes_the_check_and_a_strict_preview_build(project_copy, tmp_path):
    document = tmp_path / "cumberland.docx"
    make_document(FIXTURE_DATA / "plans" / "cumberland-participation-strategy-2024-27.yml", document)
    data = project_copy / "data"
    code = main(["import", str(document), "--organisation", "cumberland", "--data", str(data), "--slug", "imported"])
    assert code == 0
    assert main(["check", "--data", str(data), "--preview"]) == 0
    site = tmp_path / "site"
    env = dict(os.environ, PLANSITE_PREVIEW="1", NO_MKDOCS_2_WARNING="1")
    env.pop("GITHUB_ACTIONS", None)
    result = subprocess.run(  # the real strict build, never with -q, which would hide its warnings
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project_copy / "mkdocs.yml"), "-d", str(site)],
        capture_output=True,
        text=True,
        env=env,
        cwd=project_copy,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    page = (site / "plans" / "imported" / "index.html").read_text(encoding="utf-8")
    assert "Participation and Engagement Strategy 2024 to 2027" in page
    assert "Our promise to create opportunities for children" in page
