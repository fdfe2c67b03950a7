"""The form editor's reading and writing of files (content/admin/plan-yaml.mjs) and its review
fingerprints (fingerprint.mjs), run with Node.js and the same yaml library the browser loads.

What the editor writes, the strict loader accepts: every real data file and every component example,
opened and saved without changes, is the same text; written anew, it is the same model; an edit
changes only the edited value; and each young-people fingerprint is the one Python computes.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from plansite import model as m
from plansite.errors import Problems
from plansite.model.walk import fingerprint, walk
from plansite.read import read_document, validate
from project import DATA

ROOT = Path(__file__).resolve().parents[2]
DRIVER = ROOT / "tests" / "admin" / "form_files.mjs"
YAML_LIBRARY = ROOT / "hooks" / "admin" / "node_modules" / "yaml"

sys.path.insert(0, str(ROOT / "tests"))
from component_examples import examples_plan, read_examples  # noqa: E402

pytestmark = pytest.mark.skipif(not YAML_LIBRARY.is_dir(), reason="npm --prefix hooks/admin ci has not been run")


def run_editor(texts: list[str], edits: list[list] | None = None) -> list[dict]:
    files = [{"text": text, "edits": (edits or [[]] * len(texts))[i]} for i, text in enumerate(texts)]
    payload = json.dumps({"config": str(ROOT / "content" / "admin" / "config.yml"), "files": files})
    done = subprocess.run(["node", str(DRIVER)], input=payload, capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def loaded(text: str, model, tmp_path: Path, name: str = "plan.yml"):
    file = tmp_path / name
    file.write_text(text, encoding="utf-8")
    problems = Problems()
    document = read_document(file, name, problems)
    value = validate(document, model, problems) if document else None
    assert value is not None, problems.report()
    return value


def data_files() -> list[tuple[Path, type]]:
    files = [(file, m.Plan) for file in sorted((DATA / "plans").glob("*.yml"))]
    return files + [
        (DATA / "organisations.yml", m.Organisations),
        (DATA / "glossary.yml", m.Glossary),
        (DATA / "uncrc" / "articles.yml", m.Convention),
    ]


def examples_text() -> str:
    """Every component example, hostile ones too, as the sections of one plan."""
    problems = Problems()
    examples = read_examples(problems)
    assert not problems.items, problems.report()
    return examples_plan(examples)


def example_edits(text: str) -> list[list]:
    """Three edits of the examples plan: its status, and a section's young-people text and fingerprint."""
    plan = yaml.safe_load(text)
    section = next(i for i, s in enumerate(plan["sections"]) if s.get("young_people"))
    return [
        [["status"], "draft"],
        [["sections", section, "young_people", "text"], "A new text.\n\nIt has two paragraphs."],
        [["sections", section, "young_people", "matches"], "0a1b2c3d"],
    ]


@pytest.fixture(scope="module")
def examples() -> str:
    return examples_text()


@pytest.fixture(scope="module")
def editor(examples: str) -> dict[str, dict]:
    """The editor's result for each text, from one Node.js run over every data file and the examples plan
    (edited as example_edits says: the edits change a copy, so its other results are of the plan as read)."""
    texts = [file.read_text(encoding="utf-8") for file, _ in data_files()] + [examples]
    edits = [[] for _ in data_files()] + [example_edits(examples)]
    return dict(zip(texts, run_editor(texts, edits)))


def test_each_file_opened_and_saved_unchanged_is_the_same_text_and_written_anew_the_same_model(
    tmp_path, editor, examples
):
    files = data_files()
    texts = [file.read_text(encoding="utf-8") for file, _ in files] + [examples]
    models = [model for _, model in files] + [m.Plan]
    for text, model in zip(texts, models):
        result = editor[text]
        assert result["unchanged"] == text
        assert loaded(result["fresh"], model, tmp_path) == loaded(text, model, tmp_path)


def test_an_edit_changes_only_the_edited_values(tmp_path, editor, examples):
    text = examples
    plan = yaml.safe_load(text)
    section = next(i for i, s in enumerate(plan["sections"]) if s.get("young_people"))
    result = editor[text]
    before, after = yaml.safe_load(text), yaml.safe_load(result["edited"])
    assert after["sections"][section]["young_people"]["text"] == "A new text.\n\nIt has two paragraphs."
    assert after["sections"][section]["young_people"]["matches"] == "0a1b2c3d" and after["status"] == "draft"
    before["status"] = "draft"
    before["sections"][section]["young_people"].update(after["sections"][section]["young_people"])
    assert after == before
    changed = [line for line in zip(text.splitlines(), result["edited"].splitlines()) if line[0] != line[1]]
    assert len(result["edited"].splitlines()) - len(text.splitlines()) <= 4 and changed
    loaded(result["edited"], m.Plan, tmp_path)


def test_the_browser_fingerprints_are_pythons(tmp_path, editor, examples):
    texts = [file.read_text(encoding="utf-8") for file, model in data_files() if model is m.Plan] + [examples]
    compared = 0
    for text in texts:
        result = editor[text]
        plan = loaded(text, m.Plan, tmp_path)
        python = {
            tuple(path): fingerprint(obj)
            for obj, path in walk(plan)
            if isinstance(obj, (m.Cited, m.Section)) and obj.young_people is not None
        }
        browser = {tuple(path): value for path, value, _ in result["fingerprints"]}
        assert browser == python
        compared += len(python)
    assert compared > 10
