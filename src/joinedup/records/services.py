"""Use cases that write children and concerns. Views, the API and commands call these; nothing else
writes these models. Each runs in one transaction with its audit event."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from joinedup.core import audit, clock
from joinedup.core.roles import RECORDS_CONCERNS, Role
from joinedup.records.access import access_reason, children_visible_to
from joinedup.records.ingest import Ingester, IngestResult
from joinedup.records.interchange import RecordError, read_record
from joinedup.records.models import (
    Child,
    ChildLinkEvent,
    Concern,
    ConcernChild,
    ConcernStatus,
    LinkEventKind,
    MatchCandidate,
    MatchStatus,
)


class RefusedError(ValueError):
    """A request the rules do not allow; the message says why, in plain English."""


def submit_concern(
    actor, data: dict[str, Any], *, channel: str, correction_reason: str = "",
    known_children: dict[int, int] | None = None,
) -> IngestResult:
    """Store one interchange record (form or API). Raises RecordError naming the field if invalid.

    A user of an own-agency role may only submit for their own agency. `known_children` maps a child's
    position in `children[]` to the JoinedUp child the person picked after searching (they must be able
    to see that child)."""
    record = read_record(data)
    known_children = known_children or {}
    for position, child_id in known_children.items():
        if not 0 <= position < len(record.data["children"]):
            raise RecordError("no child at this position", f"children[{position}]")
        if not children_visible_to(actor).filter(pk=child_id).exists():
            raise RecordError("the chosen child record cannot be found", f"children[{position}]")
    if actor is not None and actor.agency_id and actor.role not in ("front_door",):
        if record.agency_name != actor.agency.name:
            raise RecordError(f"you can only submit concerns for {actor.agency.name}", "agency.name")
    return Ingester(
        channel=channel, actor=actor, correction_reason=correction_reason, known_children=known_children
    ).ingest([record])[0]


@transaction.atomic
def withdraw_concern(actor, concern: Concern, reason: str) -> Concern:
    """Withdraw a concern (it is kept, marked withdrawn, with the reason). Only the agency that sent it,
    or the front door, may withdraw it."""
    if not may_withdraw(actor, concern):
        raise RefusedError("Only the agency that recorded this concern, or the front door, can withdraw it.")
    if not reason.strip():
        raise RefusedError("Give a reason for withdrawing the concern.")
    if concern.status == ConcernStatus.WITHDRAWN:
        raise RefusedError("This concern has already been withdrawn.")
    Concern.objects.filter(pk=concern.pk).update(
        status=ConcernStatus.WITHDRAWN, withdrawn_reason=reason.strip(), withdrawn_at=clock.now()
    )
    for child_id in _child_ids(concern):
        audit.record(
            audit.ConcernWithdrawn(child_id=child_id, concern_id=concern.pk, reference=concern.reference, reason=reason),
            actor,
        )
    concern.refresh_from_db()
    return concern


def may_withdraw(user, concern: Concern) -> bool:
    if user is None or not user.is_active:
        return False
    if user.role == Role.FRONT_DOOR:
        return True
    return user.agency_id is not None and user.agency_id == concern.agency_id and user.role in RECORDS_CONCERNS


def _child_ids(concern: Concern) -> list[int]:
    return list(
        ConcernChild.objects.filter(version_id=concern.current_version_id).values_list("child_id", flat=True)
    ) or [None]


@transaction.atomic
def record_child_view(user, child: Child, channel: str = "web") -> None:
    audit.record(audit.ChildViewed(child_id=child.pk, access=access_reason(user), channel=channel), user)


@transaction.atomic
def record_concern_view(user, concern: Concern, channel: str = "web") -> None:
    for child_id in _child_ids(concern):
        audit.record(
            audit.ConcernViewed(child_id=child_id, concern_id=concern.pk, access=access_reason(user), channel=channel),
            user,
        )


@transaction.atomic
def record_child_search(user, query: str, results: int) -> None:
    audit.record(audit.ChildSearched(query=query[:200], results=results), user)


@transaction.atomic
def merge_children(actor, keep: Child, merge: Child, reason: str) -> ChildLinkEvent:
    """`merge` is the same child as `keep`: move every description across (recorded, so reversible)."""
    if keep.pk == merge.pk:
        raise RefusedError("A child record cannot be merged with itself.")
    if keep.merged_into_id or merge.merged_into_id:
        raise RefusedError("One of these records has already been merged into another.")
    if not reason.strip():
        raise RefusedError("Give a reason for the merge.")
    moved = list(ConcernChild.objects.filter(child=merge).values_list("pk", flat=True))
    ConcernChild.objects.filter(pk__in=moved).update(child=keep)
    Child.objects.filter(pk=merge.pk).update(merged_into=keep)
    event = ChildLinkEvent.objects.create(
        kind=LinkEventKind.MERGE, from_child=merge, to_child=keep, moved=moved, reason=reason.strip(),
        created_by=actor, created_at=clock.now(),
    )
    audit.record(audit.ChildrenMerged(child_id=keep.pk, merged_child_id=merge.pk, link_event_id=event.pk, reason=reason), actor)
    return event


@transaction.atomic
def undo_merge(actor, event: ChildLinkEvent, reason: str) -> ChildLinkEvent:
    """Split a merge apart again: the moved descriptions go back to the original child record."""
    if event.kind != LinkEventKind.MERGE:
        raise RefusedError("Only a merge can be undone.")
    if ChildLinkEvent.objects.filter(reverses=event).exists():
        raise RefusedError("This merge has already been undone.")
    if not reason.strip():
        raise RefusedError("Give a reason for undoing the merge.")
    ConcernChild.objects.filter(pk__in=event.moved).update(child=event.from_child)
    Child.objects.filter(pk=event.from_child_id).update(merged_into=None)
    split = ChildLinkEvent.objects.create(
        kind=LinkEventKind.SPLIT, from_child=event.to_child, to_child=event.from_child, moved=event.moved,
        reason=reason.strip(), reverses=event, created_by=actor, created_at=clock.now(),
    )
    audit.record(
        audit.ChildrenSplit(child_id=event.to_child_id, new_child_id=event.from_child_id, link_event_id=split.pk, reason=reason),
        actor,
    )
    return split


@transaction.atomic
def split_description(actor, description: ConcernChild, reason: str) -> ChildLinkEvent:
    """This agency's description is not this child: give it (and the concern) a child record of its own."""
    if not reason.strip():
        raise RefusedError("Give a reason for the split.")
    old = description.child
    new = Child.objects.create(created_at=clock.now())
    ConcernChild.objects.filter(pk=description.pk).update(child=new)
    event = ChildLinkEvent.objects.create(
        kind=LinkEventKind.SPLIT, from_child=old, to_child=new, moved=[description.pk], reason=reason.strip(),
        created_by=actor, created_at=clock.now(),
    )
    audit.record(audit.ChildrenSplit(child_id=old.pk, new_child_id=new.pk, link_event_id=event.pk, reason=reason), actor)
    return event


