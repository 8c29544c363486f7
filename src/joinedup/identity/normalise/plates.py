"""UK number plates as witnesses write them: any spacing or case, `?` for characters not seen, and the
usual misreadings (O/0, I/1, S/5, B/8, Z/2, G/6) resolved by the position rules of the plate formats.

Formats, by the classes of their characters (L letter, D digit), most likely first:

- current (2001-): LLDD LLL ("YK62 HBD");
- prefix (1983-2001): L D{1,3} LLL ("A123 BCD");
- suffix (1963-1983): LLL D{1,3} L ("ABC 123D");
- dateless: L{1,3} D{1,4} or D{1,4} L{1,3} ("ABC 1234", "1234 AB").

A written plate is read under every format of its length, correcting look-alikes; the reading needing
the fewest corrections wins, the current format being forgiven one, then a reading that keeps the
issuing rules, then the likelier format. So "Y865 GRZ" is read as the current plate YB65 GRZ with an 8
for a B, not as a prefix plate: prefix plates are a small and shrinking share of cars (taxis are newer
still), while misreading B as 8 is common. A genuine prefix plate with a look-alike after its year
letter is keyed the same way each time it is written, so it still matches itself. Spaces are ignored
(people put them anywhere). Two different complete plates are different cars, however close: they
never match.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from joinedup.identity.normalise._text import as_text, strip_accents

__all__ = ["PlateKey", "plate_key", "plates_compatible", "plate_similarity"]

_TO_LETTER = {"0": "O", "1": "I", "5": "S", "8": "B", "2": "Z", "6": "G"}
_TO_DIGIT = {letter: digit for digit, letter in _TO_LETTER.items()}
# One representative per look-alike pair: plates equal under this were written alike.
_SKELETON = str.maketrans({letter: digit for letter, digit in _TO_DIGIT.items()})

_WILDCARDS = str.maketrans({"*": "?", "_": "?", "#": "?"})
_LEADING_ELLIPSIS = re.compile(r"^(?:\.\.+|…)")
_TRAILING_ELLIPSIS = re.compile(r"(?:\.\.+|…)$")
_KEEP = re.compile(r"[^A-Z0-9?]")
_CURRENT_LENGTH = 7
_LONGEST = 8
# What people write in a plate field when they did not see it.
_NOTHING = re.compile(r"^(?:N ?[KA]|NONE|NIL|UNK|TBC|NO|NOT? [A-Z]+|UNKNOWN.*|DON ?T KNOW.*|DIDN ?T SEE.*|\?+)$")


class _Format(NamedTuple):
    name: str
    classes: str  # "L", "D" per character
    split: int  # where the display puts its space


def _formats() -> dict[int, list[_Format]]:
    formats = [_Format("current", "LLDDLLL", 4)]
    formats += [_Format("prefix", "L" + "D" * n + "LLL", 1 + n) for n in (1, 2, 3)]
    formats += [_Format("suffix", "LLL" + "D" * n + "L", 3) for n in (1, 2, 3)]
    formats += [_Format("dateless", "L" * a + "D" * d, a) for a in (1, 2, 3) for d in (1, 2, 3, 4)]
    formats += [_Format("dateless", "D" * d + "L" * a, d) for d in (1, 2, 3, 4) for a in (1, 2, 3)]
    by_length: dict[int, list[_Format]] = {}
    for fmt in formats:
        by_length.setdefault(len(fmt.classes), []).append(fmt)
    return by_length


_BY_LENGTH = _formats()
_CURRENT = _BY_LENGTH[7][0]


class PlateKey(NamedTuple):
    text: str  # canonical display: "YK62 HBD", "YK6? H?D"; "" when nothing usable was written
    compact: str  # without the space: "YK62HBD", "YK6?H?D"
    pattern: str  # SQL LIKE pattern over `compact`: "YK6_H_D"
    complete: bool  # every character known
    format: str  # "current", "prefix", "suffix", "dateless", "unknown", or "" when empty
    known: int  # how many characters are known
    skeleton: str  # `compact` with look-alikes merged (O->0, I->1, ...): a loose blocking key


_EMPTY = PlateKey("", "", "", False, "", 0, "")


def _read(chars: str, classes: str) -> tuple[int, str] | None:
    """(look-alikes corrected, resolved characters) for `chars` under one format; None if a character with
    no look-alike is in the wrong class."""
    cost = 0
    out = []
    for ch, cls in zip(chars, classes, strict=True):
        if ch == "?" or (cls == "L") == ch.isalpha():
            out.append(ch)
            continue
        fixed = _TO_LETTER.get(ch) if cls == "L" else _TO_DIGIT.get(ch)
        if fixed is None:
            return None
        cost += 1
        out.append(fixed)
    return cost, "".join(out)


def _valid(fmt: _Format, plate: str) -> bool:
    """The issuing rules a reading keeps: current plates never use I, Q or Z in the memory tag, I or Q in
    the random letters, or 00, 01 and 50 as the age; the year letter of prefix and suffix plates is never
    I, O, Q, U or Z."""
    if fmt.name == "current":
        return not (set(plate[:2]) & set("IQZ") or set(plate[4:]) & set("IQ") or plate[2:4] in ("00", "01", "50"))
    if fmt.name in ("prefix", "suffix"):
        return (plate[0] if fmt.name == "prefix" else plate[-1]) not in "IOQUZ"
    return True


def _best(chars: str) -> tuple[int, _Format, str] | None:
    """(corrections, format, resolved) of the likeliest reading: fewest look-alikes corrected, the current
    format forgiven one (it differs from the prefix format in one position only, so it wins whenever its
    definite letters and digits allow); then a reading that keeps the issuing rules; then the likelier
    format."""
    best: tuple[int, _Format, str] | None = None
    best_rank: tuple[int, bool, int] | None = None
    for index, fmt in enumerate(_BY_LENGTH.get(len(chars), ())):
        reading = _read(chars, fmt.classes)
        if reading is None:
            continue
        rank = (reading[0] - (fmt is _CURRENT), not _valid(fmt, reading[1]), index)
        if best_rank is None or rank < best_rank:
            best, best_rank = (reading[0], fmt, reading[1]), rank
    return best


def _prepare(text: str) -> str:
    """Upper case, wildcards as '?', an ellipsis at either end as missing characters up to the length of
    a current plate, every other character dropped."""
    text = strip_accents(text).upper().strip()
    head, tail = bool(_LEADING_ELLIPSIS.match(text)), bool(_TRAILING_ELLIPSIS.search(text))
    if _NOTHING.match(" ".join(re.sub(r"[^A-Z0-9? ]", " ", text).split())):
        return ""
    chars = _KEEP.sub("", text.translate(_WILDCARDS))
    if _NOTHING.match(chars):  # "N.I.L", "N/A" written with stops: the same non-answer once joined up
        return ""
    if len(chars) > _LONGEST:
        return _find_in_words(text) or chars
    if (head or tail) and len(chars) < _CURRENT_LENGTH:
        pad = "?" * (_CURRENT_LENGTH - len(chars))
        chars = pad + chars if head and not tail else chars + pad
    return chars


def _find_in_words(text: str) -> str | None:
    """"reg YK62 HBD seen": the first run of one to three words that reads as a plate of seven."""
    words = [_KEEP.sub("", word.translate(_WILDCARDS)) for word in text.split()]
    for i in range(len(words)):
        for j in range(i + 1, min(i + 3, len(words)) + 1):
            chars = "".join(words[i:j])
            if len(chars) == _CURRENT_LENGTH and any(c.isdigit() for c in chars) and any(c.isalpha() for c in chars):
                best = _best(chars)
                if best is not None and best[1].name != "dateless":
                    return chars
    return None


def _implied_partial(chars: str) -> str | None:
    """"YK62" or "YK62 H": the start of a current plate, written without saying the rest is unknown. Taken
    so when that reading keeps the rules and needs fewer corrections than any complete reading, or the
    best complete reading is a dateless "LL DD", which starts a current plate just as well."""
    if not 4 <= len(chars) < _CURRENT_LENGTH or "?" in chars:
        return None
    padded = _read(chars + "?" * (_CURRENT_LENGTH - len(chars)), _CURRENT.classes)
    if padded is None or not _valid(_CURRENT, padded[1]):
        return None
    best = _best(chars)
    if best is None or padded[0] < best[0] or best[1].classes == "LLDD":
        return padded[1]
    return None


@lru_cache(maxsize=16384)
def _plate_key(text: str) -> PlateKey:
    chars = _prepare(text)
    if not chars.strip("?"):
        return _EMPTY
    chars = _implied_partial(chars) or chars
    best = _best(chars)
    known = sum(1 for ch in chars if ch != "?")
    if best is None:
        fmt_name, resolved, display = "unknown", chars, chars
    else:
        _, fmt, resolved = best
        fmt_name, display = fmt.name, f"{resolved[:fmt.split]} {resolved[fmt.split:]}"
    return PlateKey(display, resolved, resolved.replace("?", "_"), known == len(resolved), fmt_name, known,
                    resolved.translate(_SKELETON))


def plate_key(text: object) -> PlateKey:
    """The canonical form of a written plate. Never raises; unusable input gives an empty key."""
    return _plate_key(as_text(text)[:40])


def _key(value: PlateKey | object) -> PlateKey:
    return value if isinstance(value, PlateKey) else plate_key(value)


def _agreeing(a: PlateKey, b: PlateKey) -> int | None:
    """How many positions both know and agree on (look-alikes agree), or None on any disagreement."""
    if len(a.skeleton) != len(b.skeleton):
        return None
    agree = 0
    for x, y in zip(a.skeleton, b.skeleton, strict=True):
        if x == "?" or y == "?":
            continue
        if x != y:
            return None
        agree += 1
    return agree


def plates_compatible(a: PlateKey | str, b: PlateKey | str) -> bool:
    """Could these be the same car? Two complete plates only if they are the same plate; a partial one
    if every character known on both sides agrees (at least one)."""
    ka, kb = _key(a), _key(b)
    if not ka.known or not kb.known:
        return False
    if ka.complete and kb.complete:
        return ka.compact == kb.compact
    return bool(_agreeing(ka, kb))


def plate_similarity(a: PlateKey | str, b: PlateKey | str) -> float:
    """1.0 for the same complete plate, 0.0 for incompatible ones, otherwise the share of the plate's
    characters known on both sides and agreeing (a partial "YK6? H?D" against "YK62 HBD" is 5/7)."""
    ka, kb = _key(a), _key(b)
    if not plates_compatible(ka, kb):
        return 0.0
    if ka.complete and kb.complete:
        return 1.0
    return (_agreeing(ka, kb) or 0) / len(ka.compact)
