"""Restricting a child's record, reviewing and lifting the restriction, and breaking the glass. Every step
is audited in the same transaction; breaking the glass also emails the auditors."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from typing import ClassVar

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction

from joinedup.core import audit, clock
from joinedup.core.models import User
from joinedup.core.roles import READS_AUDIT, Role
from joinedup.records.models import Child
from joinedup.records.services import RefusedError
from joinedup.restrictions.models import BreakGlass, Restriction, RestrictionReview

logger = logging.getLogger(__name__)
RESTRICTS = frozenset({Role.TEAM_MANAGER})
_CACHE = "_joinedup_hidden_children"


@dataclasses.dataclass(frozen=True)
class RecordRestricted(audit.AuditEventData):
    """A child's record was restricted to named people."""

    name: ClassVar[str] = "record_restricted"
    restriction_id: int = 0
    members: tuple[str, ...] = ()
    reason: str = ""

    def object_ref(self):
        return "restriction", str(self.restriction_id)


@dataclasses.dataclass(frozen=True)
class RestrictionReviewed(audit.AuditEventData):
    """A restriction was reviewed: kept until the next review, or lifted."""

    name: ClassVar[str] = "restriction_reviewed"
    restriction_id: int = 0
    kept: bool = True
    reason: str = ""

    def object_ref(self):
        return "restriction", str(self.restriction_id)


@dataclasses.dataclass(frozen=True)
class GlassBroken(audit.AuditEventData):
    """Someone not named on a restriction opened the child's record, with a reason, for a limited time."""

    name: ClassVar[str] = "glass_broken"
    restriction_id: int = 0
    expires_at: str = ""
    reason: str = ""

    def object_ref(self):
        return "restriction", str(self.restriction_id)


def _tell_auditors(subject: str, body: str, to: list[str]) -> None:
    """After the commit: a mail failure must not undo the access (it is logged; the audit trail has it)."""
    try:
        send_mail(subject=subject, message=body, from_email=settings.DEFAULT_FROM_EMAIL, recipient_list=to)
    except Exception:  # noqa: BLE001 (any mail failure: logged, never raised to the user)
        logger.exception("could not email the auditors about broken glass")


def _forget(user) -> None:
    if user is not None and hasattr(user, _CACHE):
        delattr(user, _CACHE)


def hidden_children(user) -> frozenset[int]:
    """The children restricted away from this user (one query, kept on the user object for the request)."""
    cached = getattr(user, _CACHE, None)
    if cached is not None:
        return cached
    now = clock.now()
    rows = (
        Restriction.objects.filter(lifted_at__isnull=True)
        .exclude(members=user)
        .exclude(breaks__user=user, breaks__expires_at__gt=now)
        .values_list("child_id", flat=True)
    )
    hidden = frozenset(rows)
    setattr(user, _CACHE, hidden)
    return hidden


def active_restriction(child: Child) -> Restriction | None:
    return Restriction.objects.filter(child=child, lifted_at__isnull=True).prefetch_related("members").first()


@transaction.atomic
def restrict(actor, child: Child, members: list[User], reason: str) -> Restriction:
    from joinedup.records.access import children_visible_to

    reason = reason.strip()
    if actor.role not in RESTRICTS or not children_visible_to(actor).filter(pk=child.pk).exists():
        raise RefusedError("Only a team manager who can see the child can restrict the record.")
    if not reason:
        raise RefusedError("Give the reason for restricting the record.")
    if Restriction.objects.select_for_update().filter(child=child, lifted_at__isnull=True).exists():
        raise RefusedError("This record is already restricted.")
    now = clock.now()
    restriction = Restriction.objects.create(
        child=child, reason=reason, created_by=actor, created_at=now,
        review_due_at=now + dt.timedelta(days=settings.JOINEDUP_RESTRICTION_REVIEW_DAYS),
    )
    people = {actor, *members}
    restriction.members.set(people)
    audit.record(RecordRestricted(child_id=child.pk, restriction_id=restriction.pk, reason=reason,
                                  members=tuple(sorted(u.username for u in people))), actor)
    for user in people:
        _forget(user)
    return restriction


@transaction.atomic
def review(actor, restriction: Restriction, keep: bool, note: str) -> RestrictionReview:
    note = note.strip()
    if actor.role not in RESTRICTS:
        raise RefusedError("Only a team manager can review a restriction.")
    if not note:
        raise RefusedError("Give the reason for keeping or lifting the restriction.")
    restriction = Restriction.objects.select_for_update().get(pk=restriction.pk)
    if restriction.lifted_at is not None:
        raise RefusedError("This restriction has already been lifted.")
    now = clock.now()
    row = RestrictionReview.objects.create(restriction=restriction, kept=keep, note=note, created_by=actor, created_at=now)
    if keep:
        restriction.review_due_at = now + dt.timedelta(days=settings.JOINEDUP_RESTRICTION_REVIEW_DAYS)
        restriction.save(update_fields=["review_due_at"])
    else:
        restriction.lifted_at, restriction.lifted_by, restriction.lift_reason = now, actor, note
        restriction.save(update_fields=["lifted_at", "lifted_by", "lift_reason"])
    audit.record(RestrictionReviewed(child_id=restriction.child_id, restriction_id=restriction.pk, kept=keep, reason=note), actor)
    return row


@transaction.atomic
def break_glass(actor, child: Child, reason: str) -> BreakGlass:
    from joinedup.records.access import scope

    reason = reason.strip()
    restriction = active_restriction(child)
    if restriction is None:
        raise RefusedError("This record is not restricted.")
    if scope(actor) == "none":
        raise RefusedError("You cannot open children's records.")
    if len(reason) < 10:
        raise RefusedError("Give the reason you need to open this record (at least a sentence).")
    now = clock.now()
    expires = now + dt.timedelta(minutes=settings.JOINEDUP_BREAK_GLASS_MINUTES)
    row = BreakGlass.objects.create(restriction=restriction, user=actor, reason=reason, expires_at=expires,
                                    created_by=actor, created_at=now)
    audit.record(GlassBroken(child_id=child.pk, restriction_id=restriction.pk, reason=reason,
                             expires_at=expires.isoformat()), actor)
    auditors = list(User.objects.filter(role__in=READS_AUDIT, is_active=True).exclude(email="").values_list("email", flat=True))
    if auditors:
        subject = f"JoinedUp: restricted record {child.reference} opened by breaking the glass"
        body = (f"{actor.display_name} ({actor.get_role_display()}) opened the restricted record {child.reference} "
                f"at {now:%Y-%m-%d %H:%M} UTC until {expires:%H:%M}. Their reason: {reason}\n\n"
                "Review it on the audit pages: Broken glass.")
        transaction.on_commit(lambda: _tell_auditors(subject, body, auditors))
    _forget(actor)
    return row
