"""Use cases for the analyst's workspace: reading an alert (audited, with the reader's role as the reason),
triaging it with a rationale, and a team manager's sign-off of "no action". Triage rows are append-only;
nothing is dismissed silently: "no action" keeps the alert open until a different person, a team manager,
signs it off.

The one-working-day triage clock (due work for the front door when an alert is raised) is casework's:
`casework.services.alert_needs_triage`, through `identity.hooks`.
"""

from __future__ import annotations

import dataclasses
from typing import ClassVar

from django.db import transaction

from joinedup.core import audit
from joinedup.core.models import Agency
from joinedup.core.roles import SEES_ADULT_INTELLIGENCE, Role
from joinedup.identity import hooks
from joinedup.identity.models import Alert, AlertStatus, AlertTriage, TriageDecision
from joinedup.records.services import RefusedError

# Who may read alerts (intelligence about adults linked across agencies) and triage them.
WORKS_ALERTS = SEES_ADULT_INTELLIGENCE
SIGNS_OFF_NO_ACTION = frozenset({Role.TEAM_MANAGER})
ACTIONS = frozenset({TriageDecision.INVESTIGATION, TriageDecision.STRATEGY_DISCUSSION, TriageDecision.SHARE})
TRIAGE_CHOICES = [(d.value, d.label) for d in (*sorted(ACTIONS, key=list(TriageDecision).index), TriageDecision.NO_ACTION)]


@dataclasses.dataclass(frozen=True)
class AlertViewed(audit.AuditEventData):
    """Someone opened an alert (the network of children and adults behind it); `reason` is their role."""

    name: ClassVar[str] = "alert_viewed"
    alert_id: int = 0
    reference: str = ""
    reason: str = ""

    def object_ref(self):
        return "alert", str(self.alert_id)


@dataclasses.dataclass(frozen=True)
class AlertTriaged(audit.AuditEventData):
    """Someone decided what to do about an alert, with a rationale (and the agency, when sharing)."""

    name: ClassVar[str] = "alert_triaged"
    alert_id: int = 0
    triage_id: int = 0
    decision: str = ""
    share_with: str = ""
    reason: str = ""

    def object_ref(self):
        return "alert", str(self.alert_id)


@dataclasses.dataclass(frozen=True)
class AlertNoActionSignedOff(audit.AuditEventData):
    """A team manager agreed (the alert closes) or did not agree (it needs a new decision) with "no action"."""

    name: ClassVar[str] = "alert_no_action_signed_off"
    alert_id: int = 0
    triage_id: int = 0
    agreed: bool = False
    reason: str = ""

    def object_ref(self):
        return "alert", str(self.alert_id)


def alert_navigation(user) -> list[tuple[str, str]]:
    """The menu items for the alert pages this user's role may open (label, URL name)."""
    pages = [
        (WORKS_ALERTS, ("Alerts", "alert_list")),
        (WORKS_ALERTS, ("Most connected", "entity_list")),
        (WORKS_ALERTS, ("Find a path", "find_path")),
        (SIGNS_OFF_NO_ACTION, ("Alert sign-offs", "alert_sign_off_list")),
    ]
    return [item for roles, item in pages if user.role in roles]


def role_reason(user) -> str:
    return f"role: {user.get_role_display()}" if hasattr(user, "get_role_display") else f"role: {user.role}"


@transaction.atomic
def record_alert_view(user, alert: Alert) -> None:
    audit.record(AlertViewed(alert_id=alert.pk, reference=alert.reference, reason=role_reason(user)), user)


def pending_no_action(alert: Alert, triages=None) -> AlertTriage | None:
    """The "no action" decision waiting for a manager's sign-off, if any (`triages`: the alert's rows,
    oldest first, if already loaded)."""
    rows = list(triages) if triages is not None else list(alert.triages.order_by("created_at", "pk"))
    signed = {t.signs_off_id for t in rows if t.signs_off_id}
    waiting = [t for t in rows if t.decision == TriageDecision.NO_ACTION and t.pk not in signed]
    return waiting[-1] if waiting else None


def _locked(alert: Alert) -> Alert:
    return Alert.objects.select_for_update().get(pk=alert.pk)


@transaction.atomic
def triage_alert(actor, alert: Alert, decision: str, rationale: str, share_with: Agency | None = None) -> AlertTriage:
    """Decide on an open alert. An investigation, strategy discussion or sharing marks it actioned;
    "no action" leaves it open until a team manager signs it off."""
    if actor.role not in WORKS_ALERTS:
        raise RefusedError("Only analysts, police and the front door can triage alerts.")
    if decision not in {value for value, _label in TRIAGE_CHOICES}:
        raise RefusedError("Choose what to do about this alert.")
    if not rationale.strip():
        raise RefusedError("Give the reasons for your decision.")
    if decision == TriageDecision.SHARE and share_with is None:
        raise RefusedError("Choose the agency to share this alert with.")
    alert = _locked(alert)
    if alert.status != AlertStatus.OPEN:
        raise RefusedError("This alert has already been decided.")
    if pending_no_action(alert) is not None:
        raise RefusedError("A decision of no action is waiting for a manager's sign-off.")
    triage = AlertTriage.objects.create(
        alert=alert, decision=decision, rationale=rationale.strip(), created_by=actor,
        share_with=share_with if decision == TriageDecision.SHARE else None,
    )
    if decision in ACTIONS:
        Alert.objects.filter(pk=alert.pk).update(status=AlertStatus.ACTIONED, updated_at=triage.created_at)
    hooks.alert_triaged(alert, actor, decision)
    audit.record(
        AlertTriaged(alert_id=alert.pk, triage_id=triage.pk, decision=decision, reason=triage.rationale,
                     share_with=triage.share_with.name if triage.share_with else ""),
        actor,
    )
    return triage


@transaction.atomic
def sign_off_no_action(actor, alert: Alert, agree: bool, reason: str) -> AlertTriage:
    """A team manager (not the person who decided) agrees with "no action", closing the alert, or does
    not, so the alert needs a new decision."""
    if actor.role not in SIGNS_OFF_NO_ACTION:
        raise RefusedError("Only a team manager can sign off a decision of no action.")
    if not reason.strip():
        raise RefusedError("Give a reason.")
    alert = _locked(alert)
    pending = pending_no_action(alert)
    if pending is None:
        raise RefusedError("There is no decision of no action waiting for sign-off on this alert.")
    if pending.created_by_id == actor.pk:
        raise RefusedError("Someone else must sign off your own decision.")
    row = AlertTriage.objects.create(
        alert=alert, decision=TriageDecision.SIGNED_OFF if agree else TriageDecision.SIGN_OFF_REFUSED,
        rationale=reason.strip(), signs_off=pending, created_by=actor,
    )
    if agree:
        Alert.objects.filter(pk=alert.pk).update(status=AlertStatus.CLOSED, updated_at=row.created_at)
    audit.record(AlertNoActionSignedOff(alert_id=alert.pk, triage_id=pending.pk, agreed=agree, reason=row.rationale), actor)
    return row
