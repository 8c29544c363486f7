"""Named reads for the alert pages, each with its joins fixed here, so that a page runs the same number
of queries however many children, entities, concerns and links an alert has."""

from __future__ import annotations

import dataclasses
from collections import defaultdict

from django.db.models import Count, Exists, F, OuterRef, QuerySet

from joinedup.core.models import Agency
from joinedup.identity.models import (
    Alert,
    AlertChild,
    AlertEntity,
    AlertEvidence,
    AlertStatus,
    AlertTriage,
    MentionLink,
    TriageDecision,
)
from joinedup.records.models import ConcernChild
from joinedup.records.vocabulary import role_label
from joinedup.web import timeline

KIND_WORDS = {"person": "Person", "vehicle": "Vehicle", "phone": "Phone", "place": "Place", "online": "Online account"}


def _waiting_for_sign_off() -> Exists:
    return Exists(AlertTriage.objects.filter(alert_id=OuterRef("pk"), decision=TriageDecision.NO_ACTION, sign_off__isnull=True))


def alert_queue(status: str = AlertStatus.OPEN) -> QuerySet[Alert]:
    """Alerts with the given status, newest and largest first, with their number of children."""
    rows = Alert.objects.all()
    if status in AlertStatus.values:
        rows = rows.filter(status=status)
    return rows.annotate(child_count=Count("children", distinct=True), awaiting_sign_off=_waiting_for_sign_off()).order_by(
        "-raised_at", "-child_count", "-pk"
    )


def agencies_by_alert(alert_ids) -> dict[int, list[str]]:
    """Alert id -> the names of the agencies whose concerns are its evidence (one query)."""
    out: dict[int, list[str]] = defaultdict(list)
    rows = AlertEvidence.objects.filter(alert_id__in=list(alert_ids)).values_list("alert_id", "concern__agency__name").distinct()
    for alert_id, name in sorted(rows):
        out[alert_id].append(name)
    return out


def alert_for_page(pk: int) -> Alert | None:
    return Alert.objects.filter(pk=pk).select_related("merged_into").first()


def awaiting_sign_off() -> QuerySet[Alert]:
    """Alerts whose "no action" waits for a team manager, oldest decision first."""
    return alert_queue(AlertStatus.OPEN).filter(awaiting_sign_off=True).order_by("raised_at", "pk")


@dataclasses.dataclass
class AlertPicture:
    """Everything the alert page shows about the network (read in a fixed number of queries)."""

    children: list[dict]
    entities: list[dict]
    edges: list[dict]
    evidence: list[dict]
    links: list[MentionLink]
    timeline: timeline.Timeline | None
    agencies: list[str]

    def network_data(self) -> dict:
        """The JSON the network picture draws (static/web/js/network.js)."""
        nodes = [{"data": {"id": c["node"], "label": c["label"], "kind": "child"}} for c in self.children]
        nodes += [{"data": {"id": e["node"], "label": e["label"], "kind": "entity"}} for e in self.entities]
        edges = [{"data": {"id": f"{e['source']}-{e['target']}", "source": e["source"], "target": e["target"], "label": e["label"]}}
                 for e in self.edges]
        return {"nodes": nodes, "edges": edges}


def _child_names(evidence: list[AlertEvidence]) -> dict[int, str]:
    """Child id -> a name as an agency gave it in the current version of an evidence concern (one query)."""
    rows = ConcernChild.objects.filter(
        version__concern_id__in={e.concern_id for e in evidence},
        version_id=F("version__concern__current_version_id"),
        child_id__in={e.child_id for e in evidence},
    ).order_by("version__concern__received_at", "position")
    names: dict[int, str] = {}
    for row in rows:
        names.setdefault(row.child_id, row.display_name)
    return names


def _entity_label(entity) -> str:
    return f"{KIND_WORDS.get(entity.kind, entity.kind)} {entity.label}"


