"""`joinedup export alerts`: every alert as it stands now, in the interchange format (joinedup.alert/1)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator

from joinedup.identity.models import Alert, AlertChild, AlertEntity, AlertEvidence
from joinedup.records.models import Child, ConcernChild


def _iso(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).isoformat()


def _current(child_id: int, merged_into: dict[int, int]) -> int:
    seen = {child_id}
    while child_id in merged_into and merged_into[child_id] not in seen:
        child_id = merged_into[child_id]
        seen.add(child_id)
    return child_id


def _first_links(rows, now: dict[int, int]) -> list[tuple[int, dt.datetime]]:
    """(current child record, when it first linked), once per child: two records linked separately and
    merged since are one child."""
    first: dict[int, dt.datetime] = {}
    for child_id, linked_at in rows:  # in linked_at order
        first.setdefault(now[child_id], linked_at)
    return list(first.items())


def alerts_as_spec() -> Iterator[dict]:
    alerts = list(Alert.objects.order_by("raised_at", "pk"))
    ids = [a.pk for a in alerts]
    children = defaultdict(list)
    for alert_id, child_id, linked_at in AlertChild.objects.filter(alert_id__in=ids).order_by("linked_at", "child_id").values_list(
        "alert_id", "child_id", "linked_at"
    ):
        children[alert_id].append((child_id, linked_at))
    entities = defaultdict(list)
    for alert_id, entity_id, kind, label in AlertEntity.objects.filter(alert_id__in=ids).order_by("linked_at", "entity_id").values_list(
        "alert_id", "entity_id", "entity__kind", "entity__label"
    ):
        entities[alert_id].append({"entity_id": f"E-{entity_id:05d}", "kind": kind, "label": label})
    evidence = defaultdict(dict)
    for alert_id, agency, source_ref in AlertEvidence.objects.filter(alert_id__in=ids).order_by("linked_at", "pk").values_list(
        "alert_id", "concern__agency__name", "concern__source_ref"
    ):
        evidence[alert_id][(agency, source_ref)] = None
    # An alert keeps the child record it linked; if that record has since been merged into another, the
    # child is now the record it lives in (merges can chain), and its references are that record's.
    merged_into = dict(Child.objects.filter(merged_into__isnull=False).values_list("pk", "merged_into_id"))
    now = {c: _current(c, merged_into) for rows in children.values() for c, _ in rows}
    refs = defaultdict(dict)
    for child_id, agency, ref in ConcernChild.objects.exclude(ref="").filter(child_id__in=set(now.values())).values_list(
        "child_id", "agency__name", "ref"
    ):
        refs[child_id][(agency, ref)] = None
    for alert in alerts:
        yield {
            "schema": "joinedup.alert/1",
            "id": alert.reference,
            "kind": alert.kind,
            "status": alert.status,
            "raised_at": _iso(alert.raised_at),
            "summary": alert.summary,
            "children": [
                {"child_id": f"C-{child_id:05d}", "linked_at": _iso(linked_at), "refs": [{"agency": a, "ref": r} for a, r in refs[child_id]]}
                for child_id, linked_at in _first_links(children[alert.pk], now)
            ],
            "entities": entities[alert.pk],
            "evidence": [{"agency": a, "source_ref": s} for a, s in evidence[alert.pk]],
        }
