"""Find a path between two children or entities through the graph JoinedUp keeps: a child is joined to
an entity (a person, vehicle, phone, place or account) when a concern about the child names it and the
mention is linked to the entity (not rejected by a person). "Kayleigh was transported in YK62 HBD, which
a school concern also puts outside Amira's house" is a path of two steps.

Loaded breadth first, one query per step outwards (however many links there are at each step), up to a
limit on steps and on nodes. By default only the links that count as evidence of harm (identity.harm)
are followed, so a shared school or bus station does not join everyone to everyone; `every_link` follows
all of them.

With `time_order`, the concerns along the path must be in time order (each step's concern received no
earlier than the one before): how a pattern could have been seen unfolding, and how the
investigators' "chain of events" reads. Among such paths the one with the fewest steps is found, and of
those the one reached earliest.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import defaultdict, deque

from django.db.models import F, Q
from django.db.models.functions import Coalesce

from joinedup.identity.models import Entity, Judgement, LinkKind, MentionLink
from joinedup.records.models import Child, reference_for
from joinedup.records.vocabulary import role_label

MAX_STEPS = 8
MAX_NODES = 5000
_NODE = re.compile(r"^\s*([CE])-?0*(\d+)\s*$", re.IGNORECASE)


class PathError(ValueError):
    """A reference that names no child or entity (the message says which)."""


@dataclasses.dataclass(frozen=True)
class Step:
    """One concern joining a child and an entity."""

    child_id: int
    entity_id: int
    concern_id: int
    at: dt.datetime
    agency: str
    role: str

    @property
    def concern_reference(self) -> str:
        return reference_for(self.concern_id)


@dataclasses.dataclass(frozen=True)
class Hop:
    """Walking the path: from one node to the next, through `step`'s concern."""

    from_node: str
    to_node: str
    step: Step


@dataclasses.dataclass(frozen=True)
class Path:
    nodes: tuple[str, ...]
    hops: tuple[Hop, ...]

    @property
    def children(self) -> tuple[int, ...]:
        return tuple(int(n[1:]) for n in self.nodes if n.startswith("c"))

    @property
    def entities(self) -> tuple[int, ...]:
        return tuple(int(n[1:]) for n in self.nodes if n.startswith("e"))


def parse_node(reference: str) -> str:
    """"C-00012" (or "c12") -> "c12", a child; "E-00034" (or "e34") -> "e34", an entity. Raises PathError."""
    match = _NODE.match(reference or "")
    if not match:
        raise PathError(f"{reference!r} is not a child reference (C-00012) or an entity reference (E-00034)")
    return ("c" if match.group(1).upper() == "C" else "e") + str(int(match.group(2)))


def node_reference(node: str) -> str:
    return f"{node[0].upper()}-{int(node[1:]):05d}"


def _canonical(node: str) -> str:
    """Follow one merge: a merged child or entity is the record it was merged into. Raises PathError."""
    model = Child if node.startswith("c") else Entity
    row = model.objects.filter(pk=int(node[1:])).values_list("pk", "merged_into_id").first()
    if row is None:
        raise PathError(f"There is no {'child' if model is Child else 'entity'} {node_reference(node)}")
    return node[0] + str(row[1] or row[0])


def _steps_touching(child_ids: set[int], entity_ids: set[int], every_link: bool) -> list[Step]:
    """One query: the links on current versions of concerns from or to these nodes."""
    child_of = Coalesce("mention__version__children__child__merged_into_id", "mention__version__children__child_id")
    entity_of = Coalesce("entity__merged_into_id", "entity_id")
    links = (
        MentionLink.objects.filter(kind=LinkKind.LINKED, mention__version_id=F("mention__version__concern__current_version_id"))
        .exclude(judgement=Judgement.REJECTED)
        .exclude(mention__version__concern__status="withdrawn")
        .annotate(child=child_of, node_entity=entity_of)
        .filter(Q(child__in=child_ids) | Q(node_entity__in=entity_ids))
    )
    if not every_link:
        links = links.filter(counts=True)
    rows = links.values_list(
        "child", "node_entity", "mention__version__concern_id", "mention__version__concern__received_at",
        "mention__version__concern__agency__name", "mention__role",
    ).distinct()
    return [Step(c, e, concern, at, agency, role_label(role)) for c, e, concern, at, agency, role in rows if c is not None]


