"""Words the pages print for values of the model: a plan's kind, a file's size, a quote's speaker."""

from __future__ import annotations

from .. import model as m


def kind_label(kind: str) -> str:
    """A plan's kind as a label: first letter capitalised, the rest as the editor wrote it."""
    return kind[:1].upper() + kind[1:]


def kind_icon(kind: str) -> str:
    """The icon of a known kind of plan, or a plain document for any other."""
    known = m.PlanKind.known(kind)
    return known.icon if known else "material/file-document-outline"


def file_size(size_bytes: int) -> str:
    """A file's size as people say it: '820 KB', '1.2 MB' (decimal units, as file browsers show)."""
    if size_bytes < 1_000_000:
        return f"{max(1, round(size_bytes / 1000))} KB"
    return f"{size_bytes / 1_000_000:.1f} MB"


def original_facts(original: m.Original) -> str:
    """The format and size of an original document, e.g. 'PDF, 1.2 MB' (empty when neither is known)."""
    parts = [original.format] if original.format else []
    if original.size_bytes:
        parts.append(file_size(original.size_bytes))
    return ", ".join(parts)


def speaker(quote: m.QuoteBlock) -> str:
    """Who said a quote, as the plan gives it: 'Amy, aged 14, Youth council member'; 'A young person' unnamed."""
    parts = [quote.speaker or "A young person"]
    if quote.age is not None:
        parts.append(f"aged {quote.age} years")
    if quote.context:
        parts.append(quote.context)
    return ", ".join(parts)


def pages_label(pages: str) -> str:
    """Where a part is in the original: 'page 24' or 'pages 24-31'."""
    return ("pages " if any(mark in pages for mark in "-–,& ") else "page ") + pages


FILTERS = {
    "kind_label": kind_label, "kind_icon": kind_icon, "original_facts": original_facts,
    "speaker": speaker, "pages_label": pages_label,
}
"""The label filters templates use, registered with Jinja by the page module."""
