"""One safe way to edit a YAML data file: change one value or append one item, and nothing else.

An edit is a splice into the text at a place PyYAML's marks give: every byte outside it stays as
the editor typed it, whatever the style (block or flow, quoted or plain, comments, CRLF line
ends). Before anything is written the result is read back and compared with what the edit was
meant to do; when it differs, or the file has a shape this editor does not handle, the edit is
refused with a message instead.
"""

from __future__ import annotations

import copy
import datetime
import json
import os
import re
import tempfile
import unicodedata
from pathlib import Path
from typing import Any

import yaml

Path_ = tuple[str | int, ...]

UNSAFE = {"Cc", "Cf", "Cn", "Co", "Zl", "Zp"}
PLAIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._/+-]*(?: [A-Za-z0-9._/+-]+)*")


class EditRefused(Exception):
    """The edit was not made: the file is left as it was. The message says why and what to do."""


# --- Reading and writing, byte for byte -------------------------------------------------------


def read_text(file: Path) -> str:
    """The file's text with its line ends as they are (no newline translation)."""
    try:
        return Path(file).read_bytes().decode("utf-8")
    except UnicodeDecodeError as error:
        raise EditRefused(f"{file} is not UTF-8 text ({error.reason}); fix the file first") from None


def write_text(file: Path, text: str) -> None:
    """Write the whole file at once, so that a failure part way leaves the old file in place."""
    file = Path(file)
    handle, temporary = tempfile.mkstemp(dir=file.parent, prefix=f".{file.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(text.encode("utf-8"))
        os.replace(temporary, file)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


# --- Values as YAML text ---------------------------------------------------------------------


def scalar(value: Any) -> str:
    """A value as a YAML scalar that reads back as the same value, in block and flow context alike."""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, bool) or value is None:
        raise EditRefused(f"cannot write {value!r}: only texts and dates are written")
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if PLAIN.fullmatch(text) and yaml.safe_load(text) == text:
        return text
    # JSON's string syntax is YAML's double-quoted style; characters YAML would not keep as typed
    # (controls, separators, format characters, private use, non-characters) are written as escapes.
    quoted = json.dumps(text, ensure_ascii=False)
    return "".join(
        f"\\u{ord(c):04x}"
        if unicodedata.category(c) in UNSAFE and ord(c) < 0x10000
        else f"\\U{ord(c):08x}"
        if unicodedata.category(c) in UNSAFE
        else c
        for c in quoted
    )


