"""The arithmetic of the service figures, with no database: medians, the slowest tenth, the time from
first concern to help, and calendar months. Each function is small enough to check by hand."""

from __future__ import annotations

import datetime as dt
import math
import statistics
from collections import defaultdict
from collections.abc import Iterable
from zoneinfo import ZoneInfo

DAY = 86400.0


def median(values: list[float]) -> float | None:
    """The middle value (the mean of the two middle values when there is an even number)."""
    return statistics.median(values) if values else None


def slowest_tenth(values: list[float]) -> float | None:
    """The time within which nine in ten were helped: the value at rank ceil(0.9 n) in ascending order
    (the nearest-rank 90th percentile), so one in ten waited at least this long."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[math.ceil(0.9 * len(ordered)) - 1]


def days(delta: dt.timedelta) -> float:
    return delta.total_seconds() / DAY


def share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def percent(value: float | None) -> str:
    return "" if value is None else f"{value * 100:.1f}"


def one_decimal(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}"


def waits_to_help(
    concerns: Iterable[tuple[int, dt.datetime]], helps: Iterable[tuple[int, dt.datetime]]
) -> list[tuple[int, dt.datetime, dt.datetime]]:
    """(child, first concern, help) for each time a child was helped.

    A child's wait starts with the first concern about them after they were last helped (or ever), and
    ends when help starts. A concern received at the same moment as help counts before it. Help with no
    concern waiting (a second decision on the same concerns) starts no new wait."""
    events: dict[int, list[tuple[float, int, dt.datetime]]] = defaultdict(list)
    for child, at in concerns:
        events[child].append((at.timestamp(), 0, at))  # sorted on timestamps: aware comparisons are slow
    for child, at in helps:
        events[child].append((at.timestamp(), 1, at))
    out = []
    for child, items in events.items():
        start = None
        items.sort(key=lambda item: item[:2])
        for _ts, is_help, at in items:
            if not is_help:
                start = start or at
            elif start is not None:
                out.append((child, start, at))
                start = None
    return out


def month_of(at: dt.datetime | dt.date, zone: ZoneInfo) -> dt.date:
    if isinstance(at, dt.datetime):
        at = at.astimezone(zone).date()
    return at.replace(day=1)


def last_months(now: dt.datetime, zone: ZoneInfo, count: int = 12) -> list[dt.date]:
    """The first days of the last `count` calendar months (local time), oldest first, this month last."""
    month = month_of(now, zone)
    out = []
    for _ in range(count):
        out.append(month)
        month = (month - dt.timedelta(days=1)).replace(day=1)
    return out[::-1]


def window_start(months: list[dt.date], zone: ZoneInfo) -> dt.datetime:
    first = months[0]
    return dt.datetime(first.year, first.month, 1, tzinfo=zone)
