"""Reading YAML the careful way: every value kept exactly as typed, every problem found with its line.

PyYAML on its own keeps the last of two duplicate keys, turns `no` into False, `012` into 10 and
`1:20` into 80, follows aliases into billion-laughs bombs and builds Python objects from tags.
Here the file is checked as text first, then composed into nodes (no tags, no aliases, bounded
depth) and turned into plain dicts, lists and strings; the schema decides what becomes a number.
"""

from __future__ import annotations

import functools
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.resolver import Resolver

try:
    from yaml._yaml import CParser
except ImportError:  # PyYAML built without libyaml: the pure-Python loader does it all
    CParser = None

from ..errors import Problems
from ..model import FIELD_NAMES
from .characters import character_problems, refused_character
from .files import read_limited
from .folded import folded_text_problems

MAX_BYTES = 1_000_000
"""The most a plan file (or the glossary, or the Convention) may hold; the largest plan transcribed is 55 KB."""
MAX_ORGANISATIONS_BYTES = 20_000_000
"""The most organisations.yml may hold: it grows with the site, by about 800 bytes an organisation, so
20 MB is room for some 25,000 organisations."""
MAX_DEPTH = 30


def size_limit(display_path: str) -> tuple[int, str]:
    """The most a data file may hold, and how to bring a file over it back under."""
    if display_path == "data/organisations.yml":
        return MAX_ORGANISATIONS_BYTES, "remove pasted content from the organisations' texts"
    return MAX_BYTES, "remove pasted content or split the plan"


@dataclass
class Document:
    """A parsed YAML file: plain values, and the node tree that knows where each one was typed."""

    path: str
    value: Any
    root: yaml.Node | None
    text: str = ""
    _index: dict[int, dict] = field(default_factory=dict, repr=False, compare=False)

    @functools.cached_property
    def lines(self) -> list[str]:
        return self.text.split("\n")

    def let_go_of_nodes(self) -> None:
        """Free the node tree and the plain values (most of a document's memory) once the file is
        validated and its own checks are done; position() composes the tree again from the text if
        a later check needs a place."""
        self.root = self.value = None
        self._index.clear()
        self.__dict__.pop("lines", None)

    def find(self, snippet: str, line: int, column: int) -> tuple[int, int]:
        """Where a snippet of a text value was typed, searching from the value's own place.

        A long text spans many lines: a problem inside it is reported on its own line.
        """
        for number in range(line, min(line + 400, len(self.lines)) + 1):
            start = column - 1 if number == line else 0
            found = self.lines[number - 1].find(snippet, start)
            if found >= 0:
                return number, found + 1
        return line, column

    def position(self, loc: tuple, at_key: bool = False) -> tuple[int, int]:
        """Line and column (1-based) of the value at a path such as ('sections', 0, 'title').

        Path parts that the tree does not have (a missing key, a union tag) are skipped, so the
        answer is the nearest place that exists. With at_key, a key's own place, not its value's.
        """
        if self.root is None:
            self.root = _compose_fast(self.text) or _Composer(self.text, self.path, Problems()).get_single_node()
        _, mark = self._find(self.root, self.root.start_mark, tuple(loc), at_key)
        return mark.line + 1, mark.column + 1

    def _keys(self, node: yaml.MappingNode) -> dict[str, tuple[yaml.Node, yaml.Node]]:
        """A mapping's first entry for each key, built once, so locating many problems stays linear."""
        index = self._index.get(id(node))
        if index is None:
            index = {}
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    index.setdefault(key.value, (key, value))
            self._index[id(node)] = index
        return index

    def _find(self, node: yaml.Node, mark, loc: tuple, at_key: bool) -> tuple[int, yaml.Mark]:
        """The deepest node a path reaches, and how many parts it used.

        A part may be a key or index, or a union tag pydantic adds (which can share its name with
        a key, as block type 'text' does with the key 'text'); both readings are tried.
        """
        if not loc:
            return 0, mark
        part, rest = loc[0], loc[1:]
        best: tuple[int, yaml.Mark] = (0, mark)
        child = None
        if isinstance(node, yaml.MappingNode):
            entry = self._keys(node).get(part) if isinstance(part, str) else None
            if entry is not None:
                key, value = entry
                child = (value, key.start_mark if at_key and not rest else value.start_mark)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
            child = (node.value[part], node.value[part].start_mark)
        if child is not None:
            used, found = self._find(child[0], child[1], rest, at_key)
            best = (used + 1, found)
            if best[0] == len(loc):
                return best
        skipped = self._find(node, mark, rest, at_key)
        return skipped if skipped[0] > best[0] else best


