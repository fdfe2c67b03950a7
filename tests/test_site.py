"""The MkDocs side: generated pages' links and anchors checked by the strict build, a quiet log, code reloads."""

from __future__ import annotations

from pathlib import Path

from project import build

PLAN = "data/plans/occ-business-plan-2012-13.yml"


def _link_page(project: Path, target: str) -> None:
    (project / "content" / "links.md").write_text(f"# Links\n\n[A part of a plan]({target})\n", encoding="utf-8")


def test_a_hand_written_link_to_an_anchor_on_a_generated_page_is_accepted(project_copy: Path, tmp_path: Path) -> None:
    _link_page(project_copy, "plans/occ-business-plan-2012-13.md#foreword")
    result = build(tmp_path / "site", project_copy / "mkdocs.yml")
    assert result.returncode == 0, result.stderr


def test_a_hand_written_link_to_a_missing_anchor_on_a_generated_page_fails(project_copy: Path, tmp_path: Path) -> None:
    _link_page(project_copy, "plans/occ-business-plan-2012-13.md#no-such-part")
    result = build(tmp_path / "site", project_copy / "mkdocs.yml")
    assert result.returncode != 0
    assert "does not contain an anchor '#no-such-part'" in result.stderr


def _link_in_plan(project: Path, link: str) -> None:
    plan = project / PLAN
    text = plan.read_text(encoding="utf-8")
    # The summary is a block of text: the link goes at the end of its first line.
    first_line = text.index("\n", text.index("\nsummary: ") + 1) + 1
    line_end = text.index("\n", first_line)
    plan.write_text(text[:line_end] + f" See [this part]({link})." + text[line_end:], encoding="utf-8")


def test_a_generated_page_linking_to_a_missing_anchor_fails_the_strict_build(
    project_copy: Path, tmp_path: Path
) -> None:
    _link_in_plan(project_copy, "/uncrc/article-3/#no-such-anchor")
    result = build(tmp_path / "site", project_copy / "mkdocs.yml")
    assert result.returncode != 0
    assert "does not contain an anchor '#no-such-anchor'" in result.stderr


def test_a_generated_page_linking_to_a_missing_page_fails_the_strict_build(project_copy: Path, tmp_path: Path) -> None:
    _link_in_plan(project_copy, "/plans/no-such-plan/")
    result = build(tmp_path / "site", project_copy / "mkdocs.yml")
    assert result.returncode != 0
    # The data check finds it first, at the text's place in the YAML.
    assert f"{PLAN}:" in result.stderr
    assert "the link '/plans/no-such-plan/' goes to a page this site does not have" in result.stderr


def test_a_generated_page_linking_to_a_real_anchor_builds(project_copy: Path, tmp_path: Path) -> None:
    _link_in_plan(project_copy, "/uncrc/article-3/#in-the-plans")
    result = build(tmp_path / "site", project_copy / "mkdocs.yml")
    assert result.returncode == 0, result.stderr


def test_a_strict_build_prints_only_what_matters(tmp_path: Path) -> None:
    result = build(tmp_path / "site")
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) <= 8, "\n".join(lines)
    assert not any("uncrc/article-" in line or "young-people/plans/" in line for line in lines), "\n".join(lines)
