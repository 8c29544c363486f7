"""Gather a child's indicator observations from the current version of every concern about them, from
every agency, in a fixed number of queries (however many concerns there are).

Only for users whose duty covers every agency's records (`records.access.scope(user) == "all"`): the
screening reads every agency's concerns, so callers decide who may see it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from django.db.models import Count, F

from joinedup.core import clock
from joinedup.identity.models import AlertChild, AlertStatus
from joinedup.records.models import Child, ConcernChild, ConcernStatus, reference_for, split_codes
from joinedup.screening.rules import DISCLOSURE, DISCLOSURE_CATEGORIES, Rules, current
from joinedup.screening.score import Observation, Screening, screen, youngest_age


@dataclasses.dataclass
class ChildFacts:
    observations: list[Observation] = dataclasses.field(default_factory=list)
    dobs: list[dt.date] = dataclasses.field(default_factory=list)
    approx_ages: list[tuple[int, dt.datetime]] = dataclasses.field(default_factory=list)


def _rows(child_ids: Iterable[int]):
    """One query: the children's descriptions in the current version of each concern not withdrawn, as
    tuples (an import screens thousands of children a batch; model instances cost more than the query)."""
    return (
        ConcernChild.objects.filter(child_id__in=list(child_ids), version_id=F("version__concern__current_version_id"))
        .exclude(version__concern__status=ConcernStatus.WITHDRAWN)
        .order_by("version__concern__received_at", "pk")
        .values_list(
            "child_id", "dob", "approx_age", "version__concern_id", "version__concern__received_at",
            "version__concern__agency__name", "version__indicator_codes", "version__category_codes",
            "version__child_words",
        )
    )


def facts_for_children(child_ids: Iterable[int]) -> dict[int, ChildFacts]:
    facts: dict[int, ChildFacts] = defaultdict(ChildFacts)
    seen: set[tuple[int, int]] = set()
    for child_id, dob, approx_age, concern_id, received_at, agency, indicator_codes, category_codes, child_words in _rows(
        child_ids
    ):
        mine = facts[child_id]
        if dob:
            mine.dobs.append(dob)
        elif approx_age is not None:
            mine.approx_ages.append((approx_age, received_at))
        if (child_id, concern_id) in seen:  # the child described twice in one concern
            continue
        seen.add((child_id, concern_id))
        codes = split_codes(indicator_codes)
        if child_words.strip() and DISCLOSURE_CATEGORIES.intersection(split_codes(category_codes)):
            codes.append(DISCLOSURE)
        reference = reference_for(concern_id)
        mine.observations += [
            Observation(code, reference, agency, received_at, concern_id) for code in dict.fromkeys(codes)
        ]
    return facts


def observations_for_child(child: Child) -> list[Observation]:
    return facts_for_children([child.pk])[child.pk].observations


def _screen(facts: ChildFacts, at: dt.datetime, rules: Rules) -> Screening:
    return screen(facts.observations, at=at, age=youngest_age(facts.dobs, facts.approx_ages, at), rules=rules)


def screen_children(child_ids: Iterable[int], at: dt.datetime | None = None, rules: Rules | None = None) -> dict[int, Screening]:
    at = at or clock.now()
    rules = rules or current()
    ids = list(child_ids)
    facts = facts_for_children(ids)
    return {pk: _screen(facts[pk], at, rules) for pk in ids}


def screen_child(child: Child, at: dt.datetime | None = None, rules: Rules | None = None) -> Screening:
    """The child's screening as of `at` (now, by the one clock, if not given). Recomputed on each call,
    so each new concern re-screens the child."""
    return screen_children([child.pk], at, rules)[child.pk]


def open_alert_counts(child_ids: Iterable[int]) -> dict[int, int]:
    """One query: how many open alerts name each child."""
    rows = (
        AlertChild.objects.filter(child_id__in=list(child_ids), alert__status=AlertStatus.OPEN)
        .values("child_id").annotate(n=Count("alert_id", distinct=True)).order_by()
    )
    return {row["child_id"]: row["n"] for row in rows}


@dataclasses.dataclass(frozen=True)
class PoliceWarning:
    """Shown to a police officer before anything else: the child may be a victim, not an offender."""

    child_id: int
    screening: Screening
    open_alerts: int

    @property
    def recent_significant(self):
        return self.screening.significant[:3]

    @property
    def recent_concerns(self) -> tuple[str, ...]:
        return self.screening.concern_references[:3]


def police_warnings(child_ids: Iterable[int], at: dt.datetime | None = None, rules: Rules | None = None,
                    screenings: dict[int, Screening] | None = None) -> list[PoliceWarning]:
    """Warnings for the children screened at the warning level or above, or named in an open alert
    (two queries, however many children; one if their screenings are given)."""
    ids = list(dict.fromkeys(child_ids))
    rules = rules or current()
    screenings = screenings if screenings is not None else screen_children(ids, at, rules)
    alerts = open_alert_counts(ids)
    return [
        PoliceWarning(pk, screenings[pk], alerts.get(pk, 0))
        for pk in ids
        if screenings[pk].level.number >= rules.police_warning_level or alerts.get(pk, 0)
    ]
