"""The screening itself: a pure function of the child's indicator observations, the moment of screening
and the child's age (for the "13 or under" override only). No database, and no protected characteristic
(sex, ethnicity, nationality, religion, disability) is an input.

Each indicator is counted once, from its most recent observation before the moment of screening: the
tool asks whether a sign is present now or was recently, not how many agencies wrote it down, so the same
missing episode reported by police, school and health scores once. The other concerns that recorded it
are listed with the point (`also_in`), so nothing is hidden. Observations received after the moment of
screening are ignored (they were not known then).
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
from collections.abc import Iterable

from joinedup.screening.rules import DISCLOSURE, RULES, Level, Rules, label


@dataclasses.dataclass(frozen=True)
class Observation:
    """One indicator recorded on one concern."""

    code: str
    concern_reference: str
    agency: str
    received_at: dt.datetime
    concern_id: int | None = None


@dataclasses.dataclass(frozen=True)
class Point:
    """What one indicator scored, and the concern it came from (its most recent observation)."""

    code: str
    label: str
    weight_class: str
    points: int
    why: str
    source: Observation
    also_in: tuple[str, ...] = ()


@dataclasses.dataclass(frozen=True)
class Override:
    level: int
    reason: str
    sources: tuple[Observation, ...]


@dataclasses.dataclass(frozen=True)
class Screening:
    at: dt.datetime
    score: int
    score_level: int
    level: Level
    points: tuple[Point, ...]  # scoring points, most recent first
    not_counted: tuple[Point, ...]  # observed, but too long ago to score
    overrides: tuple[Override, ...]
    young_child: bool  # 13 or under with a significant indicator: a potential indicator of abuse

    @property
    def significant(self) -> tuple[Point, ...]:
        return tuple(p for p in self.points if p.weight_class == "significant")

    @property
    def concern_references(self) -> tuple[str, ...]:
        """The concerns behind the points and overrides, most recent first, once each."""
        seen: dict[str, dt.datetime] = {}
        for obs in [p.source for p in self.points] + [o for ov in self.overrides for o in ov.sources]:
            seen[obs.concern_reference] = max(obs.received_at, seen.get(obs.concern_reference, obs.received_at))
        return tuple(sorted(seen, key=lambda ref: seen[ref], reverse=True))


def months_before(at: dt.datetime, months: int) -> dt.datetime:
    """The same moment `months` calendar months earlier (the day clamped to the month's length)."""
    month_index = at.year * 12 + (at.month - 1) - months
    year, month = divmod(month_index, 12)
    day = min(at.day, calendar.monthrange(year, month + 1)[1])
    return at.replace(year=year, month=month + 1, day=day)


def _within(obs: Observation, at: dt.datetime, months: int | None) -> bool:
    return months is None or obs.received_at >= months_before(at, months)


def _latest_by_code(observations: Iterable[Observation], at: dt.datetime) -> dict[str, list[Observation]]:
    """Each code's observations known at `at`, most recent first (ties broken by reference)."""
    by_code: dict[str, list[Observation]] = {}
    for obs in observations:
        if obs.received_at <= at:
            by_code.setdefault(obs.code, []).append(obs)
    for seen in by_code.values():
        seen.sort(key=lambda o: (o.received_at, o.concern_reference), reverse=True)
    return by_code


def _point(code: str, seen: list[Observation], weight_class: str, at: dt.datetime, rules: Rules) -> Point:
    latest = seen[0]
    also_in = tuple(dict.fromkeys(o.concern_reference for o in seen[1:] if o.concern_reference != latest.concern_reference))
    for window in rules.windows.get(weight_class, ()):
        if _within(latest, at, window.within_months):
            return Point(code, label(code), weight_class, window.points, window.why, latest, also_in)
    return Point(code, label(code), weight_class, 0, "too long ago to score", latest, also_in)


def level_for(score: int, rules: Rules = RULES) -> int:
    return next(level for lowest, level in rules.thresholds if score >= lowest)


def screen(observations: Iterable[Observation], *, at: dt.datetime, age: int | None = None,
           rules: Rules = RULES) -> Screening:
    """Screen a child as of `at` from every agency's observations. `age` is the child's age in whole
    years at `at` (None if unknown); it is used only for the override for a child aged 13 or under."""
    by_code = _latest_by_code(observations, at)
    scored = [
        _point(code, seen, rules.weight_classes[code], at, rules)
        for code, seen in by_code.items() if code in rules.weight_classes
    ]
    scored.sort(key=lambda p: (p.source.received_at, p.code), reverse=True)
    points = tuple(p for p in scored if p.points > 0)
    score = sum(p.points for p in points)
    score_level = level_for(score, rules)
    overrides = []
    disclosures = tuple(o for o in by_code.get(DISCLOSURE, []) if _within(o, at, rules.disclosure_within_months))
    if disclosures:
        overrides.append(Override(
            rules.disclosure_level, "The child has disclosed sexual exploitation: the highest level at once.", disclosures
        ))
    significant = tuple(p.source for p in points if p.weight_class == "significant")
    young_child = age is not None and age <= rules.young_child_max_age and bool(significant)
    if young_child:
        overrides.append(Override(
            rules.young_child_min_level,
            f"The child is {age}: for a child aged {rules.young_child_max_age} or under, any significant "
            "indicator is a potential indicator of abuse.",
            significant,
        ))
    level = max([score_level, *(o.level for o in overrides)])
    return Screening(
        at=at, score=score, score_level=score_level, level=rules.levels[level], points=points,
        not_counted=tuple(p for p in scored if p.points == 0), overrides=tuple(overrides), young_child=young_child,
    )


def age_on(dob: dt.date, day: dt.date) -> int:
    return day.year - dob.year - ((day.month, day.day) < (dob.month, dob.day))


def youngest_age(dobs: Iterable[dt.date], approx_ages: Iterable[tuple[int, dt.datetime]], at: dt.datetime) -> int | None:
    """The youngest age any agency's record gives the child at `at`: dates of birth, and approximate
    ages (as recorded on a concern's date, aged on since). The youngest, so the protection for a young
    child is not lost to one agency's mistake."""
    day = at.date()
    ages = [age_on(dob, day) for dob in dobs]
    ages += [age + age_on(received.date(), day) for age, received in approx_ages]
    return min(ages, default=None)
