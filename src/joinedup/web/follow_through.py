"""Named reads for the follow-through pages (decisions, sign-offs, My work, the Team page, a child's
case), each with its select_related/prefetch_related fixed here so that a page runs the same number of
queries however many rows it shows. Writes go through `joinedup.casework.services`."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict

from django.db.models import Case as CaseWhen
from django.db.models import Count, Exists, F, IntegerField, OuterRef, Prefetch, Q, QuerySet, Value, When

from joinedup.casework.models import (
    Action,
    ActionKind,
    ActionStatus,
    Case,
    Decision,
    DecisionStatus,
    Escalation,
    Notification,
    Reassignment,
)
from joinedup.casework.services import open_work_for
from joinedup.core.models import Agency, AgencyType, Team, User
from joinedup.core.roles import SAFEGUARDING_WIDE, Role
from joinedup.records.access import concerns_visible_to, descriptions_of_children_visible_to
from joinedup.records.models import Child, Concern, ConcernChild

LIVE_DECISION = (DecisionStatus.EFFECTIVE, DecisionStatus.AWAITING_SIGN_OFF)
HOLDS_CASES = (Role.SOCIAL_WORKER, Role.TEAM_MANAGER)
# Who can be offered as an action's owner: people whose duty covers every agency's concerns (the
# service still checks that the owner can see the concern).
OWNS_ACTIONS = SAFEGUARDING_WIDE


def live_decision_exists() -> Exists:
    """For a Concern queryset: a decision in effect or waiting for sign-off. A decision not signed off
    does not count, so the concern needs deciding again."""
    return Exists(Decision.objects.filter(concern=OuterRef("pk"), status__in=LIVE_DECISION))


def overdue_decisions(user, now: dt.datetime) -> int:
    """How many open concerns the user may see have passed their decision deadline undecided."""
    return (
        concerns_visible_to(user).filter(status="open", decision_due_at__lt=now)
        .exclude(live_decision_exists()).count()
    )


def child_names(user, child_ids) -> dict[int, str]:
    """Each child's name as the user's newest visible description has it (the reference if none)."""
    ids = {child_id for child_id in child_ids if child_id}
    names: dict[int, str] = {}
    rows = (
        descriptions_of_children_visible_to(user, ids)
        .filter(version_id=F("version__concern__current_version_id"))
        .order_by("child_id", "-version__concern__received_at", "-id")
        .only("child_id", "given_name", "family_name", "ref")
    )
    for row in rows:
        names.setdefault(row.child_id, row.display_name)
    return {child_id: names.get(child_id) or Child(pk=child_id).reference for child_id in ids}


# --- decisions ----------------------------------------------------------------------------------


def decisions_on(concern: Concern) -> list[Decision]:
    """Every decision on a concern, newest first, with its sign-off, actions and notifications."""
    return list(
        Decision.objects.filter(concern=concern)
        .select_related("created_by__agency", "created_by__team", "refer_to", "sign_off__created_by")
        .prefetch_related(
            Prefetch("actions", queryset=Action.objects.select_related("owner", "owner_team").order_by("due_at", "pk")),
            Prefetch("notifications", queryset=Notification.objects.select_related("to_agency").order_by("pk")),
        )
        .order_by("-created_at", "-pk")
    )


def owner_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """Grouped choices for an action's owner: for each team, the team itself, then its people.
    Values are "team:<pk>" and "user:<pk>"."""
    people = (
        User.objects.filter(is_active=True, role__in=OWNS_ACTIONS, team__isnull=False)
        .select_related("team__agency").order_by("team__agency__name", "team__name", "first_name", "last_name", "pk")
    )
    groups: dict[Team, list[tuple[str, str]]] = {}
    for person in people:
        team = person.team
        if team not in groups:
            groups[team] = [(f"team:{team.pk}", f"Anyone in {team.name}")]
        groups[team].append((f"user:{person.pk}", person.display_name))
    return [(f"{team.name}, {team.agency.name}", options) for team, options in groups.items()]


def referral_agencies(user) -> QuerySet[Agency]:
    return Agency.objects.exclude(type=AgencyType.PUBLIC).exclude(pk=user.agency_id).order_by("name")


# --- sign-off -----------------------------------------------------------------------------------


def awaiting_sign_off(manager) -> QuerySet[Decision]:
    """Decisions waiting for a manager, the manager's own team's first, then oldest first."""
    own_team = CaseWhen(When(created_by__team_id=manager.team_id, then=Value(0)), default=Value(1), output_field=IntegerField())
    return (
        Decision.objects.filter(status=DecisionStatus.AWAITING_SIGN_OFF, concern__in=concerns_visible_to(manager))
        .annotate(own_team=own_team)
        .select_related("concern__agency", "concern__current_version", "created_by__team")
        .prefetch_related(
            Prefetch("concern__current_version__children", queryset=ConcernChild.objects.order_by("position")),
            Prefetch("actions", queryset=Action.objects.filter(kind=ActionKind.SIGN_OFF, status=ActionStatus.OPEN),
                     to_attr="sign_off_work"),
        )
        .order_by("own_team", "created_at", "pk")
    )


# --- My work ------------------------------------------------------------------------------------


def my_actions(user) -> QuerySet[Action]:
    """Open actions the user answers for (their own, and their team's unassigned ones), soonest first.
    Someone in no team gets only their own: `open_work_for` would also match actions with no owner and
    no team (owner_team IS NULL)."""
    work = open_work_for(user) if user.team_id else Q(status=ActionStatus.OPEN, owner=user)
    return (
        Action.objects.filter(work)
        .select_related("concern", "owner", "owner_team")
        .order_by("due_at", "pk")
    )


def notifications_to_acknowledge(user) -> QuerySet[Notification]:
    """Notifications to the user's agency that nobody there has acknowledged yet, soonest due first."""
    if not user.agency_id:
        return Notification.objects.none()
    return (
        Notification.objects.filter(to_agency_id=user.agency_id, acknowledged_at__isnull=True)
        .select_related("concern", "decision__created_by__agency")
        .order_by("ack_due_at", "pk")
    )


def reassignments_of(action: Action) -> list[Reassignment]:
    return list(
        Reassignment.objects.filter(action=action)
        .select_related("from_owner", "from_team", "to_owner", "to_team", "created_by")
        .order_by("created_at", "pk")
    )


def action_for_page(pk: int) -> Action | None:
    return (
        Action.objects.filter(pk=pk)
        .select_related("concern__agency", "owner__team", "owner_team", "decision__created_by", "closed_by", "created_by")
        .first()
    )


# --- a child's case -----------------------------------------------------------------------------


def open_case(child: Child) -> Case | None:
    return (
        Case.objects.filter(child=child, closed_at__isnull=True)
        .select_related("allocated_worker", "team").order_by("-created_at").first()
    )


def open_actions_for_child(child: Child) -> list[Action]:
    return list(
        Action.objects.filter(child=child, status=ActionStatus.OPEN)
        .select_related("owner", "owner_team", "concern").order_by("due_at", "pk")
    )


# --- the Team page ------------------------------------------------------------------------------


@dataclasses.dataclass
class Worker:
    user: User
    caseload: int
    overdue: list[Action]


@dataclasses.dataclass
class TeamPicture:
    workers: list[Worker]
    team_overdue: list[Action]  # the team's unassigned overdue work
    unallocated: list[Case]
    escalations: list[Escalation]
    names: dict[int, str]


def team_members(manager) -> list[User]:
    """People in the manager's team who can hold cases."""
    if not manager.team_id:
        return []
    return list(
        User.objects.filter(team_id=manager.team_id, is_active=True, role__in=HOLDS_CASES)
        .order_by("first_name", "last_name", "pk")
    )


def unallocated_cases(manager) -> QuerySet[Case]:
    """Open cases with nobody allocated in the manager's agency, the manager's team's first, oldest first."""
    own_team = CaseWhen(When(team_id=manager.team_id, then=Value(0)), default=Value(1), output_field=IntegerField())
    return (
        Case.objects.filter(closed_at__isnull=True, allocated_worker__isnull=True)
        .filter(Q(team__agency_id=manager.agency_id) | Q(team__isnull=True))
        .annotate(own_team=own_team).select_related("team").order_by("own_team", "created_at", "pk")
    )


def team_picture(manager, now: dt.datetime, *, limit: int = 200) -> TeamPicture:
    """Everything the Team page shows, in six queries however many workers, cases and actions."""
    if not manager.team_id:
        return TeamPicture([], [], list(unallocated_cases(manager)[:limit]), [], {})
    members = team_members(manager)
    by_id = {member.pk: member for member in members}
    overdue = list(
        Action.objects.filter(status=ActionStatus.OPEN, due_at__lt=now)
        .filter(Q(owner_id__in=list(by_id)) | Q(owner__isnull=True, owner_team_id=manager.team_id))
        .select_related("concern", "owner_team").order_by("due_at", "pk")[:limit]
    )
    loads = dict(
        Case.objects.filter(closed_at__isnull=True, allocated_worker_id__in=list(by_id))
        .values_list("allocated_worker_id").annotate(count=Count("pk")).values_list("allocated_worker_id", "count")
    )
    per_worker: dict[int, list[Action]] = defaultdict(list)
    team_overdue = []
    for action in overdue:
        if action.owner_id in by_id:
            action.owner = by_id[action.owner_id]
            per_worker[action.owner_id].append(action)
        else:
            team_overdue.append(action)
    unallocated = list(unallocated_cases(manager)[:limit])
    escalations = list(
        Escalation.objects.filter(team_id=manager.team_id).select_related("concern").order_by("-created_at", "-pk")[:50]
    )
    names = child_names(manager, [a.child_id for a in overdue] + [c.child_id for c in unallocated])
    for action in overdue:
        action.child_name = names.get(action.child_id, "")
    workers = [Worker(member, loads.get(member.pk, 0), per_worker.get(member.pk, [])) for member in members]
    return TeamPicture(workers, team_overdue, unallocated, escalations, names)
