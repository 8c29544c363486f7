"""The "see writing improve" chart: for each month, two bars, the share of texts with phrases flagged
while they were written and the share saved with flagged phrases kept.

Plain layout arithmetic, no database and no drawing library: the template draws the SVG (classes for
colours, so it needs no inline styles under a strict CSP), with a <title> and a <desc> that says in
words what the bars show.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from joinedup.language.queries import Figures, Report

WIDTH = 960
HEIGHT = 330
LEFT = 64
RIGHT = 16
TOP = 16
BOTTOM = 56
GRID = (0, 25, 50, 75, 100)


@dataclasses.dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    series: str  # "flagged" or "kept"
    title: str


@dataclasses.dataclass
class Label:
    x: float
    y: float
    text: str


@dataclasses.dataclass
class Chart:
    width: int
    height: int
    plot_left: int
    plot_right: int
    plot_top: int
    axis_y: int
    grid: list[Label]  # y is the line's height; text the percentage
    months: list[Label]
    years: list[Label]
    bars: list[Bar]
    description: str


def month_name(month: dt.date) -> str:
    return f"{month:%B %Y}"


def percent(share: float | None) -> str:
    return "no texts" if share is None else f"{share * 100:.0f}%"


def _sentence(month: dt.date, figures: Figures) -> str:
    if not figures.texts:
        return f"{month_name(month)}: no texts."
    noun = "text" if figures.texts == 1 else "texts"
    return (
        f"{month_name(month)}: {figures.texts} {noun}, {figures.flagged} flagged ({percent(figures.flagged_share)}), "
        f"{figures.kept} kept ({percent(figures.kept_share)})."
    )


def describe(report: Report) -> str:
    first, last = report.months[0], report.months[-1]
    lead = (
        f"Bars for each month from {month_name(first)} to {month_name(last)}: the share of texts saved in which "
        f"phrases were flagged as they were written, and the share saved with flagged phrases kept."
    )
    return " ".join([lead, *(_sentence(month, figures) for month, figures in report.by_month)])


def build(report: Report) -> Chart:
    plot_right = WIDTH - RIGHT
    axis_y = HEIGHT - BOTTOM
    plot_height = axis_y - TOP
    slot = (plot_right - LEFT) / max(len(report.by_month), 1)
    bar_width = slot * 0.34
    grid = [Label(LEFT - 8, round(axis_y - plot_height * value / 100, 1), f"{value}%") for value in GRID]
    months, years, bars = [], [], []
    for index, (month, figures) in enumerate(report.by_month):
        middle = LEFT + slot * (index + 0.5)
        months.append(Label(round(middle, 1), axis_y + 20, f"{month:%b}"))
        if index == 0 or month.month == 1:
            years.append(Label(round(middle, 1), axis_y + 40, str(month.year)))
        if not figures.texts:
            continue
        for offset, series, share, count in (
            (-bar_width - 1, "flagged", figures.flagged_share or 0.0, figures.flagged),
            (1, "kept", figures.kept_share or 0.0, figures.kept),
        ):
            height = plot_height * share
            label = "flagged as written" if series == "flagged" else "saved with flagged phrases kept"
            bars.append(Bar(
                x=round(middle + offset, 1), y=round(axis_y - height, 1), width=round(bar_width, 1),
                height=round(height, 1),
                title=f"{month_name(month)}: {count} of {figures.texts} {label} ({percent(share)})",
                series=series,
            ))
    return Chart(
        width=WIDTH, height=HEIGHT, plot_left=LEFT, plot_right=plot_right, plot_top=TOP, axis_y=axis_y,
        grid=grid, months=months, years=years, bars=bars, description=describe(report),
    )
