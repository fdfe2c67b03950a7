"""Templates call filters only: no Python object's methods, so that another template engine could draw them.

A call in a template may be a filter or test (`value | money`), a macro of the template itself or of
one it imports (`shown.render(block)`, `lang.t("nav")`), `caller()` or a function the site hands every
template; never a method of a value (`update.date.isoformat()`, `row.extra.get(key)`, `.items()`).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from jinja2 import Environment, nodes

THEME = Path(__file__).resolve().parents[2] / "theme"
TEMPLATES = sorted(THEME.rglob("*.html"))
IMPORTED_BY_MATERIAL = {"lang"}
"""Templates Material's base.html imports for every page (its words in the page's language)."""


def method_calls(source: str) -> list[str]:
    """The calls of a template that are a value's methods, as `name.method`."""
    tree = Environment(extensions=["jinja2.ext.do", "jinja2.ext.loopcontrols"]).parse(source)
    imported = IMPORTED_BY_MATERIAL | {node.target for node in tree.find_all(nodes.Import)}
    found = []
    for call in tree.find_all(nodes.Call):
        if not isinstance(call.node, nodes.Getattr):
            continue
        owner = call.node.node
        if isinstance(owner, nodes.Name) and owner.name in imported:
            continue  # a macro of an imported template
        where = owner.name if isinstance(owner, nodes.Name) else type(owner).__name__
        found.append(f"line {call.lineno}: {where}.{call.node.attr}()")
    return found


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda path: path.relative_to(THEME).as_posix())
def test_a_template_calls_no_method_of_a_value(template):
    assert method_calls(template.read_text(encoding="utf-8")) == []


def test_the_check_finds_a_method_call_and_lets_a_macro_through():
    source = (
        '{% import "partials/x.html" as shown %}{{ shown.render(block) }}{{ update.date.isoformat() }}'
        "{% for key, label in block.columns.items() %}{% endfor %}{{ block | money }}"
    )
    assert method_calls(source) == ["line 1: Getattr.isoformat()", "line 1: Getattr.items()"]
