"""Folded text ('>' or '>-') that swallowed what the editor wrote: a list, or a paragraph break.

In a folded text YAML joins the lines with spaces, so list items run into one line, and a blank
line becomes a single line break, which Markdown does not read as a new paragraph. Written after
'|' (or '|-'), the same lines keep their breaks: lists stay lists and paragraphs stay apart.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import yaml

from ..errors import Problems

# A line that starts a list inside a paragraph, in Markdown: a bullet, or an ordered list from 1.
LIST_ITEM = re.compile(r"([-*+]|1[.)])\s+\S")


def _folded(node: yaml.Node) -> Iterator[yaml.ScalarNode]:
    if isinstance(node, yaml.ScalarNode):
        if node.style == ">":
            yield node
    elif isinstance(node, yaml.MappingNode):
        for _, value in node.value:
            yield from _folded(value)
    elif isinstance(node, yaml.SequenceNode):
        for value in node.value:
            yield from _folded(value)


def _body(lines: list[str], first: int) -> list[str]:
    """The lines of a block text starting at line `first` (0-based): those indented as deep as its first line."""
    content = next((line for line in lines[first:] if line.strip()), "")
    indent = len(content) - len(content.lstrip(" "))
    body = []
    for line in lines[first:]:
        if line.strip() and len(line) - len(line.lstrip(" ")) < indent:
            break
        body.append(line)
    return body


def folded_text_problems(root: yaml.Node, text: str, path: str, problems: Problems) -> None:
    """Each folded text whose list or paragraph break the folding would lose, at the first line where it happens."""
    lines: list[str] = []
    for node in _folded(root):
        lines = lines or text.split("\n")
        body = _body(lines, node.start_mark.line + 1)
        words = [line.strip() for line in body]
        last = max((i for i, line in enumerate(words) if line), default=-1)
        for index, line in enumerate(words[: last + 1]):
            number = node.start_mark.line + 2 + index
            column = len(body[index]) - len(body[index].lstrip(" ")) + 1
            if not line and index and words[index - 1]:
                problems.add(
                    path,
                    number,
                    1,
                    "this blank line does not start a new paragraph: the text is folded ('>' or '>-')",
                    f"write '|' instead of '>-' (or '>') on line {node.start_mark.line + 1}, so that paragraphs and "
                    "lists are kept",
                )
                break
            elif LIST_ITEM.match(line) and index and words[index - 1]:
                problems.add(
                    path,
                    number,
                    column,
                    "this list item is joined to the line above: the text is folded ('>' or '>-')",
                    f"write '|' instead of '>-' (or '>') on line {node.start_mark.line + 1}, so that the list is kept",
                )
                break
