"""Dates of birth and approximate ages as a range of possible birth dates, so that "about 35" said in a
concern received in March 2024 can be compared with a date of birth, or with "early 30s" said in 2019.

A point estimate of age is widened by max(2 years, 15%) each way: people guess adults' ages badly.
A stated range ("30-35", "mid 30s", "late teens") is widened by a year each way.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Any

from joinedup.identity.normalise._text import as_text

__all__ = ["parse_date", "parse_age", "birth_range", "when"]

_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})")
_DMY = re.compile(r"^(\d{1,2})[/.\-\s](\d{1,2})[/.\-\s](\d{2}|\d{4})$")
_WORDS = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3})[a-z]*\.?,?\s+(\d{4})$")
_MONTH_YEAR = re.compile(r"^(?:(\d{1,2})[/.\-]|([a-z]{3})[a-z]*\s+)(\d{4})$")
_YEAR = re.compile(r"^(19\d{2}|20\d{2})$")
_DECADE = re.compile(r"\b(early|mid|late)?\s*-?\s*(\d)0\s*'?s\b")
_RANGE = re.compile(r"\b(\d{1,2})\s*(?:-|to|–|or)\s*(\d{1,2})\b")
_PLUS = re.compile(r"\b(?:over|older than|at least)\s+(\d{1,2})\b|\b(\d{1,2})\s*\+")
_UNDER = re.compile(r"\b(?:under|younger than|below)\s+(\d{1,2})\b")
_NUMBER = re.compile(r"(?<!\d)(\d{1,2})(?!\d)")
_TEENS = {"early": (13, 15), "mid": (15, 17), "late": (17, 19), None: (13, 19)}
_PARTS = {"early": (0, 3), "mid": (3, 7), "late": (7, 9), None: (0, 9)}
_EARLIEST_YEAR = 1900

DateRange = tuple[dt.date, dt.date]


def when(value: Any) -> dt.date | None:
    """A date from a date, a datetime or an ISO string (the day the concern was received)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = as_text(value).strip()
    match = _ISO.match(text)
    return _date(int(match.group(1)), int(match.group(2)), int(match.group(3))) if match else None


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _year(text: str, today: dt.date) -> int:
    year = int(text)
    if len(text) == 2:  # "14/07/10": the most recent such year not in the future
        year += 2000 if 2000 + year <= today.year else 1900
    return year


@lru_cache(maxsize=16384)
def _parse_date(text: str, today: dt.date) -> DateRange | None:
    text = text.strip().lower()
    if match := _ISO.match(text):
        day = _date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    elif match := _DMY.match(text):
        day = _date(_year(match.group(3), today), int(match.group(2)), int(match.group(1)))
    elif (match := _WORDS.match(text)) and match.group(2) in _MONTHS:
        day = _date(int(match.group(3)), _MONTHS[match.group(2)], int(match.group(1)))
    elif match := _MONTH_YEAR.match(text):
        month = int(match.group(1)) if match.group(1) else _MONTHS.get(match.group(2) or "", 0)
        start = _date(int(match.group(3)), month, 1)
        if start is None:
            return None
        end = _date(start.year + (month == 12), month % 12 + 1, 1)
        return (start, end - dt.timedelta(days=1)) if end else None
    elif match := _YEAR.match(text):
        year = int(match.group(1))
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    else:
        return None
    return (day, day) if day and _EARLIEST_YEAR <= day.year <= today.year + 1 else None


def parse_date(value: Any, today: dt.date | None = None) -> DateRange | None:
    """A written date of birth as (earliest, latest): one day, or a month or year when only that was
    written. Day first for numeric dates ("14/07/2010"), as in the UK. None if unreadable."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value, value
    return _parse_date(as_text(value)[:40], today or dt.date.today())


@lru_cache(maxsize=4096)
def _parse_age(text: str) -> tuple[int, int, bool] | None:
    text = text.lower().strip()
    if "teen" in text:
        part = re.search(r"\b(early|mid|late)\b", text)
        lo, hi = _TEENS[part.group(1) if part else None]
        return lo, hi, True
    if match := _DECADE.search(text):
        base, (lo, hi) = int(match.group(2)) * 10, _PARTS[match.group(1)]
        return base + lo, base + hi, True
    if match := _RANGE.search(text):
        lo, hi = sorted((int(match.group(1)), int(match.group(2))))
        return lo, hi, True
    if match := _PLUS.search(text):
        lo = int(match.group(1) or match.group(2))
        return lo, lo + 15, True
    if match := _UNDER.search(text):
        hi = int(match.group(1)) - 1
        return max(0, hi - 6), hi, True
    if match := _NUMBER.search(text):
        return int(match.group(1)), int(match.group(1)), False
    return None


def parse_age(value: Any) -> tuple[int, int, bool] | None:
    """An approximate age as (youngest, oldest, stated_as_range): 35 -> (35, 35, False); "mid 30s" ->
    (33, 37, True); "late teens" -> (17, 19, True). None if unreadable."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        if value != value or value in (float("inf"), float("-inf")):  # NaN or infinity: no age
            return None
        age = int(value)
        return (age, age, False) if 0 <= age < 120 else None
    return _parse_age(as_text(value)[:40])


def _years_before(day: dt.date, years: int) -> dt.date:
    year = max(1, day.year - years)
    return day.replace(year=year) if not (day.month == 2 and day.day == 29) else dt.date(year, 2, 28)


def birth_range(dob: Any, approx_age: Any, received: dt.date | None) -> tuple[DateRange | None, str]:
    """(earliest and latest possible birth date, source) where source is "dob", "age" or "". A date of
    birth wins over an age; an age needs the date the concern was received."""
    dates = parse_date(dob, received)
    if dates:
        return dates, "dob"
    age = parse_age(approx_age)
    if age is None or received is None:
        return None, ""
    lo, hi, ranged = age
    spread = 1 if ranged else max(2, round(hi * 0.15))
    lo, hi = max(0, lo - spread), hi + spread
    earliest = _years_before(received, hi + 1) + dt.timedelta(days=1)
    return (earliest, _years_before(received, lo)), "age"
