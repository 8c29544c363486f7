"""Recording a sharing decision (audited in the same transaction), by anyone who may see the concern and
records concerns; and the share decided on an alert, recorded against the concern that raised it."""

from __future__ import annotations

import dataclasses
from typing import ClassVar

from django.db import transaction

from joinedup.core import audit, clock
from joinedup.core.models import Agency
from joinedup.core.roles import RECORDS_CONCERNS
from joinedup.records.access import concerns_visible_to
from joinedup.records.models import Concern, ConcernChild
from joinedup.records.services import RefusedError
from joinedup.sharing.models import SharingDecision


@dataclasses.dataclass(frozen=True)
class SharingDecided(audit.AuditEventData):
    """Someone recorded that information was shared with an agency, or deliberately not shared, and why."""

    name: ClassVar[str] = "sharing_decided"
    sharing_id: int = 0
    concern_id: int = 0
    agency: str = ""
    shared: bool = False
    reason: str = ""

    def object_ref(self):
        return "concern", str(self.concern_id)


def _child_ids(concern: Concern) -> list[int]:
    return list(ConcernChild.objects.filter(version_id=concern.current_version_id).values_list("child_id", flat=True).distinct())


@transaction.atomic
def record_sharing(actor, concern: Concern, agency: Agency, *, shared: bool, reason: str, what: str = "",
                   check_access: bool = True) -> SharingDecision:
    reason, what = reason.strip(), what.strip()
    if check_access and (actor is None or actor.role not in RECORDS_CONCERNS
                         or not concerns_visible_to(actor).filter(pk=concern.pk).exists()):
        raise RefusedError("You cannot record sharing decisions on this concern.")
    if not reason:
        raise RefusedError("Give the reason for sharing or not sharing.")
    row = SharingDecision.objects.create(concern=concern, agency=agency, shared=shared, what=what, reason=reason,
                                         created_by=actor, created_at=clock.now())
    if shared:
        _tell_the_agency(actor, concern, agency, what)
    for child_id in _child_ids(concern) or [None]:
        audit.record(SharingDecided(child_id=child_id, sharing_id=row.pk, concern_id=concern.pk, agency=agency.name,
                                    shared=shared, reason=reason), actor)
    return row


def _tell_the_agency(actor, concern: Concern, agency: Agency, what: str) -> None:
    """Shared information reaches people: the agency's first team is due to read it and act (the
    acknowledgement clock); the concern becomes visible to the agency (the grant in apps.py)."""
    from joinedup.casework.models import ActionKind
    from joinedup.casework.services import create_due_work

    team = agency.teams.order_by("pk").first()
    if team is None or (actor is not None and actor.agency_id == agency.pk):
        return
    sender = actor.agency.name if actor is not None and actor.agency_id else "JoinedUp"
    create_due_work(
        kind=ActionKind.OTHER, title=f"Information shared with you by {sender}: read it and act"[:300],
        concern=concern, rule="acknowledgement", start=clock.now(), actor=actor, owner_team=team,
    )


def shared_concerns(user):
    """Grant: an agency may see a concern whose information was shared with it."""
    from django.db.models import Q

    return Q(sharing_decisions__agency_id=user.agency_id, sharing_decisions__shared=True)


def alert_shared(alert, actor, decision: str) -> None:
    """An alert triaged as "share with an agency": the share is recorded with the concern that raised it."""
    from joinedup.identity.models import AlertEvidence, TriageDecision

    if decision != TriageDecision.SHARE:
        return
    triage = alert.triages.filter(decision=TriageDecision.SHARE).select_related("share_with").latest("created_at", "pk")
    first = AlertEvidence.objects.filter(alert=alert).select_related("concern").order_by("linked_at", "pk").first()
    if first is None or triage.share_with is None:
        return
    record_sharing(actor, first.concern, triage.share_with, shared=True, check_access=False,
                   what=f"Alert {alert.reference}: {alert.summary}"[:2000], reason=triage.rationale)
