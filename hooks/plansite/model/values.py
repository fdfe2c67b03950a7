"""Values checked as values: numbers in range, real dates, email addresses, phone numbers, web addresses.

The loader keeps every scalar as the text typed, so each check here sees exactly what the
editor wrote: `publish_on: 0` is not a date, `-5` is not an amount, `160000` is not an age.
Kept libraries do the judging (email-validator, phonenumbers, ada-url), not regular expressions.
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal

from ada_url import URL, HostType

from ..texts.links import email_problem, host_problem, phone_problem
from ..texts.typed import is_blank

WHOLE_NUMBER = re.compile(r"-?[0-9]{1,15}")
ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
ISO_MONTH = re.compile(r"[0-9]{4}-[0-9]{2}")
FIRST_YEAR, LAST_YEAR = 1989, 2999  # from the year the Convention was adopted; four digits
YOUNGEST, OLDEST = 1, 25  # children and young people, care leavers up to 25 included
MAX_AMOUNT = 10**13  # pounds: more than any public budget
MAX_FILE_SIZE = 10**12  # bytes: a terabyte, more than any document a plan links to


def whole_number(value: object) -> object:
    """A number typed as digits (an optional minus and up to 15 digits); anything else is refused."""
    if isinstance(value, str):
        if not WHOLE_NUMBER.fullmatch(value.strip()):
            raise ValueError(
                f"'{value[:20]}' is not a whole number; write digits only, without commas, spaces or £, e.g. 25000"
            )
        return int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError("this must be a whole number; write digits only, e.g. 25000")
    return value


def signed_amount(value: int) -> int:
    if abs(value) > MAX_AMOUNT:
        raise ValueError(f"{value:,} pounds is more than any budget; check the number of digits")
    return value


def file_size(value: int) -> int:
    if not 1 <= value <= MAX_FILE_SIZE:
        raise ValueError(
            f"a file of {value:,} bytes cannot be; write the size in bytes, from 1 to {MAX_FILE_SIZE:,} (a terabyte)"
        )
    return value


def age(value: int) -> int:
    if not YOUNGEST <= value <= OLDEST:
        raise ValueError(
            f"an age of {value} is not the age of a child or young person; ages go from {YOUNGEST} to {OLDEST}"
        )
    return value


def date(value: object) -> object:
    """A calendar date typed as YYYY-MM-DD, in a sensible range (not a number, not a timestamp)."""
    if isinstance(value, datetime.date):
        return value
    if not isinstance(value, str) or not ISO_DATE.fullmatch(value.strip()):
        raise ValueError(f"'{str(value)[:20]}' is not a date; write dates as YYYY-MM-DD, e.g. 2026-04-01")
    try:
        parsed = datetime.date.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(
            f"'{value.strip()}' is not a date (there is no such month or day); write dates as YYYY-MM-DD, e.g. "
            "2026-04-01"
        ) from None
    if not FIRST_YEAR <= parsed.year <= LAST_YEAR:
        raise ValueError(
            f"'{value.strip()}' is not a year the site can publish; use a year from {FIRST_YEAR} to {LAST_YEAR}"
        )
    return parsed


class Month(datetime.date):
    """A calendar month, for a report that gives only its month ('Dec 2017'): the date of its first day,
    written as the month (isoformat '2017-12').

    It sorts as its first day, so beside full dates a month comes where a feed's <updated>, which needs
    a day, puts it; shown, it is the month ('December 2017'), never a day the source did not give.
    """

    def isoformat(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    __str__ = isoformat

    def __repr__(self) -> str:
        return f"Month({self.year}, {self.month})"


def day_or_month(value: object) -> object:
    """A date typed as YYYY-MM-DD, or a month typed as YYYY-MM (a Month) when the source gives only the month."""
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str) and ISO_MONTH.fullmatch(value.strip()):
        year, month = (int(part) for part in value.strip().split("-"))
        if not 1 <= month <= 12:
            raise ValueError(
                f"'{value.strip()}' is not a month (there is no month {month}); write a month as YYYY-MM, e.g. 2017-12"
            )
        if not FIRST_YEAR <= year <= LAST_YEAR:
            raise ValueError(
                f"'{value.strip()}' is not a year the site can publish; use a year from {FIRST_YEAR} to {LAST_YEAR}"
            )
        return Month(year, month, 1)
    if not isinstance(value, str) or not ISO_DATE.fullmatch(value.strip()):
        raise ValueError(
            f"'{str(value)[:20]}' is not a date; write a date as YYYY-MM-DD, e.g. 2026-04-01, or only the month as "
            "YYYY-MM, e.g. 2017-12, when the report gives only the month"
        )
    return date(value)


def email(value: str) -> str:
    problem = email_problem(value) or host_problem(value.rpartition("@")[2])
    if problem or "?" in value or "," in value:
        raise ValueError(
            f"'{value[:40]}' is not an email address ({problem or 'it has more than one address, or a ?'}); write one "
            "address, e.g. info@example.org"
        )
    return value


PHONE_CHARACTERS = re.compile(r"\+?[0-9 ()./-]+")


def phone(value: str) -> str:
    problem = (
        None
        if PHONE_CHARACTERS.fullmatch(value)
        else "it may hold only digits, spaces, brackets, hyphens and a leading +"
    )
    problem = problem or phone_problem(value)
    if problem:
        raise ValueError(
            f"'{value[:40]}' is not a phone number ({problem}); write it as printed, e.g. 020 7783 8330 or +44 20 "
            "7783 8330"
        )
    return value


def website_href(value: str) -> str:
    """The address a website value links to: as typed when it starts with https://, else with it added."""
    return value if value.lower().startswith(("https://", "http://")) else "https://" + value


