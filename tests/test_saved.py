"""What one build saves for the next (plansite/saved.py): used only for unchanged input."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import jinja2
import pytest
from conftest import build, copy_project, read
from plansite import saved
from plansite.catalogue import load_catalogue
from plansite.errors import DataError
from project import DATA, FIXTURE_DATA

PLAN = "scb-business-plan-2009-10"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURE_DATA, tmp_path / "data")
    return tmp_path / "data"


def entries(project: Path) -> list[Path]:
    return sorted((project / saved.FOLDER / "data").glob("*/*"))


OTHER_FILES = ("organisations.yml", "glossary.yml", "uncrc/articles.yml")


def data_files(data: Path) -> int:
    """How many files a build checks: the plans and the three other files."""
    return len(list((data / "plans").glob("*.yml"))) + len(OTHER_FILES)


def nothing_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(files):
        raise AssertionError(f"checked again: {[f.name for f in files]}")

    monkeypatch.setattr("plansite.catalogue._load_batch", fail)


def test_unchanged_plans_are_taken_as_saved(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = load_catalogue(data, save=True)
    assert len(entries(data.parent)) == data_files(data)
    nothing_checked(monkeypatch)
    again = load_catalogue(data, save=True)
    assert [p.slug for p in again.plans] == [p.slug for p in first.plans]
    assert [p.plan for p in again.plans] == [p.plan for p in first.plans]
    # A saved document still finds where things were typed, for the checks across files.
    assert again.plans[0].document.position(("title",)) == first.plans[0].document.position(("title",))


def test_plans_checked_by_forks_are_saved_by_them(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("plansite.catalogue.PLANS_WORTH_SHARING", 1)
    first = load_catalogue(data, processes=2, save=True)
    assert len(entries(data.parent)) == data_files(data)
    nothing_checked(monkeypatch)
    assert [p.plan for p in load_catalogue(data, processes=2, save=True).plans] == [p.plan for p in first.plans]


def test_an_edited_plan_is_checked_again_and_its_old_result_deleted(data: Path) -> None:
    load_catalogue(data, save=True)
    before = entries(data.parent)
    plan = data / "plans" / f"{PLAN}.yml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("title: ", "title: Edited ", 1), encoding="utf-8")
    catalogue = load_catalogue(data, save=True)
    assert catalogue.plan(PLAN).plan.title.startswith("Edited ")
    after = entries(data.parent)
    assert len(after) == len(before) and len(set(after) - set(before)) == 1


def test_a_plan_with_problems_is_never_saved_and_reported_every_time(data: Path) -> None:
    load_catalogue(data, save=True)
    plan = data / "plans" / f"{PLAN}.yml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("title:", "titel:", 1), encoding="utf-8")
    reports = []
    for _ in range(2):
        with pytest.raises(DataError) as raised:
            load_catalogue(data, save=True)
        reports.append(raised.value.problems.report())
    with pytest.raises(DataError) as unsaved:
        load_catalogue(data)
    assert reports[0] == reports[1] == unsaved.value.problems.report()
    assert f"data/plans/{PLAN}.yml:" in reports[0] and "titel" in reports[0]
    assert len(entries(data.parent)) == data_files(data) - 1


def test_the_other_data_files_are_taken_as_saved_with_their_reading_grades(
    data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = load_catalogue(data, save=True)

    def fail(file, *args):
        raise AssertionError(f"read again: {file}")

    monkeypatch.setattr("plansite.catalogue.read_file", fail)
    monkeypatch.setattr("plansite.check.reading.measure", lambda blocks: fail("a young-people text"))
    nothing_checked(monkeypatch)
    again = load_catalogue(data, save=True)
    assert again.organisations == first.organisations and again.glossary == first.glossary
    assert again.convention == first.convention


@pytest.mark.parametrize("relative", OTHER_FILES)
def test_an_edited_data_file_is_read_and_checked_again(data: Path, relative: str) -> None:
    load_catalogue(data, save=True)
    file = data / relative
    text = file.read_text(encoding="utf-8")
    file.write_text(text + "\nunknown_key: 1\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(DataError) as raised:
            load_catalogue(data, save=True)
        assert f"data/{relative}:" in raised.value.problems.report() and "unknown_key" in raised.value.problems.report()
    file.write_text(text, encoding="utf-8")
    load_catalogue(data, save=True)
    assert len(entries(data.parent)) == data_files(data)


def test_young_people_texts_too_hard_are_reported_every_time(data: Path) -> None:
    """Each file's grades are saved with it; the limit on the median page is checked on every build."""
    articles = data / "uncrc" / "articles.yml"
    load_catalogue(data, save=True)
    hard = (
        "Notwithstanding institutional considerations, multidisciplinary accountability necessitates "
        "interorganisational collaboration."
    )
    text = articles.read_text(encoding="utf-8")
    articles.write_text(re.sub(r"(?m)^(      summary: >-\n)", rf"\g<1>        {hard}\n", text), encoding="utf-8")
    for _ in range(2):
        with pytest.raises(DataError) as raised:
            load_catalogue(data, save=True)
        assert "the median young-people page must read at grade 5 or below" in raised.value.problems.report()
    assert len(entries(data.parent)) == data_files(data)  # the articles' file was saved: its own checks passed


