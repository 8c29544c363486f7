"""Horizontal bar charts as plain layout arithmetic: the template (outcomes/includes/bars.html) draws
the SVG with presentation attributes only (no inline style or script), a <title> and a <desc> that says
in words what every bar shows. Every chart on a page has a table of the same figures beside it."""

from __future__ import annotations

import dataclasses

WIDTH = 720
LABEL_WIDTH = 190
VALUE_WIDTH = 110
ROW = 26
BAR = 16
TOP = 8
AXIS = 24
COLOUR = "#1d70b8"
REFERENCE_COLOUR = "#d4351c"


@dataclasses.dataclass
class Bar:
    label: str
    y: float
    width: float
    value_text: str
    title: str

    @property
    def text_y(self) -> float:
        return self.y + BAR / 2


@dataclasses.dataclass
class Tick:
    x: float
    label: str


@dataclasses.dataclass
class Chart:
    chart_id: str
    title: str
    description: str
    width: int
    height: int
    plot_left: int
    plot_right: int
    axis_y: float
    bars: list[Bar]
    ticks: list[Tick]
    reference_x: float | None = None
    reference_label: str = ""
    colour: str = COLOUR
    reference_colour: str = REFERENCE_COLOUR

    @property
    def value_x(self) -> int:
        return self.plot_right + 8


def _nice_top(value: float) -> float:
    if value <= 0:
        return 1.0
    for step in (1, 2, 2.5, 5, 10):
        scale = 10 ** (len(str(int(value))) - 1)
        top = step * scale
        if top >= value:
            return float(top)
    return float(value)


def _tick_text(value: float) -> str:
    return f"{value:g}"


def bars(
    chart_id: str, title: str, items: list[tuple[str, float | None, str]], *, top: float | None = None,
    reference: float | None = None, reference_label: str = "",
) -> Chart:
    """One bar per (label, value, value as words); a None value is drawn as no bar and said as such."""
    values = [v for _, v, _ in items if v is not None]
    top = top or _nice_top(max([*values, reference or 0, 0]))
    left, right = LABEL_WIDTH, WIDTH - VALUE_WIDTH
    span = right - left

    def x_of(value: float) -> float:
        return round(min(value, top) / top * span, 1)

    chart_bars = [
        Bar(label=label, y=TOP + ROW * i + (ROW - BAR) / 2, width=x_of(value) if value is not None else 0,
            value_text=text, title=f"{label}: {text}")
        for i, (label, value, text) in enumerate(items)
    ]
    axis_y = TOP + ROW * len(items) + 2
    ticks = [Tick(round(left + span * f, 1), _tick_text(top * f)) for f in (0, 0.5, 1)]
    words = "; ".join(f"{label}: {text}" for label, _, text in items) or "no figures"
    description = f"{title}. {words}."
    if reference is not None:
        description += f" The line marks {reference_label}."
    return Chart(
        chart_id=chart_id, title=title, description=description, width=WIDTH, height=int(axis_y + AXIS),
        plot_left=left, plot_right=right, axis_y=axis_y, bars=chart_bars, ticks=ticks,
        reference_x=round(left + x_of(reference), 1) if reference is not None else None, reference_label=reference_label,
    )