def website(value: str) -> str:
    """A web address that a browser reads as an https site with a full name, nothing hidden in it."""
    href = website_href(value)
    try:
        url = URL(href)
    except ValueError:
        url = None
    if (
        url is None
        or url.protocol != "https:"
        or url.username
        or url.password
        or url.host_type != HostType.DEFAULT
        or "." not in url.hostname.strip(".")
    ):
        raise ValueError(
            f"'{value[:40]}' is not a web address the site can link to; write it as https://www.example.org or "
            "www.example.org"
        )
    problem = host_problem(url.hostname)
    if problem:
        raise ValueError(
            f"'{value[:40]}' is not a web address the site can link to: {problem}; write it as https://www.example.org "
            "or www.example.org"
        )
    if " " in value or "\\" in value or not (value[:1].isalnum() or value.lower().startswith("https://")):
        raise ValueError(
            f"'{value[:40]}' is not a web address the site can link to; write it as www.example.org or "
            "https://www.example.org, without spaces or backslashes"
        )
    return value


def not_blank(value: str) -> str:
    if is_blank(value):
        raise ValueError(
            "this text is empty: it has only spaces or invisible characters; write the text, or remove the key"
        )
    return value


PRINTED_AMOUNT = re.compile(
    r"[-–(]?\s*(?:£|GBP)?\s*([0-9][0-9,]*(?:\.[0-9]+)?)\s*(k|m|mn|million|bn|billion|thousand)?\)?", re.IGNORECASE
)
MULTIPLIERS = {"k": 10**3, "thousand": 10**3, "m": 10**6, "mn": 10**6, "million": 10**6, "bn": 10**9, "billion": 10**9}


def printed_readings(printed: str) -> list[tuple[Decimal, Decimal]] | None:
    """The amounts an amount as printed ('£2.5M', '£460K', '1,275') can mean, each with the step it is
    rounded to: a comma is read as a thousands separator and, before a unit such as M, also as a
    decimal point (the sources print '£1,275M' for £1.275M). None when it is not an amount at all."""
    found = PRINTED_AMOUNT.fullmatch(printed.strip())
    if found is None:
        return None
    number, unit = found.group(1), (found.group(2) or "").lower()
    multiplier = Decimal(MULTIPLIERS.get(unit, 1))
    spellings = [number.replace(",", "")]
    if unit and "," in number and "." not in number and number.count(",") == 1:
        spellings.append(number.replace(",", "."))
    readings = []
    for spelling in spellings:
        decimals = len(spelling.partition(".")[2])
        readings.append((Decimal(spelling) * multiplier, Decimal(10) ** -decimals * multiplier))
    return readings


def printed_agrees(printed: str, amount: int) -> bool | None:
    """Whether an amount as printed says the amount (rounded as printed), or None when it is no amount."""
    readings = printed_readings(printed)
    if readings is None:
        return None
    return any(abs(abs(Decimal(amount)) - value) * 2 <= step for value, step in readings)
