"""New concerns about restricted records: they must still be decided. The front door cannot open them, so
the people named on the restriction are told when one arrives (an email, and the concern on their My work
until it is decided), and everyone else who would have decided it sees only how many are waiting: no
child, no agency, no category."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import logging
import time
from collections import defaultdict
from typing import ClassVar

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from joinedup.casework.models import Action, ActionStatus, Decision, DecisionStatus
from joinedup.casework.services import DECIDES
from joinedup.core import audit, clock
from joinedup.core.roles import Role
from joinedup.records.access import concerns_naming, hidden_children, scope
from joinedup.records.models import Concern, ConcernStatus, reference_for
from joinedup.restrictions.models import Restriction

logger = logging.getLogger(__name__)
RESTRICTIONS_REREAD_SECONDS = 5.0


@dataclasses.dataclass(frozen=True)
class RestrictedConcernArrived(audit.AuditEventData):
    """A new concern named a child whose record is restricted; the named people were told."""

    name: ClassVar[str] = "restricted_concern_arrived"
    concern_id: int = 0
    restriction_id: int = 0
    told: tuple[str, ...] = ()

    def object_ref(self):
        return "concern", str(self.concern_id)


def _waiting() -> QuerySet[Concern]:
    """Open concerns with no decision in effect or waiting for sign-off (the front door's queue)."""
    live = Decision.objects.filter(concern=OuterRef("pk"),
                                   status__in=[DecisionStatus.EFFECTIVE, DecisionStatus.AWAITING_SIGN_OFF])
    return Concern.objects.filter(status=ConcernStatus.OPEN).exclude(Exists(live))


@dataclasses.dataclass(frozen=True)
class Waiting:
    count: int
    overdue: int


def hidden_waiting(user, now: dt.datetime) -> Waiting:
    """How many concerns waiting for a decision the user cannot open because of a restriction."""
    if scope(user) != "all":
        return Waiting(0, 0)
    hidden = hidden_children(user)
    if not hidden:
        return Waiting(0, 0)
    rows = _waiting().filter(pk__in=concerns_naming(hidden))
    counts = rows.aggregate(count=Count("pk"), overdue=Count("pk", filter=Q(decision_due_at__lt=now)))
    return Waiting(counts["count"], counts["overdue"])


def _my_children(user) -> QuerySet[Restriction]:
    return Restriction.objects.filter(lifted_at__isnull=True, members=user).values("child_id")


def waiting_for(user) -> QuerySet[Concern]:
    """Concerns about records restricted to this user (and others) waiting for a decision, if the user can
    make it; soonest due first."""
    if user.role not in DECIDES or not user.is_active:
        return Concern.objects.none()
    return (
        _waiting().filter(pk__in=concerns_naming(_my_children(user)))
        .select_related("current_version").order_by("decision_due_at", "pk")
    )


def stranded_work(user) -> QuerySet:
    """For a team manager named on a restriction: open actions on the restricted child's concerns held by
    someone not named (often the front-door team, from the concern's arrival), who cannot open them. The
    manager can open each one and reassign it to someone named."""
    if user.role != Role.TEAM_MANAGER or not user.is_active:
        return Action.objects.none()
    mine = Restriction.objects.filter(lifted_at__isnull=True, members=user)
    named = Restriction.members.through.objects.filter(restriction__in=mine).values("user_id")
    return (
        Action.objects.filter(status=ActionStatus.OPEN, concern_id__in=concerns_naming(mine.values("child_id")))
        .exclude(owner_id__in=named).select_related("concern", "owner", "owner_team").order_by("due_at", "pk")
    )


def hidden_concern_ids(user, concern_ids) -> set[int]:
    """Which of these concerns the user cannot open because of a restriction (for lists of work)."""
    hidden = hidden_children(user)
    ids = {pk for pk in concern_ids if pk}
    if not hidden or not ids:
        return set()
    return set(concerns_naming(hidden).filter(version__concern_id__in=ids).values_list("version__concern_id", flat=True))


# --- when a concern arrives -----------------------------------------------------------------------


def _told(restriction: Restriction) -> list:
    """The named people who can decide; if none of them can (or is still active), every named person."""
    members = [m for m in restriction.members.all() if m.is_active]
    deciders = [m for m in members if m.role in DECIDES]
    return deciders or members


def _restricted_children(context: dict) -> set[int]:
    """Children with an active restriction, read at most every few seconds during a bulk import (one
    query per concern cost a tenth of a replay): a restriction placed mid-import is seen seconds later."""
    cached = context.get("restricted_children")
    if cached is None or time.monotonic() - cached[0] > RESTRICTIONS_REREAD_SECONDS:
        ids = set(Restriction.objects.filter(lifted_at__isnull=True).values_list("child_id", flat=True))
        cached = context["restricted_children"] = (time.monotonic(), ids)
    return cached[1]


def on_concerns_arrived(arrivals, context: dict) -> None:
    """An arrival hook (records.ingest): a new concern naming a restricted child is audited with who was
    told, and those people are emailed once per batch, after the commit (not during a replay of history)."""
    created = [a for a in arrivals if a.outcome == "created" and a.child_ids]
    if not created:
        return
    child_ids = {c for a in created for c in a.child_ids}
    if context.get("bulk") and not child_ids & _restricted_children(context):
        return
    restrictions = {
        r.child_id: r for r in Restriction.objects.filter(lifted_at__isnull=True, child_id__in=child_ids).prefetch_related("members")
    }
    if not restrictions:
        return
    due = dict(Concern.objects.filter(pk__in=[a.concern_id for a in created]).values_list("pk", "decision_due_at"))
    emails: dict[str, list[int]] = defaultdict(list)
    for arrival in created:
        for child_id in arrival.child_ids:
            restriction = restrictions.get(child_id)
            if restriction is None:
                continue
            people = _told(restriction)
            with clock.frozen(arrival.received_at) if context.get("replay") else contextlib.nullcontext():
                audit.record(RestrictedConcernArrived(
                    child_id=child_id, concern_id=arrival.concern_id, restriction_id=restriction.pk,
                    told=tuple(sorted(p.username for p in people)),
                ), arrival.actor)
            for person in people:
                if person.email and arrival.concern_id not in emails[person.email]:
                    emails[person.email].append(arrival.concern_id)
    if emails and not context.get("replay"):
        for address, concern_ids in emails.items():
            subject, body = _message([(reference_for(pk), due.get(pk)) for pk in concern_ids])
            transaction.on_commit(lambda s=subject, b=body, a=address: _email(s, b, [a]))


def _message(concerns: list[tuple[str, dt.datetime | None]]) -> tuple[str, str]:
    """The email: references and deadlines only (no child, agency or category: email is less safe)."""
    count = len(concerns)
    noun = "a new concern" if count == 1 else f"{count} new concerns"
    lines = [
        f"{ref}: decision due {timezone.localtime(at):%d %B %Y %H:%M}" if at else ref for ref, at in concerns
    ]
    body = (
        f"JoinedUp has received {noun} about a record restricted to you and others. Only the people named on "
        "the restriction can open it, so the front door cannot decide it: one of you must.\n\n"
        + "\n".join(lines)
        + "\n\nOpen JoinedUp: the concerns are on My work, under Restricted records, until they are decided."
    )
    return f"JoinedUp: {noun} about a restricted record {'needs' if count == 1 else 'need'} a decision", body


def _email(subject: str, body: str, to: list[str]) -> None:
    """After the commit: a mail failure is logged (the concern is on the named people's My work)."""
    try:
        send_mail(subject=subject, message=body, from_email=settings.DEFAULT_FROM_EMAIL, recipient_list=to)
    except Exception:  # noqa: BLE001 (any mail failure: logged, never raised into the import)
        logger.exception("could not email the named people about a concern on a restricted record")
