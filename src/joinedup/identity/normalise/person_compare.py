"""Field-by-field comparison of two people's features, each giving one `Outcome` (level and weight in
bits). The levels mirror the comparison levels a Splink model over the same columns would use; the
weights are hand-set starting values. Every function is symmetric in its two arguments."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from rapidfuzz.distance import JaroWinkler

from joinedup.identity.normalise._score import Outcome, missing
from joinedup.identity.normalise.addresses import address_key, address_similarity
from joinedup.identity.normalise.given_names import given_groups

if TYPE_CHECKING:
    from joinedup.identity.normalise.people import PersonFeatures

_PARTICLES = {"al", "el", "de", "la", "le", "van", "der", "von", "bin", "ibn", "di", "da", "du", "st"}
_TYPO = 0.92
_CLOSE = 0.85
_YEAR = 365


def _jw(a: str, b: str) -> float:
    return float(JaroWinkler.normalized_similarity(a, b))


def _variants(a: str, b: str) -> bool:
    return bool(a and b and given_groups(a) & given_groups(b))


def _swapped(a: PersonFeatures, b: PersonFeatures) -> bool:
    """Given and family names written the other way round ("Khan Mohammed")."""
    return bool(a.given and a.family_key and b.given and b.family_key and a.given_key != a.family_key
                and b.given_key != b.family_key
                and _variants(a.given, b.family_key) and _variants(b.given, a.family_key))


def _nickname_meets_given(a: PersonFeatures, b: PersonFeatures) -> bool:
    core_a, core_b = a.nickname_key, b.nickname_key
    return bool(core_a and b.given and _variants(core_a, b.given_key) or
                core_b and a.given and _variants(core_b, a.given_key))


def given(a: PersonFeatures, b: PersonFeatures) -> Outcome:
    if _swapped(a, b):
        return Outcome("given_name", "swapped_with_family", 5.0, f"{a.given} {a.family} / {b.given} {b.family}")
    if not a.given or not b.given:
        if _nickname_meets_given(a, b):
            return Outcome("given_name", "nickname_matches_given", 4.0,
                           f"{a.given or a.nickname!r} / {b.given or b.nickname!r}")
        return missing("given_name")
    pair = f"{a.given!r} / {b.given!r}"
    if len(a.given) == 1 or len(b.given) == 1:
        agree = a.given[0] == b.given[0]
        return Outcome("given_name", "initial" if agree else "differs", 1.0 if agree else -3.0, pair)
    if a.given == b.given:
        return Outcome("given_name", "exact", 6.0, a.given)
    if _variants(a.given, b.given):
        return Outcome("given_name", "variant", 5.0, pair)
    similarity = _jw(a.given, b.given)
    if similarity >= _TYPO and min(len(a.given), len(b.given)) >= 3:
        return Outcome("given_name", "typo", 4.0, pair)
    if _nickname_meets_given(a, b):
        return Outcome("given_name", "nickname_matches_given", 4.0, pair)
    if a.given in b.middle.split() or b.given in a.middle.split():
        return Outcome("given_name", "middle_name", 2.0, pair)
    if similarity >= _CLOSE:
        return Outcome("given_name", "close", 1.0, pair)
    return Outcome("given_name", "differs", -4.0, pair)


def _parts(family: str) -> set[str]:
    return {w for w in family.split() if w not in _PARTICLES and len(w) > 1}


def family(a: PersonFeatures, b: PersonFeatures) -> Outcome:
    if _swapped(a, b):
        return Outcome("family_name", "swapped_with_given", 6.0)
    if not a.family_key or not b.family_key:
        return missing("family_name")
    pair = f"{a.family!r} / {b.family!r}"
    if a.family_key == b.family_key:
        return Outcome("family_name", "exact", 8.0, a.family)
    parts_a, parts_b = _parts(a.family) | {a.family_key}, _parts(b.family) | {b.family_key}
    if parts_a & parts_b:
        return Outcome("family_name", "part", 5.0, pair)  # double-barrelled, or "Al Hassan" / "Hassan"
    similarity = _jw(a.family_key, b.family_key)
    if similarity >= _TYPO:
        return Outcome("family_name", "typo", 5.0, pair)
    if similarity >= _CLOSE:
        return Outcome("family_name", "close", 1.0, pair)
    return Outcome("family_name", "differs", -5.0, pair)


def _from_family(core: str, family_key: str) -> bool:
    """"Smithy" from Smith, "Sully" from Sullivan, "Kingy" from King."""
    return len(core) >= 4 and len(family_key) >= 4 and core[:4] == family_key[:4]


def nickname(a: PersonFeatures, b: PersonFeatures) -> Outcome:
    if a.nickname and b.nickname:
        pair = f"{a.nickname!r} / {b.nickname!r}"
        if a.nickname_key == b.nickname_key or a.nickname == b.nickname:
            return Outcome("nickname", "exact", 5.0, pair)
        if _jw(a.nickname_key, b.nickname_key) >= _TYPO and min(len(a.nickname_key), len(b.nickname_key)) >= 3:
            return Outcome("nickname", "typo", 3.0, pair)
        return Outcome("nickname", "differs", -0.5, pair)  # people have more than one nickname
    core_a = a.nickname_key.replace(" ", "")
    core_b = b.nickname_key.replace(" ", "")
    if _from_family(core_a, b.family_key) or _from_family(core_b, a.family_key):
        return Outcome("nickname", "from_family_name", 2.0, f"{a.nickname or a.family} / {b.nickname or b.family}")
    return missing("nickname")


def sex(a: str, b: str) -> Outcome:
    if not a or not b:
        return missing("sex")
    return Outcome("sex", "agrees", 0.5, a) if a == b else Outcome("sex", "differs", -6.0, f"{a} / {b}")


def _day_swapped(a: str, b: str) -> bool:
    return a[:4] == b[:4] and a[5:7] == b[8:10] and a[8:10] == b[5:7]


def _one_digit(a: str, b: str) -> bool:
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) == 1


def birth(a: PersonFeatures, b: PersonFeatures) -> Outcome:
    if not a.birth_min or not b.birth_min:
        return missing("birth")
    if a.dob and b.dob:
        if a.dob == b.dob:
            return Outcome("birth", "exact", 8.0, a.dob)
        pair = f"{a.dob} / {b.dob}"
        if _day_swapped(a.dob, b.dob):
            return Outcome("birth", "day_month_swapped", 5.0, pair)
        if _one_digit(a.dob, b.dob):
            return Outcome("birth", "one_digit", 4.0, pair)
    start = max(dt.date.fromisoformat(a.birth_min), dt.date.fromisoformat(b.birth_min))
    end = min(dt.date.fromisoformat(a.birth_max), dt.date.fromisoformat(b.birth_max))
    span = f"{a.birth_min}..{a.birth_max} / {b.birth_min}..{b.birth_max}"
    if start <= end:
        both_dates = a.age_source == "dob" and b.age_source == "dob"
        return Outcome("birth", "overlaps", 3.0 if both_dates else 1.0, span)
    gap = (start - end).days
    if gap <= 2 * _YEAR and not (a.dob and b.dob):
        return Outcome("birth", "near", -1.0, span)
    return Outcome("birth", "differs", -5.0, span)


def phone(a: str, b: str) -> Outcome:
    if not a or not b:
        return missing("phone")
    if a == b:
        return Outcome("phone", "exact", 10.0, a)
    short, long = sorted((a.lstrip("?+"), b.lstrip("?+")), key=len)
    if "?" in (a[:1] + b[:1]) and len(short) >= 6 and long.endswith(short.lstrip("0")):
        return Outcome("phone", "fragment", 4.0, f"{a} / {b}")
    return Outcome("phone", "differs", -1.0, f"{a} / {b}")  # people have more than one phone


_ADDRESS_WEIGHTS = {"exact": 6.0, "same_building": 5.0, "other_flat": -1.0, "same_street": 0.5,
                    "differs": -1.0}
_POSTCODE_WEIGHTS = {"exact": 4.0, "sector": 1.0, "district": 0.5}


def address(a: PersonFeatures, b: PersonFeatures) -> Outcome:
    """The address if both have one, else the postcode. People move: disagreement counts for little."""
    if a.address and b.address:
        level = address_similarity(address_key(a.address)._replace(flat=a.flat),
                                   address_key(b.address)._replace(flat=b.flat))
        if level in _ADDRESS_WEIGHTS and (level != "differs" or not (a.postcode and a.postcode == b.postcode)):
            return Outcome("address", level, _ADDRESS_WEIGHTS[level], f"{a.address!r} / {b.address!r}")
    if not a.district or not b.district:
        return missing("address")
    if a.postcode and a.postcode == b.postcode:
        level = "postcode_exact"
    elif a.postcode and b.postcode and a.postcode[:-2] == b.postcode[:-2]:
        level = "postcode_sector"
    else:
        level = "postcode_district" if a.district == b.district else "postcode_differs"
    weight = _POSTCODE_WEIGHTS.get(level.removeprefix("postcode_"), -0.5)
    return Outcome("address", level, weight, f"{a.postcode or a.district} / {b.postcode or b.district}")