class _Refusing:
    """Composing nodes while refusing tags, anchors, aliases and deep nesting (a mixin for either parser)."""

    path: str
    problems: Problems
    depth: int

    def _refuse(self, event: yaml.Event, message: str, hint: str) -> None:
        mark = event.start_mark
        self.problems.add(self.path, mark.line + 1, mark.column + 1, message, hint)

    def compose_node(self, parent, index):  # noqa: ANN001 - PyYAML's signature
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            self.get_event()
            self._refuse(event, f"aliases ('*{event.anchor}') are not allowed", "write the value out in full")
            return yaml.ScalarNode("tag:yaml.org,2002:null", "", event.start_mark, event.end_mark)
        if getattr(event, "anchor", None):
            self._refuse(event, f"anchors ('&{event.anchor}') are not allowed", "remove the '&' name")
        if getattr(event, "tag", None) not in (None, "!"):
            self._refuse(event, f"YAML tags ('{event.tag}') are not allowed", "remove the tag; write plain text")
        elif getattr(event, "tag", None) == "!":
            self._refuse(event, "YAML tags ('!') are not allowed", "remove the '!'")
        self.depth += 1
        if self.depth > MAX_DEPTH:
            self.depth -= 1
            mark = event.start_mark
            raise yaml.MarkedYAMLError(
                problem=f"the data is nested more than {MAX_DEPTH} levels deep", problem_mark=mark
            )
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


class _Composer(_Refusing, yaml.SafeLoader):
    """The pure-Python loader: slower, and the one whose error messages the hints are written for."""

    def __init__(self, stream: str, path: str, problems: Problems):
        super().__init__(stream)
        self.path, self.problems, self.depth = path, problems, 0


if CParser is not None:

    class _FastComposer(CParser, Resolver):
        """libyaml's parser and composer, both in C: several times faster on big files.

        It refuses nothing itself: files with anchors, aliases or tags never reach it (see
        _compose_fast), and the depth is measured on the nodes it makes.
        """

        def __init__(self, stream: str):
            CParser.__init__(self, stream)
            Resolver.__init__(self)


# Where libyaml and PyYAML differ (found by comparing them on random YAML): tags, '?' keys, a
# comment glued to a '|' or '>' header, '?' inside [ ] or { }. Files with these go to PyYAML alone.
_LIBYAML_DIFFERS = re.compile(r"(?:^|[\s\[{,:])[!?]|[|>][-+0-9]*#", re.M)
_FLOW = re.compile(r"(?:^|:[ ]|-[ ])[ ]*[\[{]", re.M)


def _libyaml_differs(text: str) -> bool:
    """Whether the file has a construct that libyaml reads differently from PyYAML."""
    if _LIBYAML_DIFFERS.search(text):
        return True
    if "?" not in text:
        return False
    for flow in _FLOW.finditer(text):
        depth = 0
        for char in text[flow.end() - 1 :]:
            if char in "?'\"":  # a quote could hide a bracket: let PyYAML read it
                return True
            depth += (char in "[{") - (char in "]}")
            if depth == 0:
                break
    return False


# An anchor ('&name' where a value starts): a file with one goes to the careful composer, which
# refuses it. (An alias needs an anchor: without one, libyaml stops at it.)
_ANCHOR = re.compile(r"(?:^|[\s\[{,])&[^\s\[\]{},]", re.M)


def _compose_fast(text: str) -> yaml.Node | None:
    """The node tree from libyaml (in C) when the file is clean, else None.

    On any YAML error, and for anything the careful composer refuses (tags, anchors, aliases,
    deep nesting), the pure-Python loader reads the file again, so messages and their places stay
    exactly those the hints were written for; only clean files take the fast path.
    """
    if CParser is None or _libyaml_differs(text) or _ANCHOR.search(text):
        return None
    loader = _FastComposer(text)
    try:
        root = loader.get_single_node()
    except (yaml.YAMLError, RecursionError):
        return None
    finally:
        loader.dispose()
    if not isinstance(root, yaml.MappingNode) or not _settled_nodes(root):
        return None
    return root


def _settled_nodes(root: yaml.Node) -> bool:
    """Give the nodes PyYAML's plain style (None, where libyaml says ''); False when the tree is
    deeper than MAX_DEPTH or a node comes twice (an alias), which the careful composer reports."""
    seen: set[int] = set()
    stack = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH or id(node) in seen:
            return False
        seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            node.style = node.style or None
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, depth + 1) for item in node.value)
        else:
            stack.extend((part, depth + 1) for pair in node.value for part in pair)
    return True


