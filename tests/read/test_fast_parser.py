"""libyaml's parser feeds the careful composer: the same values, places and problems as PyYAML's own parser."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from plansite.errors import Problems
from plansite.read import document as load
from project import DATA, PROJECT

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted((DATA).rglob("*.yml")) + sorted((ROOT / "tests" / "fixtures").rglob("*.y*ml"))


def _marks(node: yaml.Node | None) -> list:
    """Every node's kind, value, style and place, in document order.

    Only where a node starts: that is the place problems are reported at (end marks of collections
    differ between the two parsers and are never used).
    """
    if node is None:
        return []
    out = [(type(node).__name__, node.tag, node.start_mark.line, node.start_mark.column)]
    if isinstance(node, yaml.ScalarNode):
        out.append((node.value, node.style))
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            out += _marks(item)
    else:
        for key, value in node.value:
            out += _marks(key) + _marks(value)
    return out


def read_both(path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[tuple, tuple]:
    """What read_document gives with libyaml's parser, and with PyYAML's alone."""
    results = []
    for parser in (load.CParser, None):
        with monkeypatch.context() as patch:
            patch.setattr(load, "CParser", parser)
            problems = Problems()
            document = load.read_document(path, path.name, problems)
            results.append(
                (
                    document.value if document else None,
                    _marks(document.root) if document else None,
                    [str(p) for p in problems.items],
                )
            )
    return results[0], results[1]


def test_libyaml_is_there() -> None:
    assert load.CParser is not None, "PyYAML without libyaml: builds will be several times slower"


@pytest.mark.parametrize(
    "path",
    FILES,
    ids=lambda p: p.relative_to(ROOT if p.is_relative_to(ROOT) else PROJECT).as_posix(),
)
def test_same_values_places_and_problems(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fast, careful = read_both(path, monkeypatch)
    assert fast == careful


SNIPPETS = [
    "a: &x 1\nb: *x\n",
    "a: !!python/object:os.system 1\n",
    "a: !x 1\n",
    "a: ! 1\n",
    "a: 1\na: 2\n",
    "<<: {b: 1}\n",
    "a: [1, 2\n",
    "a: 'open\nb: 2\n",
    "- a\nb: 1\n",
    "a:\n" + "".join("  " * i + "- \n" for i in range(1, 40)),
    'a: "\\q"\n',
    "a: b: c\n",
    "[1, 2]\n",
    "just text\n",
    "a: |\n  x\n  y\n",
    "a: >-\n  x\n\n  y\n",
    "? a\n: b\n",
    "{a: 1}: 2\n",
    "a: ''\nb: ~\nc:\nd: null\ne: 'null'\n",
    "a: '\ufffe'\n",
    "%YAML 1.1\n---\na: 1\n",
    "a: 1\n---\nb: 2\n",
    "a: 1\n...\n",
    "lol: &a [x, x]\nlol2: &b [*a, *a, *a]\nlol3: [*b, *b, *b]\n",
    "a: @x\n",
    "a: `x\n",
]


@pytest.mark.parametrize("text", SNIPPETS)
def test_same_for_awkward_yaml(text: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "x.yml"
    path.write_text(text, encoding="utf-8")
    fast, careful = read_both(path, monkeypatch)
    assert fast == careful


yaml_ish = st.lists(
    st.sampled_from(
        [
            "a",
            "b",
            ":",
            " ",
            "\n",
            "- ",
            "  ",
            "'",
            '"',
            "&x",
            "*x",
            "!",
            "#",
            "[",
            "]",
            "{",
            "}",
            ",",
            "|",
            ">",
            "?",
            "é",
            "1",
            "?a",
            "a?",
            "-?",
            "|-",
            ">+",
            "|2",
            "%",
            "@",
            "`",
            "\\",
            "\r\n",
            "---",
            "...",
            "<<",
            "~",
            "\ufffe",
            "%YAML 1.1\n",
        ]
    ),
    max_size=40,
).map("".join)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=yaml_ish)
def test_same_for_random_yaml(text: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "x.yml"
    path.write_text(text, encoding="utf-8")
    fast, careful = read_both(path, monkeypatch)
    assert fast == careful