def _neighbourhood(start: str, end: str, every_link: bool, max_steps: int,
                   stop_when_reached: bool) -> dict[str, list[tuple[str, Step]]]:
    """The graph within `max_steps` of `start`, loaded outwards one step per query (stopping once `end`
    is reached, if `stop_when_reached`: a path in time order may need more steps than the shortest)."""
    graph: dict[str, list[tuple[str, Step]]] = defaultdict(list)
    seen_steps: set[Step] = set()
    reached = {start}
    frontier = {start}
    for _ in range(max_steps):
        if not frontier or len(reached) > MAX_NODES:
            break
        children = {int(n[1:]) for n in frontier if n.startswith("c")}
        entities = {int(n[1:]) for n in frontier if n.startswith("e")}
        new: set[str] = set()
        for step in _steps_touching(children, entities, every_link):
            if step in seen_steps:
                continue
            seen_steps.add(step)
            child, entity = f"c{step.child_id}", f"e{step.entity_id}"
            graph[child].append((entity, step))
            graph[entity].append((child, step))
            new |= {child, entity} - reached
        reached |= new
        frontier = new
        if end in reached and stop_when_reached:
            break
    return graph


def _search(graph, start: str, end: str, time_order: bool) -> Path | None:
    """Fewest steps; with `time_order`, each step's concern no earlier than the one before (earliest
    arrival kept per node and number of steps)."""
    floor = dt.datetime.min.replace(tzinfo=dt.UTC)
    # state: (node, time reached); parent pointers per state
    queue: deque[tuple[str, dt.datetime]] = deque([(start, floor)])
    best: dict[str, dt.datetime] = {start: floor}
    parent: dict[tuple[str, dt.datetime], tuple[tuple[str, dt.datetime], Step] | None] = {(start, floor): None}
    while queue:
        level: list[tuple[str, dt.datetime]] = list(queue)
        queue.clear()
        improved: dict[str, tuple[dt.datetime, tuple[str, dt.datetime], Step]] = {}
        for state in level:
            node, time = state
            for neighbour, step in graph.get(node, ()):
                if time_order and step.at < time:
                    continue
                arrive = step.at if time_order else floor
                known = best.get(neighbour)
                if known is not None and (not time_order or known <= arrive):
                    continue
                mine = improved.get(neighbour)
                if mine is None or arrive < mine[0]:
                    improved[neighbour] = (arrive, state, step)
        for neighbour, (arrive, state, step) in improved.items():
            best[neighbour] = arrive
            parent[(neighbour, arrive)] = (state, step)
            queue.append((neighbour, arrive))
        if end in improved:
            return _walk_back(parent, (end, improved[end][0]))
    return None


def _walk_back(parent, state) -> Path:
    nodes, hops = [state[0]], []
    while parent[state] is not None:
        previous, step = parent[state]
        hops.append(Hop(previous[0], state[0], step))
        nodes.append(previous[0])
        state = previous
    return Path(nodes=tuple(reversed(nodes)), hops=tuple(reversed(hops)))


def find_path(start: str, end: str, *, time_order: bool = False, every_link: bool = False,
              max_steps: int = MAX_STEPS) -> Path | None:
    """The shortest path from `start` to `end` ("C-00012", "E-00034" or "c12"/"e34"), or None."""
    start, end = _canonical(parse_node(start)), _canonical(parse_node(end))
    if start == end:
        return Path(nodes=(start,), hops=())
    graph = _neighbourhood(start, end, every_link, max_steps, stop_when_reached=not time_order)
    return _search(graph, start, end, time_order)
