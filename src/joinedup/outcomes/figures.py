"""A figure on the leaders' dashboard: a table (what the CSV download holds), the chart drawn from the
same numbers, the headline in words, and how the figure is made."""

from __future__ import annotations

import csv
import dataclasses
import io

from joinedup.core.spreadsheet import safe_row
from joinedup.outcomes.charts import Chart


@dataclasses.dataclass
class Figure:
    key: str
    title: str
    headline: str
    how: str
    headers: list[str]
    rows: list[list]
    chart: Chart | None = None
    charts: list[Chart] = dataclasses.field(default_factory=list)

    @property
    def all_charts(self) -> list[Chart]:
        return ([self.chart] if self.chart else []) + self.charts


def as_csv(figure: Figure) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(safe_row(figure.headers))
    for row in figure.rows:
        writer.writerow(safe_row(row))
    return out.getvalue()
