"""Working-day arithmetic for statutory clocks: weekends and the nation's bank holidays are skipped.

Plain functions, no database. The nation comes from settings (England and Wales by default).
"""

from __future__ import annotations

import datetime as dt
import functools
from zoneinfo import ZoneInfo

import holidays


@functools.lru_cache(maxsize=8)
def _calendar(country: str, subdivision: str) -> holidays.HolidayBase:
    return holidays.country_holidays(country, subdiv=subdivision or None)


def _settings() -> tuple[str, str, str]:
    from django.conf import settings

    return (
        settings.JOINEDUP_HOLIDAY_COUNTRY,
        settings.JOINEDUP_HOLIDAY_SUBDIVISION,
        settings.JOINEDUP_LOCAL_TIME_ZONE,
    )


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


def end_of_working_day_after(received_at: dt.datetime, working_days: int) -> dt.datetime:
    """23:59:59 local time on the `working_days`-th working day after the local day of `received_at`."""
    country, subdivision, zone = _settings()
    tz = ZoneInfo(zone)
    local_day = received_at.astimezone(tz).date()
    due_day = add_working_days(local_day, working_days, country, subdivision)
    return dt.datetime.combine(due_day, dt.time(23, 59, 59), tzinfo=tz)


def referral_decision_due(received_at: dt.datetime) -> dt.datetime:
    """When a decision on a referral received at `received_at` is due (spec: end of next working day)."""
    from django.conf import settings

    return end_of_working_day_after(received_at, settings.JOINEDUP_REFERRAL_DECISION_WORKING_DAYS)
