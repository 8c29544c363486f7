"""Link on arrival: each new concern's mentions are resolved into entities, the child-entity graph grows,
and alerts are raised or grown, inside the transaction that stores the concern (records.ingest calls
`on_concerns_arrived` once per batch). During a replay each arrival runs on its record's clock, in
order, so an alert's `raised_at` and each child's `linked_at` are the `received_at` of the concern
whose arrival did it.

Bulk imports keep the whole index and graph in memory for the run (`state`); a single concern loads
only what its mentions could touch.
"""

from __future__ import annotations

import contextlib
from collections import defaultdict

from django.conf import settings
from django.db import connection
from django.db.models import F, Window
from django.db.models.functions import RowNumber

from joinedup.core import bulk, clock
from joinedup.identity import alerts, harm
from joinedup.identity.models import Entity, LinkKind, MentionKey, MentionLink
from joinedup.identity.normalise import mention_keys, place_features
from joinedup.identity.normalise.people import person_features
from joinedup.identity.normalise.places import place_name_words
from joinedup.identity.resolve import (
    CANDIDATE_CAP,
    PLACE_WORD_CAP,
    UNIDENTIFIED_CANDIDATES,
    EntityIndex,
    Resolution,
    mention_data,
    partial_plate_keys,
)
from joinedup.records.ingest import Arrival
from joinedup.records.models import ConcernChild, Mention


class LinkState:
    """The index and graph one ingest run works with."""

    def __init__(self, full: bool) -> None:
        self.full = full
        self.index = EntityIndex()
        # entity -> child -> (first linked at, concern id, mention id): counting edges only
        self.graph: dict[int, dict[int, tuple]] = defaultdict(dict)
        self.concerns_of: dict[int, set[int]] = defaultdict(set)  # entity -> concerns with counting edges
        self.loaded_entities: set[int] = set()
        self.alerts = alerts.AlertBook()
        self.pending_links: list[MentionLink] = []
        self.pending_keys: list[MentionKey] = []
        self.pending_entities: list[Entity] = []
        self.entity_ids: list[int] = []  # reserved and not yet used, highest first
        self.children_written: dict = {}
        if full:
            _load_everything(self)


def _stored_keys(kind: str, resolution: Resolution) -> list[str]:
    keys = list(resolution.exact_keys) + list(resolution.block_keys)
    if kind == "vehicle":
        keys += [f"plate2:{k[6:8]}" for k in resolution.exact_keys if k.startswith("plate:")]
    if kind == "place" and resolution.features is not None and resolution.features.name:
        keys.append(f"placename:{resolution.features.name}")
        keys += [f"placeword:{w}" for w in place_name_words(resolution.features.name)]
    return keys


def _add_to_index(state: LinkState, mention: Mention, entity_id: int, received_at, method: str = "") -> None:
    data = mention_data(mention)
    if method == "phone_of_person":
        data = {"number": data.get("phone", "")}
        keys = mention_keys("phone", data, received_at)
        state.index.add("phone", entity_id, keys, EntityIndex.exact_keys_for("phone", data, keys))
        return
    keys = mention_keys(mention.kind, data, received_at)
    exact = EntityIndex.exact_keys_for(mention.kind, data, keys)
    features = None
    if mention.kind == "person":
        features = person_features(data, received_at)
    elif mention.kind == "place":
        features = place_features(data)
    state.index.add(mention.kind, entity_id, keys, exact, features)


def _load_everything(state: LinkState) -> None:
    links = (
        MentionLink.objects.filter(kind=LinkKind.LINKED)
        .select_related("mention__version__concern")
        .order_by("id")
    )
    for link in links.iterator(5000):
        _add_to_index(state, link.mention, link.entity_id, link.mention.version.concern.received_at, link.method)
    for entity_id, child_id, at, concern_id, mention_id in _counting_edges(None):
        _remember_edge(state, entity_id, child_id, at, concern_id, mention_id)
    state.alerts.load_all()
    state.loaded_entities = None  # everything is loaded


def _counting_edges(entity_ids):
    rows = MentionLink.objects.filter(kind=LinkKind.LINKED, counts=True, mention__version__concern__current_version_id=F("mention__version_id"))
    if entity_ids is not None:
        rows = rows.filter(entity_id__in=entity_ids)
    pairs = rows.values_list("entity_id", "mention_id", "mention__version_id", "mention__version__concern__received_at",
                             "mention__version__concern_id")
    by_version = defaultdict(list)
    for entity_id, mention_id, version_id, at, concern_id in pairs:
        by_version[version_id].append((entity_id, mention_id, at, concern_id))
    children = ConcernChild.objects.filter(version_id__in=list(by_version)).values_list("version_id", "child_id")
    for version_id, child_id in children:
        for entity_id, mention_id, at, concern_id in by_version[version_id]:
            yield entity_id, child_id, at, concern_id, mention_id


