"""Addresses as people write them: "14 Mill Lane", "14, Mill Ln", "Flat 2, 14 Mill Lane, Northtown",
"2/14 Mill Lane", "14 MILL LANE NORTHTOWN NT4 2QP". The key is the house number and the street with its
abbreviations expanded ("14 mill lane"); a flat is kept as a sub-key (a different flat at the same
number is a different home), a named building ("Kestrel House") likewise; the town and anything after
the street are dropped.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from rapidfuzz import fuzz

from joinedup.identity.normalise._text import _APOSTROPHES, as_text, fold, strip_accents
from joinedup.identity.normalise.postcodes import find_postcode

__all__ = ["AddressKey", "address_key", "street_key", "address_similarity"]

# Abbreviation -> word, applied to every word of a street (but "st" at the start is "saint").
_ABBREVIATIONS = {
    "rd": "road", "st": "street", "str": "street", "ln": "lane", "la": "lane", "ave": "avenue", "av": "avenue",
    "cl": "close", "dr": "drive", "drv": "drive", "terr": "terrace", "ter": "terrace", "tce": "terrace",
    "cres": "crescent", "cresc": "crescent", "cr": "crescent", "ct": "court", "crt": "court",
    "gr": "grove", "gro": "grove", "grv": "grove", "pl": "place", "sq": "square", "gdns": "gardens",
    "gdn": "gardens", "pk": "park", "wk": "walk", "hse": "house", "ho": "house", "est": "estate",
    "bldgs": "buildings", "mws": "mews", "pde": "parade", "grn": "green", "vw": "view", "hts": "heights",
    "blvd": "boulevard", "bvd": "boulevard", "app": "approach", "cotts": "cottages", "wy": "way",
    "mt": "mount", "hl": "hill", "cir": "circus", "yd": "yard", "nth": "north",
    "sth": "south", "gt": "great", "lt": "little", "upr": "upper", "lwr": "lower",
}
# The last word of a street name: where a street written without commas ends and the town begins.
_STREET_WORDS = {
    "road", "street", "lane", "avenue", "close", "drive", "terrace", "crescent", "court", "grove", "place",
    "square", "gardens", "walk", "way", "mews", "parade", "green", "view", "heights", "boulevard", "row",
    "hill", "approach", "cottages", "yard", "side", "bank", "rise", "wharf", "gate", "croft", "fold",
    "estate", "park", "circus", "wynd", "vale", "end", "top", "meadows", "chase", "dale",
}
_BUILDING_WORDS = {"house", "court", "flats", "mansions", "tower", "towers", "lodge", "building", "buildings",
                   "block", "apartments", "hall", "cottage", "farm", "chambers", "point", "heights"}
_FLAT = re.compile(r"\b(?:flat|apartment|apt|unit|room|rm|fl)\b\.?\s*(\d+[a-z]?|[a-z]\b)", re.I)
_SLASH = re.compile(r"^\s*(\d+[a-z]?)\s*/\s*", re.I)  # "2/14 Mill Lane": flat 2 at number 14
_NUMBER_WORD = re.compile(r"^\s*no\.?\s*(?=\d)", re.I)  # "No. 14 Mill Lane"
_NUMBER = re.compile(r"^(\d+[a-z]?(?:\s*-\s*\d+[a-z]?)?)\b\s*(.*)$")


class AddressKey(NamedTuple):
    key: str  # "14 mill lane"; or "kestrel house fernhollow estate" for a named building without a number
    number: str  # "14", "14a", "14-16", ""
    street: str  # "mill lane"
    flat: str  # "2", "b", ""
    building: str  # "kestrel house", ""
    postcode: str  # a postcode found inside the address text, canonical, or ""


_EMPTY = AddressKey("", "", "", "", "", "")


@lru_cache(maxsize=16384)
def street_key(text: str) -> str:
    """"Mill Ln" -> "mill lane", "St Hilda's Rd" -> "saint hildas road", "Cross St" -> "cross street"."""
    words = fold(text).split()
    out = []
    for i, word in enumerate(words):
        if word == "st" and i == 0 and len(words) > 1:
            out.append("saint")
        else:
            out.append(_ABBREVIATIONS.get(word, word))
    return " ".join(out)


def _cut_town(street: str) -> str:
    """"mill lane northtown" -> "mill lane": a street with no comma before the town ends at its street word."""
    words = street.split()
    for i in range(len(words) - 1, 0, -1):
        if words[i] in _STREET_WORDS:
            return " ".join(words[: i + 1])
    return street


def _parts(text: str) -> tuple[str, list[str]]:
    """The flat (if written) and the comma-separated parts that remain."""
    flat = ""
    slash = _SLASH.match(text)
    if slash:
        flat, text = slash.group(1), text[slash.end():]
    else:
        found = _FLAT.search(text)
        if found:
            flat, text = found.group(1), text[: found.start()] + "," + text[found.end():]
    parts = [fold(_NUMBER_WORD.sub("", p)) for p in re.split(r"[,;\n]+", text)]
    return flat.lower(), [p for p in parts if p]


def _number_street(parts: list[str]) -> tuple[str, str, str]:
    """(number, street, building) from the comma-separated parts."""
    for i, part in enumerate(parts):
        match = _NUMBER.match(part)
        if not match:
            continue
        number, rest = match.group(1).replace(" ", ""), match.group(2)
        if not rest and i + 1 < len(parts):  # "14, Mill Lane"
            rest = parts[i + 1]
        building = parts[i - 1] if i > 0 else ""
        return number, _cut_town(street_key(rest)), street_key(building)
    if len(parts) >= 2 and parts[0].split()[-1] in _BUILDING_WORDS:
        return "", _cut_town(street_key(parts[1])), street_key(parts[0])
    words = street_key(parts[0]).split()
    for i, word in enumerate(words[1:-1], start=1):  # "kestrel house fernhollow estate"
        if word in _BUILDING_WORDS:
            return "", _cut_town(" ".join(words[i + 1:])), " ".join(words[: i + 1])
    return "", _cut_town(" ".join(words)), ""


_PLAIN = re.compile(r"[^\w,;/\n]+|_")


@lru_cache(maxsize=16384)
def _address_key(text: str) -> AddressKey:
    # Spelt as `fold` will spell it before looking for a postcode, so that a key reads the same again.
    text = _PLAIN.sub(" ", _APOSTROPHES.sub("", strip_accents(text)))
    postcode, text = find_postcode(text)  # postcodes are not written around a "/": "2/14" stays
    flat, parts = _parts(text)
    if not parts:
        return _EMPTY._replace(flat=flat, postcode=postcode.postcode)
    number, street, building = _number_street(parts)
    key = f"{number} {street}" if number and street else " ".join(p for p in (building, street) if p)
    return AddressKey(key, number, street, flat, building, postcode.postcode)


def address_key(text: object) -> AddressKey:
    """The key of a written address. Never raises."""
    return _address_key(as_text(text)[:300])


def address_similarity(a: AddressKey, b: AddressKey) -> str:
    """"exact" (same number, street and flat), "same_building" (same number and street, one flat unknown),
    "other_flat", "same_street" (numbers differ or unknown), "differs", or "missing"."""
    if not a.key or not b.key:
        return "missing"
    streets_agree = a.street == b.street or (
        bool(a.street and b.street) and fuzz.token_set_ratio(a.street, b.street) >= 90)
    if not streets_agree and not (a.building and a.building == b.building):
        return "differs"
    if a.number and a.number == b.number or (not a.number and not b.number and a.building == b.building):
        if a.flat and b.flat:
            return "exact" if a.flat == b.flat else "other_flat"
        return "exact" if a.flat == b.flat else "same_building"
    return "same_street"
