"""A document's table as a block of the plan: an action plan, a budget, a key or named statements.

The header row is found (marked as such, or the first row), its headings matched to the action
plan's columns in the plans' own words ('Responsible' is the lead, 'By when' the timescale);
columns with headings of their own are kept under those headings. Merged rows that run across the
table start a group; header rows repeated down the table (one per page) are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .inline import markdown
from .placing import Anchors, Placed, cite, not_transcribed
from .shape import TYPED_BULLET, TYPED_NUMBER
from .tree import Cell, Paragraph, Table

# Which action-plan column each heading means, tried in this order (the first that matches wins).
COLUMN_WORDS: list[tuple[str, str]] = [
    ("ref", r"^(ref\.?|reference|no\.?|number|#|item|id)$"),
    ("progress", r"^(progress|status|rag( rating| status)?|rag)$"),
    ("timescale", r"\b(timescales?|by when|when|deadline|due|dates?|timeline|timeframe|target date|completion)\b"),
    ("lead", r"\b(lead|leads|responsib\w*|owner|owners|who|by whom|accountable|contact)\b"),
    ("milestone", r"\bmilestones?\b"),
    ("success", r"\b(success|measures?|kpis?|indicators?|evidence|pis?|how will we know|monitoring|criteria)\b"),
    ("outcome", r"\b(outcomes?|impact|results?|difference)\b"),
    ("activity", r"\b(activit\w*|actions?|tasks?|what we will do|how|deliver\w*|steps?)\b"),
    ("target", r"\b(targets?|aims?|objectives?|goals?)\b"),
    ("priority", r"\b(priorit\w*|areas?|themes?|issues?|strand|workstream|focus)\b"),
]
FREE_COLUMNS = ["activity", "outcome", "milestone", "success", "target", "priority", "lead"]
"""Columns of many paragraphs, for a column whose heading matches none: kept under its own heading."""
SINGLE_LINE_COLUMNS = ("ref", "timescale")

STATUS_WORDS = {
    "completed": "completed",
    "complete": "completed",
    "done": "completed",
    "achieved": "completed",
    "on track": "on-track",
    "on-track": "on-track",
    "needs attention": "needs-attention",
    "needs-attention": "needs-attention",
    "urgent": "urgent",
}

AMOUNT = re.compile(r"^\(?\s*(-)?\s*£\s?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(k|m|bn|million|thousand)?\s*\)?$", re.I)
KEY_HEADINGS = re.compile(r"\b(abbreviations?|acronyms?|codes?|key|terms?|glossary)\b", re.I)
TOTAL = re.compile(r"\btotal\b", re.I)


@dataclass
class Grid:
    """A table as rows of cells in its grid columns: merged cells kept once, empty rows and columns out."""

    header: list[str]
    rows: list[list[Cell | None]]
    group_rows: set[int]

    @property
    def width(self) -> int:
        return len(self.header)


def _grid(table: Table) -> tuple[list[list[Cell | None]], int]:
    """Rows of cells by grid column (a merged cell in its first column only), and the header row count."""
    width = table.width
    rows: list[list[Cell | None]] = []
    header_rows = 0
    for number, row in enumerate(table.rows):
        cells: list[Cell | None] = []
        for cell in row.cells:
            cells.append(None if cell.continued else cell)
            cells.extend([None] * (cell.span - 1))
        cells.extend([None] * (width - len(cells)))
        rows.append(cells)
        if row.header and number == header_rows:
            header_rows += 1
    return rows, header_rows


def _text(cell: Cell | None) -> str:
    return cell.text if cell is not None else ""


def _looks_like_header(cells: list[Cell | None]) -> bool:
    texts = [_text(c) for c in cells]
    filled = [t for t in texts if t]
    if len(filled) < max(2, len(texts) // 2):
        return False
    bold = all(all(p.bold for p in c.paragraphs if p.text) for c in cells if c is not None and c.text)
    # A heading is a few words, not a sentence ("No." and "Ref." are abbreviations, not sentences).
    short = all(len(t.split()) <= 8 and (not t.endswith(".") or len(t) <= 4) for t in filled)
    known = sum(1 for t in filled if any(re.search(words, t.lower()) for _, words in COLUMN_WORDS))
    return short and (bold or known >= 1 or len(filled) == len(texts))


def grid_of(table: Table) -> Grid | None:
    """The table's header and body; None for a table that is only a frame (one row or one column)."""
    rows, header_rows = _grid(table)
    rows = [row for row in rows if any(_text(c) for c in row)]
    if not rows:
        return None
    keep = [i for i in range(len(rows[0])) if any(_text(row[i]) for row in rows)]
    rows = [[row[i] for i in keep] for row in rows]
    if len(rows) < 2 or len(keep) < 2:
        return None
    first = [_text(c) for c in rows[0]]
    repeated = any([_text(c) for c in row] == first for row in rows[1:])  # printed again on each page
    if header_rows == 0 and (_looks_like_header(rows[0]) or repeated):
        header_rows = 1
    header_rows = min(header_rows, len(rows) - 1)
    if header_rows:
        heads = []
        for column in range(len(keep)):
            parts = []
            for row in rows[:header_rows]:
                text = _text(row[column])
                if text and text not in parts:
                    parts.append(text)
            heads.append(" – ".join(parts))
        # A heading merged across columns names the first of them; the others take the row below's words.
        for column in range(1, len(heads)):
            if not heads[column]:
                heads[column] = heads[column - 1]
    else:
        heads = [""] * len(keep)
    body = rows[header_rows:]
    header_texts = [_text(c) for c in rows[header_rows - 1]] if header_rows else None
    body = [row for row in body if header_texts is None or [_text(c) for c in row] != header_texts]
    group_rows = {
        index
        for index, row in enumerate(body)
        if len(row) > 1 and _text(row[0]) and not any(_text(c) for c in row[1:]) and _spans_the_row(row)
    }
    return Grid(heads, body, group_rows)


