"""People mentioned in concerns: plain feature columns (`person_features`) that a Splink/DuckDB table can
hold, and a hand-weighted comparison (`person_similarity`) that explains itself field by field, to be
replaced by a trained Splink model over the same columns."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any, NamedTuple

from joinedup.identity.normalise import person_compare as compare
from joinedup.identity.normalise._score import Outcome, probability
from joinedup.identity.normalise._text import as_text, fold
from joinedup.identity.normalise.addresses import address_key
from joinedup.identity.normalise.ages import birth_range, when
from joinedup.identity.normalise.given_names import given_key
from joinedup.identity.normalise.phones import phone_key
from joinedup.identity.normalise.postcodes import postcode_key

__all__ = ["PersonFeatures", "person_features", "person_similarity", "family_key", "nickname_core"]

_SEXES = {"f": "f", "female": "f", "girl": "f", "woman": "f", "w": "f", "m": "m", "male": "m", "boy": "m",
          "man": "m"}
_DESCRIPTORS = {"big", "little", "lil", "young", "yung", "old", "fat", "uncle", "auntie", "aunty", "aunt", "mr",
                "mister", "the", "baby", "lady", "miss", "mrs", "ms", "grandad", "granddad", "grandpa",
                "gramps", "grandma", "gran", "nan", "nana", "nanna", "cousin"}
# A nickname written inside the given-name field: 'Mohammed "Mo"', "Mohammed (Mo)", "Mohammed aka Mo".
_INNER_NICKNAME = re.compile(r"""["“”(]([^"“”()]+)["“”)]|\b(?:aka|a\.k\.a\.?|known as)\s+(.+)$""", re.I)
_PRIOR_BITS = -8.0  # hand-set until a trained model gives the real prior among blocked pairs


class PersonFeatures(NamedTuple):
    given: str  # first given name, folded: "mohammed"
    given_key: str  # through the variant table: "mo" -> "mohammed"
    middle: str  # other given names, folded
    family: str  # folded, words kept: "smith jones", "al hassan"
    family_key: str  # one word, Mac/Mc and Saint/St folded: "mcdonald", "oneill", "smithjones"
    nickname: str  # folded: "big mo"
    nickname_key: str  # its core through the variant table: "mohammed"
    sex: str  # "f", "m", ""
    dob: str  # ISO date when a whole date of birth was written, else ""
    birth_min: str  # ISO, earliest possible birth date from dob or approximate age, else ""
    birth_max: str
    age_source: str  # "dob", "age", ""
    phone: str  # phone key (E.164, or "?digits")
    postcode: str
    district: str
    address: str  # address key: "14 mill lane"
    flat: str


@lru_cache(maxsize=16384)
def family_key(family: str) -> str:
    """"McDonald", "MacDonald", "Mc Donald" -> "mcdonald"; "O'Neill" -> "oneill"; "Smith-Jones" ->
    "smithjones"; "Saint John", "St. John" -> "stjohn"."""
    key = fold(family).replace(" ", "")
    if key.startswith("mac") and len(key) > 5:
        key = "mc" + key[3:]
    elif key.startswith("saint") and len(key) > 6:
        key = "st" + key[5:]
    return key


@lru_cache(maxsize=16384)
def nickname_core(nickname: str) -> str:
    """"Big Dave" -> "dave", "Lil' J" -> "j", "Uncle D" -> "d", "Shifty" -> "shifty"."""
    words = fold(nickname).split()
    core = [w for w in words if w not in _DESCRIPTORS]
    return " ".join(core or words)


def _names(given_text: str, nickname_text: str) -> tuple[str, str, str]:
    """(first given name, middle names, nickname) with a nickname written inside the given name moved out."""
    inner = _INNER_NICKNAME.search(given_text)
    if inner:
        nickname_text = nickname_text or inner.group(1) or inner.group(2)
        given_text = given_text[: inner.start()] + given_text[inner.end():]
    words = fold(given_text).split()
    return (words[0] if words else ""), " ".join(words[1:]), fold(nickname_text)


def person_features(mention: Mapping[str, Any], received_at: Any = None) -> PersonFeatures:
    """Plain columns for a person mention (or a child record with the same field names). `received_at`
    (date, datetime or ISO string) places an approximate age in time. Never raises on odd values."""
    given, middle, nickname = _names(as_text(mention.get("given_name")), as_text(mention.get("nickname")))
    sex = _SEXES.get(fold(as_text(mention.get("sex"))), "")
    family = fold(as_text(mention.get("family_name")))
    core = nickname_core(nickname)
    received = when(received_at)
    dates, source = birth_range(mention.get("dob"), mention.get("approx_age"), received)
    exact_dob = dates[0].isoformat() if dates and source == "dob" and dates[0] == dates[1] else ""
    address = address_key(mention.get("address"))
    postcode = postcode_key(mention.get("postcode"))
    if not postcode.district and address.postcode:
        postcode = postcode_key(address.postcode)
    return PersonFeatures(
        given, given_key(given, sex) if given else "", middle, family, family_key(family), nickname,
        given_key(core, sex) if core and " " not in core else core, sex, exact_dob,
        dates[0].isoformat() if dates else "", dates[1].isoformat() if dates else "", source,
        phone_key(mention.get("phone")).key, postcode.postcode, postcode.district, address.key, address.flat)


def _features(value: PersonFeatures | Mapping[str, Any], received_at: Any) -> PersonFeatures:
    return value if isinstance(value, PersonFeatures) else person_features(value, received_at)


def person_similarity(a: PersonFeatures | Mapping[str, Any], b: PersonFeatures | Mapping[str, Any],
                      received_at: Any = None) -> tuple[float, tuple[Outcome, ...]]:
    """(probability that two mentions are the same person, one outcome per field, like a Splink waterfall).
    Takes features, or mention dicts (then `received_at` applies to both; prefer features made with each
    mention's own date)."""
    fa, fb = _features(a, received_at), _features(b, received_at)
    outcomes = (compare.given(fa, fb), compare.family(fa, fb), compare.nickname(fa, fb),
                compare.sex(fa.sex, fb.sex), compare.birth(fa, fb), compare.phone(fa.phone, fb.phone),
                compare.address(fa, fb))
    return probability(outcomes, _PRIOR_BITS), outcomes

