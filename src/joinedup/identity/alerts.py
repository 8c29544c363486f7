"""Alerts: raised as soon as one entity links two or more children through evidence that counts
(identity.harm), grown as more children link (each with the time it linked), and gathered into a
`network` alert when children are tied together through several entities. Nothing is removed: an alert
absorbed into a larger network is closed with a pointer to it.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict

from django.conf import settings
from django.db import connection
from django.db.models import F, Min, Q

from joinedup.identity import harm, hooks
from joinedup.identity.models import Alert, AlertChild, AlertEntity, AlertEvidence, AlertStatus, Entity
from joinedup.records import matching
from joinedup.records.ingest import stored_descriptions
from joinedup.records.matching import Description
from joinedup.records.models import Child, Concern, ConcernChild, MatchCandidate, MatchStatus, split_codes

NETWORK_MIN_CHILDREN = 3
NETWORK_MIN_ENTITIES = 2
KIND_WORDS = {"person": "person", "vehicle": "vehicle", "phone": "phone", "place": "place", "online": "online account"}
AGENCY_WORDS = {
    "police": "police", "social_care": "social care", "education": "education", "health": "health",
    "youth_service": "a youth service", "voluntary": "a voluntary group", "housing": "housing",
    "public": "the public", "other": "another agency",
}


def _canonical_children(child_ids) -> dict[int, int]:
    """child id -> the record it now lives in (following merges)."""
    mapping = {c: c for c in child_ids}
    merged = dict(Child.objects.filter(pk__in=list(child_ids), merged_into__isnull=False).values_list("pk", "merged_into_id"))
    for child_id in mapping:
        seen = 0
        while mapping[child_id] in merged and seen < 20:
            mapping[child_id] = merged[mapping[child_id]]
            seen += 1
    return mapping


def _collapse_possible_duplicates(children: dict[int, tuple], compare: bool = False) -> dict[int, tuple]:
    """Two child records waiting for a person to decide whether they are the same child count once; with
    `compare` (before raising a new alert), so do two that nobody compared but could be one child."""
    ids = list(children)
    pairs = MatchCandidate.objects.filter(status=MatchStatus.OPEN, child_id__in=ids, candidate_id__in=ids).values_list(
        "child_id", "candidate_id"
    )
    parent = {c: c for c in ids}

    def root(c):
        while parent[c] != c:
            c = parent[c]
        return c

    for a, b in pairs:
        parent[root(a)] = root(b)
    if compare and len(ids) == 2 and root(ids[0]) != root(ids[1]) and _could_be_one_child(*ids):
        parent[root(ids[0])] = root(ids[1])
    out: dict[int, tuple] = {}
    for child_id, edge in children.items():
        r = root(child_id)
        if r not in out or edge[0] < out[r][0]:
            out[r] = edge
    return out


def _descriptions(child_id: int, limit: int = 20) -> list[Description]:
    """The child's most recent ways of being written, each once."""
    rows = ConcernChild.objects.filter(child_id=child_id).order_by("-pk")[:limit]
    return list({dataclasses.astuple(d): d for _, d in stored_descriptions(rows)}.values())


def _could_be_one_child(a: int, b: int) -> bool:
    """Whether two child records that nobody has compared could be one child written two ways (the
    public's "Roob Emverholt" for the school's Robert Emberholt): two records are not yet two children.
    A person's decision that they are different children, or differing identifiers, settles it."""
    decided = MatchCandidate.objects.filter(status=MatchStatus.DIFFERENT).filter(
        Q(child_id=a, candidate_id=b) | Q(child_id=b, candidate_id=a)
    )
    if decided.exists():
        return False
    mine, theirs = _descriptions(a), _descriptions(b)
    scores = [matching.score(x, y, typos_of_variants=True) for x in mine for y in theirs]
    if any(s.points <= -100 for s in scores):
        return False
    return any(s.points >= settings.JOINEDUP_MATCH_REVIEW for s in scores)