def _remember_edge(state: LinkState, entity_id, child_id, at, concern_id, mention_id) -> bool:
    """Remember a counting edge; True if it is news (a new child, or a new concern, for the entity)."""
    new_concern = concern_id not in state.concerns_of[entity_id]
    state.concerns_of[entity_id].add(concern_id)
    known = state.graph[entity_id].get(child_id)
    if known is None or at < known[0]:
        state.graph[entity_id][child_id] = (at, concern_id, mention_id)
    return known is None or new_concern


def _load_around(state: LinkState, mentions: list[tuple[Mention, object]]) -> None:
    """Load the stored mentions that could match these, and the graph around their entities: for a key
    that resolves exactly, its first few mentions (the first decides its entity, as in a bulk import);
    for a key that offers candidates, as many as a candidate list holds. A school or a park named in
    thousands of concerns is a few hundred rows, not thousands."""
    exact, wanted = set(), set()
    place_words: list[tuple[str, list[str], set[str]]] = []  # a place's name, its exact keys, its word keys
    for mention, received_at in mentions:
        data = mention_data(mention)
        keys = mention_keys(mention.kind, data, received_at)
        exact_keys = EntityIndex.exact_keys_for(mention.kind, data, keys)
        exact.update(exact_keys)
        wanted.update(keys.get("block_keys", []))
        if mention.kind == "vehicle" and keys.get("plate_compact") and not keys.get("plate_complete") and "?" not in keys["plate_compact"][:2]:
            # Only a partial plate is compared with the full plates that share its first two characters
            # (a full plate resolves on its exact key): for a full plate, the thousands of cars
            # registered in the same area were loaded for nothing.
            wanted.add(f"plate2:{keys['plate_compact'][:2]}")
        if mention.kind == "vehicle":
            wanted.update(partial_plate_keys(keys))
        if mention.kind == "place":
            name = place_features(data).name
            if name:
                wanted.add(f"placename:{name}")
                place_words.append((name, exact_keys, {f"placeword:{w}" for w in place_name_words(name)}))
    wanted -= exact
    areas = {k for k in wanted if k.startswith("plate2:")}  # every full plate a partial one could be
    _add_stored(state, _first_mentions(exact, EXACT_KEY_MENTIONS) | _candidate_mentions(wanted - areas)
                | _first_mentions(areas, PLATES_OF_AN_AREA))
    # Places sharing a word of a name are compared only when the name itself finds nothing (as in a bulk
    # import, where they are compared when nothing under the name links): for "St Hilda's Primary
    # School", written the same way thousands of times, the places of every "school" were loaded for
    # nothing.
    unfound = [words for name, exact_keys, words in place_words
               if not state.index.places.get(name) and not any(k in state.index.exact for k in exact_keys)]
    if unfound:
        _add_stored(state, _candidate_mentions(set().union(*unfound)))


def _add_stored(state: LinkState, mention_ids: set[int]) -> None:
    if not mention_ids:
        return
    links = MentionLink.objects.filter(mention_id__in=sorted(mention_ids), kind=LinkKind.LINKED).select_related("mention__version__concern")
    # In the order a bulk import adds them; sorted here, as ORDER BY id made the planner walk the table.
    for link in sorted(links, key=lambda link: link.pk):
        _add_to_index(state, link.mention, link.entity_id, link.mention.version.concern.received_at, link.method)


EXACT_KEY_MENTIONS = 3
PLATES_OF_AN_AREA = 20000


def _first_mentions(keys: set[str], per_key: int) -> set[int]:
    """The ids of the first `per_key` mentions stored under each key."""
    if not keys:
        return set()
    ranked = MentionKey.objects.filter(key__in=sorted(keys)).annotate(
        rank=Window(RowNumber(), partition_by=F("key"), order_by=F("pk").asc())
    )
    return set(ranked.filter(rank__lte=per_key).values_list("mention_id", flat=True))


MENTIONS_PER_CANDIDATE = 5  # an entity's first mentions under a key: its ways of being written, not all of them
UNIDENTIFIED_KEYS = ("given:", "nickname:")  # a first name alone is scored against few candidates (resolve)


