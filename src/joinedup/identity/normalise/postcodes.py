"""UK postcodes: "nt13ab", "NT1 3AB", "Nt1  3ab" -> "NT1 3AB", with the district ("NT1") and sector
("NT1 3") as looser keys. The inward part is always a digit and two letters; the outward part is one of
A9, A99, AA9, AA99, A9A, AA9A. Look-alikes (O/0, I/1, S/5, Z/2, B/8, G/6) are corrected where these
position rules leave one reading with the fewest corrections (a tie goes to the commoner shape).

Only the shape is checked, not the list of real postcodes: a fictional area ("NT") is as good as a real
one, and a postcode that does not exist still keys the same way each time it is written.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from joinedup.identity.normalise._text import as_text, strip_accents

__all__ = ["PostcodeKey", "postcode_key", "find_postcode", "postcode_similarity"]

_TO_LETTER = {"0": "O", "1": "I", "5": "S", "2": "Z", "8": "B", "6": "G"}
_TO_DIGIT = {letter: digit for digit, letter in _TO_LETTER.items()} | {"L": "1"}  # "nt4" typed "ntl"
_MAX_CORRECTIONS = 1  # in each part
_OUTWARD = ("LD", "LDD", "LLD", "LDL", "LLDD", "LLDL")
_INWARD = "DLL"
_KEEP = re.compile(r"[^A-Z0-9]")
# A postcode inside other text, loosely: outward, optional space, inward (look-alikes allowed).
_IN_TEXT = re.compile(r"\b([A-Z][A-Z0-9]{1,3})\s*([0-9OISZ][A-Z0-9]{2})\b", re.I)


class PostcodeKey(NamedTuple):
    postcode: str  # "NT1 3AB", or "" unless a full postcode was written
    district: str  # "NT1" (the outward part), "" if not readable
    sector: str  # "NT1 3", "" unless a full postcode was written
    area: str  # "NT"


_EMPTY = PostcodeKey("", "", "", "")


def _read(chars: str, classes: str) -> tuple[int, str] | None:
    """(corrections, resolved) of one part under one shape; None if impossible or if it would take more
    than one correction (then it is not a postcode: "123456" is not "I23 4SG")."""
    cost = 0
    out = []
    for ch, cls in zip(chars, classes, strict=True):
        if (cls == "L") == ch.isalpha():
            out.append(ch)
            continue
        fixed = _TO_LETTER.get(ch) if cls == "L" else _TO_DIGIT.get(ch)
        if fixed is None:
            return None
        cost += 1
        out.append(fixed)
    return (cost, "".join(out)) if cost <= _MAX_CORRECTIONS else None


def _outward(chars: str) -> str | None:
    best: tuple[int, str] | None = None
    for classes in _OUTWARD:
        if len(classes) == len(chars):
            reading = _read(chars, classes)
            if reading is not None and (best is None or reading[0] < best[0]):
                best = reading
    return best[1] if best else None


def _area(district: str) -> str:
    return district[:2] if district[1:2].isalpha() else district[:1]


@lru_cache(maxsize=16384)
def _postcode_key(text: str) -> PostcodeKey:
    chars = _KEEP.sub("", strip_accents(text).upper())
    if 2 <= len(chars) <= 4:  # an outward part alone: a district
        district = _outward(chars)
        return PostcodeKey("", district, "", _area(district)) if district else _EMPTY
    if not 5 <= len(chars) <= 7:
        return _EMPTY
    district = _outward(chars[:-3])
    inward = _read(chars[-3:], _INWARD)
    if district is None or inward is None:
        return _EMPTY
    return PostcodeKey(f"{district} {inward[1]}", district, f"{district} {inward[1][0]}", _area(district))


def postcode_key(text: object) -> PostcodeKey:
    """The key of a written postcode field ("NT4 2QP", or a postcode with words around it). Never raises."""
    value = as_text(text)[:80]
    key = _postcode_key(value[:20])
    if not key.district and len(value) > 8:
        key = find_postcode(value)[0]
    return key


def find_postcode(text: str) -> tuple[PostcodeKey, str]:
    """The last full postcode written inside free text (an address line), and the text without it."""
    for match in reversed(list(_IN_TEXT.finditer(text))):
        if not any(ch.isdigit() for ch in match.group(0)):
            continue  # a word such as "Mosside" is not a postcode
        key = _postcode_key(match.group(0))
        if key.postcode:
            return key, (text[: match.start()] + text[match.end():]).strip(" ,")
    return _EMPTY, text


def postcode_similarity(a: PostcodeKey, b: PostcodeKey) -> str:
    """The level at which two postcodes agree: "exact", "sector", "district", "area", "differs", or
    "missing" when either side has no district."""
    if not a.district or not b.district:
        return "missing"
    if a.postcode and a.postcode == b.postcode:
        return "exact"
    if a.sector and a.sector == b.sector:
        return "sector"
    if a.district == b.district:
        return "district"
    return "area" if a.area == b.area else "differs"