def _one_familys_matter(children: dict[int, tuple], concerns: set[int]) -> bool:
    """Whether a new link between these children is one family's own matter, not a pattern across
    children (yet): one concern about one family's children, or several about siblings none of which
    speaks of sexual abuse or of sexual or criminal exploitation (a family's own harm, for social care).

    One family: the children share a family name as their linking concerns write them (a typo or one
    part of a double-barrelled name allowed; a child written without one beside a child who has it in
    the same concern, "Filip Wicker and Zofia", is taken to share it, but not a child written without
    one in a concern of its own). Children named together in one concern with no
    family name at all ("I saw the dad hit Ava and Matty") are one family only where the concern says
    nothing of exploitation: two girls a man gave vodka to may be friends, not sisters."""
    exploitation = _harm_categories(concerns)
    if len(concerns) >= 2 and exploitation:
        return False
    concern_ids = {edge[1] for edge in children.values()}
    rows = list(ConcernChild.objects.filter(
        version__concern_id__in=concern_ids, version__concern__current_version_id=F("version_id"), child_id__in=list(children)
    ).values_list("version__concern_id", "child_id", "family_name"))
    names = sorted({name for _, _, name in rows} - {""})
    if not names:
        return not exploitation and len(concern_ids) == 1
    named_in = {concern for concern, _, name in rows if name}
    unnamed = {child for _, child, _ in rows} - {child for _, child, name in rows if name}
    if unnamed - {child for concern, child, _ in rows if concern in named_in}:
        return False  # a child never written with a family name, nor beside a child who was: nothing says family
    return all(harm.same_family(names[0], [name]) for name in names[1:])


def _harm_categories(concern_ids) -> bool:
    """Whether any of these concerns (as they now stand) is about sexual abuse or exploitation, or
    criminal exploitation."""
    codes = Concern.objects.filter(pk__in=list(concern_ids)).values_list("current_version__category_codes", flat=True)
    return any(harm.HARM_CATEGORIES.intersection(split_codes(c)) for c in codes)


def _agencies_phrase(alert: Alert) -> str:
    first_seen = AlertEvidence.objects.filter(alert=alert).values("concern__agency__type").annotate(first=Min("linked_at"))
    types = list(first_seen.order_by("first", "concern__agency__type").values_list("concern__agency__type", flat=True))
    words = [AGENCY_WORDS.get(t, t) for t in types]
    if len(words) == 1:
        return f"reported by {words[0]}"
    return "across " + ", ".join(words[:-1]) + " and " + words[-1]


def summarise(alert: Alert) -> str:
    children = alert.children.count()
    if alert.kind == "network":
        entities = alert.entities.count()
        return f"{children} children tied together through {entities} shared people, vehicles, phones, places or accounts, {_agencies_phrase(alert)}"
    entity = alert.entity
    return f"{children} children linked to {KIND_WORDS[entity.kind]} {entity.label}, {_agencies_phrase(alert)}"