def test_a_damaged_saved_result_is_checked_again(data: Path) -> None:
    first = load_catalogue(data, save=True)
    for entry in entries(data.parent):
        entry.write_bytes(entry.read_bytes()[:100])
    again = load_catalogue(data, save=True)
    assert [p.plan for p in again.plans] == [p.plan for p in first.plans]


def test_other_code_checks_everything_again(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    load_catalogue(data, save=True)
    old = {entry.parent.name for entry in entries(data.parent)}
    monkeypatch.setattr("plansite.catalogue.SavedFiles", _SavedByOtherCode)
    checked = []
    real = __import__("plansite.catalogue", fromlist=["_load_batch"])._load_batch
    monkeypatch.setattr("plansite.catalogue._load_batch", lambda files: checked.extend(files) or real(files))
    load_catalogue(data, save=True)
    assert len(checked) == len(list((data / "plans").glob("*.yml")))
    assert {entry.parent.name for entry in entries(data.parent)} == {"other-code"} != old


class _SavedByOtherCode(saved.SavedFiles):
    def __init__(self, project: Path) -> None:
        super().__init__(project)
        self.fingerprint = "other-code"
        self.folder = self.root / self.fingerprint


def test_the_fingerprint_follows_the_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "plansite"
    package.mkdir()
    (package / "check.py").write_text("LIMIT = 5\n", encoding="utf-8")
    monkeypatch.setattr(saved, "PACKAGE", package)
    first = saved.code_fingerprint()
    (package / "check.py").write_text("LIMIT = 6\n", encoding="utf-8")
    assert saved.code_fingerprint() != first


def test_compiled_templates_follow_their_source(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "page.html").write_text("one {{ x }}", encoding="utf-8")

    def render() -> str:
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(templates))
        env.bytecode_cache = saved.compiled_templates(tmp_path, "test")
        return env.get_template("page.html").render(x=1)

    assert render() == "one 1"
    assert list((tmp_path / saved.FOLDER / "templates").glob("test-*/*"))
    assert render() == "one 1"
    (templates / "page.html").write_text("two {{ x }}", encoding="utf-8")
    assert render() == "two 1"


