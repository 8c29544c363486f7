"""Phone numbers in any format people write them, as E.164 ("+447700900461") through `phonenumbers`,
region GB. Partial or impossible numbers are kept, marked invalid, under a key that cannot collide with
an E.164 key; nothing raises.

Ofcom's ranges for drama and testing (07700 900xxx, 01632 960xxx, 020 7946 0xxx, ...) are not valid
for `phonenumbers` but are well-formed UK numbers; they count as valid here, so fictional and test
data behave like real data.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

import phonenumbers
from phonenumbers import PhoneNumberType

from joinedup.identity.normalise._text import as_text

__all__ = ["PhoneKey", "phone_key", "phone_similarity"]

# A run that starts like a number and holds digits with the usual separators.
_CANDIDATE = re.compile(r"(?:\+|\b00|\()?\s*\d[\d\s().\-]*\d")
_DIGITS = re.compile(r"\D")
# (national significant number prefix, kind) of Ofcom's drama/testing ranges; each is 10 digits long.
_DRAMA = (
    ("7700900", "mobile"), ("1134960", "landline"), ("1144960", "landline"), ("1154960", "landline"),
    ("1164960", "landline"), ("1174960", "landline"), ("1184960", "landline"), ("1214960", "landline"),
    ("1314960", "landline"), ("1414960", "landline"), ("1514960", "landline"), ("1614960", "landline"),
    ("1632960", "landline"), ("1914980", "landline"), ("2079460", "landline"), ("2890180", "landline"),
    ("2920180", "landline"), ("8081570", "other"), ("9098790", "other"), ("3069990", "other"),
)
_KINDS = {
    PhoneNumberType.MOBILE: "mobile", PhoneNumberType.FIXED_LINE: "landline",
    PhoneNumberType.FIXED_LINE_OR_MOBILE: "landline", PhoneNumberType.VOIP: "voip",
    PhoneNumberType.PERSONAL_NUMBER: "personal", PhoneNumberType.PAGER: "other",
    PhoneNumberType.TOLL_FREE: "other", PhoneNumberType.PREMIUM_RATE: "other",
    PhoneNumberType.SHARED_COST: "other", PhoneNumberType.UAN: "other",
}
_MIN_DIGITS = 6


class PhoneKey(NamedTuple):
    key: str  # the E.164 number if valid; else "?" + the digits as written (national form for UK); "" if none
    e164: str  # "" unless valid
    valid: bool
    kind: str  # "mobile", "landline", "voip", "personal", "other", or "" (unknown)
    digits: str  # the national digits as written, with a leading 0 for UK numbers: for partial matching


_EMPTY = PhoneKey("", "", False, "", "")


def _candidate(text: str) -> str:
    """The first run in the text that looks like a phone number ("mum's mob 07700 900461 after 6pm")."""
    for match in _CANDIDATE.finditer(text):
        if len(_DIGITS.sub("", match.group())) >= _MIN_DIGITS:
            return match.group()
    return ""


def _drama_kind(national: str) -> str:
    if len(national) == 10:
        for prefix, kind in _DRAMA:
            if national.startswith(prefix):
                return kind
    return ""


def _guess_kind(national: str) -> str:
    if national.startswith("7"):
        return "mobile"
    return "landline" if national[:1] in ("1", "2") else ""


def _international(candidate: str, digits: str) -> str:
    """"447700900461" (the + forgotten) and "+44 (0) 7700..." as phonenumbers can read them."""
    if candidate.lstrip().startswith("+"):
        return candidate.replace("(0)", "")
    if digits.startswith("44") and len(digits) == 12 and not digits.startswith("440"):
        return "+" + digits
    if digits.startswith("440") and len(digits) == 13:
        return "+44" + digits[3:]
    return candidate


@lru_cache(maxsize=16384)
def _phone_key(text: str) -> PhoneKey:
    candidate = _candidate(text)
    digits = _DIGITS.sub("", candidate)
    if not digits:
        return _EMPTY
    try:
        number = phonenumbers.parse(_international(candidate, digits), "GB")
    except phonenumbers.NumberParseException:
        return PhoneKey("?" + digits, "", False, "", digits)
    national = str(number.national_number)
    uk = number.country_code == 44
    international = candidate.lstrip().startswith(("+", "00")) or len(digits) > 11
    written = "0" + national if uk and (international or digits.startswith("0")) else digits
    drama = _drama_kind(national) if uk else ""
    if drama or phonenumbers.is_valid_number(number):
        e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        kind = drama or _KINDS.get(phonenumbers.number_type(number), "other")
        return PhoneKey(e164, e164, True, kind, "0" + national if uk else written)
    return PhoneKey("?" + written, "", False, _guess_kind(national) if uk else "", written)


def phone_key(text: object) -> PhoneKey:
    """The key of a written phone number. Never raises; no digits give an empty key."""
    return _phone_key(as_text(text)[:60])


def phone_similarity(a: PhoneKey | str, b: PhoneKey | str) -> float:
    """1.0 for the same number; 0.6 when one side is a fragment of at least six digits that ends the other
    ("...900461"); otherwise 0.0."""
    ka = a if isinstance(a, PhoneKey) else phone_key(a)
    kb = b if isinstance(b, PhoneKey) else phone_key(b)
    if not ka.key or not kb.key:
        return 0.0
    if ka.key == kb.key:
        return 1.0
    if ka.valid and kb.valid:
        return 0.0
    short, long = sorted((ka.digits, kb.digits), key=len)
    if len(short) >= _MIN_DIGITS and len(short) < len(long) and long.endswith(short.lstrip("0")):
        return 0.6
    return 0.0
