"""Everything JoinedUp holds about a child, as items a person can read, withhold or release: how each
agency described the child, every version of every concern about them, decisions, actions, sharing
decisions, recorded characteristics, the child's plan, and who opened the child's record and why.

Third parties' information is marked for redaction (`third_party`): the people who reported, the adults,
vehicles, phones, places and accounts a concern names, and any other child in the same concern. Items
withheld under the serious-harm exemption carry the reason and no content. Reads a fixed number of
queries however much is held.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from django.db.models import Q

from joinedup.casework.models import Action, Decision
from joinedup.core.models import AuditEvent
from joinedup.coredata.models import RecordedFact
from joinedup.dataprotection.models import ItemDecision, SubjectAccessRequest
from joinedup.outcomes.models import Goal, Review
from joinedup.records.models import Child, ConcernChild, ConcernVersion
from joinedup.sharing.models import SharingDecision


@dataclasses.dataclass
class Item:
    key: str
    kind: str
    at: dt.datetime | None
    title: str
    content: dict[str, Any]
    third_party: list[str] = dataclasses.field(default_factory=list)  # content keys to redact
    withheld: str = ""  # the serious-harm reason, when withheld

    def as_json(self) -> dict:
        if self.withheld:
            return {"key": self.key, "kind": self.kind, "at": _iso(self.at), "title": self.title,
                    "withheld": "serious harm exemption", "reason": self.withheld}
        return {"key": self.key, "kind": self.kind, "at": _iso(self.at), "title": self.title, "content": self.content,
                "redact_for_third_parties": self.third_party}


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def _ids(child: Child) -> list[int]:
    """The child and every record merged into it."""
    return [child.pk, *Child.objects.filter(merged_into=child).values_list("pk", flat=True)]


def _versions(ids) -> list[Item]:
    mine = {(row.version_id, row.position) for row in ConcernChild.objects.filter(child_id__in=ids)}
    versions = (ConcernVersion.objects.filter(children__child_id__in=ids).distinct()
                .select_related("concern__agency").order_by("concern__received_at", "number"))
    items = []
    for version in versions:
        payload = dict(version.payload)
        third = []
        if payload.get("reporter"):
            third.append("reporter")
        children = payload.get("children", [])
        others = [i for i in range(len(children)) if (version.pk, i) not in mine]  # positions count from 0
        third += [f"children[{i}]" for i in others]
        third += [f"mentions[{i}]" for i in range(len(payload.get("mentions", [])))]
        items.append(Item(f"version:{version.pk}", "concern version", version.concern.received_at,
                          f"{version.concern.reference} version {version.number}, {version.concern.agency.name}",
                          payload, third))
    return items


def items_for(request: SubjectAccessRequest) -> list[Item]:
    ids = _ids(request.child)
    items = _versions(ids)
    concern_ids = ConcernChild.objects.filter(child_id__in=ids).values("version__concern_id")
    for d in Decision.objects.filter(concern_id__in=concern_ids).select_related("concern").order_by("created_at"):
        items.append(Item(f"decision:{d.pk}", "decision", d.created_at, f"Decision on {d.concern.reference}: {d.get_kind_display()}",
                          {"kind": d.kind, "rationale": d.rationale, "status": d.status}))
    for a in Action.objects.filter(Q(child_id__in=ids) | Q(concern_id__in=concern_ids)).order_by("created_at"):
        items.append(Item(f"action:{a.pk}", "action", a.created_at, a.title,
                          {"title": a.title, "status": a.status, "due_at": _iso(a.due_at), "note": a.completion_note}))
    for s in SharingDecision.objects.filter(concern_id__in=concern_ids).select_related("agency").order_by("created_at"):
        items.append(Item(f"sharing:{s.pk}", "sharing decision", s.created_at,
                          f"{'Shared with' if s.shared else 'Not shared with'} {s.agency.name}",
                          {"agency": s.agency.name, "shared": s.shared, "what": s.what, "reason": s.reason}))
    for f in RecordedFact.objects.filter(child_id__in=ids).select_related("agency").order_by("created_at"):
        items.append(Item(f"fact:{f.pk}", "recorded characteristic", f.created_at, f"{f.get_characteristic_display()} ({f.agency.name})",
                          {"characteristic": f.characteristic, "status": f.status, "value": f.value}))
    for g in Goal.objects.filter(child_id__in=ids).order_by("created_at"):
        items.append(Item(f"goal:{g.pk}", "goal", g.created_at, "A goal in the child's plan", {"words": g.words, "state": g.state}))
    for r in Review.objects.filter(child_id__in=ids).order_by("held_on"):
        items.append(Item(f"review:{r.pk}", "review", r.created_at, f"Review on {r.held_on:%-d %B %Y}",
                          {"child_view": r.child_view, "missing_episodes": r.missing_episodes,
                           "attendance_percent": r.attendance_percent, "safe_score": r.safe_score,
                           "safe_scale_top": r.safe_scale_top, "safe_scale_words": r.safe_scale_words}))
    views = AuditEvent.objects.filter(child_id__in=ids, event__in=["child_viewed", "concern_viewed", "glass_broken"]).order_by("at")
    for e in views:
        items.append(Item(f"access:{e.pk}", "who opened the record", e.at, f"{e.event.replace('_', ' ')} by {e.actor_label}",
                          {"who": e.actor_label, "why": e.reason or e.detail.get("access", "")}))
    decisions = {}
    for row in ItemDecision.objects.filter(request=request).order_by("created_at", "pk"):
        decisions[row.item_key] = row
    for item in items:
        row = decisions.get(item.key)
        if row is not None and row.withheld:
            item.withheld = row.reason
    return items


def export_json(request: SubjectAccessRequest) -> dict:
    return {
        "schema": "joinedup.subject_access/1", "reference": request.reference,
        "subject": {"child": request.child.reference},
        "requester": {"name": request.requester_name, "capacity": request.get_requester_display()},
        "received_at": _iso(request.received_at), "due_at": _iso(request.due_at),
        "items": [item.as_json() for item in items_for(request)],
    }
