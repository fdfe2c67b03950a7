"""The document tree as a draft plan: its title and period, sections from its headings, and each
part placed as a block (text, list, quote, table, contact, footnotes), with the plainer forms it
falls back to. The young-people texts and the summary are left as placeholders for the editor.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from .. import model as m
from .inline import escape, markdown
from .placing import MARKS_LIMIT, TEXT_LIMIT, Anchors, Placed, cite, marks, not_transcribed
from .shape import Body, Heading, Item, Quoted, shape
from .tables import place_table
from .tree import Document, Paragraph, Picture, Table, footnote_mark

PLACEHOLDER_SUMMARY = "[[One or two sentences saying what this plan is, for the list of plans]]"
PLACEHOLDER_PERIOD = "[[The years the plan covers, such as 2025-26]]"
PLACEHOLDER_TITLE = "[[A title for this part of the plan]]"
YOUNG_PEOPLE = {
    "title": "[[A title for young people, such as: What we will do this year]]",
    "summary": "[[Two to four short sentences: who we are and what this plan is]]",
    "get_involved": "[[How children can take part, and what happens to what they say]]",
}

PERIOD = re.compile(r"\b((?:19|20)\d\d)\s*(?:-|–|—|/|to)\s*((?:19|20)?\d\d)\b")
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
CONTENTS_LINE = re.compile(r"(?:\.{3,}|…+)\s*\d{1,3}$")
CONTENTS_HEADING = re.compile(r"^(table of )?contents$", re.I)
EMAIL = re.compile(r"^(?:e-?mail(?: us)?\s*:?\s*)?([\w.+'-]+@[\w-]+(?:\.[\w-]+)+)\.?$", re.I)
PHONE = re.compile(r"^(?:tel(?:ephone)?|phone|call(?: us)?|mobile|text)\s*:?\s*(\+?[\d ()-]{9,20})$", re.I)
WEBSITE = re.compile(r"^(?:web(?:site)?|visit)?\s*:?\s*((?:https://)?www\.[\w.-]+\.[a-z]{2,}(?:/\S*)?)$", re.I)
SOCIAL = re.compile(r"^(?:twitter|x|facebook|instagram|tiktok)\s*:\s*(\S.{0,80})$", re.I)


@dataclass
class Section:
    id: str
    title: str
    placed: list[Placed] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """Marks of the footnotes its parts refer to."""


@dataclass
class Draft:
    """A plan being drafted: its top keys, its sections of placed blocks, and what the report says."""

    top: dict
    sections: list[Section]
    document: Document
    refused_links: list[str]
    contents_lines: int = 0

    def plan(self) -> tuple[dict, dict[tuple[int, int], Placed]]:
        """The plan as plain data, and which placed part each block (section, block index) comes from."""
        sections, owners = [], {}
        for s_index, section in enumerate(self.sections):
            blocks: list[dict] = []
            for placed in section.placed:
                for block in placed.blocks:
                    owners[(s_index, len(blocks))] = placed
                    blocks.append(block)
            sections.append({"id": section.id, "title": section.title, "blocks": blocks})
        return dict(self.top, sections=sections), owners

    def placed(self) -> list[Placed]:
        return [placed for section in self.sections for placed in section.placed]


def line_safe(text: str) -> str:
    """A heading's words as a single line the checks accept (no tag, entity or attribute marks)."""
    text = " ".join(text.split())
    text = re.sub(r"<(?=\s*[/!?]?\s*[A-Za-z])", "‹", text)
    text = re.sub(r"&(?=#?[A-Za-z0-9]+;)", "& ", text)
    text = re.sub(r"\{(?=\s*[:#.])", "( ", text)
    text = re.sub(r"\[\[", "[ [", text)
    return text


def plan_kind(title: str) -> str:
    lowered = title.lower()
    for kind in m.PlanKind:
        if kind.value in lowered:
            return kind.value
    for word in ("strategy", "plan", "charter", "pledge", "report", "offer", "promise"):
        if re.search(rf"\b{word}\b", lowered):
            return word
    return "plan"


