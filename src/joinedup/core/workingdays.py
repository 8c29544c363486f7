"""Working-day arithmetic for statutory clocks: weekends and the nation's bank holidays are skipped.

Plain functions, no database. The nation comes from settings (England and Wales by default).
"""

from __future__ import annotations

import datetime as dt
import functools

import holidays


@functools.lru_cache(maxsize=8)
def _calendar(country: str, subdivision: str) -> holidays.HolidayBase:
    return holidays.country_holidays(country, subdiv=subdivision or None)


def is_working_day(day: dt.date, country: str = "GB", subdivision: str = "ENG") -> bool:
    return day.weekday() < 5 and day not in _calendar(country, subdivision)


def add_working_days(day: dt.date, count: int, country: str = "GB", subdivision: str = "ENG") -> dt.date:
    """The date `count` working days after `day` (`day` itself is never counted)."""
    if count < 0:
        raise ValueError("count must not be negative")
    current = day
    remaining = count
    while remaining:
        current += dt.timedelta(days=1)
        if is_working_day(current, country, subdivision):
            remaining -= 1
    return current


def referral_decision_due(received_at: dt.datetime) -> dt.datetime:
    """When a decision on a referral received at `received_at` is due (the `referral_decision` rule:
    by default the end of the next working day)."""
    from joinedup.core import deadlines

    return deadlines.due("referral_decision", received_at)
