"""What the path page shows about a path found by `identity.paths`: each node's name and each step's
concern, read in a fixed number of queries (two) however long the path."""

from __future__ import annotations

import dataclasses

from django.db.models import F

from joinedup.identity.models import Entity
from joinedup.identity.paths import Path, node_reference
from joinedup.records.models import ConcernChild
from joinedup.web.alerts_queries import KIND_WORDS


@dataclasses.dataclass
class PathPicture:
    path: Path
    labels: dict[str, str]
    rows: list[dict]

    def network_data(self) -> dict:
        """The JSON the network picture draws (static/web/js/network.js)."""
        nodes = [{"data": {"id": n, "label": self.labels[n], "kind": "child" if n[0] == "c" else "entity"}} for n in self.path.nodes]
        edges = [{"data": {"id": f"{h.from_node}-{h.to_node}-{i}", "source": h.from_node, "target": h.to_node,
                           "label": f"{h.step.role}, {h.step.at:%-d %b %Y}"}} for i, h in enumerate(self.path.hops)]
        return {"nodes": nodes, "edges": edges}


def _child_names(child_ids, concern_ids) -> dict[int, str]:
    names: dict[int, str] = {}
    rows = ConcernChild.objects.filter(child_id__in=child_ids, version_id=F("version__concern__current_version_id"))
    if concern_ids:
        rows = rows.filter(version__concern_id__in=concern_ids)
    for row in rows.order_by("version__concern__received_at", "position"):
        names.setdefault(row.child_id, row.display_name)
    return names


def path_picture(path: Path) -> PathPicture:
    concern_ids = {hop.step.concern_id for hop in path.hops}
    names = _child_names(path.children, concern_ids)
    entities = Entity.objects.in_bulk(path.entities)
    labels = {}
    for node in path.nodes:
        if node[0] == "c":
            labels[node] = f"{names.get(int(node[1:]), 'Child')} ({node_reference(node)})"
        else:
            entity = entities[int(node[1:])]
            labels[node] = f"{KIND_WORDS.get(entity.kind, entity.kind)} {entity.label} ({entity.reference})"
    rows = [
        {"from": labels[hop.from_node], "to": labels[hop.to_node], "concern_id": hop.step.concern_id,
         "concern_reference": hop.step.concern_reference, "agency": hop.step.agency, "at": hop.step.at, "role": hop.step.role}
        for hop in path.hops
    ]
    return PathPicture(path=path, labels=labels, rows=rows)
