"""Schema problems in editors' words: what pydantic found, said as a key, a place and a fix."""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ValidationError

from ..errors import KEPT_PER_FILE, Problems
from ..model import FIELD_NAMES
from ..spelling import closest
from .document import Document

TYPE_NAMES = {
    "dict": "a set of 'key: value' lines",
    "list": "a list of '- ' lines",
    "str": "text",
    "NoneType": "nothing",
}


def _what(value: Any) -> str:
    return TYPE_NAMES.get(type(value).__name__, type(value).__name__)


def _keys(loc: tuple) -> list[str]:
    """The keys of a place in a file, without pydantic's own marks ('[key]', 'function-after[...]')."""
    return [part for part in loc if isinstance(part, str) and not re.search(r"[\[\]]", part)]


def _options(expected: object) -> list[str]:
    """The values pydantic lists as allowed ("'a', 'b' or 'c'"), as words."""
    return [t.strip(" '") for t in str(expected).replace(" or ", ",").split(",") if t.strip(" '")]


def _describe(error: dict) -> tuple[str, str]:
    """An editor-friendly message and hint for one pydantic error."""
    kind, loc, given = error["type"], error["loc"], error.get("input")
    keys = _keys(loc)
    key = keys[-1] if keys else ""
    if loc and loc[-1] == "[key]":
        # A key of a mapping whose keys are a closed set, such as the columns of a table.
        options = _options(error.get("ctx", {}).get("expected", ""))
        where = keys[-2] if len(keys) > 1 else "this mapping"
        close = closest(str(given), options)
        hint = (f"did you mean '{close}'? " if close else "") + f"use one of: {', '.join(options)}"
        if where == "columns" and "activity" in options:
            hint += (
                f"; for a column of the source that is none of these, move '{given}: ...' from 'columns:' to "
                f"'extra_columns:', and put each row's cell under 'extra:' (extra: {{{given}: ...}})"
            )
        return f"'{given}' cannot be a key of '{where}'", hint
    if kind == "extra_forbidden":
        close = closest(key, FIELD_NAMES)
        hint = (
            f"did you mean '{close}'?"
            if close
            else "remove it, or check the spelling against 'The shape of a plan file' in the editors' guide"
        )
        if "action_plan" in loc and "rows" in keys and keys[-2:-1] != ["extra"]:
            hint += (
                f"; a cell of a column the site has no key for goes under the row's 'extra:' (extra: {{{key}: ...}}), "
                "its heading under the table's 'extra_columns:'"
            )
        return f"unknown key '{key}'", hint
    if kind == "missing":
        return f"missing required key '{key}'", f"add '{key}: ...' here"
    if kind == "union_tag_invalid":
        tag = error.get("ctx", {}).get("tag", given)
        expected = error.get("ctx", {}).get("expected_tags", "")
        options = _options(expected)
        close = closest(str(tag), options)
        hint = f"did you mean '{close}'?" if close else f"use one of: {', '.join(options)}"
        return f"unknown block type '{tag}'", hint
    if kind == "union_tag_not_found":
        return "this block has no 'type'", "add 'type: text' (or another block type) as its first line"
    if kind in ("literal_error", "enum"):
        options = _options(error.get("ctx", {}).get("expected", ""))
        close = closest(str(given), options)
        # The whole list, even with a guess: the guess may be wrong, and the editor may want another.
        hint = (f"did you mean '{close}'? " if close else "") + f"use one of: {', '.join(options)}"
        return f"'{given}' is not allowed for '{key}'", hint
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"'{key}' must be a whole number, not '{given}'", "write digits only, without commas or £, e.g. 25000"
    if kind in ("bool_parsing", "bool_type"):
        return f"'{key}' must be true or false, not '{given}'", "write true or false"
    if kind.startswith("date"):
        return f"'{given}' is not a date", "write dates as YYYY-MM-DD, e.g. 2026-04-01"
    if kind == "string_pattern_mismatch":
        if key == "matches":
            return f"'{given}' is not a fingerprint", "copy the 8-character fingerprint from the review message"
        return (
            f"'{given}' cannot be used as an id",
            "use lower-case letters, digits and single hyphens, e.g. 'early-help'",
        )
    if kind in ("string_type", "list_type", "dict_type", "model_type", "model_attributes_type"):
        wanted = {"string_type": "text", "list_type": "a list of '- ' lines"}.get(kind, "a set of 'key: value' lines")
        return f"'{key}' must be {wanted}, not {_what(given)}", "check the indentation and the '- ' marks"
    if kind == "value_error":
        message = str(error.get("ctx", {}).get("error", error["msg"]))
        text, _, hint = message.partition("; ")
        return f"'{key}': {text}", hint
    return f"'{key}': {error['msg']}", "check this value against 'The shape of a plan file' in the editors' guide"


def validate(document: Document, model: type[BaseModel], problems: Problems) -> BaseModel | None:
    """The document as a validated model, or None with every schema problem added."""
    try:
        return model.model_validate(document.value)
    except ValidationError as error:
        errors = error.errors()
        for item in errors[:KEPT_PER_FILE]:
            line, column = document.position(item["loc"], at_key=item["type"] == "extra_forbidden")
            message, hint = _describe(item)
            quoted = re.search(r"\((?:found) '([^'\n]{2,20})|the link '([^'\n]{2,20})", message)
            if item["type"] == "value_error" and quoted:
                line, column = document.find(quoted.group(1) or quoted.group(2), line, column)
            problems.add(document.path, line, column, message, hint)
        # Past the number kept per file, problems are only counted (describing each costs time).
        problems.counts[document.path] += max(0, len(errors) - KEPT_PER_FILE)
        return None
