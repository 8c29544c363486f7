"""Resolving mentions into entities: the same car, phone, account, place or person across agencies.

Vehicles, phones, accounts and places resolve on their normalised keys with partial-match rules (a
partial plate with agreeing make and colour can match one full plate; two different full plates never
match). People are scored with the Splink model trained by EM on the data (identity/linkage, evaluated in
Python on arrival); an uncertain match is kept as a possible link, never merged.

`EntityIndex` holds what is needed to resolve: filled from the database in full for a bulk import, or
just around the keys of one concern's mentions. With JOINEDUP_LINKAGE=exact it links only exactly equal
identifiers as written (the naive baseline the evaluation compares against).
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from typing import Any

from django.conf import settings

from joinedup.identity.linkage import load_model, match_probability, score_records
from joinedup.identity.linkage.records import prepare
from joinedup.identity.normalise import (
    mention_keys,
    place_features,
    place_similarity,
    plates_compatible,
)
from joinedup.identity.normalise.people import PersonFeatures, person_features
from joinedup.identity.normalise.places import place_name_words

PERSON_LINK = 0.97  # probability at or above which two person mentions are the same person
PERSON_POSSIBLE = 0.6
PLACE_LINK = 0.9
PLACE_WORD_CAP = 50  # places compared for sharing a word of their names; a word of more says too little
CANDIDATE_CAP = 300
UNIDENTIFIED_CANDIDATES = 20  # a first name or a nickname alone: only the first few candidates are scored

PERSON_FIELDS = ("given_name", "family_name", "nickname", "dob", "approx_age", "sex", "phone", "address", "postcode")
MENTION_FIELDS = {
    "person": PERSON_FIELDS + ("description",),
    "vehicle": ("plate", "make", "model", "colour", "taxi_firm"),
    "phone": ("number",),
    "place": ("name", "address", "postcode", "venue_type"),
    "online": ("platform", "handle"),
}


def mention_data(mention) -> dict[str, Any]:
    """The interchange fields of a stored mention (only those given)."""
    data = {}
    for field in MENTION_FIELDS[mention.kind]:
        value = getattr(mention, field)
        if value not in ("", None):
            data[field] = value.isoformat() if field == "dob" else value
    return data


@dataclasses.dataclass
class Resolution:
    entity_id: int | None  # None: make a new entity
    method: str
    score: float | None
    explanation: list
    possible: list[tuple[int, float, list]]  # (entity id, score, explanation)
    exact_keys: list[str]
    block_keys: list[str]
    label: str
    features: Any = None


def naive_key(kind: str, data: dict[str, Any]) -> str:
    """An identifier exactly as written (the naive baseline)."""
    value = {
        "vehicle": data.get("plate", ""),
        "phone": data.get("number", ""),
        "online": data.get("handle", ""),
        "place": data.get("name", ""),
        "person": " ".join(v for v in (data.get("given_name", ""), data.get("family_name", "")) if v),
    }[kind].strip()
    return f"naive:{kind}:{value}" if value else ""


class EntityIndex:
    def __init__(self) -> None:
        self.exact: dict[str, int] = {}
        self.people: dict[str, list[tuple[int, PersonFeatures]]] = defaultdict(list)
        self.places: dict[str, list[tuple[int, dict]]] = defaultdict(list)
        self.plates: dict[str, list[tuple[int, str, str, str]]] = defaultdict(list)  # first two chars -> full plates
        self.partial_plates: dict[str, tuple[int, str, str]] = {}  # partial plate -> (entity, make, colour)
        self.partials_by_vehicle: dict[str, list[tuple[int, str]]] = defaultdict(list)  # make|colour -> partial plates
        self.place_words: dict[str, list[tuple[int, Any]]] = defaultdict(list)  # a word of a name -> places
        self.venues: dict[int, str] = {}  # place entity -> the venue type its mentions gave ("takeaway")

    # -- filling ------------------------------------------------------------------------------------
    def add(self, kind: str, entity_id: int, keys: dict[str, Any], exact_keys: list[str], features=None) -> None:
        for key in exact_keys:
            self.exact.setdefault(key, entity_id)
        if kind == "person" and features is not None:
            prepared = prepare(features)
            for key in keys.get("block_keys", []):
                bucket = self.people[key]
                if len(bucket) < CANDIDATE_CAP and not any(e == entity_id and f == prepared for e, f in bucket):
                    bucket.append((entity_id, prepared))
        elif kind == "place":
            self._add_place(entity_id, keys, features)
        elif kind == "vehicle":
            self._add_vehicle(entity_id, keys)

    def note_venue(self, entity_id: int, venue: str) -> None:
        """A place's venue type is the first one a mention gave; "other" gives way to a specific one."""
        if venue and self.venues.get(entity_id) in (None, "", "other"):
            self.venues[entity_id] = venue

    def _add_place(self, entity_id: int, keys: dict[str, Any], features) -> None:
        self.note_venue(entity_id, keys.get("venue_type", ""))
        if keys.get("name") and features is not None:
            bucket = self.places[keys["name"]]
            if len(bucket) < CANDIDATE_CAP:
                bucket.append((entity_id, features))
            for word in place_name_words(keys["name"]):
                bucket = self.place_words[word]
                if len(bucket) <= PLACE_WORD_CAP and not any(e == entity_id for e, _ in bucket):
                    bucket.append((entity_id, features))  # one more than the cap marks a word too common

    def _add_vehicle(self, entity_id: int, keys: dict[str, Any]) -> None:
        compact = keys.get("plate_compact")
        if compact and keys.get("plate_complete"):
            if self.exact.get(f"plate:{compact}") == entity_id and not any(e == entity_id for e, *_ in self.plates[compact[:2]]):
                self.plates[compact[:2]].append((entity_id, compact, keys.get("make", ""), keys.get("colour_family", "")))
        elif compact:
            self.partial_plates.setdefault(compact, (entity_id, keys.get("make", ""), keys.get("colour_family", "")))
            vehicle = _make_and_colour(keys)
            if vehicle and keys.get("plate_known", 0) >= PARTIAL_PLATES_AGREE:
                bucket = self.partials_by_vehicle[vehicle]
                if (entity_id, compact) not in bucket and len(bucket) < CANDIDATE_CAP:
                    bucket.append((entity_id, compact))

    @staticmethod
    def exact_keys_for(kind: str, data: dict[str, Any], keys: dict[str, Any]) -> list[str]:
        """The keys on which this mention resolves exactly (no look-ups)."""
        if settings.JOINEDUP_LINKAGE == "exact":
            key = naive_key(kind, data)
            return [key] if key else []
        if kind == "phone":
            if keys.get("phone_valid"):
                return [f"phone:{keys['phone']}"]
            return [f"phone?:{keys['phone_digits']}"] if len(keys.get("phone_digits", "")) >= 7 else []
        if kind == "online":
            out = [f"handle:{keys['handle_key']}"] if keys.get("handle_key") and not keys.get("handle_partial") else []
            if len(keys.get("handle", "")) >= 5 and not keys.get("handle_partial"):
                out.append(f"handle_loose:{keys['handle']}")
            if keys.get("phone"):
                out.append(f"phone:{keys['phone']}")
            return out
        if kind == "vehicle":
            return [f"plate:{keys['plate_compact']}"] if keys.get("plate_complete") else []
        if kind == "place":
            if keys.get("name") and keys.get("district"):
                return [f"place:{keys['name']}|{keys['district']}"]
            if keys.get("address") and not keys.get("name") and (keys.get("house_number") or keys.get("building")):
                # A numbered address is one home; a street alone ("a flat on Oak Avenue") or a postcode is
                # many, and two networks' flats on one street are not one place.
                return [f"address:{keys['address']}"]
        return []

    # -- resolving ----------------------------------------------------------------------------------
    def resolve(self, kind: str, data: dict[str, Any], received_at) -> Resolution:
        if settings.JOINEDUP_LINKAGE == "exact":
            key = naive_key(kind, data)
            found = self.exact.get(key) if key else None
            return Resolution(found, "naive" if found else "new", None, [], [], [key] if key else [], [], _label(kind, data, {}))
        keys = mention_keys(kind, data, received_at)
        label = _label(kind, data, keys)
        resolver = getattr(self, f"_{kind}")
        return resolver(data, keys, label, received_at)

    def _exact_or_new(self, exact_keys: list[str], keys, label) -> Resolution:
        for key in exact_keys:
            if key in self.exact:
                return Resolution(self.exact[key], "key", 1.0, [(key.split(":")[0], "equal")], [], exact_keys, [], label)
        return Resolution(None, "new", None, [], [], exact_keys, keys.get("block_keys", []), label)

    def _phone(self, data, keys, label, received_at) -> Resolution:
        return self._exact_or_new(self.exact_keys_for("phone", data, keys), keys, label)

    def _online(self, data, keys, label, received_at) -> Resolution:
        return self._exact_or_new(self.exact_keys_for("online", data, keys), keys, label)

    def _vehicle(self, data, keys, label, received_at) -> Resolution:
        if keys.get("plate_complete"):
            return self._exact_or_new([f"plate:{keys['plate_compact']}"], keys, label)
        partial = keys.get("plate_compact", "")
        if not partial or keys.get("plate_known", 0) < 4:
            return Resolution(None, "new", None, [], [], [], [], label)  # not identifiable
        candidates = []
        for bucket in ([partial[:2]] if "?" not in partial[:2] else list(self.plates)):
            for entity_id, full, make, colour in self.plates.get(bucket, ()):
                if not plates_compatible(partial, full):
                    continue
                if keys.get("make") and make and keys["make"] != make:
                    continue
                if keys.get("colour_family") and colour and keys["colour_family"] != colour:
                    continue
                candidates.append((entity_id, full))
        explanation = [("plate", f"{partial} fits {full}") for _, full in candidates[:3]]
        if len(candidates) == 1 and (keys.get("make") or keys.get("colour_family")):
            return Resolution(candidates[0][0], "partial", 0.95, explanation + [("make and colour", "agree")], [], [], [], label)
        possible = [(entity_id, 0.5, [("plate", f"{partial} fits {full}")]) for entity_id, full in candidates[:3]]
        blocks = partial_plate_keys(keys)
        if partial in self.partial_plates and not _conflicting(keys, *self.partial_plates[partial][1:]):
            return Resolution(self.partial_plates[partial][0], "key", 1.0, [("partial plate", "equal")], possible, [], blocks, label)
        if not candidates:
            # Two partial plates of a car of the same make and colour that agree wherever both are
            # known, in enough places ("YT5? EZ?" and "Y?57 EZ?"): one car seen twice.
            fits = {e: other for e, other in self.partials_by_vehicle.get(_make_and_colour(keys), ()) if partial_plates_agree(partial, other)}
            if len(fits) == 1:
                (entity_id, other), = fits.items()
                explanation = [("plate", f"{partial} fits {other}"), ("make and colour", "agree")]
                return Resolution(entity_id, "partial", 0.9, explanation, [], [], blocks, label)
        return Resolution(None, "new", None, [], possible, [], blocks, label)

    def _place(self, data, keys, label, received_at) -> Resolution:
        name = keys.get("name", "")
        exact = self.exact_keys_for("place", data, keys)
        for key in exact:
            if key in self.exact:
                return Resolution(self.exact[key], "key", 1.0, [("name and district", "equal")], [], exact, [], label)
        features = place_features(data)
        scored: dict[int, tuple[float, list]] = {}  # each place at the best its ways of being written score
        self._score_places(features, self.places.get(name, ()) if name else (), scored)
        if name and not any(score >= PLACE_LINK for score, _ in scored.values()):
            # Only if nothing under the same name links: places sharing a word of it (a typo elsewhere in
            # the name), leaving out words so common that they say little ("school", a street's name).
            words = [self.place_words.get(w, ()) for w in place_name_words(name)]
            self._score_places(features, [c for bucket in words if len(bucket) <= PLACE_WORD_CAP for c in bucket], scored)
        ranked = sorted(scored.items(), key=lambda kv: (-kv[1][0], kv[0]))
        if ranked and ranked[0][1][0] >= PLACE_LINK:
            entity_id, (score, explanation) = ranked[0]
            return Resolution(entity_id, "score", score, explanation, [], exact, [], label, features)
        possible = [(e, score, explanation) for e, (score, explanation) in ranked[:3] if score >= 0.5]
        return Resolution(None, "new", None, [], possible, exact, [], label, features)

    @staticmethod
    def _score_places(features, candidates, scored: dict[int, tuple[float, list]]) -> None:
        for entity_id, other in candidates:
            score, outcomes = place_similarity(features, other)
            if score > scored.get(entity_id, (-1.0,))[0]:
                scored[entity_id] = (score, [(o.field, o.level) for o in outcomes])

    def _person(self, data, keys, label, received_at) -> Resolution:
        features = person_features(data, received_at)
        mine = prepare(features)
        model = load_model()
        # A first name or a nickname alone does not identify anyone: such a mention can only be a
        # possible match, however alike the names (and only the first few candidates are scored).
        identified = bool(features.family or features.phone or features.dob or features.address)
        budget = CANDIDATE_CAP if identified else UNIDENTIFIED_CANDIDATES
        seen: dict[int, tuple[float, Any]] = {}
        for key in keys.get("block_keys", []):
            for entity_id, other in self.people.get(key, ()):
                if entity_id in seen:
                    continue
                if len(seen) >= budget:
                    break
                seen[entity_id] = (match_probability(mine, other, model, floor=PERSON_POSSIBLE), other)
        ranked = sorted(seen.items(), key=lambda kv: kv[1][0], reverse=True)
        blocks = keys.get("block_keys", [])
        if ranked and ranked[0][1][0] >= PERSON_LINK and identified:
            entity_id, (probability, other) = ranked[0]
            return Resolution(entity_id, "score", probability, _explain(mine, other, model), [], [], blocks, label, features)
        possible = [(e, p, _explain(mine, other, model)) for e, (p, other) in ranked[:3] if p >= PERSON_POSSIBLE]
        return Resolution(None, "new", None, [], possible, [], blocks, label, features)