def _spans_the_row(row: list[Cell | None]) -> bool:
    """A cell merged across the whole row, or alone in it: a group's title inside the table."""
    first = row[0]
    return first is not None and (first.span >= len(row) or all(c is None for c in row[1:]))


# --- Cells as the plan's text --------------------------------------------------------------


def cell_texts(cell: Cell | None, refused: list[str]) -> list[str]:
    """A cell's paragraphs as Markdown, each list item's typed bullet taken off (the site shows its own)."""
    if cell is None:
        return []
    texts = []
    for paragraph in cell.paragraphs:
        if not paragraph.text:
            continue
        texts.append(_without_bullet(paragraph, refused))
    return [t for t in texts if t]


def _without_bullet(paragraph: Paragraph, refused: list[str]) -> str:
    from .shape import _leading_characters, _strip_start

    typed = TYPED_BULLET.match(paragraph.text) or (TYPED_NUMBER.match(paragraph.text) if paragraph.list_kind else None)
    if typed:
        return markdown(_strip_start(paragraph.spans, _leading_characters(paragraph.spans, typed.group(0))), refused)
    return markdown(paragraph.spans, refused)


def _one_line(texts: list[str]) -> str:
    return " ".join(" ".join(texts).split())


def _plain(cell: Cell | None) -> str:
    return " ".join(_text(cell).split())


# --- Action plans ------------------------------------------------------------------------


def _columns(grid: Grid) -> list[str] | None:
    """The action-plan column of each grid column, by its heading; None if they do not all fit."""
    chosen: list[str | None] = [None] * grid.width
    used: set[str] = set()
    for index, heading in enumerate(grid.header):
        lowered = heading.lower().strip(" :*")
        for column, words in COLUMN_WORDS:
            if column not in used and re.search(words, lowered):
                if column in SINGLE_LINE_COLUMNS and not _single_lines(grid, index):
                    continue
                if column == "progress" and not _statuses(grid, index):
                    continue
                chosen[index] = column
                used.add(column)
                break
    for index in range(grid.width):
        if chosen[index] is None:
            free = next((c for c in FREE_COLUMNS if c not in used), None)
            if free is None:
                free = next((c for c in SINGLE_LINE_COLUMNS if c not in used and _single_lines(grid, index)), None)
            if free is None:
                return None
            chosen[index] = free
            used.add(free)
    return chosen


def _single_lines(grid: Grid, index: int) -> bool:
    return all(
        len([p for p in row[index].paragraphs if p.text]) <= 1 and len(_plain(row[index])) <= 120
        for number, row in enumerate(grid.rows)
        if number not in grid.group_rows and row[index] is not None
    )


