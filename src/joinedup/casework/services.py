"""Use cases of follow-through: deciding, signing off, carrying out actions, telling other agencies,
and closing cases. The only place that writes casework models; each runs in one transaction with its
audit event. A refusal raises RefusedError with a plain-English reason."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections import Counter
from collections.abc import Callable

from django.db import transaction
from django.db.models import F, Q

from joinedup.casework import events, policy
from joinedup.casework.models import (
    Action,
    ActionKind,
    ActionStatus,
    Case,
    Decision,
    DecisionKind,
    DecisionStatus,
    Notification,
    Reassignment,
    SignOff,
)
from joinedup.core import audit, bulk, clock, deadlines
from joinedup.core.models import Agency, Team, User
from joinedup.core.roles import Role
from joinedup.records.access import concerns_visible_to
from joinedup.records.models import Concern, ConcernChild, ConcernStatus
from joinedup.records.services import RefusedError

DECIDES = frozenset({Role.FRONT_DOOR, Role.SOCIAL_WORKER, Role.TEAM_MANAGER})
SIGNS_OFF = frozenset({Role.TEAM_MANAGER})


@dataclasses.dataclass
class ActionSpec:
    """An action a decision-maker adds, with its owner and due date."""

    title: str
    due_at: dt.datetime
    owner: User | None = None
    owner_team: Team | None = None


def child_ids_of(concern: Concern) -> list[int]:
    return list(ConcernChild.objects.filter(version_id=concern.current_version_id).values_list("child_id", flat=True))


def concerns_in_year(child_ids: list[int], at: dt.datetime) -> Counter:
    """How many open concerns each child has had in the twelve months up to `at` (any agency)."""
    since = at - dt.timedelta(days=policy.REPEAT_WINDOW_DAYS)
    rows = (
        ConcernChild.objects.filter(
            child_id__in=child_ids,
            version__concern__current_version_id=F("version_id"),
            version__concern__received_at__gt=since,
            version__concern__received_at__lte=at,
        )
        .exclude(version__concern__status=ConcernStatus.WITHDRAWN)
        .values_list("child_id", "version__concern_id")
        .distinct()
    )
    return Counter(child_id for child_id, _ in rows)


def _audit_action(action: Action, actor) -> None:
    audit.record(
        events.ActionCreated(child_id=action.child_id, action_id=action.pk, kind=action.kind, due_at=action.due_at.isoformat()),
        actor,
    )


def due_work(
    *, kind: str, title: str, concern: Concern | int, rule: str, start: dt.datetime, actor=None,
    child_id: int | None = None, decision: Decision | None = None, owner=None, owner_team=None, alert=None,
) -> Action:
    """An unsaved action whose deadline comes from a clock rule (stored with it), created now. `concern`
    may be given by id (arrival hooks have only the ids)."""
    about = {"concern": concern} if isinstance(concern, Concern) else {"concern_id": concern}
    return Action(
        kind=kind, title=title, **about, child_id=child_id, decision=decision, owner=owner, alert=alert,
        owner_team=owner_team, due_at=deadlines.due(rule, start), due_rule=rule,
        due_rule_params=deadlines.rule(rule), due_from=start, created_by=actor, created_at=clock.now(),
    )


def create_due_work(**spec) -> Action:
    """Create an action whose deadline comes from a clock rule (the arguments of `due_work`)."""
    action = due_work(**spec)
    action.save(force_insert=True)
    _audit_action(action, action.created_by)
    return action


def create_due_work_many(actions: list[Action]) -> None:
    """Store actions built by `due_work` in one statement and audit them in order, each at the moment it
    was built: arrival hooks create thousands during an import, where a round trip each dominated."""
    bulk.insert_rows_returning(Action, actions)
    audit.record_many([
        (
            events.ActionCreated(child_id=a.child_id, action_id=a.pk, kind=a.kind, due_at=a.due_at.isoformat()),
            a.created_by,
            a.created_at,
        )
        for a in actions
    ])


def front_door_team() -> Team | None:
    return Team.objects.filter(members__role=Role.FRONT_DOOR, members__is_active=True).order_by("pk").first()


def owners_for_arrivals(arrivals, context: dict) -> tuple[dict, Callable[[], Team | None]]:
    """For the arrival hooks of one batch: each child's allocated worker on an open case, and the front
    door team (read when first needed), read once for every hook that asks, not once per hook."""
    batch = context.setdefault("batch", {})
    if "owners" not in batch:
        child_ids = {c for a in arrivals for c in a.child_ids}
        batch["owners"] = {
            case.child_id: case.allocated_worker
            for case in Case.objects.filter(child_id__in=child_ids, closed_at__isnull=True).select_related("allocated_worker")
        }
        batch["front_door"] = functools.cache(front_door_team)
    return batch["owners"], batch["front_door"]


@transaction.atomic
def record_decision(
    actor, concern: Concern, kind: str, rationale: str, *, refer_to: Agency | None = None,
    actions: list[ActionSpec] = (),
) -> Decision:
    """Decide what happens about a concern. "No further action" needs a rationale, and for sexual abuse
    or exploitation, significant indicators or a third concern in a year it needs a manager's sign-off
    before it takes effect."""
    if actor.role not in DECIDES or not concerns_visible_to(actor).filter(pk=concern.pk).exists():
        raise RefusedError("You cannot record decisions on this concern.")
    if kind not in DecisionKind.values:
        raise RefusedError(f"{kind!r} is not a kind of decision.")
    if concern.status == ConcernStatus.WITHDRAWN:
        raise RefusedError("This concern has been withdrawn.")
    rationale = rationale.strip()
    if kind == DecisionKind.NO_FURTHER_ACTION and not rationale:
        raise RefusedError("Give the rationale for no further action.")
    if kind == DecisionKind.REFERRAL and refer_to is None:
        raise RefusedError("Choose the agency the concern is referred to.")
    if concern.decisions.filter(status__in=[DecisionStatus.EFFECTIVE, DecisionStatus.AWAITING_SIGN_OFF]).exists():
        raise RefusedError("This concern already has a decision.")
    now = clock.now()
    for spec in actions:
        _check_new_action(actor, concern, spec, now)
    version = concern.current_version
    children = child_ids_of(concern)
    in_year = max(concerns_in_year(children, now).values(), default=0)
    reasons = policy.sign_off_reasons(kind, version.categories, version.indicators, in_year)
    decision = Decision.objects.create(
        concern=concern, kind=kind, rationale=rationale, refer_to=refer_to, created_by=actor, created_at=now,
        status=DecisionStatus.AWAITING_SIGN_OFF if reasons else DecisionStatus.EFFECTIVE, sign_off_reasons=reasons,
    )
    for child_id in children or [None]:
        audit.record(
            events.DecisionRecorded(child_id=child_id, decision_id=decision.pk, concern_id=concern.pk, kind=kind, status=decision.status),
            actor,
        )
    for spec in actions:
        action = Action.objects.create(
            kind=ActionKind.OTHER, title=spec.title, concern=concern, child_id=children[0] if children else None,
            decision=decision, owner=spec.owner, owner_team=spec.owner_team or (None if spec.owner else actor.team),
            due_at=spec.due_at, created_by=actor, created_at=now,
        )
        _audit_action(action, actor)
    if reasons:
        create_due_work(
            kind=ActionKind.SIGN_OFF, title=f"Sign off 'no further action' on {concern.reference}", concern=concern,
            rule="sign_off", start=now, actor=actor, child_id=children[0] if children else None,
            decision=decision, owner_team=actor.team,
        )
    else:
        _take_effect(decision, actor, children)
    return decision


def _take_effect(decision: Decision, actor, children: list[int]) -> None:
    now = clock.now()
    Decision.objects.filter(pk=decision.pk).update(status=DecisionStatus.EFFECTIVE, effective_at=now)
    decision.status, decision.effective_at = DecisionStatus.EFFECTIVE, now
    concern = decision.concern
    child_id = children[0] if children else None
    for planned in policy.ACTIONS_FOR_DECISION.get(decision.kind, ()):
        start = concern.received_at if planned.anchor == "received" else now
        create_due_work(
            kind=planned.kind, title=planned.title, concern=concern, rule=planned.rule, start=start, actor=actor,
            child_id=child_id, decision=decision, owner_team=decision.created_by.team if decision.created_by else None,
        )
    _notify(decision, actor, now)
    if decision.kind in policy.OPENS_CASE:
        for cid in children:
            if not Case.objects.filter(child_id=cid, closed_at__isnull=True).exists():
                case = Case.objects.create(child_id=cid, team=decision.created_by.team if decision.created_by else None,
                                           created_by=actor, created_at=now)
                audit.record(events.CaseChanged(child_id=cid, case_id=case.pk, change="opened"), actor)


def _notify(decision: Decision, actor, now) -> None:
    purpose = policy.PURPOSE_FOR_DECISION.get(decision.kind)
    if purpose is None:
        return
    agencies: list[Agency] = []
    for agency_type in policy.NOTIFY_TYPES.get(decision.kind, ()):
        agency = Agency.objects.filter(type=agency_type).order_by("pk").first()
        if agency is not None:
            agencies.append(agency)
    if decision.refer_to is not None:
        agencies.append(decision.refer_to)
    for agency in {a.pk: a for a in agencies}.values():
        if actor is not None and agency.pk == actor.agency_id:
            continue
        Notification.objects.create(
            concern=decision.concern, decision=decision, to_agency=agency, purpose=purpose,
            message=decision.rationale, ack_due_at=deadlines.due("acknowledgement", now),
            due_rule_params=deadlines.rule("acknowledgement"), created_by=actor, created_at=now,
        )


@transaction.atomic
def sign_off(manager, decision: Decision, approved: bool, note: str) -> SignOff:
    """A team manager signs off a decision (or declines, and the concern needs a new decision)."""
    decision = Decision.objects.select_for_update().get(pk=decision.pk)
    if manager.role not in SIGNS_OFF:
        raise RefusedError("Only a team manager can sign off a decision.")
    if decision.created_by_id == manager.pk:
        raise RefusedError("You cannot sign off your own decision.")
    if decision.status != DecisionStatus.AWAITING_SIGN_OFF:
        raise RefusedError("This decision is not waiting for sign-off.")
    if not note.strip():
        raise RefusedError("Give a note with your sign-off.")
    now = clock.now()
    record = SignOff.objects.create(decision=decision, approved=approved, note=note.strip(), created_by=manager, created_at=now)
    children = child_ids_of(decision.concern)
    for child_id in children or [None]:
        audit.record(events.DecisionSignedOff(child_id=child_id, decision_id=decision.pk, approved=approved, reason=note), manager)
    for action in decision.actions.filter(kind=ActionKind.SIGN_OFF, status=ActionStatus.OPEN):
        _close(action, manager, ActionStatus.DONE, note, now)
    if approved:
        _take_effect(decision, manager, children)
    else:
        Decision.objects.filter(pk=decision.pk).update(status=DecisionStatus.NOT_SIGNED_OFF)
    return record


def _close(action: Action, actor, status: str, note: str, now) -> None:
    Action.objects.filter(pk=action.pk).update(status=status, closed_at=now, closed_by=actor, completion_note=note)
    audit.record(events.ActionClosed(child_id=action.child_id, action_id=action.pk, status=status, reason=note), actor)


def can_work_on(user, action: Action) -> bool:
    if action.owner_id == user.pk:
        return True
    if action.owner_team_id and action.owner_team_id == user.team_id:
        return True
    if user.role == Role.TEAM_MANAGER and action.owner_id and action.owner.team_id == user.team_id:
        return True
    return False


@transaction.atomic
def complete_action(actor, action: Action, note: str) -> Action:
    action = Action.objects.select_for_update().get(pk=action.pk)
    if not can_work_on(actor, action):
        raise RefusedError("Only the action's owner, their team or their manager can complete it.")
    if action.status != ActionStatus.OPEN:
        raise RefusedError("This action is already closed.")
    if action.kind == ActionKind.SIGN_OFF:
        raise RefusedError("A sign-off is completed by signing off the decision.")
    if action.kind == ActionKind.ALERT_TRIAGE:
        raise RefusedError("Triage is completed by recording a decision on the alert.")
    if not note.strip():
        raise RefusedError("Say what was done.")
    now = clock.now()
    _close(action, actor, ActionStatus.DONE, note.strip(), now)
    following = policy.NEXT_ACTION.get(action.kind)
    if following is not None:
        create_due_work(
            kind=following.kind, title=following.title, concern=action.concern, rule=following.rule, start=now,
            actor=actor, child_id=action.child_id, decision=action.decision, owner=action.owner,
            owner_team=action.owner_team,
        )
    action.refresh_from_db()
    return action


@transaction.atomic
def cancel_action(actor, action: Action, reason: str) -> Action:
    if not can_work_on(actor, action):
        raise RefusedError("Only the action's owner, their team or their manager can cancel it.")
    if action.status != ActionStatus.OPEN:
        raise RefusedError("This action is already closed.")
    if not reason.strip():
        raise RefusedError("Give a reason for cancelling the action.")
    _close(action, actor, ActionStatus.CANCELLED, reason.strip(), clock.now())
    action.refresh_from_db()
    return action


def _check_owner(owner: User | None, team: Team | None, concern: Concern) -> None:
    if owner is None and team is None:
        raise RefusedError("Choose who owns the action (a person or a team).")
    if owner is not None and (not owner.is_active or not concerns_visible_to(owner).filter(pk=concern.pk).exists()):
        raise RefusedError(f"{owner.display_name} cannot see this concern, so cannot own the action.")


def _check_new_action(actor, concern: Concern, spec: ActionSpec, now) -> None:
    if not spec.title.strip():
        raise RefusedError("Say what the action is.")
    if spec.due_at <= now:
        raise RefusedError("The due date must be in the future.")
    _check_owner(spec.owner, spec.owner_team or (None if spec.owner else actor.team), concern)


@transaction.atomic
def add_action(actor, concern: Concern, spec: ActionSpec) -> Action:
    if actor.role not in DECIDES or not concerns_visible_to(actor).filter(pk=concern.pk).exists():
        raise RefusedError("You cannot add actions to this concern.")
    now = clock.now()
    _check_new_action(actor, concern, spec, now)
    children = child_ids_of(concern)
    action = Action.objects.create(
        kind=ActionKind.OTHER, title=spec.title.strip(), concern=concern, child_id=children[0] if children else None,
        owner=spec.owner, owner_team=spec.owner_team or (None if spec.owner else actor.team), due_at=spec.due_at,
        created_by=actor, created_at=now,
    )
    _audit_action(action, actor)
    return action


@transaction.atomic
def reassign_action(actor, action: Action, *, to_owner: User | None = None, to_team: Team | None = None, reason: str) -> Action:
    action = Action.objects.select_for_update().get(pk=action.pk)
    if not (can_work_on(actor, action) or actor.role == Role.TEAM_MANAGER):
        raise RefusedError("Only the action's owner, their team or a manager can reassign it.")
    if action.status != ActionStatus.OPEN:
        raise RefusedError("This action is already closed.")
    if not reason.strip():
        raise RefusedError("Give a reason for the reassignment.")
    _check_owner(to_owner, to_team, action.concern)
    Reassignment.objects.create(
        action=action, from_owner_id=action.owner_id, from_team_id=action.owner_team_id, to_owner=to_owner,
        to_team=to_team, reason=reason.strip(), created_by=actor, created_at=clock.now(),
    )
    Action.objects.filter(pk=action.pk).update(owner=to_owner, owner_team=to_team if to_owner is None else (to_team or None))
    label = to_owner.display_name if to_owner else to_team.name
    audit.record(events.ActionReassigned(child_id=action.child_id, action_id=action.pk, to=label, reason=reason), actor)
    action.refresh_from_db()
    return action


@transaction.atomic
def acknowledge(actor, notification: Notification) -> Notification:
    notification = Notification.objects.select_for_update().get(pk=notification.pk)
    if actor.agency_id != notification.to_agency_id:
        raise RefusedError("Only the notified agency can acknowledge this.")
    if notification.acknowledged_at is not None:
        raise RefusedError("This has already been acknowledged.")
    now = clock.now()
    Notification.objects.filter(pk=notification.pk).update(acknowledged_at=now, acknowledged_by=actor)
    for child_id in child_ids_of(notification.concern) or [None]:
        audit.record(events.NotificationAcknowledged(child_id=child_id, notification_id=notification.pk), actor)
    notification.refresh_from_db()
    return notification


@transaction.atomic
def allocate_case(manager, case: Case, worker: User) -> Case:
    if manager.role != Role.TEAM_MANAGER:
        raise RefusedError("Only a team manager can allocate a case.")
    if worker.role not in (Role.SOCIAL_WORKER, Role.TEAM_MANAGER) or not worker.is_active:
        raise RefusedError(f"{worker.display_name} cannot hold a case.")
    Case.objects.filter(pk=case.pk).update(allocated_worker=worker, team=worker.team)
    audit.record(events.CaseChanged(child_id=case.child_id, case_id=case.pk, change=f"allocated to {worker.username}"), manager)
    Action.objects.filter(child_id=case.child_id, status=ActionStatus.OPEN, owner__isnull=True).update(owner=worker)
    case.refresh_from_db()
    return case


@transaction.atomic
def close_case(actor, case: Case, reason: str) -> Case:
    if actor.role not in DECIDES:
        raise RefusedError("You cannot close cases.")
    if case.closed_at is not None:
        raise RefusedError("This case is already closed.")
    if not reason.strip():
        raise RefusedError("Give a reason for closing the case.")
    open_actions = Action.objects.filter(child_id=case.child_id, status=ActionStatus.OPEN).count()
    if open_actions:
        raise RefusedError(f"The child has {open_actions} open action(s); complete or cancel them first.")
    Case.objects.filter(pk=case.pk).update(closed_at=clock.now(), closed_by=actor, closure_reason=reason.strip())
    audit.record(events.CaseChanged(child_id=case.child_id, case_id=case.pk, change="closed", reason=reason), actor)
    case.refresh_from_db()
    return case


def open_work_for(user) -> Q:
    """Open actions a user answers for: their own, and their team's unassigned ones."""
    mine = Q(owner=user)
    if user.team_id is not None:
        mine |= Q(owner__isnull=True, owner_team_id=user.team_id)
    return Q(status=ActionStatus.OPEN) & mine


def alert_needs_triage(alert, concern_id: int) -> None:
    """A new alert is due work: triage within the alert_triage rule (one working day), for the front door."""
    concern = Concern.objects.get(pk=concern_id)
    create_due_work(
        kind=ActionKind.ALERT_TRIAGE, title=f"Triage alert {alert.reference}", concern=concern, rule="alert_triage",
        start=alert.raised_at, owner_team=front_door_team(), alert=alert,
    )


def alert_was_triaged(alert, actor, decision: str) -> None:
    """Triage done: the triage work is complete (a decision of no action still waits for sign-off on
    the alert itself)."""
    now = clock.now()
    for action in Action.objects.filter(alert=alert, kind=ActionKind.ALERT_TRIAGE, status=ActionStatus.OPEN):
        _close(action, actor, ActionStatus.DONE, f"Triaged: {decision.replace('_', ' ')}", now)