def _candidate_mentions(keys: set[str]) -> set[int]:
    """For each blocking key, the first few mentions of each entity stored under it, up to a candidate
    list's worth in all (fewer for a first name alone): a school named in thousands of concerns, or every
    Kerry in town, is a handful of rows per entity, not thousands."""
    if not keys:
        return set()
    ranked = MentionKey.objects.filter(key__in=sorted(keys), mention__entity_links__kind=LinkKind.LINKED).annotate(
        rank=Window(RowNumber(), partition_by=[F("key"), F("mention__entity_links__entity_id")], order_by=F("pk").asc())
    )
    rows = ranked.filter(rank__lte=MENTIONS_PER_CANDIDATE).values_list("key", "pk", "mention_id", "mention__entity_links__entity_id")
    entities: dict[str, set[int]] = defaultdict(set)
    hits = set()
    for key, _, mention_id, entity_id in sorted(rows, key=lambda row: row[1]):
        seen = entities[key]
        if entity_id in seen:
            if not key.startswith("placeword:"):  # a place is offered under a word once (resolve)
                hits.add(mention_id)
        elif len(seen) < _candidates_under(key):
            seen.add(entity_id)
            hits.add(mention_id)
    return hits


def _candidates_under(key: str) -> int:
    """How many entities a blocking key offers as candidates: as many as resolution compares."""
    if key.startswith(UNIDENTIFIED_KEYS):
        return UNIDENTIFIED_CANDIDATES
    if key.startswith("placeword:"):
        return PLACE_WORD_CAP + 1  # one more than the cap, so a word too common is known to be
    return CANDIDATE_CAP


def _ensure_graph(state: LinkState, entity_ids: set[int]) -> None:
    if state.loaded_entities is None:
        return
    missing = entity_ids - state.loaded_entities
    if missing:
        for entity_id, child_id, at, concern_id, mention_id in _counting_edges(missing):
            _remember_edge(state, entity_id, child_id, at, concern_id, mention_id)
        state.loaded_entities |= missing
        state.alerts.load_for_entities(missing)


def on_concerns_arrived(arrivals: list[Arrival], context: dict) -> None:
    state = context.get("identity")
    if state is None:
        state = context["identity"] = LinkState(full=context.get("bulk", False))
    mentions_by_version = {a.version_id: list(a.mentions) for a in arrivals}
    if not state.full:
        _load_around(state, [(m, a.received_at) for a in arrivals for m in mentions_by_version[a.version_id]])
    for arrival in arrivals:
        frozen = clock.frozen(arrival.received_at) if context.get("replay") else contextlib.nullcontext()
        with frozen:
            _link_arrival(state, arrival, mentions_by_version[arrival.version_id])
    _flush(state)


def _flush(state: LinkState) -> None:
    bulk.insert_rows(Entity, state.pending_entities, with_pk=True)
    bulk.insert_rows(MentionLink, state.pending_links)
    bulk.insert_rows(MentionKey, state.pending_keys)
    state.pending_links, state.pending_keys, state.pending_entities = [], [], []


def _new_entity(state: LinkState, entity: Entity) -> int:
    """Store a new entity (inserted with the next flush during a bulk import on PostgreSQL, with an id
    reserved in advance: most mentions make a new entity, and a round trip each was a tenth of a replay)."""
    if not state.full or connection.vendor != "postgresql":
        bulk.insert_rows_returning(Entity, [entity])
        return entity.pk
    if not state.entity_ids:
        state.entity_ids = bulk.reserve_ids(Entity, 1000)[::-1]
    entity.pk = state.entity_ids.pop()
    state.pending_entities.append(entity)
    return entity.pk


def _link_arrival(state: LinkState, arrival: Arrival, mentions: list[Mention]) -> None:
    now = clock.now()
    touched: set[int] = set()
    for mention in mentions:
        linked, counts = _link_mention(state, arrival, mention, now)
        if not counts:
            continue
        for target in linked:
            _ensure_graph(state, {target})
            for child_id in arrival.child_ids:
                if _remember_edge(state, target, child_id, arrival.received_at, arrival.concern_id, mention.pk):
                    touched.add(target)
                state.alerts.add_evidence(target, child_id, arrival.concern_id, mention.pk, now)
    for entity_id in touched:
        if len(state.graph[entity_id]) < 2:
            continue
        _flush(state)  # the alert's evidence queries read the links
        if not _only_one_persons_phone(entity_id):
            state.alerts.entity_grew(entity_id, state.graph[entity_id], state.concerns_of[entity_id], now)


def _children_written(state: LinkState, version_id: int) -> dict:
    """The family names and addresses of the children a concern version names (read once per version)."""
    if state.children_written.get("version") != version_id:
        rows = list(ConcernChild.objects.filter(version_id=version_id).values_list("family_name", "address"))
        state.children_written = {"version": version_id, "names": [r[0] for r in rows], "homes": [r[1] for r in rows if r[1]]}
    return state.children_written


