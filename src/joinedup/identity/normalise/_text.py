"""Text folding shared by the normalisers. Plain functions, no state beyond caches."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

# Letters that NFKD does not decompose but people type without the accent.
_PLAIN = {"ł": "l", "ø": "o", "đ": "d", "æ": "ae", "œ": "oe", "ı": "i", "ß": "ss", "þ": "th", "ð": "d", "ħ": "h"}
_TRANSLATE = str.maketrans(_PLAIN | {k.upper(): v.upper() for k, v in _PLAIN.items() if len(k.upper()) == 1 and k.upper() != k})
_APOSTROPHES = re.compile(r"['’‘`´]")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def as_text(value: Any) -> str:
    """Whatever a field holds, as a string ("" for None, lists and other non-scalars)."""
    if value is None or isinstance(value, bool):
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, int | float):
        return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)
    return ""


def strip_accents(text: str) -> str:
    """Accents removed, and the letters NFKD leaves alone spelt plainly ("ł" -> "l"); case is kept."""
    text = unicodedata.normalize("NFKD", text.translate(_TRANSLATE))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


@lru_cache(maxsize=16384)
def fold(text: str) -> str:
    """Lower case, accents removed, '&' as 'and', apostrophes dropped ("O'Neill" -> "oneill"), any other
    run of punctuation or space as one space. Only a-z, 0-9 and single spaces remain."""
    if not text:
        return ""
    text = strip_accents(text.casefold()).replace("&", " and ")
    text = _APOSTROPHES.sub("", text)
    return _NON_ALNUM.sub(" ", text).strip()


def compact(text: str) -> str:
    """`fold` without the spaces."""
    return fold(text).replace(" ", "")


def group_table(groups: tuple[str, ...] | list[str]) -> dict[str, str]:
    """Alias table from space-separated groups whose first word is the canonical form; '_' joins
    words of a multi-word alias ("mercedes_benz")."""
    table: dict[str, str] = {}
    for group in groups:
        words = [w.replace("_", "") for w in group.split()]
        for word in words:
            table.setdefault(word, words[0])
    return table
