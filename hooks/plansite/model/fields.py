"""The kinds of value a plan holds: checked text, single lines, anchors, article numbers, amounts."""

from __future__ import annotations

import datetime
import re
from typing import Annotated, ClassVar

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    WithJsonSchema,
    model_validator,
)

from ..texts.links import disguised_address, url_problem
from ..texts.typed import text_problem
from . import values
from .vocabulary import ARTICLE_COUNT


class Model(BaseModel):
    """Base for every data object: unknown keys are errors and nothing changes after loading.

    A class's validator is made when it is first used, not when it is defined: a plan's validator
    holds those of all its parts, and making each part's own as well took a tenth of a second at
    every start.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Linked(Model):
    """A link the page draws with words of the data (a document's title, a licence's name): words
    that name a site must name the site the link goes to."""

    words_field: ClassVar[str] = "title"

    @model_validator(mode="after")
    def _words_name_their_site(self):
        words = getattr(self, self.words_field)
        shown = disguised_address(words, values.website_href(self.url))
        if shown:
            raise ValueError(
                f"the words '{words[:40]}' name the site {shown}, but the link goes to '{self.url[:40]}'; make them "
                "the same site, or use words that are not an address"
            )
        return self


# --- Field types -----------------------------------------------------------------------------


def _check_text(value: str) -> str:
    values.not_blank(value)
    problem = text_problem(value)
    if problem:
        raise ValueError(problem)
    return value


def _check_line(value: str) -> str:
    if "\n" in value.strip():
        raise ValueError("this must be a single line; join the lines into one")
    return _check_text(value.strip())


def _check_article(value: int) -> int:
    if not 1 <= value <= ARTICLE_COUNT:
        raise ValueError(f"there is no UNCRC article {value}; articles are numbered 1 to {ARTICLE_COUNT}")
    return value


def _as_list(value: object) -> object:
    """Let a single text stand where a list of texts is expected."""
    return [value] if isinstance(value, str) else value


Prose = Annotated[str, AfterValidator(_check_text)]
"""Text that may use a little Markdown: paragraphs, emphasis, lists and links."""

Line = Annotated[str, AfterValidator(_check_line)]
"""A single line of plain text, such as a title or a name."""

Paragraphs = Annotated[list[Prose], BeforeValidator(_as_list, json_schema_input_type=str | list[str])]
"""One or more paragraphs; a single text is accepted as a list of one."""

Anchor = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=80)]
"""An id used in URLs and #anchors: lower-case letters, digits and single hyphens."""

ArticleNumber = Annotated[int, BeforeValidator(values.whole_number), AfterValidator(_check_article)]
Articles = list[ArticleNumber]
Fingerprint = Annotated[
    str,
    Field(pattern=r"^[0-9a-f]{8}$"),
    # Editors' tools read an unquoted all-digit fingerprint as a number; the loader keeps it as typed.
    WithJsonSchema({"anyOf": [{"type": "string", "pattern": "^[0-9a-f]{8}$"}, {"type": "integer"}]}),
]


def _check_web_address(value: str) -> str:
    if not re.fullmatch(r"https://[^\s<>\"']+", value, re.IGNORECASE) or url_problem(value):
        raise ValueError(
            "this must be a web address starting with https:// that a browser can follow, with no name or password in "
            "it"
            "; copy it from the browser's address bar"
        )
    return value


WebAddress = Annotated[str, AfterValidator(_check_web_address)]
"""A full web address (https://...), such as the link to a plan's original document."""


def slug(text: str) -> str:
    """Lower-case letters (of any script) and digits joined by single hyphens: 'SP 1.2' becomes 'sp-1-2'."""
    return re.sub(r"(?:[^\w]|_)+", "-", text.lower()).strip("-")


class Money(Model):
    """An amount in pounds, and how the source printed it when that differs ('£1,275M')."""

    amount: Annotated[int, BeforeValidator(values.whole_number), AfterValidator(values.signed_amount)]
    as_printed: Line | None = None
    note: Prose | None = None


def _as_money(value: object) -> object:
    return {"amount": value} if isinstance(value, (str, int)) else value


Amount = Annotated[Money, BeforeValidator(_as_money, json_schema_input_type=int | Money)]

Date = Annotated[datetime.date, BeforeValidator(values.date)]
"""A real calendar date typed as YYYY-MM-DD (not 0, not a timestamp)."""
MONTH_PATTERN = r"^[0-9]{4}-(0[1-9]|1[0-2])$"
DayOrMonth = Annotated[
    datetime.date,
    BeforeValidator(values.day_or_month),
    # Written as typed: a month stays '2017-12' in the JSON downloads, never a day the source did not give.
    PlainSerializer(lambda day: day.isoformat(), return_type=str, when_used="json"),
    WithJsonSchema(
        {
            "anyOf": [{"type": "string", "format": "date"}, {"type": "string", "pattern": MONTH_PATTERN}],
            "description": "A date written YYYY-MM-DD, or a month written YYYY-MM when the source gives only the month",
        }
    ),
]
"""The date of a report: a day (YYYY-MM-DD), or a month (YYYY-MM, a values.Month) when the source gives
only the month."""
Age = Annotated[int, BeforeValidator(values.whole_number), AfterValidator(values.age)]
"""The age of a child or young person."""
FileSize = Annotated[int, BeforeValidator(values.whole_number), AfterValidator(values.file_size)]
"""The size of a document in bytes."""
Email = Annotated[str, AfterValidator(_check_line), AfterValidator(values.email)]
Phone = Annotated[str, AfterValidator(_check_line), AfterValidator(values.phone)]
Website = Annotated[str, AfterValidator(_check_line), AfterValidator(values.website)]
"""A web address shown as typed and linked with https:// (added when it has no scheme)."""
