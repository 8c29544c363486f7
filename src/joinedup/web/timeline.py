"""The chronology picture: one lane per agency, a dot per concern coloured by urgency, year ticks.

Plain layout arithmetic, no database and no drawing library: the template turns the result into an
inline SVG (presentation attributes only, so it needs no inline styles under a strict CSP).
"""

from __future__ import annotations

import dataclasses
import datetime as dt

WIDTH = 960
LABEL_WIDTH = 250
RIGHT_MARGIN = 24
LANE_HEIGHT = 36
TOP = 12
AXIS_HEIGHT = 28

# Urgency 3, 2, 1: colour and radius, so the picture does not rely on colour alone.
URGENCY_STYLE = {3: ("#d4351c", 8), 2: ("#f47738", 6.5), 1: ("#1d70b8", 5)}
DEFAULT_STYLE = ("#505a5f", 5)


@dataclasses.dataclass
class Dot:
    x: float
    y: float
    r: float
    colour: str
    hollow: bool
    title: str


@dataclasses.dataclass
class Lane:
    y: float
    label: str
    full_label: str


@dataclasses.dataclass
class Tick:
    x: float
    label: str


@dataclasses.dataclass
class Timeline:
    width: int
    height: int
    plot_left: int
    plot_right: int
    axis_y: float
    lanes: list[Lane]
    ticks: list[Tick]
    dots: list[Dot]
    description: str


@dataclasses.dataclass
class Entry:
    """What the picture needs to know about one concern."""

    at: dt.datetime
    lane: str
    urgency: int
    withdrawn: bool
    title: str


def _shorten(text: str, limit: int = 32) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def _domain(entries: list[Entry]) -> tuple[dt.datetime, dt.datetime]:
    start = min(e.at for e in entries)
    end = max(e.at for e in entries)
    span = end - start
    pad = max(span * 0.04, dt.timedelta(days=15))
    return start - pad, end + pad


def build(entries: list[Entry]) -> Timeline | None:
    if not entries:
        return None
    lanes_in_order: list[str] = []
    for entry in sorted(entries, key=lambda e: e.lane):
        if entry.lane not in lanes_in_order:
            lanes_in_order.append(entry.lane)
    start, end = _domain(entries)
    left, right = LABEL_WIDTH, WIDTH - RIGHT_MARGIN
    total = (end - start).total_seconds()

    def x_of(at: dt.datetime) -> float:
        return round(left + (at - start).total_seconds() / total * (right - left), 1)

    lane_y = {name: TOP + LANE_HEIGHT * i + LANE_HEIGHT / 2 for i, name in enumerate(lanes_in_order)}
    axis_y = TOP + LANE_HEIGHT * len(lanes_in_order) + 4
    dots = []
    for entry in sorted(entries, key=lambda e: (e.urgency, e.at)):  # most urgent drawn last, on top
        colour, radius = URGENCY_STYLE.get(entry.urgency, DEFAULT_STYLE)
        dots.append(Dot(x_of(entry.at), lane_y[entry.lane], radius, colour, entry.withdrawn, entry.title))
    ticks = [Tick(x_of(at), str(at.year)) for at in _year_starts(start, end)]
    if not ticks:
        ticks = [Tick(left, str(start.year))]
    lanes = [Lane(lane_y[name], _shorten(name), name) for name in lanes_in_order]
    return Timeline(
        width=WIDTH,
        height=int(axis_y + AXIS_HEIGHT),
        plot_left=left,
        plot_right=right,
        axis_y=axis_y,
        lanes=lanes,
        ticks=ticks,
        dots=dots,
        description=describe(entries, lanes_in_order),
    )


def _year_starts(start: dt.datetime, end: dt.datetime) -> list[dt.datetime]:
    out = []
    year = start.year + 1
    while year <= end.year:
        out.append(dt.datetime(year, 1, 1, tzinfo=start.tzinfo))
        year += 1
    return out


def describe(entries: list[Entry], lanes: list[str]) -> str:
    """The picture's text alternative."""
    first = min(e.at for e in entries)
    last = max(e.at for e in entries)
    count = len(entries)
    urgent = sum(1 for e in entries if e.urgency == 3)
    concerns = "1 concern" if count == 1 else f"{count} concerns"
    agencies = "1 agency" if len(lanes) == 1 else f"{len(lanes)} agencies"
    when = (
        f"on {first:%-d %B %Y}" if first.date() == last.date() else f"between {first:%-d %B %Y} and {last:%-d %B %Y}"
    )
    text = f"{concerns} from {agencies} ({', '.join(lanes)}) {when}"
    if urgent:
        text += f"; {urgent} about possible sexual abuse or exploitation"
    return text + ". Each concern is listed below, newest first."
