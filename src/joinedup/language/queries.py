"""The "see writing improve" figures: of the texts saved, the share in which the checker flagged phrases
while they were written, and the share saved with flagged phrases kept, by team and by month. Derived
only from `LanguageCheck` rows, in one query however many rows, teams and months there are."""

from __future__ import annotations

import dataclasses
import datetime as dt
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Count, Q
from django.db.models.functions import TruncMonth

from joinedup.core.roles import Role
from joinedup.language.models import LanguageCheck

# Who may see the figures: team managers, and the auditors and administrators who oversee the system.
READS_LANGUAGE_FIGURES = frozenset({Role.TEAM_MANAGER, Role.AUDITOR, Role.ADMINISTRATOR})
PERIODS = (3, 6, 12, 24)  # months
NO_TEAM = "No team"


@dataclasses.dataclass
class Figures:
    texts: int = 0
    flagged: int = 0  # phrases were flagged while the text was written
    kept: int = 0  # saved with flagged phrases in it

    def add(self, other: Figures) -> None:
        self.texts += other.texts
        self.flagged += other.flagged
        self.kept += other.kept

    @property
    def flagged_share(self) -> float | None:
        return self.flagged / self.texts if self.texts else None

    @property
    def kept_share(self) -> float | None:
        return self.kept / self.texts if self.texts else None


@dataclasses.dataclass
class TeamMonth:
    month: dt.date
    agency: str
    team: str
    figures: Figures


@dataclasses.dataclass
class Report:
    months: list[dt.date]  # the first day of each month, oldest first
    by_month: list[tuple[dt.date, Figures]]
    by_team: list[tuple[str, str, Figures]]  # agency, team, figures
    rows: list[TeamMonth]  # each team's figures for each month that has any
    total: Figures


def local_zone() -> ZoneInfo:
    return ZoneInfo(settings.JOINEDUP_LOCAL_TIME_ZONE)


def month_starts(last: dt.date, count: int) -> list[dt.date]:
    """`count` months ending with the month of `last`, as their first days, oldest first."""
    year, month = last.year, last.month
    out = []
    for _ in range(count):
        out.append(dt.date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return out[::-1]


def _next_month(day: dt.date) -> dt.date:
    return dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)


def language_report(now: dt.datetime, *, months: int = 12, kind: str = "") -> Report:
    """The figures for the `months` months up to and including the month of `now` (local time),
    for one kind of text or (kind "") all of them."""
    zone = local_zone()
    starts = month_starts(now.astimezone(zone).date(), months)
    since = dt.datetime.combine(starts[0], dt.time(), tzinfo=zone)
    until = dt.datetime.combine(_next_month(starts[-1]), dt.time(), tzinfo=zone)
    rows = LanguageCheck.objects.filter(created_at__gte=since, created_at__lt=until)
    if kind:
        rows = rows.filter(kind=kind)
    grouped = (
        rows.annotate(month=TruncMonth("created_at", tzinfo=zone))
        .values("month", "agency__name", "team__name")
        .annotate(texts=Count("pk"), flagged=Count("pk", filter=Q(findings__gt=0)), kept=Count("pk", filter=Q(kept=True)))
        .order_by("month", "agency__name", "team__name")
    )
    by_month = {start: Figures() for start in starts}
    by_team: dict[tuple[str, str], Figures] = {}
    total = Figures()
    table = []
    for row in grouped:
        month = row["month"]
        month = month.astimezone(zone).date() if isinstance(month, dt.datetime) else month
        figures = Figures(row["texts"], row["flagged"], row["kept"])
        agency, team = row["agency__name"] or "", row["team__name"] or NO_TEAM
        table.append(TeamMonth(month, agency, team, figures))
        by_month.setdefault(month, Figures()).add(figures)
        by_team.setdefault((agency, team), Figures()).add(figures)
        total.add(figures)
    return Report(
        months=starts,
        by_month=sorted(by_month.items()),
        by_team=[(agency, team, figures) for (agency, team), figures in sorted(by_team.items())],
        rows=table,
        total=total,
    )