YAML_HINTS = {
    "found unexpected end of stream": "a quote was opened and never closed; add the closing quote",
    "found unknown escape character": (
        "inside double quotes a backslash starts an escape; use single quotes or remove the backslash"
    ),
    "mapping values are not allowed here": "a colon followed by a space starts a key; put the whole text in quotes",
    "could not find expected ':'": "a key is missing its colon, or a text needs quotes",
    "expected <block end>, but found": "the indentation is off; line the key up with the others at its level",
    "found character '\\t' that cannot start any token": "replace the tab with spaces",
    "expected a single document": "a file holds one plan; remove the extra '---' line and what follows",
    "nested more than": "plan files are never this deep; check the indentation",
}


def _over_indented_key(lines: list[str], number: int) -> tuple[str, int, int] | None:
    """A 'key:' on line `number` (0-based) indented deeper than the line above: (key, its column, the
    column it belongs at).

    YAML then reads the key as more words of the value above it, and stops at its colon with
    "mapping values are not allowed here", which reads as if the text needed quotes.
    """
    found = re.match(r"( *)([A-Za-z_][\w-]*):(?: |$)", lines[number]) if number < len(lines) else None
    above = next(
        (line for line in reversed(lines[:number]) if line.strip() and not line.lstrip().startswith("#")), None
    )
    if not found or above is None:
        return None
    indent = len(above) - len(above.lstrip(" "))
    expected = indent + 2 if above.lstrip().startswith("- ") else indent
    if len(found.group(1)) <= expected:
        return None
    return found.group(2), len(found.group(1)) + 1, expected + 1


def _yaml_problem(error: yaml.YAMLError, path: str, problems: Problems, lines: list[str]) -> None:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    context = getattr(error, "context", None) or ""
    if context.startswith(("while scanning", "while parsing a flow")) and error.context_mark:
        # A quote, bracket or key was opened there and never finished: that is the line to fix,
        # not the place (often the end of the file) where the parser gave up.
        mark = error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    message = " ".join(filter(None, [getattr(error, "context", None), getattr(error, "problem", None)])) or str(error)
    hint = next(
        (h for key, h in YAML_HINTS.items() if key in message), "check the YAML syntax on this line and the line before"
    )
    over = _over_indented_key(lines, line - 1) if "mapping values are not allowed here" in message else None
    if over:
        key, column, belongs = over
        hint = (
            f"line '{key}:' up with the key above it (column {belongs}): it is indented {column - belongs} spaces more"
        )
        if key not in FIELD_NAMES:
            hint += "; or, if this line is more of the text above, put that whole text in quotes or under '|'"
        problems.add(
            path,
            line,
            column,
            f"YAML syntax: '{key}' is indented more than the key above it, so it is read as part of that line",
            hint,
        )
        return
    problems.add(path, line, column, f"YAML syntax: {message}", hint)


def _runaway_quote(text: str) -> yaml.Mark | None:
    """Where a quote was left open and ran on into the lines below, if one did.

    PyYAML lets a quoted text go on over lines that are not indented under its key, so a missing
    closing quote swallows the next keys up to the next quote, and the error it finally reports
    is lines later and about indentation.
    """
    lines, indent = text.split("\n"), 0
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if isinstance(token, (yaml.KeyToken, yaml.BlockEntryToken)):
                indent = token.start_mark.column
            elif isinstance(token, yaml.ScalarToken) and token.style in ("'", '"'):
                below = lines[token.start_mark.line + 1 : token.end_mark.line + 1]
                if any(line.strip() and len(line) - len(line.lstrip(" ")) <= indent for line in below):
                    return token.start_mark
    except yaml.YAMLError:
        pass
    return None


def _decoded_text(node: yaml.ScalarNode, path: str, problems: Problems) -> str:
    """A scalar's text as YAML decoded it; a character it may not hold is reported and replaced.

    Escapes in double quotes ("\\u202E", "\\x00", "\\udfff") are decoded by now, so this sees what
    the scan of the file as typed cannot. The replacement keeps a lone surrogate from any encoder.
    """
    value = node.value
    found = refused_character(value)
    if found is None:
        return value
    index, name = found
    line = node.start_mark.line + 1 + (value.count("\n", 0, index) if node.style in ("|", ">") else 0)
    problems.add(
        path,
        line,
        node.start_mark.column + 1,
        f"invisible or control character {name} in this text",
        "it cannot be published; it may be written as an escape such as \\u202E or \\x00 in double quotes: delete it",
    )
    return "".join("\ufffd" if refused_character(char) else char for char in value)