def test_a_build_from_saved_work_publishes_the_same_site(tmp_path: Path) -> None:
    (tmp_path / "project").mkdir()
    project = copy_project(tmp_path / "project")
    plan = project / "data" / "plans" / f"{PLAN}.yml"
    assert build(tmp_path / "first", project / "mkdocs.yml").returncode == 0
    assert entries(project) and list((project / saved.FOLDER / "templates").glob("*/*"))
    plan.write_text(plan.read_text(encoding="utf-8").replace("title: ", "title: Edited ", 1), encoding="utf-8")
    result = build(tmp_path / "saved", project / "mkdocs.yml")
    assert result.returncode == 0, result.stderr
    assert "<h1>Edited " in read(tmp_path / "saved", f"plans/{PLAN}")
    shutil.rmtree(project / ".cache")
    assert build(tmp_path / "fresh", project / "mkdocs.yml").returncode == 0
    files = sorted(
        p.relative_to(tmp_path / "fresh")
        for p in (tmp_path / "fresh").rglob("*")
        if p.is_file() and "pagefind" not in p.parts
    )
    assert files == sorted(
        p.relative_to(tmp_path / "saved")
        for p in (tmp_path / "saved").rglob("*")
        if p.is_file() and "pagefind" not in p.parts
    )
    different = [f for f in files if (tmp_path / "fresh" / f).read_bytes() != (tmp_path / "saved" / f).read_bytes()]
    assert not different


def test_the_plan_schema_is_made_once_for_each_version_of_the_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from plansite.outputs import schema, write_all

    catalogue = load_catalogue(DATA)
    made = []
    real = schema.plan_schema
    monkeypatch.setattr(schema, "plan_schema", lambda url: made.append(url) or real(url))
    schema.schema_file.cache_clear()
    first = write_all(catalogue, "https://example.org/", tmp_path / "one", saved.SavedOutputs(tmp_path))
    schema.schema_file.cache_clear()
    again = write_all(catalogue, "https://example.org/", tmp_path / "two", saved.SavedOutputs(tmp_path))
    assert made == ["https://example.org/"] and first == again
    written = [(tmp_path / "one" / path).read_bytes() for path in first]
    assert written == [(tmp_path / "two" / path).read_bytes() for path in again]
    schema.schema_file.cache_clear()
    write_all(catalogue, "https://other.example.org/", tmp_path / "three", saved.SavedOutputs(tmp_path))
    assert made == ["https://example.org/", "https://other.example.org/"]  # the schema names the site
    other_code = saved.SavedOutputs(tmp_path)
    other_code.fingerprint = "other-code"
    schema.schema_file.cache_clear()
    write_all(catalogue, "https://example.org/", tmp_path / "four", other_code)
    assert len(made) == 3
    assert [entry.name for entry in (tmp_path / saved.FOLDER / "outputs").iterdir()] == ["other-code"]
    schema.schema_file.cache_clear()


def test_the_package_is_compiled_once_for_each_version_of_its_code(tmp_path: Path) -> None:
    (tmp_path / "project").mkdir()
    project = copy_project(tmp_path / "project")
    assert build(tmp_path / "first", project / "mkdocs.yml").returncode == 0
    code = project / saved.FOLDER / "python"
    first = {entry.name for entry in code.iterdir()}
    assert {"plansite.catalogue", "plansite.site.markup", "plansite.outputs"} <= {
        name.rsplit("-", 1)[0] for name in first
    }
    for entry in code.iterdir():
        if entry.name.startswith("plansite.site.pages-"):
            entry.write_bytes(b"not code")  # damaged: compiled again
    markup = project / "hooks" / "plansite" / "site" / "markup.py"
    markup.write_text(
        markup.read_text(encoding="utf-8").replace(">Skip to content<", ">Skip to the content<"), encoding="utf-8"
    )
    result = build(tmp_path / "second", project / "mkdocs.yml")
    assert result.returncode == 0, result.stderr
    assert "Skip to the content" in read(tmp_path / "second", "")  # the edited module, not its old code
    second = {entry.name for entry in code.iterdir()}
    changed = {name.rsplit("-", 1)[0] for name in first ^ second}
    assert changed == {"plansite.site.markup"}  # its old code deleted, the others kept
    assert all(entry.read_bytes() != b"not code" for entry in code.iterdir())  # the damaged one saved again
