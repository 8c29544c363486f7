"""Escalating overdue work to team managers: once per item, in the app and by email."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction

from joinedup.casework import events
from joinedup.casework.models import Action, Escalation, Notification
from joinedup.casework.overdue import OverdueItem, overdue_as_of
from joinedup.casework.services import front_door_team
from joinedup.core import audit, clock
from joinedup.core.models import Team, User
from joinedup.core.roles import Role
from joinedup.records.access import concerns_visible_to
from joinedup.records.models import Concern

logger = logging.getLogger(__name__)


def _team_for(item: OverdueItem) -> Team | None:
    if item.kind == "referral_decision":
        return front_door_team()
    if item.kind == "acknowledgement":
        note = Notification.objects.select_related("decision__created_by").get(pk=item.item_id)
        return note.decision.created_by.team if note.decision.created_by else None
    action = Action.objects.select_related("owner").get(pk=item.item_id)
    return action.owner.team if action.owner_id else action.owner_team


def _concern_id(item: OverdueItem) -> int:
    if item.kind == "referral_decision":
        return item.item_id
    if item.kind == "acknowledgement":
        return Notification.objects.values_list("concern_id", flat=True).get(pk=item.item_id)
    return Action.objects.values_list("concern_id", flat=True).get(pk=item.item_id)


def escalate_overdue(limit: int | None = None) -> list[Escalation]:
    """Escalate every overdue item not escalated before. Safe to run often (e.g. every 15 minutes)."""
    already = set(Escalation.objects.values_list("kind", "item_id"))
    made = []
    for item in overdue_as_of(clock.now()):
        if (item.kind, item.item_id) in already:
            continue
        escalation = _escalate(item)
        if escalation is not None:
            made.append(escalation)
        if limit and len(made) >= limit:
            break
    return made


def _escalate(item: OverdueItem) -> Escalation | None:
    team = _team_for(item)
    managers = list(User.objects.filter(team=team, role=Role.TEAM_MANAGER, is_active=True)) if team else []
    emails = [m.email for m in managers if m.email]
    concern = Concern.objects.get(pk=_concern_id(item))
    title = item.title or f"Decision on {concern.reference}"
    try:
        with transaction.atomic():
            escalation = Escalation.objects.create(
                kind=item.kind, item_id=item.item_id, concern=concern, title=title[:300], due_at=item.due_at,
                team=team, emailed_to=emails, created_at=clock.now(),
            )
            audit.record(events.WorkEscalated(kind=item.kind, item_id=item.item_id, to=team.name if team else "no team"))
            if emails:
                shown, body = title, (
                    f"{title}\nConcern {concern.reference} ({concern.agency.name}) was due at "
                    f"{item.due_at:%d %B %Y %H:%M}.\nOpen JoinedUp to see your team's overdue work."
                )
                if any(not concerns_visible_to(m).filter(pk=concern.pk).exists() for m in managers):
                    shown = "Overdue work on a restricted record"  # no child, concern, agency or category
                    body = (f"{shown} was due at {item.due_at:%d %B %Y %H:%M}. Only the people named on the "
                            "record can open it.\nOpen JoinedUp to see your team's overdue work.")
                transaction.on_commit(lambda: _email(f"Overdue in JoinedUp: {shown}"[:150], body, emails))
    except IntegrityError:
        return None  # another run escalated it first
    return escalation


def _email(subject: str, body: str, to: list[str]) -> None:
    """Send after commit. A mail failure is logged, never lost silently: the escalation is in the app."""
    try:
        send_mail(subject=subject, message=body, from_email=settings.DEFAULT_FROM_EMAIL, recipient_list=to)
    except Exception:  # any transport failure: the in-app escalation stands
        logger.exception("could not email an escalation to %s", to)
