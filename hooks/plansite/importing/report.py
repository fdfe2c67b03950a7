"""What an import tells the editor: what the draft holds, what it could not place, what was left
out as page furniture, and what is left to write before the plan can be published."""

from __future__ import annotations

from collections import Counter

from .draft_file import Settled
from .drafting import Draft

SHOWN = 12
"""Lines of each list shown in full; the rest are counted."""


def _count(plan: dict) -> Counter:
    counts: Counter = Counter()
    counts["sections"] = len(plan["sections"])
    for section in plan["sections"]:
        for block in section["blocks"]:
            kind = block["type"]
            counts[kind] += 1
            if kind == "text":
                counts["paragraphs"] += block["text"].count("\n\n") + 1
            elif kind == "list":
                counts["list items"] += len(block["items"])
            elif kind == "action_plan":
                counts["table rows"] += sum(len(g["rows"]) for g in block["groups"])
            elif kind == "budget":
                counts["table rows"] += 1 + _lines(block["total"])
            elif kind in ("key", "statements"):
                counts["table rows"] += len(block["items"])
    return counts


def _lines(line: dict) -> int:
    return sum(1 + _lines(child) for child in line.get("lines", []))


def _listed(title: str, entries: list[str]) -> list[str]:
    if not entries:
        return []
    lines = [f"{title} ({len(entries)}):"]
    lines += [f"  - {entry}" for entry in entries[:SHOWN]]
    if len(entries) > SHOWN:
        lines.append(f"  - and {len(entries) - SHOWN} more")
    return lines


def _tables(counts: Counter) -> str:
    kinds = [
        (counts[kind], name)
        for kind, name in (
            ("action_plan", "action plan"),
            ("budget", "budget"),
            ("key", "key"),
            ("statements", "statements"),
        )
        if counts[kind]
    ]
    if not kinds:
        return "no tables"
    return ", ".join(f"{n} {name}{'s' if n > 1 and name != 'statements' else ''}" for n, name in kinds) + (
        f" ({counts['table rows']} rows)"
    )


def report(draft: Draft, settled: Settled, written: str) -> str:
    """The report printed after an import, one fact a line."""
    counts = _count(settled.plan)
    document = draft.document
    lines = [
        f"Wrote {written}: a draft (status: draft) made from the {document.kind} '{document.name}'.",
        f"  {counts['sections']} sections, {counts['subheading']} subheadings, {counts['paragraphs']} paragraphs, "
        f"{counts['list']} lists ({counts['list items']} items), tables: {_tables(counts)}, "
        f"{counts['quote']} quotes, {counts['contact']} contact details, {counts['footnotes']} footnote blocks.",
    ]
    not_placed = []
    for placed in draft.placed():
        if placed.is_not_transcribed:
            why = f" ({placed.reasons[-1]})" if placed.reasons else ""
            not_placed.append(f"{placed.what}{why}: {placed.words[:100]}{'…' if len(placed.words) > 100 else ''}")
        elif placed.chosen:
            lines_back = placed.blocks[0]["type"]
            not_placed.append(f"{placed.what} kept as {lines_back} ({placed.reasons[-1]})")
    lines += _listed("Not placed as such: in not_transcribed blocks, or in a plainer form (check each)", not_placed)
    lines += _listed("Left out as page furniture (page headers and footers)", [repr(t) for t in document.furniture])
    lines += _listed("Not imported", document.skipped)
    lines += _listed(
        "Links not kept, their words kept (the site publishes only https:, mailto: and tel: links)",
        sorted(set(draft.refused_links)),
    )
    lines += _listed(
        "Left for you to write before publishing (what ./run check asks of a published plan)", settled.young_people
    )
    lines.append(
        f"Next: read {written} against the document, write the summary and the young-people texts, then run "
        "./run check and ./run preview (a draft shows only in previews)."
    )
    return "\n".join(lines)