def alert_picture(alert: Alert) -> AlertPicture:
    evidence = list(
        AlertEvidence.objects.filter(alert=alert)
        .select_related("concern__agency", "concern__current_version", "entity", "mention")
        .order_by("concern__received_at", "pk")
    )
    names = _child_names(evidence)
    child_rows = list(AlertChild.objects.filter(alert=alert).order_by("linked_at", "child_id"))
    children = [
        {"node": f"c{row.child_id}", "child_id": row.child_id, "reference": f"C-{row.child_id:05d}",
         "name": names.get(row.child_id, ""), "linked_at": row.linked_at,
         "label": f"{names.get(row.child_id, '') or 'Child'} (C-{row.child_id:05d})"}
        for row in child_rows
    ]
    entity_rows = list(AlertEntity.objects.filter(alert=alert).select_related("entity").order_by("linked_at", "entity_id"))
    entities = [
        {"node": f"e{row.entity_id}", "entity": row.entity, "reference": row.entity.reference, "label": _entity_label(row.entity)}
        for row in entity_rows
    ]
    labels = {c["node"]: c["label"] for c in children} | {e["node"]: e["label"] for e in entities}
    known_nodes = set(labels)
    edge_roles: dict[tuple[str, str], dict[str, None]] = defaultdict(dict)
    edge_concerns: dict[tuple[str, str], set[int]] = defaultdict(set)
    rows = []
    for item in evidence:
        key = (f"c{item.child_id}", f"e{item.entity_id}")
        edge_roles[key][role_label(item.mention.role)] = None
        edge_concerns[key].add(item.concern_id)
        rows.append({
            "at": item.concern.received_at, "agency": item.concern.agency.name, "concern": item.concern,
            "child_reference": f"C-{item.child_id:05d}", "child_name": names.get(item.child_id, ""),
            "entity": _entity_label(item.entity), "entity_reference": item.entity.reference,
            "role": role_label(item.mention.role),
        })
    edges = []
    for (source, target), roles in edge_roles.items():
        if source in known_nodes and target in known_nodes:
            count = len(edge_concerns[(source, target)])
            label = ", ".join(roles) + (f" ({count} concerns)" if count > 1 else "")
            edges.append({"source": source, "target": target, "label": label, "concerns": count,
                          "child": labels[source], "entity_label": labels[target]})
    concerns = {item.concern_id: item.concern for item in evidence}
    entries = [
        timeline.Entry(at=c.received_at, lane=c.agency.name, urgency=c.current_version.urgency if c.current_version else 0,
                       withdrawn=c.status == "withdrawn", title=f"{c.reference}, {c.agency.name}, {c.received_at:%-d %B %Y}")
        for c in concerns.values()
    ]
    links = list(
        MentionLink.objects.filter(entity_id__in=[e["entity"].pk for e in entities])
        .select_related("entity", "mention__version__concern__agency", "judged_by")
        .order_by("entity_id", "-kind", "created_at", "pk")
    )
    return AlertPicture(
        children=children, entities=entities, edges=edges, evidence=rows, links=links,
        timeline=timeline.build(entries), agencies=sorted({c.agency.name for c in concerns.values()}),
    )


def alert_triages(alert: Alert) -> list[AlertTriage]:
    """Every triage row on the alert, oldest first."""
    return list(AlertTriage.objects.filter(alert=alert).select_related("created_by", "share_with").order_by("created_at", "pk"))


def share_agencies() -> QuerySet[Agency]:
    return Agency.objects.exclude(type="public").order_by("name")


def concern_in_live_pattern(concern_id: int) -> Alert | None:
    """The newest alert not closed that counts this concern among its evidence, if any (one query)."""
    return (
        Alert.objects.filter(Exists(AlertEvidence.objects.filter(alert_id=OuterRef("pk"), concern_id=concern_id)))
        .exclude(status=AlertStatus.CLOSED)
        .order_by("-raised_at", "-pk")
        .first()
    )