def _link_mention(state: LinkState, arrival: Arrival, mention: Mention, now) -> tuple[list[int], bool]:
    """Resolve one mention: its entity (and a person's phone), possible matches, keys. Returns the
    entities it is linked to and whether the link counts towards alerts."""
    data = mention_data(mention)
    entity_id, resolution = _resolve_into_entity(state, mention.kind, data, arrival, now)
    venue = mention.venue_type
    if mention.kind == "place":
        features = place_features(data)
        venue = (features.venue_type or venue or harm.implied_venue(features.name, data.get("address", ""))
                 or (_known_venue(state, entity_id) if resolution.entity_id is not None else ""))
    counts = harm.counts(mention.kind, mention.role, venue, arrival.categories, arrival.indicators)
    if counts and mention.kind == "person" and (mention.family_name or mention.address) and not harm.SEXUAL_HARM.intersection(arrival.categories):
        # An adult of the child's own family (by name) or household (the child's own numbered address):
        # their link counts only for sexual abuse or exploitation.
        written = _children_written(state, arrival.version_id)
        family = harm.same_family(mention.family_name, written["names"]) or harm.same_home(mention.address, written["homes"])
        counts = harm.counts(mention.kind, mention.role, venue, arrival.categories, arrival.indicators, family=family)
    state.pending_links.append(MentionLink(
        mention=mention, entity_id=entity_id, kind=LinkKind.LINKED, method=resolution.method, score=resolution.score,
        explanation=[list(x) for x in resolution.explanation], created_at=now, counts=counts,
    ))
    linked = [entity_id]
    if mention.kind == "person" and data.get("phone") and settings.JOINEDUP_LINKAGE != "exact":
        # A person's phone is also the phone: link it to the phone entity, so a number written once on a
        # person and once on its own joins up.
        phone_id, phone_resolution = _resolve_into_entity(state, "phone", {"number": data["phone"]}, arrival, now)
        if phone_id != entity_id and phone_resolution.exact_keys:
            state.pending_links.append(MentionLink(
                mention=mention, entity_id=phone_id, kind=LinkKind.LINKED, method="phone_of_person", score=1.0,
                explanation=[["phone", "the person's phone"]], created_at=now, counts=counts,
            ))
            state.pending_keys += [MentionKey(mention=mention, key=k[:300]) for k in phone_resolution.exact_keys]
            linked.append(phone_id)
    offered = {entity_id}
    for possible_id, score, explanation in resolution.possible:
        if possible_id not in offered:
            offered.add(possible_id)
            state.pending_links.append(MentionLink(
                mention=mention, entity_id=possible_id, kind=LinkKind.POSSIBLE, method="score", score=score,
                explanation=[list(x) for x in explanation], created_at=now, counts=False,
            ))
    keys = dict.fromkeys(_stored_keys(mention.kind, resolution))
    state.pending_keys += [MentionKey(mention=mention, key=k[:300]) for k in keys]
    return linked, counts


KNOWN_VENUE_MENTIONS = 50


def _known_venue(state: LinkState, entity_id: int) -> str:
    """The venue type earlier mentions of this place gave, for a mention that gives none: "Cluckers
    Chicken", found at in an exploitation concern, is the takeaway another agency called it. A bulk
    import has seen every earlier mention; a single arrival reads a few of the place's stored ones."""
    if entity_id not in state.index.venues and not state.full:
        rows = (Mention.objects.filter(kind="place", entity_links__entity_id=entity_id, entity_links__kind=LinkKind.LINKED)
                .order_by("pk").values("name", "address", "postcode", "venue_type")[:KNOWN_VENUE_MENTIONS])
        for row in rows:
            state.index.note_venue(entity_id, place_features(row).venue_type)
        state.index.venues.setdefault(entity_id, "")  # read once: none is known
    return state.index.venues.get(entity_id, "")


def _only_one_persons_phone(entity_id: int) -> bool:
    """A phone known only as one person's phone: that person's own alert covers it."""
    links = list(MentionLink.objects.filter(entity_id=entity_id, kind=LinkKind.LINKED).values_list("method", "mention_id"))
    if not links or any(method != "phone_of_person" for method, _ in links):
        return False
    people = set(
        MentionLink.objects.filter(mention_id__in=[m for _, m in links], kind=LinkKind.LINKED)
        .exclude(entity_id=entity_id).values_list("entity_id", flat=True)
    )
    return len(people) <= 1


def _resolve_into_entity(state: LinkState, kind: str, data: dict, arrival: Arrival, now) -> tuple[int, Resolution]:
    resolution = state.index.resolve(kind, data, arrival.received_at)
    entity_id = resolution.entity_id
    if entity_id is None:
        entity_id = _new_entity(state, Entity(kind=kind, label=resolution.label[:300], created_at=now))
        if state.loaded_entities is not None:
            state.loaded_entities.add(entity_id)
    keys = mention_keys(kind, data, arrival.received_at) if resolution.method != "naive" else {}
    state.index.add(kind, entity_id, keys, resolution.exact_keys, resolution.features)
    return entity_id, resolution
