"""UK local time without a time-zone database (so output is the same on every machine), and school terms."""

from __future__ import annotations

import datetime as dt
import functools

UTC = dt.UTC
GMT = dt.timezone(dt.timedelta(0))
BST = dt.timezone(dt.timedelta(hours=1))


def _last_sunday(year: int, month: int) -> dt.date:
    day = dt.date(year, month, 31)
    return day - dt.timedelta(days=(day.weekday() + 1) % 7)


@functools.cache
def _summer(year: int) -> tuple[dt.datetime, dt.datetime]:
    """British Summer Time runs from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last
    Sunday of October."""
    return (dt.datetime.combine(_last_sunday(year, 3), dt.time(1), UTC),
            dt.datetime.combine(_last_sunday(year, 10), dt.time(1), UTC))


def uk_offset(moment: dt.datetime) -> dt.timezone:
    begins, ends = _summer(moment.year)
    return BST if begins <= moment < ends else GMT


def local_iso(moment: dt.datetime) -> str:
    """`moment` (aware, UTC) as UK local time with its offset, e.g. 2024-07-02T23:40:00+01:00."""
    return moment.astimezone(uk_offset(moment)).isoformat(timespec="seconds")


def at_local(day: dt.date, hour: int, minute: int) -> dt.datetime:
    """The UTC instant of a UK local wall-clock time."""
    naive = dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC)
    return naive - (uk_offset(naive).utcoffset(None) or dt.timedelta(0))


def local_date(moment: dt.datetime) -> dt.date:
    return moment.astimezone(uk_offset(moment)).date()


def local_hhmm(moment: dt.datetime) -> str:
    return moment.astimezone(uk_offset(moment)).strftime("%H:%M")


def is_school_day(day: dt.date) -> bool:
    """Weekdays outside an approximation of English school holidays."""
    if day.weekday() >= 5:
        return False
    md = (day.month, day.day)
    holidays = (
        ((7, 22), (9, 3)), ((12, 20), (12, 31)), ((1, 1), (1, 3)), ((4, 1), (4, 14)),
        ((10, 24), (10, 31)), ((2, 14), (2, 18)), ((5, 27), (5, 31)),
    )
    return not any(lo <= md <= hi for lo, hi in holidays)


def next_school_day(day: dt.date) -> dt.date:
    while not is_school_day(day):
        day += dt.timedelta(days=1)
    return day


def next_weekday(day: dt.date) -> dt.date:
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return day


def add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def age_on(dob: dt.date, day: dt.date) -> int:
    return day.year - dob.year - ((day.month, day.day) < (dob.month, dob.day))