@transaction.atomic
def decide_match(actor, candidate: MatchCandidate, same: bool, reason: str = "") -> MatchCandidate:
    """A person decides a possible match. "Same" merges the two records (reversibly)."""
    candidate = MatchCandidate.objects.select_for_update().get(pk=candidate.pk)
    if candidate.status != MatchStatus.OPEN:
        raise RefusedError("This possible match has already been decided.")
    if same:
        keep = Child.objects.get(pk=candidate.candidate_id)
        merge = Child.objects.get(pk=candidate.child_id)
        while keep.merged_into_id:
            keep = Child.objects.get(pk=keep.merged_into_id)
        while merge.merged_into_id:
            merge = Child.objects.get(pk=merge.merged_into_id)
        if keep.pk != merge.pk:
            merge_children(actor, keep, merge, reason or "a person confirmed a possible match")
    MatchCandidate.objects.filter(pk=candidate.pk).update(
        status=MatchStatus.SAME if same else MatchStatus.DIFFERENT,
        decided_by=actor, decided_at=clock.now(), decision_reason=reason,
    )
    audit.record(
        audit.MatchReviewed(child_id=candidate.child_id, candidate_id=candidate.pk, decision="same" if same else "different", reason=reason),
        actor,
    )
    candidate.refresh_from_db()
    return candidate


__all__ = [
    "RecordError", "RefusedError", "decide_match", "merge_children", "record_child_search", "record_child_view",
    "record_concern_view", "split_description", "submit_concern", "undo_merge", "withdraw_concern"
]