def plan_period(texts: list[str]) -> str:
    for text in texts:
        found = PERIOD.search(text)
        if found:
            return found.group(0)
    for text in texts:
        found = YEAR.search(text)
        if found:
            return found.group(0)
    return PLACEHOLDER_PERIOD


def _text_block(paragraphs: list[str]) -> list[Placed]:
    """Paragraphs as text blocks, as many as the checks' limits on one text need."""
    placed, chunk = [], []

    def flush() -> None:
        if chunk:
            text = "\n\n".join(chunk)
            placed.append(
                Placed(
                    [[cite({"type": "text", "text": text})], not_transcribed("Text", text)],
                    f"text ({len(chunk)} paragraphs)" if len(chunk) > 1 else "a paragraph",
                    text,
                )
            )
            chunk.clear()

    for paragraph in paragraphs:
        for piece in _pieces(paragraph):
            joined = "\n\n".join(chunk + [piece])
            if chunk and (len(joined) > TEXT_LIMIT or marks(joined) > MARKS_LIMIT):
                flush()
            chunk.append(piece)
    flush()
    return placed


def _pieces(paragraph: str) -> list[str]:
    """A paragraph longer than one text may be, cut between sentences."""
    if len(paragraph) <= TEXT_LIMIT and marks(paragraph) <= MARKS_LIMIT:
        return [paragraph]
    sentences = re.split(r"(?<=[.!?])\s+", paragraph)
    pieces, current = [], ""
    for sentence in sentences:
        candidate = f"{current} {sentence}".strip()
        if current and (len(candidate) > TEXT_LIMIT // 2 or marks(candidate) > MARKS_LIMIT // 2):
            pieces.append(current)
            candidate = sentence
        current = candidate
    if current:
        pieces.append(current)
    return pieces


def _list_block(items: list[Item]) -> Placed:
    """Typed or styled list items as one list, deeper items inside the item above them."""
    texts: list[str] = []
    ordered = items[0].ordered
    for item in items:
        if item.level > 0 and texts:
            bullet = "1." if item.ordered else "-"
            separator = "\n\n" if "\n" not in texts[-1] else "\n"
            texts[-1] += f"{separator}{bullet} {item.markdown}"
        else:
            texts.append(item.markdown)
    texts = [t for t in texts if t.strip()]
    block = cite({"type": "list", "ordered": True, "items": texts} if ordered else {"type": "list", "items": texts})
    words = " ".join(i.plain for i in items)
    as_text = "\n".join(("1. " if ordered else "- ") + t.replace("\n", " ") for t in texts)
    return Placed(
        [[block], [cite({"type": "text", "text": as_text})], not_transcribed("A list", words)],
        f"a list ({len(texts)} items)",
        words,
    )


def _quote_block(quote: Quoted) -> Placed:
    # The page puts the words in quotation marks itself.
    text = re.sub(r"^[“\"‘']\s*(.*?)\s*[”\"’']$", r"\1", quote.markdown, flags=re.S) or quote.markdown
    block = {"type": "quote", "text": text}
    if quote.attribution:
        block["speaker"] = line_safe(quote.attribution)
    plain = {"type": "text", "text": text + (f"\n\n{escape(quote.attribution)}" if quote.attribution else "")}
    words = quote.plain + (" " + quote.attribution if quote.attribution else "")
    return Placed([[cite(block)], [cite(plain)], not_transcribed("A quote", words)], "a quote", words)


def _contact(paragraphs: list[Body]) -> dict | None:
    """Lines that are all contact details (email, phone, website...) as a contact block, if there are two."""
    block: dict = {"type": "contact"}
    for body in paragraphs:
        text = body.plain.strip()
        for key, pattern in (("email", EMAIL), ("phone", PHONE), ("website", WEBSITE), ("social", SOCIAL)):
            found = pattern.match(text)
            if found and key not in block:
                block[key] = found.group(1).strip()
                break
        else:
            return None
    return block if len(block) >= 3 else None


def _contact_runs(bodies: list[Body]) -> list[tuple[str, list[Body]]]:
    """Body paragraphs cut into runs of ordinary text and runs of contact details."""
    runs: list[tuple[str, list[Body]]] = []
    index = 0
    while index < len(bodies):
        end = index
        while end < len(bodies) and _detail(bodies[end]):
            end += 1
        if end - index >= 2 and _contact(bodies[index:end]) is not None:
            runs.append(("contact", bodies[index:end]))
            index = end
            continue
        if runs and runs[-1][0] == "text":
            runs[-1][1].append(bodies[index])
        else:
            runs.append(("text", [bodies[index]]))
        index += 1
    return runs


def _detail(body: Body) -> bool:
    text = body.plain.strip()
    return any(p.match(text) for p in (EMAIL, PHONE, WEBSITE, SOCIAL))


def _contact_block(bodies: list[Body]) -> Placed:
    block = _contact(bodies)
    texts = [b.markdown for b in bodies]
    words = " ".join(b.plain for b in bodies)
    return Placed(
        [[block], [cite({"type": "text", "text": "\n\n".join(texts)})], not_transcribed("Contact details", words)],
        "contact details",
        words,
    )


def _footnotes_block(marks_: list[str], document: Document, refused: list[str]) -> Placed | None:
    items, words = [], []
    for mark in marks_:
        paragraphs = document.footnotes.get(mark) or []
        text = "\n\n".join(markdown(p.spans, refused) for p in paragraphs if p.text)
        if text:
            items.append({"mark": mark, "text": text})
            words.append(f"{mark} " + " ".join(p.text for p in paragraphs))
    if not items:
        return None
    as_text = "\n\n".join(f"{footnote_mark(i['mark'])} {i['text']}" for i in items)
    return Placed(
        [
            [cite({"type": "footnotes", "items": items})],
            [cite({"type": "text", "text": as_text})],
            not_transcribed("Footnotes", " ".join(words)),
        ],  # fmt: skip
        f"footnotes ({len(items)})",
        " ".join(words),
    )


def _subheading(text: str, anchors: Anchors) -> Placed:
    title = line_safe(text)
    return Placed(
        [
            [{"type": "subheading", "title": title, "id": anchors.claim(title, "part")}],
            [{"type": "text", "text": f"**{escape(title)}**"}],
            not_transcribed("A heading", title),
        ],
        "a subheading",
        title,
    )


def _picture(picture: Picture) -> Placed:
    words = picture.description or "The document has a picture here, with no description of it."
    title = "A picture" + (" (its description is below)" if picture.description else "")
    return Placed([not_transcribed(title, words)], "a picture", words)


def draft_plan(document: Document, organisation: str, today: datetime.date | None = None) -> Draft:
    """A draft plan made from a document's tree."""
    refused: list[str] = []
    shaped = shape(document.parts, refused)
    anchors = Anchors()
    title = next((s.text for s in shaped if isinstance(s, Heading) and s.title), "") or document.title
    subtitle = next((s.text for s in shaped if isinstance(s, Heading) and s.subtitle), "")
    headings = [s for s in shaped if isinstance(s, Heading) and s.level > 0]
    top_level = min((h.level for h in headings), default=1)
    first_content = next((s for s in shaped if not (isinstance(s, Heading) and s.level == 0)), None)
    if not title and headings and first_content is headings[0]:
        at_top = [h for h in headings if h.level == top_level]
        if len(at_top) == 1 and any(h.level > top_level for h in headings):
            title = headings[0].text
            shaped.remove(headings[0])
            top_level = min((h.level for h in headings[1:]), default=top_level + 1)
    title = line_safe(title or re.sub(r"[_-]+", " ", document.name.rsplit(".", 1)[0]).strip() or "Imported plan")
    draft = Draft(top={}, sections=[], document=document, refused_links=refused)
    texts_for_period = [title, subtitle] + [s.plain for s in shaped[:20] if isinstance(s, Body)]
    draft.top = {
        "organisation": organisation,
        "title": title,
        **({"subtitle": line_safe(subtitle)} if subtitle and subtitle != title else {}),
        "kind": plan_kind(title + " " + subtitle),
        "period": plan_period(texts_for_period),
        "status": "draft",
        "summary": PLACEHOLDER_SUMMARY,
        "source": (
            f"Note from the website editors: imported from the {document.kind} '{document.name}' on "
            f"{(today or datetime.date.today()).isoformat()} with ./run import; to be checked against the "
            "document, part by part, before it is published."
        ),
        "young_people": dict(YOUNG_PEOPLE),
    }

    section: Section | None = None
    bodies: list[Body] = []
    items: list[Item] = []
    last_heading = title
    in_contents = False

    def current() -> Section:
        nonlocal section
        if section is None:
            section = Section(anchors.claim(title, "introduction"), title)
            draft.sections.append(section)
        return section

    def flush() -> None:
        if bodies:
            for kind, run in _contact_runs(bodies):
                if kind == "contact":
                    current().placed.append(_contact_block(run))
                else:
                    current().placed.extend(_text_block([b.markdown for b in run]))
            bodies.clear()
        if items:
            current().placed.append(_list_block(items))
            items.clear()

    for part in shaped:
        notes = getattr(part, "notes", [])
        if isinstance(part, Heading):
            if part.level == 0:
                continue
            flush()
            in_contents = bool(CONTENTS_HEADING.match(part.text.strip()))
            if in_contents:
                draft.contents_lines += 1
                document.skipped.append(f"the contents heading '{part.text}'")
                continue
            if part.level <= top_level:
                if section is not None:
                    _close(section, document, refused)
                words = line_safe(part.text)
                section = Section(anchors.claim(words, "section"), words)
                draft.sections.append(section)
            else:
                current().placed.append(_subheading(part.text, anchors))
            last_heading = line_safe(part.text)
            continue
        if isinstance(part, (Body, Item)) and (
            _contents_line(part) or (in_contents and re.search(r"\s\d{1,3}$", part.plain))
        ):
            draft.contents_lines += 1
            document.skipped.append(f"contents line '{part.plain[:60]}'")
            continue
        in_contents = False
        if notes:
            current().notes.extend(n for n in notes if n not in current().notes)
        if isinstance(part, Body):
            if items:
                flush()
            bodies.append(part)
        elif isinstance(part, Item):
            if bodies:
                flush()
            if items and items[0].ordered != part.ordered and part.level == 0:
                flush()
            items.append(part)
        elif isinstance(part, Quoted):
            flush()
            current().placed.append(_quote_block(part))
        elif isinstance(part, Table):
            flush()
            placed = place_table(part, last_heading, anchors, refused)
            if placed is None:  # a frame round some paragraphs: read them as paragraphs
                inner = [p for row in part.rows for cell in row.cells for p in cell.paragraphs]
                for inner_part in shape(_as_parts(inner), refused):
                    if isinstance(inner_part, Body):
                        bodies.append(inner_part)
                    elif isinstance(inner_part, Item):
                        items.append(inner_part)
                    elif isinstance(inner_part, Heading):
                        flush()
                        current().placed.append(_subheading(inner_part.text, anchors))
                    elif isinstance(inner_part, Quoted):
                        flush()
                        current().placed.append(_quote_block(inner_part))
                flush()
            else:
                current().placed.append(placed)
        elif isinstance(part, Picture):
            flush()
            current().placed.append(_picture(part))
    flush()
    if section is not None:
        _close(section, document, refused)
    if not draft.sections:
        current()
    return draft


def _as_parts(paragraphs: list[Paragraph]) -> list[Paragraph]:
    return [p for p in paragraphs if p.text]


def _contents_line(part: Body | Item) -> bool:
    return bool(CONTENTS_LINE.search(part.plain))


def _close(section: Section, document: Document, refused: list[str]) -> None:
    """A section's end: the footnotes its parts referred to."""
    if section.notes:
        placed = _footnotes_block(section.notes, document, refused)
        if placed is not None:
            section.placed.append(placed)
