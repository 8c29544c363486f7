"""Named reads for the service figures: each returns plain tuples from one query over the operational
records (concerns, decisions, actions, cases, users, plan reviews), so the dashboard runs a fixed number
of queries however many records there are."""

from __future__ import annotations

import dataclasses
import datetime as dt

from django.db.models import Count, F, Min

from joinedup.casework.models import Action, ActionStatus, Case, Decision, DecisionKind
from joinedup.core.models import User
from joinedup.core.roles import Role
from joinedup.outcomes.models import PopulationGroup, PopulationLoad, Review, TeamPosts
from joinedup.records.models import Concern, ConcernChild, split_codes

# "Help": a decision that took effect to give the child a service: early help, a child-in-need
# assessment, a strategy discussion or immediate protection, or linking the concern to an open case.
HELP_DECISIONS = (
    DecisionKind.EARLY_HELP, DecisionKind.CHILD_IN_NEED, DecisionKind.STRATEGY_DISCUSSION,
    DecisionKind.IMMEDIATE_PROTECTION, DecisionKind.LINKED_CASE,
)
EXPLOITATION = frozenset({"sexual_exploitation", "criminal_exploitation"})
HOLDS_CASES = (Role.SOCIAL_WORKER, Role.TEAM_MANAGER)


@dataclasses.dataclass(frozen=True)
class Arrival:
    """A child named by the current version of a concern, with what that agency recorded about them."""

    child_id: int
    concern_id: int
    received_at: dt.datetime
    codes: frozenset
    withdrawn: bool
    dob: dt.date | None
    approx_age: int | None
    sex: str
    ethnicity: str

    @property
    def exploitation(self) -> bool:
        return bool(EXPLOITATION & self.codes)


def arrivals() -> list[Arrival]:
    rows = ConcernChild.objects.filter(version__concern__current_version_id=F("version_id"), child__merged_into__isnull=True).values_list(
        "child_id", "version__concern_id", "version__concern__received_at", "version__category_codes",
        "version__concern__status", "dob", "approx_age", "sex", "ethnicity",
    ).order_by("version__concern__received_at", "pk")
    return [
        Arrival(child, concern, received, frozenset(split_codes(codes)), status == "withdrawn", dob, approx, sex, ethnicity)
        for child, concern, received, codes, status, dob, approx, sex, ethnicity in rows
    ]


def help_decisions(now: dt.datetime) -> list[tuple[int, dt.datetime]]:
    """(concern, when help took effect) for every decision that gave help."""
    return list(
        Decision.objects.filter(kind__in=HELP_DECISIONS, effective_at__isnull=False, effective_at__lte=now)
        .values_list("concern_id", "effective_at")
    )


def decisions_due(start: dt.datetime, now: dt.datetime) -> list[tuple[dt.datetime, dt.datetime | None, dt.datetime | None]]:
    """(decision due, first decision, withdrawn) for each concern whose decision fell due in the window."""
    return list(
        Concern.objects.filter(decision_due_at__gte=start, decision_due_at__lte=now)
        .annotate(first=Min("decisions__created_at"))
        .values_list("decision_due_at", "first", "withdrawn_at")
    )


def actions_due(start: dt.datetime, now: dt.datetime) -> list[tuple[str, dt.datetime, dt.datetime | None, str]]:
    """(kind, due, closed, status) for each action that fell due in the window and was not cancelled."""
    return list(
        Action.objects.filter(due_at__gte=start, due_at__lte=now).exclude(status=ActionStatus.CANCELLED)
        .values_list("kind", "due_at", "closed_at", "status")
    )


def open_cases() -> list[tuple[int | None, int]]:
    """(allocated worker, child) for each open case."""
    return list(Case.objects.filter(closed_at__isnull=True).values_list("allocated_worker_id", "child_id"))


def case_holders() -> list[User]:
    return list(
        User.objects.filter(is_active=True, role__in=HOLDS_CASES).select_related("team").order_by("last_name", "first_name", "pk")
    )


def team_posts() -> list[TeamPosts]:
    """The posts in force for each team (the newest row for the team)."""
    newest: dict[int, TeamPosts] = {}
    for posts in TeamPosts.objects.select_related("team__agency").order_by("created_at", "pk"):
        newest[posts.team_id] = posts
    return sorted(newest.values(), key=lambda p: (p.team.agency.name, p.team.name))


def staff_by_team() -> dict[int, int]:
    """Active people in each team (people, not agency systems)."""
    rows = (
        User.objects.filter(is_active=True, team__isnull=False).exclude(role=Role.AGENCY_SYSTEM)
        .values("team_id").annotate(people=Count("pk")).values_list("team_id", "people")
    )
    return dict(rows)


def mental_health_referrals() -> list[tuple[int, dt.date, dt.date | None]]:
    """(child, referred on, first seen on) as recorded at each review that gave a referral date."""
    return list(
        Review.objects.filter(mental_health_referred_on__isnull=False)
        .values_list("child_id", "mental_health_referred_on", "mental_health_first_seen_on")
    )


def population() -> tuple[PopulationLoad | None, list[PopulationGroup]]:
    load = PopulationLoad.objects.order_by("-created_at", "-pk").first()
    return load, (list(load.groups.all()) if load else [])