class AlertBook:
    """Which entity has which alert, and which children are in which alerts (for networks)."""

    def __init__(self) -> None:
        self.by_entity: dict[int, int] = {}
        self.children_of: dict[int, set[int]] = defaultdict(set)
        self.alerts_of_child: dict[int, set[int]] = defaultdict(set)
        self.network_of: dict[int, int] = {}  # shared-entity alert -> network alert
        self.members_of: dict[int, set[int]] = defaultdict(set)  # network alert -> its shared-entity alerts
        self.complete_networks: set[int] = set()  # networks whose members_of is all of them
        self.loaded_children: set[int] = set()
        self.loaded_alerts: set[int] = set()

    def load_all(self) -> None:
        """Every alert (for a bulk import into a database that already has some)."""
        for alert_id, entity_id in Alert.objects.filter(kind="shared_entity").values_list("pk", "entity_id"):
            self.by_entity[entity_id] = alert_id
        for alert_id, child_id in AlertChild.objects.filter(alert__kind="shared_entity").values_list("alert_id", "child_id"):
            self.children_of[alert_id].add(child_id)
            self.alerts_of_child[child_id].add(alert_id)
        self.loaded_alerts = set(self.by_entity.values())
        self.loaded_children = set(self.alerts_of_child)
        for entity_id, network_id in AlertEntity.objects.filter(alert__kind="network", alert__merged_into__isnull=True).values_list(
            "entity_id", "alert_id"
        ):
            if entity_id in self.by_entity:
                self.network_of[self.by_entity[entity_id]] = network_id
                self.members_of[network_id].add(self.by_entity[entity_id])
        self.complete_networks = set(self.members_of)

    def load_for_entities(self, entity_ids) -> None:
        found = Alert.objects.filter(entity_id__in=list(entity_ids)).values_list("pk", "entity_id")
        for alert_id, entity_id in found:
            self.by_entity[entity_id] = alert_id
        self._load_alerts({alert_id for alert_id, _ in found})
        for entity_id, network_id in AlertEntity.objects.filter(
            entity_id__in=list(entity_ids), alert__kind="network", alert__merged_into__isnull=True
        ).values_list("entity_id", "alert_id"):
            if entity_id in self.by_entity:
                self.network_of[self.by_entity[entity_id]] = network_id

    def _load_alerts(self, alert_ids) -> None:
        """The children of these alerts (one query for all that are not loaded yet)."""
        missing = [a for a in alert_ids if a not in self.loaded_alerts]
        if not missing:
            return
        self.loaded_alerts.update(missing)
        for alert_id, child_id in AlertChild.objects.filter(alert_id__in=missing).values_list("alert_id", "child_id"):
            self.children_of[alert_id].add(child_id)
            self.alerts_of_child[child_id].add(alert_id)

    def _load_children(self, child_ids) -> None:
        missing = set(child_ids) - self.loaded_children
        if not missing:
            return
        rows = AlertChild.objects.filter(child_id__in=list(missing), alert__kind="shared_entity").values_list("alert_id", "child_id")
        for alert_id, child_id in rows:
            self.children_of[alert_id].add(child_id)
            self.alerts_of_child[child_id].add(alert_id)
        for alert_id, network_id in AlertEntity.objects.filter(
            alert__kind="network", alert__merged_into__isnull=True,
            entity__alert__in=[a for c in missing for a in self.alerts_of_child[c]],
        ).values_list("entity__alert__pk", "alert_id"):
            self.network_of[alert_id] = network_id
        self.loaded_children |= missing

    def _members(self, network_ids) -> set[int]:
        """The shared-entity alerts gathered into these networks (one query for those not known whole)."""
        unknown = [n for n in network_ids if n not in self.complete_networks]
        if unknown:
            rows = AlertEntity.objects.filter(alert_id__in=unknown).values_list("alert_id", "entity__alert__pk", "entity__alert__kind")
            for network_id, alert_id, kind in rows:
                if alert_id is not None and kind == "shared_entity":
                    self.network_of[alert_id] = network_id
                    self.members_of[network_id].add(alert_id)
            self.complete_networks.update(unknown)
        return set().union(*(self.members_of[n] for n in network_ids))

    def _component(self, alert_id: int) -> tuple[set[int], set[int]]:
        """The shared-entity alerts connected to this one through shared children, and the networks
        among them. Breadth first, a few queries a step however many alerts a step reaches. A network
        already holds its whole component as it was when it last grew (every growth gathers again from
        the alert that grew), so an alert found in a network brings all of that network without its
        children being explored again; only the alert that grew, and alerts in no network, are."""
        group, frontier, networks = {alert_id}, {alert_id}, set()
        while frontier:
            self._load_alerts(frontier)
            reached = set().union(*(self.children_of[a] for a in frontier))
            self._load_children(reached)
            found = {other for child_id in reached for other in self.alerts_of_child[child_id]} | frontier
            joined = {self.network_of[a] for a in found if a in self.network_of} - networks
            networks |= joined
            members = self._members(joined)
            frontier = {a for a in found - group if a not in self.network_of}
            group |= found | members
        return group, networks

    def add_evidence(self, entity_id, child_id, concern_id, mention_id, now) -> None:
        """Later evidence for an alert (and the network it is in, if any)."""
        alert_id = self.by_entity.get(entity_id)
        if alert_id is not None:
            targets = [t for t in (alert_id, self.network_of.get(alert_id)) if t is not None]
            AlertEvidence.objects.bulk_create(  # one statement; evidence already there stays as it was
                [AlertEvidence(alert_id=t, concern_id=concern_id, child_id=child_id, entity_id=entity_id,
                               mention_id=mention_id, linked_at=now) for t in targets],
                ignore_conflicts=True,
            )

    def entity_grew(self, entity_id: int, edges: dict[int, tuple], concerns: set[int], now) -> None:
        """An entity gained a child, or a concern, through counting evidence."""
        if len(edges) < 2:
            return
        canonical = _canonical_children(edges)
        children: dict[int, tuple] = {}
        for child_id, edge in edges.items():
            target = canonical[child_id]
            if target not in children or edge[0] < children[target][0]:
                children[target] = edge
        new = entity_id not in self.by_entity
        children = _collapse_possible_duplicates(children, compare=new)
        if len(children) < 2:
            return
        if new and _one_familys_matter(children, concerns):
            return
        alert_id = self.by_entity.get(entity_id)
        raised = alert_id is None
        if alert_id is None:
            alert = Alert.objects.create(
                kind="shared_entity", raised_at=now, summary="", entity_id=entity_id, created_at=now, updated_at=now
            )
            alert_id = self.by_entity[entity_id] = alert.pk
            self.loaded_alerts.add(alert_id)
            AlertEntity.objects.create(alert=alert, entity_id=entity_id, linked_at=now)
        alert = Alert.objects.select_related("entity").get(pk=alert_id)
        new_children = [c for c in children if c not in self.children_of[alert_id]]
        AlertChild.objects.bulk_create(
            [AlertChild(alert=alert, child_id=c, linked_at=children[c][0]) for c in new_children],
            ignore_conflicts=True,
        )
        # Evidence for the children new to the alert (later evidence for known children arrives through
        # add_evidence as each concern is linked).
        AlertEvidence.objects.bulk_create(
            [
                AlertEvidence(alert=alert, concern_id=children[c][1], child_id=c, entity_id=entity_id,
                              mention_id=children[c][2], linked_at=children[c][0])
                for c in new_children
            ],
            ignore_conflicts=True,
        )
        for c in new_children:
            self.children_of[alert_id].add(c)
            self.alerts_of_child[c].add(alert_id)
        Alert.objects.filter(pk=alert_id).update(summary=summarise(alert), updated_at=now)
        if raised:
            hooks.alert_raised(alert, max(children.values())[1])
        self._networks(alert_id, now)

    def _networks(self, alert_id: int, now) -> None:
        """Gather shared-entity alerts connected through shared children into one network alert."""
        group, found = self._component(alert_id)
        networks = sorted(found)
        if not networks and (  # with no network among them, every alert in the group was explored
            len(group) < NETWORK_MIN_ENTITIES or len(set().union(*(self.children_of[a] for a in group))) < NETWORK_MIN_CHILDREN
        ):
            return
        if networks:
            network_id = networks[0]
            for absorbed in networks[1:]:
                Alert.objects.filter(pk=absorbed).update(status=AlertStatus.CLOSED, merged_into_id=network_id, updated_at=now)
            raised = False
        else:
            network_id = Alert.objects.create(kind="network", raised_at=now, summary="", created_at=now, updated_at=now).pk
            raised = True
        network = Alert.objects.get(pk=network_id)
        # New to the network: alerts of other networks or of none, and the alert that grew (its new
        # children). The network already has the rest, with their evidence (add_evidence keeps it).
        joining = sorted(group - self.members_of.get(network_id, set()) | {alert_id})
        entity_ids = list(Alert.objects.filter(pk__in=joining).order_by("pk").values_list("entity_id", flat=True))
        AlertEntity.objects.bulk_create(
            [AlertEntity(alert=network, entity_id=e, linked_at=now) for e in entity_ids], ignore_conflicts=True
        )
        _copy_into_network(network_id, joining)
        for a in group:
            self.network_of[a] = network_id
        for absorbed in networks[1:]:
            self.members_of.pop(absorbed, None)
        self.members_of[network_id] = set(group)
        self.complete_networks.add(network_id)
        Alert.objects.filter(pk=network_id).update(summary=summarise(network), updated_at=now)
        if raised:
            newest = AlertEvidence.objects.filter(alert=network).order_by("-linked_at", "-pk").values_list("concern_id", flat=True).first()
            hooks.alert_raised(network, newest)


