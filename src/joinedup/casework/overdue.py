"""Overdue work as of any moment: what was due before T and not done by T (shared/spec: overdue/1).

Every item is derived from timestamps on the operational records (received, decided, closed,
acknowledged), so the answer for a past moment is the same today as it was then, and a replayed
history gives the overdue picture at any point in it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Exists, OuterRef, Q

from joinedup.casework.models import Action, ActionKind, Decision, Notification
from joinedup.records.models import Concern

# Action kinds as the interchange names them (others keep their own names).
SPEC_KIND = {
    ActionKind.OTHER: "action",
    ActionKind.REVIEW_CONFERENCE: "review",
    ActionKind.INITIAL_CONFERENCE: "initial_conference",
}


@dataclasses.dataclass(frozen=True)
class OverdueItem:
    kind: str
    agency: str
    source_ref: str
    due_at: dt.datetime
    assigned_to: str | None
    title: str = ""
    item_id: int = 0

    def as_spec(self) -> dict:
        zone = ZoneInfo(settings.JOINEDUP_LOCAL_TIME_ZONE)
        return {
            "schema": "joinedup.overdue/1",
            "kind": self.kind,
            "concern": {"agency": self.agency, "source_ref": self.source_ref},
            "due_at": self.due_at.astimezone(zone).isoformat(),
            "assigned_to": self.assigned_to,
        }


def undecided_concerns(at: dt.datetime):
    decided = Decision.objects.filter(concern=OuterRef("pk"), created_at__lte=at)
    return (
        Concern.objects.filter(received_at__lte=at, decision_due_at__lt=at)
        .exclude(withdrawn_at__lte=at)
        .exclude(Exists(decided))
    )


def open_actions(at: dt.datetime):
    return Action.objects.filter(created_at__lte=at, due_at__lt=at).filter(Q(closed_at__isnull=True) | Q(closed_at__gt=at))


def unacknowledged(at: dt.datetime):
    return Notification.objects.filter(created_at__lte=at, ack_due_at__lt=at).filter(
        Q(acknowledged_at__isnull=True) | Q(acknowledged_at__gt=at)
    )


def _owner(action: Action) -> str | None:
    if action.owner_id:
        return action.owner.username
    return action.owner_team.name if action.owner_team_id else None


def overdue_as_of(at: dt.datetime) -> Iterator[OverdueItem]:
    for concern in undecided_concerns(at).select_related("agency").order_by("decision_due_at", "pk").iterator(2000):
        yield OverdueItem("referral_decision", concern.agency.name, concern.source_ref, concern.decision_due_at, None,
                          item_id=concern.pk)
    actions = open_actions(at).select_related("concern__agency", "owner", "owner_team").order_by("due_at", "pk")
    for action in actions.iterator(2000):
        yield OverdueItem(SPEC_KIND.get(action.kind, action.kind), action.concern.agency.name, action.concern.source_ref,
                          action.due_at, _owner(action), action.title, action.pk)
    notes = unacknowledged(at).select_related("concern__agency", "to_agency").order_by("ack_due_at", "pk")
    for note in notes.iterator(2000):
        yield OverdueItem("acknowledgement", note.concern.agency.name, note.concern.source_ref, note.ack_due_at,
                          note.to_agency.name, f"{note.get_purpose_display()} ({note.to_agency.name})", note.pk)
