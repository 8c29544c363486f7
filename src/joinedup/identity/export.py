"""`joinedup export alerts`: every alert as it stands now, in the interchange format (joinedup.alert/1)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator

from joinedup.identity.models import Alert, AlertChild, AlertEntity, AlertEvidence
from joinedup.records.models import Child, ConcernChild


def _iso(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).isoformat()


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
    child_ids = {c for rows in children.values() for c, _ in rows}
    refs = defaultdict(dict)
    merged_into = dict(Child.objects.filter(merged_into__isnull=False).values_list("pk", "merged_into_id"))
    for child_id, agency, ref in ConcernChild.objects.exclude(ref="").filter(child_id__in=child_ids).values_list(
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
                {
                    "child_id": f"C-{merged_into.get(child_id, child_id):05d}",
                    "linked_at": _iso(linked_at),
                    "refs": [{"agency": a, "ref": r} for a, r in refs[child_id]],
                }
                for child_id, linked_at in children[alert.pk]
            ],
            "entities": entities[alert.pk],
            "evidence": [{"agency": a, "source_ref": s} for a, s in evidence[alert.pk]],
        }
