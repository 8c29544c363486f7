"""Finding the vehicles, phones, places and online accounts a text mentions, to offer them as mentions.

Kinds follow records.MentionKind: ``vehicle`` (UK number plates, including partial ones written with ?),
``phone`` (UK numbers), ``place`` (UK postcodes) and ``online`` (@handles). ``value`` is the normalised
form (plates and postcodes in capitals with one space, phone numbers as digits starting 0).
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class MentionSuggestion:
    kind: str
    value: str
    start: int
    end: int
    platform: str = ""

    def as_dict(self) -> dict:
        out = {"kind": self.kind, "value": self.value, "start": self.start, "end": self.end}
        if self.platform:
            out["platform"] = self.platform
        return out


_EDGE_L, _EDGE_R = r"(?<![A-Za-z0-9?])", r"(?![A-Za-z0-9?])"
_L, _D = "[A-Z?]", "[0-9?]"
PLATES = [re.compile(_EDGE_L + p + _EDGE_R) for p in (
    rf"{_L}{{2}}{_D}{{2}} ?{_L}{{3}}",  # current: AB12 CDE
    rf"[A-Z]{_D}{{1,3}} ?{_L}{{3}}",  # prefix: A123 BCD
    rf"{_L}{{3}} ?{_D}{{1,3}}[A-Z?]",  # suffix: ABC 123D
)]
POSTCODE = re.compile(
    _EDGE_L + r"((?:[A-PR-UWYZ][0-9][0-9A-HJKPSTUW]?|[A-PR-UWYZ][A-HK-Y][0-9][0-9ABEHMNPRVWXY]?) ?[0-9][ABD-HJLNP-UW-Z]{2})"
    + _EDGE_R
)
PHONE = re.compile(
    r"(?<![\d+])(?:\+44\s?(?:\(0\)\s?)?|0044\s?|0)(?:[1-37-9][\d?](?:[\s-]?[\d?]){7,8})(?![\d?])"
)
HANDLE = re.compile(r"(?<![\w.@])@([A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?)")
NAMED_HANDLE = re.compile(
    r"\b(?:snap\s?chat|snap|instagram|insta|tik\s?tok|twitter|discord|kik|telegram|facebook)\s+(?:name|handle|username|"
    r"user\s?name|account|id|profile)(?:\s+(?:is|was|of|called))?\s*[:=]?\s*[\"\u201c'\u2018]?([A-Za-z0-9_][A-Za-z0-9_.]{2,29})",
    re.IGNORECASE,
)
PLATFORMS = re.compile(
    r"\b(snap\s?chat|snap|instagram|insta|tik\s?tok|twitter|discord|kik|telegram|facebook|whats\s?app|x)\b", re.IGNORECASE
)
_PLATFORM_NAMES = {"snap": "Snapchat", "snapchat": "Snapchat", "insta": "Instagram", "instagram": "Instagram",
                   "tiktok": "TikTok", "twitter": "X", "x": "X", "discord": "Discord", "kik": "Kik",
                   "telegram": "Telegram", "facebook": "Facebook", "whatsapp": "WhatsApp"}
_NOT_PLATES = frozenset({"COVID", "NHS", "CAMHS", "MASH", "MARAC"})


def _plate(m: re.Match) -> str | None:
    raw = m.group()
    compact = raw.replace(" ", "")
    known = sum(c != "?" for c in compact)
    if known < 3 or (known < 4 and "?" not in compact) or compact in _NOT_PLATES:
        return None
    if not any(c.isdigit() or c == "?" for c in compact) or not any(c.isalpha() for c in compact):
        return None
    if len(compact) == 7 and re.fullmatch(r"[A-Z?]{2}[0-9?]{2}[A-Z?]{3}", compact):
        return f"{compact[:4]} {compact[4:]}"
    return raw if " " in raw else compact


def _platform(text: str, start: int) -> str:
    window = text[max(0, start - 60):start + 60]
    m = PLATFORMS.search(window)
    if not m:
        return ""
    return _PLATFORM_NAMES.get(re.sub(r"\s", "", m.group(1)).lower(), "")


def suggest_mentions(text: str) -> list[MentionSuggestion]:
    """Number plates, phone numbers, postcodes and online handles in text, in order, with their offsets."""
    out: list[MentionSuggestion] = []
    taken: list[tuple[int, int]] = []

    def add(kind: str, value: str, start: int, end: int, platform: str = "") -> None:
        if any(start < e and s < end for s, e in taken):
            return
        taken.append((start, end))
        out.append(MentionSuggestion(kind, value, start, end, platform))

    for m in PHONE.finditer(text):
        digits = re.sub(r"[^\d?]", "", m.group())
        digits = "0" + digits[2:] if digits.startswith("44") else ("0" + digits[4:] if digits.startswith("0044") else digits)
        if len(digits) in (10, 11):
            add("phone", digits, m.start(), m.end())
    for m in POSTCODE.finditer(text):
        code = m.group(1).replace(" ", "")
        add("place", f"{code[:-3]} {code[-3:]}", m.start(), m.end())
    for pattern in PLATES:
        for m in pattern.finditer(text):
            if value := _plate(m):
                add("vehicle", value, m.start(), m.end())
    for m in HANDLE.finditer(text):
        add("online", "@" + m.group(1), m.start(), m.end(), _platform(text, m.start()))
    for m in NAMED_HANDLE.finditer(text):
        add("online", "@" + m.group(1), m.start(1), m.end(1), _platform(text, m.start()))
    out.sort(key=lambda s: s.start)
    return out
