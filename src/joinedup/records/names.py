"""Name and postcode keys for matching children. Plain functions, no database."""

from __future__ import annotations

import re
import unicodedata

_POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)\s*([0-9][A-Z]{2})$")


def fold(text: str) -> str:
    """Lower case, accents removed, only letters, digits and single spaces."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = re.sub(r"[^a-z0-9]+", " ", text)
    return text.strip()


def name_key(name: str) -> str:
    """A family-name key: folded, no spaces or hyphens ("O'Neill" and "ONeill" agree)."""
    return fold(name).replace(" ", "")


def given_key(name: str) -> str:
    """A given-name key: the first given name, folded, mapped through the variant table (the richer
    table of identity.normalise.given_names, which includes every group here)."""
    from joinedup.identity.normalise.given_names import given_key as canonical

    folded = fold(name)
    first = folded.split(" ")[0] if folded else ""
    return canonical(first)


def given_variants(first: str) -> frozenset[str]:
    """Every canonical name a folded first given name may stand for."""
    from joinedup.identity.normalise.given_names import given_groups

    return given_groups(first)


def given_forms(first: str) -> frozenset[str]:
    """Every written form of the names a folded first given name may stand for ("rob" -> bob, robert...)."""
    from joinedup.identity.normalise.given_names import given_forms as forms

    return forms(first)


def postcode_key(postcode: str) -> str:
    """A UK postcode in canonical form ("nt4 2qp" -> "NT4 2QP"); anything else folded and upper-cased."""
    compact = re.sub(r"[^A-Za-z0-9]", "", postcode).upper()
    match = _POSTCODE.match(compact)
    if match:
        return f"{match.group(1)} {match.group(2)}"
    return compact[:10]


def postcode_district(key: str) -> str:
    return key.split(" ")[0] if " " in key else ""