def _explain(mine, other, model) -> list[tuple[str, str]]:
    """The waterfall of one scored pair, as (comparison, level) steps after the prior."""
    _, _, steps = score_records(mine, other, model)
    return [(step.comparison, step.level) for step in steps[1:]]


PARTIAL_PLATES_AGREE = 4  # characters known on both partial plates, all agreeing


def _conflicting(keys: dict[str, Any], make: str, colour: str) -> bool:
    """A different make or colour written for the same partial plate: two cars."""
    return bool((keys.get("make") and make and keys["make"] != make)
                or (keys.get("colour_family") and colour and keys["colour_family"] != colour))


def _make_and_colour(keys: dict[str, Any]) -> str:
    return f"{keys['make']}|{keys['colour_family']}" if keys.get("make") and keys.get("colour_family") else ""


def partial_plates_agree(a: str, b: str) -> bool:
    """Two partial plates (compact, "?" unknown) that agree wherever both are known, in enough places."""
    if a == b or len(a) != len(b):
        return False
    both = [(x, y) for x, y in zip(a, b, strict=True) if x != "?" and y != "?"]
    return len(both) >= PARTIAL_PLATES_AGREE and all(x == y for x, y in both)


def partial_plate_keys(keys: dict[str, Any]) -> list[str]:
    """Keys under which a partial plate is stored and looked up (the same partial; a car of the same make
    and colour), so the partial-plate rules work on a single arrival as in a bulk import."""
    partial = keys.get("plate_compact", "")
    if not partial or keys.get("plate_complete") or keys.get("plate_known", 0) < PARTIAL_PLATES_AGREE:
        return []
    vehicle = _make_and_colour(keys)
    return [f"plate_partial:{partial}"] + ([f"plate_partial_vehicle:{vehicle}"] if vehicle else [])


def _label(kind: str, data: dict[str, Any], keys: dict[str, Any]) -> str:
    if kind == "vehicle":
        parts = [keys.get("plate") or data.get("plate", ""), data.get("colour", ""), data.get("make", ""), data.get("model", "")]
        text = " ".join(p for p in parts if p)
        return (text + (f" ({data['taxi_firm']})" if data.get("taxi_firm") else "")) or "vehicle, no details"
    if kind == "phone":
        return keys.get("phone_e164") or data.get("number", "") or "phone"
    if kind == "online":
        handle = data.get("handle", "")
        return f"{handle} on {data['platform']}" if data.get("platform") else handle or "online account"
    if kind == "place":
        return ", ".join(p for p in (data.get("name", ""), data.get("postcode", "")) if p) or data.get("address", "place")
    name = " ".join(p for p in (data.get("given_name", ""), data.get("family_name", "")) if p)
    if data.get("nickname"):
        name = f"{name} \u201c{data['nickname']}\u201d".strip()
    return name or data.get("description", "") or "unnamed person"