def _copy_into_network(network_id: int, group: list[int]) -> None:
    """Give the network the children (each at its first link) and the evidence of its shared-entity
    alerts that it does not have yet, inside the database: a network grows by a concern at a time, and
    reading its whole evidence back to insert the few new rows cost more the bigger it grew."""
    children, evidence = AlertChild._meta.db_table, AlertEvidence._meta.db_table
    among = ", ".join(["%s"] * len(group))
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {children} (alert_id, child_id, linked_at) "
            f"SELECT %s, c.child_id, MIN(c.linked_at) FROM {children} c WHERE c.alert_id IN ({among}) "
            f"AND NOT EXISTS (SELECT 1 FROM {children} n WHERE n.alert_id = %s AND n.child_id = c.child_id) "
            f"GROUP BY c.child_id ORDER BY MIN(c.linked_at), c.child_id ON CONFLICT DO NOTHING",
            [network_id, *group, network_id],
        )
        cursor.execute(
            f"INSERT INTO {evidence} (alert_id, concern_id, child_id, entity_id, mention_id, linked_at) "
            f"SELECT %s, e.concern_id, e.child_id, e.entity_id, e.mention_id, e.linked_at FROM {evidence} e "
            f"WHERE e.alert_id IN ({among}) AND NOT EXISTS (SELECT 1 FROM {evidence} n WHERE n.alert_id = %s "
            f"AND n.concern_id = e.concern_id AND n.child_id = e.child_id AND n.entity_id = e.entity_id) "
            f"ORDER BY e.linked_at, e.id ON CONFLICT DO NOTHING",
            [network_id, *group, network_id],
        )


__all__ = ["AlertBook", "Entity", "summarise"]