def _flow(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{scalar(k)}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    return scalar(value)


def _block_item(value: dict, indent: int, newline: str) -> str:
    """A mapping as a block sequence item: '- key: value' then the other keys under it."""
    pad = " " * indent
    lines = [f"{pad}{'- ' if i == 0 else '  '}{scalar(k)}: {_flow(v)}" for i, (k, v) in enumerate(value.items())]
    return newline.join(lines) + newline


# --- Finding places --------------------------------------------------------------------------


def _compose(text: str) -> yaml.Node:
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        raise EditRefused(f"the file is not valid YAML, so it was not edited ({error.problem or error})") from None
    if root is None:
        raise EditRefused("the file is empty")
    return root


def _child(node: yaml.Node, part: str | int, where: Path_) -> yaml.Node | None:
    if isinstance(part, int) and isinstance(node, yaml.SequenceNode):
        return node.value[part] if 0 <= part < len(node.value) else None
    if isinstance(part, str) and isinstance(node, yaml.MappingNode):
        found = [value for key, value in node.value if isinstance(key, yaml.ScalarNode) and key.value == part]
        if len(found) > 1:
            raise EditRefused(f"the key '{part}' is there twice at {_show(where)}; remove one first")
        return found[0] if found else None
    raise EditRefused(f"{_show(where)} is not a {'list' if isinstance(part, int) else 'mapping'}; nothing was changed")


def _node(root: yaml.Node, path: Path_) -> yaml.Node | None:
    node = root
    for depth, part in enumerate(path):
        node = _child(node, part, path[:depth])
        if node is None:
            return None
    return node


def _show(path: Path_) -> str:
    return ".".join(str(p) for p in path) or "the top of the file"


def _last_leaf(node: yaml.Node) -> yaml.Node:
    """The node whose end is the end of what was typed for this value (block collections end later, after comments)."""
    while isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and not node.flow_style and node.value:
        last = node.value[-1]
        node = last[1] if isinstance(node, yaml.MappingNode) else last
    return node


def _after_line(text: str, mark: yaml.Mark) -> int:
    """Where a new line goes after a value ending at mark: the start of the next line."""
    if mark.column == 0:
        return mark.index
    end = text.find("\n", mark.index)
    return len(text) if end < 0 else end + 1


def _newline(text: str) -> str:
    return "\r\n" if "\r\n" in text else "\n"


def _closing(text: str, node: yaml.Node) -> int:
    """The index of a flow collection's closing bracket."""
    index = node.end_mark.index - 1
    if text[index] not in "]}":
        raise EditRefused("the file has a shape this tool cannot edit safely; make the change by hand")
    return index


def _insert_into_mapping(text: str, mapping: yaml.Node, key: str, value: Any, where: Path_) -> str:
    newline = _newline(text)
    if mapping.flow_style:
        close = _closing(text, mapping)
        entry = f"{scalar(key)}: {_flow(value)}"
        if not mapping.value:
            return text[:close] + entry + text[close:]
        at = mapping.value[-1][1].end_mark.index
        return text[:at] + ", " + entry + text[at:]
    if not mapping.value:
        raise EditRefused(f"{_show(where)} is empty; fill it in by hand first")
    indent = mapping.value[0][0].start_mark.column
    at = _after_line(text, _last_leaf(mapping.value[-1][1]).end_mark)
    prefix = "" if at == 0 or text[at - 1] == "\n" else newline
    pad = " " * indent
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        body = f"{pad}{scalar(key)}:{newline}" + "".join(_block_item(v, indent + 2, newline) for v in value)
    else:
        body = f"{pad}{scalar(key)}: {_flow(value)}{newline}"
    return text[:at] + prefix + body + text[at:]


def _append_to_sequence(text: str, sequence: yaml.Node, item: Any) -> str:
    if sequence.flow_style:
        close = _closing(text, sequence)
        if not sequence.value:
            return text[:close] + _flow(item) + text[close:]
        at = sequence.value[-1].end_mark.index
        return text[:at] + ", " + _flow(item) + text[at:]
    newline = _newline(text)
    indent = sequence.start_mark.column
    line_start = text.rfind("\n", 0, sequence.start_mark.index) + 1
    if text[sequence.start_mark.index] != "-" or text[line_start : sequence.start_mark.index].strip():
        raise EditRefused("the list has a shape this tool cannot edit safely; make the change by hand")
    at = _after_line(text, _last_leaf(sequence.value[-1]).end_mark)
    prefix = "" if text[at - 1] == "\n" else newline
    body = _block_item(item, indent, newline) if isinstance(item, dict) else f"{' ' * indent}- {_flow(item)}{newline}"
    return text[:at] + prefix + body + text[at:]


# --- The edits -------------------------------------------------------------------------------


def set_value(text: str, path: Path_, value: Any) -> str:
    """Set the value at path (the last part a key): replace it where it is, or add the key to its mapping."""
    root = _compose(text)
    *parent_path, key = path
    parent = _node(root, tuple(parent_path))
    if not isinstance(parent, yaml.MappingNode):
        raise EditRefused(f"there is no mapping at {_show(tuple(parent_path))} to set '{key}' in")
    current = _child(parent, key, tuple(parent_path))
    if current is None:
        edited = _insert_into_mapping(text, parent, key, value, tuple(parent_path))
    elif isinstance(current, yaml.ScalarNode) and current.style not in ("|", ">") and current.value != "":
        start, end = current.start_mark.index, current.end_mark.index
        edited = text[:start] + scalar(value) + text[end:]
    else:
        raise EditRefused(f"the value at {_show(path)} is not a one-line value; change it by hand")
    return _verified(text, edited, lambda data: _set(data, path, value))


def append_item(text: str, path: Path_, item: Any) -> str:
    """Add an item at the end of the list at path; the list is started when its key is missing."""
    root = _compose(text)
    sequence = _node(root, path)
    if sequence is None:
        *parent_path, key = path
        parent = _node(root, tuple(parent_path))
        if not isinstance(parent, yaml.MappingNode):
            raise EditRefused(f"there is no mapping at {_show(tuple(parent_path))} to add '{key}' to")
        edited = _insert_into_mapping(text, parent, key, [item], tuple(parent_path))
    elif isinstance(sequence, yaml.SequenceNode):
        edited = _append_to_sequence(text, sequence, item)
    else:
        raise EditRefused(f"'{path[-1]}' at {_show(path[:-1])} is not a list; make it a list by hand first")
    return _verified(text, edited, lambda data: _append(data, path, item))


def _set(data: Any, path: Path_, value: Any) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


def _append(data: Any, path: Path_, item: Any) -> None:
    for part in path[:-1]:
        data = data[part]
    data.setdefault(path[-1], []).append(item)


def _verified(before: str, after: str, change) -> str:
    """The edited text, once it reads back as exactly the old data with the one change made."""
    expected = copy.deepcopy(yaml.safe_load(before))
    change(expected)
    try:
        actual = yaml.safe_load(after)
    except yaml.YAMLError:
        actual = None
    if actual != expected:
        raise EditRefused(
            "the edit would not read back as intended, so the file was left as it was; make the change by hand"
        )
    return after