def _statuses(grid: Grid, index: int) -> bool:
    values = [_plain(row[index]).lower() for n, row in enumerate(grid.rows) if n not in grid.group_rows]
    return any(values) and all(not v or v in STATUS_WORDS for v in values)


def action_plan(grid: Grid, title: str, anchors: Anchors, refused: list[str]) -> dict | None:
    """The table as an action_plan block, or None when its columns cannot all be kept."""
    columns = _columns(grid)
    if columns is None:
        return None
    headings = {
        column: (heading or column.capitalize()).strip() or column.capitalize()
        for column, heading in zip(columns, grid.header)
    }
    groups: list[dict] = []
    current: dict | None = None
    for number, row in enumerate(grid.rows):
        if number in grid.group_rows:
            group_title = _plain(row[0])
            current = {"id": anchors.claim(group_title, "group"), "title": group_title, "rows": []}
            groups.append(current)
            continue
        if current is None:
            current = {"id": anchors.claim(title, "actions"), "title": title, "rows": []}
            groups.append(current)
        cells: dict = {}
        for column, cell in zip(columns, row):
            texts = cell_texts(cell, refused)
            if not texts:
                continue
            if column in SINGLE_LINE_COLUMNS:
                cells[column] = _one_line(texts)
            elif column == "progress":
                cells[column] = STATUS_WORDS[_plain(cell).lower()]
            else:
                cells[column] = texts[0] if len(texts) == 1 else texts
        current["rows"].append(cite(cells))
    groups = [group for group in groups if group["rows"]] or None
    if groups is None:
        return None
    for group in groups:
        for index in range(1, len(group["rows"]) + 1):
            anchors.reserve(f"{group['id']}-{index}")
        cite(group)
    return {"type": "action_plan", "columns": headings, "groups": groups}


# --- Budgets -----------------------------------------------------------------------------


def amount(text: str) -> int | None:
    """A printed amount in whole pounds ('£2.5M' is 2500000, '£460K' 460000); None if it is not one."""
    found = AMOUNT.match(text.strip())
    if not found:
        return None
    minus, whole, fraction, scale = found.groups()
    value = float(whole.replace(",", "") + (fraction or ""))
    value *= {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "bn": 1e9}.get((scale or "").lower(), 1)
    if abs(value - round(value)) > 1e-6:
        return None
    value = int(round(value))
    return -value if minus or text.strip().startswith("(") else value


def _budget_line(name: str, printed: str, value: int, extra: dict) -> dict:
    line: dict = {"name": name, "amount": value if printed == str(value) else {"amount": value, "as_printed": printed}}
    line.update(extra)
    return cite(line)


def _nest(lines: list[tuple[dict, int]]) -> list[dict]:
    """Lines with the lines that add up to them put under them (one level), as the plans print them."""
    out: list[dict] = []
    index = 0
    while index < len(lines):
        line, value = lines[index]
        index += 1
        for end in range(index + 2, len(lines) + 1):
            if sum(v for _, v in lines[index:end]) == value:
                line = dict(line, lines=[child for child, _ in lines[index:end]])
                index = end
                break
        out.append(line)
    return out


def _value(line: dict) -> int:
    return line["amount"] if isinstance(line["amount"], int) else line["amount"]["amount"]