def _to_value(node: yaml.Node, path: str, problems: Problems) -> Any:
    """Plain Python values from nodes: every scalar a string (or None when empty), duplicate keys refused."""
    if isinstance(node, yaml.ScalarNode):
        if node.style is None and node.value in ("", "~", "null", "Null", "NULL"):
            return None
        return _decoded_text(node, path, problems)
    if isinstance(node, yaml.SequenceNode):
        return [_to_value(item, path, problems) for item in node.value]
    result: dict[str, Any] = {}
    first_line: dict[str, int] = {}
    for key_node, value_node in node.value:
        line, column = key_node.start_mark.line + 1, key_node.start_mark.column + 1
        if not isinstance(key_node, yaml.ScalarNode):
            problems.add(path, line, column, "a key must be plain text", "write the key as a single word")
            continue
        key = _decoded_text(key_node, path, problems)
        if key == "<<":
            problems.add(path, line, column, "merge keys ('<<') are not allowed", "write the values out in full")
            continue
        if key in result:
            problems.add(
                path,
                line,
                column,
                f"duplicate key '{key}' (also on line {first_line[key]})",
                "a key may appear once at each level; delete one of them or merge them",
            )
            continue
        first_line[key] = line
        result[key] = _to_value(value_node, path, problems)
    return result


def read_document(file: Path, display_path: str, problems: Problems) -> Document | None:
    """Read one YAML file; problems go to the collector and None comes back if it cannot be read."""
    raw = read_bytes(file, display_path, problems)
    return None if raw is None else parse_document(raw, display_path, problems)


def read_bytes(file: Path, display_path: str, problems: Problems) -> bytes | None:
    """The bytes of an ordinary file under the size limit, read once; None, with a problem, for any other."""
    info = os.stat(file)
    if not stat.S_ISREG(info.st_mode):
        problems.add(
            display_path,
            1,
            1,
            "this is not an ordinary file (it is a folder, a device or a pipe)",
            "replace it with an ordinary text file saved as UTF-8",
        )
        return None
    # The size is known before reading, and no more than the limit is ever read.
    limit, fix = size_limit(display_path)
    raw = b"" if info.st_size > limit else read_limited(file, limit)
    if info.st_size > limit or len(raw) > limit:
        size = max(info.st_size, len(raw))
        kind = "this file" if limit != MAX_BYTES else "data files"
        problems.add(
            display_path,
            1,
            1,
            f"the file is {'over ' if size == len(raw) else ''}{size / 1_000_000:.1f} MB; {kind} must be under "
            f"{limit // 1_000_000} MB",
            fix,
        )
        return None
    return raw


def parse_document(raw: bytes, display_path: str, problems: Problems) -> Document | None:
    """A data file's bytes as a YAML document with line marks; None, with problems, if they are not one."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or (len(raw) > 1 and (raw[0] == 0 or raw[1] == 0)):
        problems.add(
            display_path,
            1,
            1,
            "the file is saved as UTF-16",
            "save it as UTF-8 (in most editors: Save As, Encoding, UTF-8)",
        )
        return None
    if raw.startswith(b"\xef\xbb\xbf"):
        problems.add(display_path, 1, 1, "the file starts with a byte order mark (BOM)", "save it as UTF-8 without BOM")
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        problems.add(
            display_path,
            line,
            column,
            f"the file is not valid UTF-8 (byte 0x{raw[error.start]:02x})",
            "save the file as UTF-8, or retype the character at this place",
        )
        return None
    if not text.strip() or all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()):
        problems.add(display_path, 1, 1, "the file is empty", "add the data, or delete the file")
        return None
    before = len(problems)
    character_problems(text, display_path, problems)
    if len(problems) > before:
        return None
    root = _compose_fast(text)
    if root is None:
        loader = None
        try:
            # PyYAML checks the characters as it is made: an error then is a YAML problem too.
            loader = _Composer(text, display_path, problems)
            root = loader.get_single_node()
        except yaml.YAMLError as error:
            quote = _runaway_quote(text)
            if quote:
                problems.add(
                    display_path,
                    quote.line + 1,
                    quote.column + 1,
                    "YAML syntax: this quote is not closed: the text runs on into the lines below",
                    "add the closing quote at the end of the text",
                )
            else:
                _yaml_problem(error, display_path, problems, text.split("\n"))
            return None
        except RecursionError:
            problems.add(display_path, 1, 1, "the data is nested too deeply", "check the indentation")
            return None
        finally:
            if loader is not None:
                loader.dispose()
    if len(problems) > before:
        return None
    folded_text_problems(root, text, display_path, problems)
    if not isinstance(root, yaml.MappingNode):
        mark = root.start_mark if root is not None else None
        problems.add(
            display_path,
            mark.line + 1 if mark else 1,
            1,
            "the file must be a set of 'key: value' lines",
            "start with the first key, e.g. 'title: ...'",
        )
        return None
    # Duplicate keys are reported but the first one is kept, so the schema can still report the rest.
    return Document(display_path, _to_value(root, display_path, problems), root, text)
