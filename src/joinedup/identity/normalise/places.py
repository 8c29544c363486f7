"""Places: a venue's name folded ("the Golden Spice", "GOLDEN SPICE", "Golden Spice, Wellgate", "Golden
Spice Take-Away" -> "golden spice"), with any street said after it kept as a hint; postcode and address
through their own normalisers; and `place_similarity`, which says which parts agreed."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any, NamedTuple

from rapidfuzz import fuzz

from joinedup.identity.normalise._score import Outcome, missing, probability
from joinedup.identity.normalise._text import as_text, fold
from joinedup.identity.normalise.addresses import AddressKey, address_key, address_similarity, street_key
from joinedup.identity.normalise.postcodes import PostcodeKey, postcode_key, postcode_similarity

__all__ = ["PlaceName", "PlaceFeatures", "numbered_address", "place_name_key", "place_features", "place_similarity"]

# Trailing words that say what kind of place it is, not which one; with the venue type they imply.
_VENUE_WORDS = {
    "takeaway": "takeaway", "take away": "takeaway", "takeout": "takeaway", "restaurant": "takeaway",
    "cafe": "takeaway", "chippy": "takeaway", "fast food": "takeaway", "hotel": "hotel", "guest house": "hotel",
    "guesthouse": "hotel", "inn": "hotel", "b and b": "hotel", "bnb": "hotel", "motel": "hotel",
    "hostel": "hotel", "shop": "shop", "store": "shop", "off licence": "shop", "offy": "shop",
    "newsagents": "shop", "newsagent": "shop", "supermarket": "shop", "mini market": "shop",
    "car park": "car_park", "taxi rank": "taxi_rank", "flats": "flat", "flat": "flat",
    "ltd": "", "limited": "", "and co": "", "co": "", "bar": "other", "pub": "other", "club": "other",
}
_VENUE_TYPES = {"home", "flat", "house", "hotel", "takeaway", "taxi_rank", "school_gate", "park", "shop",
                "car_park", "other"}
_WHERE = re.compile(r"^(.+?)\s+(?:on|in|at|off|near|by|opposite|behind)\s+(.+)$")
_STARTS_WITH_NUMBER = re.compile(r"^\s*(?:flat\s+\w+\s*,?\s*)?\d+[a-z]?\b", re.I)
_PRIOR_BITS = -4.0  # hand-set until a trained model gives the real prior among blocked pairs


def numbered_address(text: str) -> bool:
    """A street address with a house or flat number ("101 Union Street", "Flat 3, 12 Mill Lane")."""
    return bool(_STARTS_WITH_NUMBER.match(text or ""))


class PlaceName(NamedTuple):
    key: str  # "golden spice", "" if only a kind of place was named ("the takeaway on Mill Lane")
    street: str  # a street or area written after the name ("wellgate", "mill lane"), else ""
    venue_type: str  # implied by the words dropped ("takeaway"), else ""


class PlaceFeatures(NamedTuple):
    name: str
    name_street: str
    venue_type: str
    postcode: str
    district: str
    sector: str
    area: str
    address: str  # address key: "14 mill lane"
    house_number: str
    street: str
    flat: str
    building: str


def _drop_venue_words(words: list[str]) -> tuple[list[str], str]:
    venue = ""
    while words:
        two = " ".join(words[-2:]) if len(words) >= 2 else ""
        three = " ".join(words[-3:]) if len(words) >= 3 else ""
        if venue and words[-1] in ("and", "or"):  # "Takeaway & Restaurant"
            words = words[:-1]
            continue
        for phrase in (three, two, words[-1]):
            if phrase and phrase in _VENUE_WORDS:
                venue = venue or _VENUE_WORDS[phrase]
                words = words[: -len(phrase.split())]
                break
        else:
            break
    return words, venue


@lru_cache(maxsize=16384)
def _place_name_key(text: str) -> PlaceName:
    head, _, tail = text.partition(",")
    name, street = fold(head), street_key(tail.split(",")[0]) if tail else ""
    where = _WHERE.match(name)
    if where:
        name, street = where.group(1), street or street_key(where.group(2))
    words = name.split()
    if words and words[0] == "the":
        words = words[1:]
    words, venue = _drop_venue_words(words)
    if words and words[0] == "the":
        words = words[1:]
    return PlaceName(" ".join(words), street, venue)


def place_name_key(text: object) -> PlaceName:
    """The key of a written place name. Never raises."""
    return _place_name_key(as_text(text)[:200])


def place_name_words(name_key: str) -> list[str]:
    """The words of a normalised place name that a typo elsewhere in the name leaves intact ("cluckers
    hicken" and "cluckres chicken" each keep one word of "cluckers chicken"): places are compared when
    they share one, not only when the whole name is equal."""
    return sorted({w for w in name_key.split() if len(w) >= 4})


def place_features(mention: Mapping[str, Any]) -> PlaceFeatures:
    """Plain columns for a place mention (`name`, `address`, `postcode`, `venue_type`)."""
    name_text, address_text = as_text(mention.get("name")), as_text(mention.get("address"))
    if not address_text and _STARTS_WITH_NUMBER.match(name_text):  # an address written as the name
        name_text, address_text = "", name_text
    name = place_name_key(name_text)
    address = address_key(address_text)
    postcode = postcode_key(mention.get("postcode"))
    if not postcode.district and address.postcode:
        postcode = postcode_key(address.postcode)
    venue = fold(as_text(mention.get("venue_type"))).replace(" ", "_")
    venue = venue if venue in _VENUE_TYPES else name.venue_type
    return PlaceFeatures(name.key, name.street, venue, postcode.postcode, postcode.district, postcode.sector,
                         postcode.area, address.key, address.number, address.street, address.flat,
                         address.building)


def _features(value: PlaceFeatures | Mapping[str, Any]) -> PlaceFeatures:
    return value if isinstance(value, PlaceFeatures) else place_features(value)


def _name_outcome(a: str, b: str) -> Outcome:
    if not a or not b:
        return missing("name")
    if a.replace(" ", "") == b.replace(" ", ""):
        return Outcome("name", "exact", 8.0, a)
    ratio = fuzz.ratio(a, b)
    if ratio >= 88:
        return Outcome("name", "typo", 7.0, f"{a!r} ~ {b!r}")  # one slip in a name: nearly as good as equal
    if fuzz.token_set_ratio(a, b) >= 95:
        return Outcome("name", "contains", 4.0, f"{a!r} ~ {b!r}")
    if ratio >= 75:
        return Outcome("name", "similar", 1.0, f"{a!r} ~ {b!r}")
    return Outcome("name", "differs", -4.0, f"{a!r} vs {b!r}")


_POSTCODE_WEIGHTS = {"exact": 6.0, "sector": 2.0, "district": 0.5, "area": -2.0, "differs": -4.0}
_ADDRESS_WEIGHTS = {"exact": 7.0, "same_building": 5.0, "other_flat": -3.0, "other_number": -4.0,
                    "same_street": 1.0, "differs": -3.0}


def _address_outcome(a: PlaceFeatures, b: PlaceFeatures) -> Outcome:
    if not a.address or not b.address:
        return missing("address")
    level = address_similarity(AddressKey(a.address, a.house_number, a.street, a.flat, a.building, ""),
                               AddressKey(b.address, b.house_number, b.street, b.flat, b.building, ""))
    if level == "same_street" and a.house_number and b.house_number:
        level = "other_number"
    return Outcome("address", level, _ADDRESS_WEIGHTS[level], f"{a.address!r} / {b.address!r}")


def _street_outcome(a: PlaceFeatures, b: PlaceFeatures) -> Outcome:
    """A street said with the name ("Golden Spice, Wellgate") against the other's street."""
    streets_a = {s for s in (a.name_street, a.street) if s}
    streets_b = {s for s in (b.name_street, b.street) if s}
    if not (a.name_street or b.name_street) or not streets_a or not streets_b:
        return missing("street")
    if streets_a & streets_b:
        return Outcome("street", "agrees", 1.0, ", ".join(sorted(streets_a & streets_b)))
    return Outcome("street", "differs", -1.0)


def _venue_outcome(a: str, b: str) -> Outcome:
    if not a or not b or "other" in (a, b):
        return missing("venue_type")
    if a == b:
        return Outcome("venue_type", "agrees", 0.5, a)
    homes = {"home", "flat", "house"}
    return Outcome("venue_type", "agrees" if {a, b} <= homes else "differs",
                   0.5 if {a, b} <= homes else -1.0, f"{a} / {b}")


def place_similarity(a: PlaceFeatures | Mapping[str, Any],
                     b: PlaceFeatures | Mapping[str, Any]) -> tuple[float, tuple[Outcome, ...]]:
    """(probability that the two are the same place, one outcome per compared part). Takes features or
    mention dicts."""
    fa, fb = _features(a), _features(b)
    pc_level = postcode_similarity(PostcodeKey(fa.postcode, fa.district, fa.sector, fa.area),
                                   PostcodeKey(fb.postcode, fb.district, fb.sector, fb.area))
    postcode = (missing("postcode") if pc_level == "missing" else
                Outcome("postcode", pc_level, _POSTCODE_WEIGHTS[pc_level], f"{fa.postcode or fa.district} / "
                        f"{fb.postcode or fb.district}"))
    outcomes = (_name_outcome(fa.name, fb.name), postcode, _address_outcome(fa, fb), _street_outcome(fa, fb),
                _venue_outcome(fa.venue_type, fb.venue_type))
    return probability(outcomes, _PRIOR_BITS), outcomes