def budget(grid: Grid, refused: list[str]) -> dict | None:
    """The table as a budget block (a total and the lines under it), or None when it is not one."""
    if grid.group_rows or grid.width > 4:
        return None
    amount_column = next(
        (
            i
            for i in range(1, grid.width)
            if all(amount(_plain(row[i])) is not None for row in grid.rows) and len(grid.rows) >= 2
        ),
        None,
    )
    if amount_column is None:
        return None
    if any(len(_plain(row[0])) > 150 or not _plain(row[0]) for row in grid.rows):
        return None
    others = [i for i in range(1, grid.width) if i != amount_column]
    share_column = next(
        (i for i in others if all(re.fullmatch(r"\d+(\.\d+)?%", _plain(r[i])) or not _plain(r[i]) for r in grid.rows)),
        None,
    )
    text_columns = [i for i in others if i != share_column]
    if len(text_columns) > 1:
        return None
    lines: list[tuple[dict, int]] = []
    for row in grid.rows:
        printed = _plain(row[amount_column])
        extra: dict = {}
        if share_column is not None and _plain(row[share_column]):
            extra["share"] = _plain(row[share_column])
        if text_columns and cell_texts(row[text_columns[0]], refused):
            extra["text"] = "\n\n".join(cell_texts(row[text_columns[0]], refused))
        lines.append((_budget_line(_plain(row[0]), printed, amount(printed), extra), amount(printed)))
    totals = [i for i, (line, _) in enumerate(lines) if TOTAL.search(line["name"])]
    if totals and totals[-1] in (0, len(lines) - 1):
        at = totals[-1]
    elif len(lines) > 2 and sum(v for _, v in _top(_nest(lines[1:]))) == lines[0][1]:
        at = 0
    else:
        return None
    total, value = lines[at]
    rest = lines[:at] + lines[at + 1 :]
    nested = _nest(rest)
    if sum(_value(line) for line in nested) != value:
        nested = [line for line, _ in rest]
        total = dict(
            total,
            sum_note=(
                "Note from the website editors: the lines, as the document prints them, add up to "
                f"£{sum(v for _, v in rest):,}, not £{value:,}."
            ),
        )
    for line in nested:
        if "lines" in line and sum(_value(child) for child in line["lines"]) != _value(line):
            line["sum_note"] = "Note from the website editors: these lines do not add up as printed."
    total = dict(total, lines=nested)
    negative = any(v < 0 for _, v in lines)
    block = {"type": "budget", "total": total}
    if negative:
        block["negative_amounts"] = True
    return block


def _top(lines: list[dict]) -> list[tuple[dict, int]]:
    return [(line, _value(line)) for line in lines]


# --- Keys and statements -------------------------------------------------------------------


def key(grid: Grid) -> dict | None:
    """A two-column table of codes and what they mean, as a key block."""
    if grid.width != 2 or grid.group_rows or not KEY_HEADINGS.search(" ".join(grid.header)):
        return None
    items = []
    for row in grid.rows:
        code, meaning = _plain(row[0]), _plain(row[1])
        if not code or not meaning or len(code.split()) > 4:
            return None
        items.append({"code": code, "meaning": meaning})
    return {"type": "key", "items": items}


def statements(grid: Grid, refused: list[str]) -> dict | None:
    """A two-column table without headings, of names and what each means, as named statements."""
    if grid.width != 2 or any(grid.header) or grid.group_rows:
        return None
    items = []
    for row in grid.rows:
        name, texts = _plain(row[0]), cell_texts(row[1], refused)
        if not name or not texts or len(name.split()) > 12:
            return None
        items.append(cite({"name": name, "text": "\n\n".join(texts)}))
    return {"type": "statements", "items": items}


def table_words(grid: Grid) -> str:
    """The table's words, row by row, for a note or the report."""
    lines = []
    for row in grid.rows:
        cells = [
            f"{head}: {_plain(cell)}" if head else _plain(cell) for head, cell in zip(grid.header, row) if _plain(cell)
        ]
        lines.append("; ".join(cells))
    return " | ".join(lines)


def as_text(grid: Grid, refused: list[str]) -> dict:
    """The table as paragraphs, one a row, each cell after its heading: the words kept, the grid lost."""
    paragraphs = []
    for row in grid.rows:
        cells = []
        for head, cell in zip(grid.header, row):
            texts = cell_texts(cell, refused)
            if texts:
                cells.append((f"**{head}:** " if head else "") + " ".join(texts))
        paragraphs.append(" ".join(cells))
    return {"type": "text", "text": "\n\n".join(p for p in paragraphs if p)}


def place_table(table: Table, title: str, anchors: Anchors, refused: list[str]) -> Placed | None:
    """A table as a block with its plainer forms; None for a frame to be read as paragraphs."""
    grid = grid_of(table)
    if grid is None:
        return None
    forms: list[list[dict]] = []
    rows = len(grid.rows) - len(grid.group_rows)
    for made in (key(grid), statements(grid, refused), budget(grid, refused)):
        if made is not None:
            forms.append([cite(made)])
    plan = action_plan(grid, title or "Actions", anchors, refused)
    if plan is not None:
        forms.append([cite(plan)])
    forms.append([cite(as_text(grid, refused))])
    words = table_words(grid)
    forms.append(not_transcribed(f"A table of {rows} rows{' under ' + repr(title) if title else ''}", words))
    kind = forms[0][0]["type"]
    return Placed(forms, f"a table ({rows} rows, as {kind.replace('_', ' ')})", words)
