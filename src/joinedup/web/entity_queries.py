"""Named reads for the entity pages, each with its joins fixed here, so that a page runs the same number
of queries however many children, concerns and links an entity has."""

from __future__ import annotations

import dataclasses
from collections import defaultdict

from django.db.models import Count, F
from django.db.models.functions import Coalesce

from joinedup.identity.models import Entity, LinkKind, MentionLink
from joinedup.records.models import ConcernChild
from joinedup.records.vocabulary import role_label
from joinedup.web.alerts_queries import KIND_WORDS

MOST_CONNECTED = 50


def entity_for_page(pk: int) -> Entity | None:
    return Entity.objects.filter(pk=pk).select_related("merged_into").first()


@dataclasses.dataclass
class EntityPicture:
    """Everything the entity page shows (read in a fixed number of queries)."""

    linked: list[dict]
    possible: list[MentionLink]
    child_count: int
    agencies: list[str]


def _on_current_versions(entity: Entity, kind: str):
    return (
        MentionLink.objects.filter(entity=entity, kind=kind, mention__version_id=F("mention__version__concern__current_version_id"))
        .select_related("entity", "mention__version__concern__agency", "judged_by")
        .order_by("mention__version__concern__received_at", "pk")
    )


def entity_picture(entity: Entity) -> EntityPicture:
    links = list(_on_current_versions(entity, LinkKind.LINKED))
    children: dict[int, list[dict]] = defaultdict(list)
    rows = ConcernChild.objects.filter(version_id__in={link.mention.version_id for link in links}).order_by("version_id", "position")
    for row in rows:
        children[row.version_id].append({"child_id": row.child_id, "reference": f"C-{row.child_id:05d}", "name": row.display_name})
    linked = [
        {"link": link, "concern": link.mention.version.concern, "at": link.mention.version.concern.received_at,
         "agency": link.mention.version.concern.agency.name, "role": role_label(link.mention.role), "counts": link.counts,
         "children": children.get(link.mention.version_id, [])}
        for link in links
    ]
    counting = {c["child_id"] for row in linked if row["counts"] for c in row["children"]}
    return EntityPicture(
        linked=linked, possible=list(_on_current_versions(entity, LinkKind.POSSIBLE)), child_count=len(counting),
        agencies=sorted({row["agency"] for row in linked}),
    )


def most_connected(kind: str | None = None, limit: int = MOST_CONNECTED) -> list[dict]:
    """The entities linked to the most distinct children through links that count (on the current version
    of each concern, children followed one merge), most first: two queries."""
    prefix = "version__mentions__entity_links__"
    filters = {f"{prefix}kind": LinkKind.LINKED, f"{prefix}counts": True, "version_id": F("version__concern__current_version_id")}
    if kind:
        filters[f"{prefix}entity__kind"] = kind
    counts = list(
        ConcernChild.objects.filter(**filters)
        .values(entity_id=F(f"{prefix}entity_id"))
        .annotate(children=Count(Coalesce("child__merged_into_id", "child_id"), distinct=True),
                  concerns=Count("version__concern_id", distinct=True))
        .order_by("-children", "-concerns", "entity_id")[:limit]
    )
    entities = Entity.objects.in_bulk([row["entity_id"] for row in counts])
    return [
        {"entity": entities[row["entity_id"]], "kind": KIND_WORDS.get(entities[row["entity_id"]].kind, entities[row["entity_id"]].kind),
         "children": row["children"], "concerns": row["concerns"]}
        for row in counts if row["entity_id"] in entities
    ]
