"""Text helpers shared by the checker and the indicator reader: quotations, sentences, clauses, negation.

Everything works on character offsets into the original text. Quoted speech is blanked out (replaced by
spaces of the same length) rather than removed, so offsets found in the blanked text are offsets in the
original.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A straight single quote opens a quotation when it follows a space or an opening bracket and is followed by
# a letter; it closes one when it follows a non-space and is not followed by a letter or digit. Anything
# else ("don't", "girls' phones") is an apostrophe.
_QUOTE_CHARS = re.compile(r"[\"\u201c\u201d\u2018\u2019']")
_MAX_SINGLE_QUOTE = 400


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans (including the marks) of text in quotation marks: "...", \u201c...\u201d, '...', \u2018...\u2019."""
    spans: list[tuple[int, int]] = []
    opened_at: int | None = None
    closer = ""
    n = len(text)
    for m in _QUOTE_CHARS.finditer(text):
        i, ch = m.start(), m.group()
        if opened_at is not None and i < opened_at:
            continue
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < n else " "
        if opened_at is None:
            if ch == '"' or ch == "\u201c":
                opened_at, closer = i, ("\u201d" if ch == "\u201c" else '"')
            elif ch == "\u2018" or (ch == "'" and (before.isspace() or before in "([/-\u2014") and after.isalnum()):
                opened_at, closer = i, ("\u2019" if ch == "\u2018" else "'")
            continue
        if closer in ('"', "\u201d") and (ch == closer or (closer == "\u201d" and ch == '"')):
            spans.append((opened_at, i + 1))
            opened_at = None
        elif closer in ("'", "\u2019") and ch in "'\u2019" and not before.isspace() and not after.isalnum():
            spans.append((opened_at, i + 1))
            opened_at = None
        elif closer in ("'", "\u2019") and i - opened_at > _MAX_SINGLE_QUOTE:
            opened_at = None  # an apostrophe that looked like a quotation mark
    if opened_at is not None and closer in ('"', "\u201d"):
        end = text.find("\n", opened_at)
        spans.append((opened_at, n if end < 0 else end))  # an unclosed quotation runs to the end of the line
    return spans


def blank_quotes(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with each quotation's inside replaced by spaces (the marks stay, offsets are unchanged)."""
    if not spans:
        return text
    parts, last = [], 0
    for start, end in spans:
        parts.append(text[last:start + 1])
        parts.append(" " * max(0, end - start - 2))
        last = max(start + 1, end - 1)
    parts.append(text[last:])
    return "".join(parts)


_ABBREVIATIONS = frozenset(
    "mr mrs ms miss dr st sgt pc dc ds di insp supt prof approx appt no e.g i.e eg ie etc vs cf fig tel ref".split()
)
_BOUNDARY = re.compile(r"[.!?]++[\"\u201d\u2019')\]]*\s+(?=[\"\u201c\u2018'(\[]?[A-Z0-9@\u00c0-\u00de])|\n\s*")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int


MAX_SENTENCE = 500  # longer runs without a full stop are cut at a clause break, so work per sentence is bounded


def sentences(text: str) -> list[Sentence]:
    """Sentence spans (leading and trailing spaces trimmed). Split on . ! ? before a capital, and on newlines;
    a run of more than MAX_SENTENCE characters is cut at its last clause break or space."""
    out: list[Sentence] = []
    for s in _sentences(text):
        start = s.start
        while s.end - start > MAX_SENTENCE:
            window = text[start:start + MAX_SENTENCE]
            cut = max(window.rfind("; "), window.rfind(", "))
            if cut <= 0:
                cut = window.rfind(" ")
            cut = cut + 1 if cut > 0 else MAX_SENTENCE
            _add(out, text, start, start + cut)
            start += cut
        _add(out, text, start, s.end)
    return out


def _sentences(text: str) -> list[Sentence]:
    out: list[Sentence] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if m.group()[0] == ".":
            word = re.search(r"([A-Za-z.]+)$", text[max(start, m.start() - 12):m.start()])
            token = word.group(1).lower() if word else ""
            if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
                continue
        _add(out, text, start, m.start() + len(m.group().rstrip()))
        start = m.end()
    _add(out, text, start, len(text))
    return out


def _add(out: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end))


def sentence_at(spans: list[Sentence], offset: int) -> int:
    """Index of the sentence containing offset (the last one starting at or before it)."""
    lo, hi = 0, len(spans) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if spans[mid].start <= offset:
            lo = mid
        else:
            hi = mid - 1
    return lo


# Negation: a negative word among the few words before a match, in the same clause.
_CLAUSE_BREAK = re.compile(
    r"[,;:()\u2014]|\s-\s|\b(?:and|but|because|although|though|while|whereas|however|so|which|who|when|after|"
    r"before|until|instead|rather)\b",
    re.IGNORECASE,
)
_NEGATION = re.compile(
    r"\b(?:not|no|never|nor|none|without|cannot|unable|incapable|den(?:y|ies|ied|ying)|lacks?|lacked|"
    r"neither|nothing|nobody)\b|n't\b|\bnon-?\s*$",
    re.IGNORECASE,
)
_WORD = re.compile(r"[\w'\u2019-]+")


def lower_pattern(pattern: str) -> str:
    """A regular expression in lower case, leaving escapes (\\b, \\s, \\u2019...) as they are: matched against
    lower_text() it behaves as the original with re.IGNORECASE, and about twice as fast."""
    out, escaped = [], False
    for ch in pattern:
        out.append(ch if escaped else ch.lower())
        escaped = ch == "\\" and not escaped
    return "".join(out)


def lower_text(text: str) -> str:
    """The text in lower case with every offset kept (a character whose lower case is longer is left alone)."""
    low = text.lower()
    return low if len(low) == len(text) else "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def last_match(pattern: re.Pattern, text: str, pos: int = 0, endpos: int | None = None) -> re.Match | None:
    """The last match of pattern in text[pos:endpos], or None."""
    found = None
    for m in pattern.finditer(text, pos, len(text) if endpos is None else endpos):
        found = m
    return found


def clause_before(text: str, start: int, floor: int) -> str:
    """The text from the last clause break before start (not before floor) up to start."""
    chunk = text[floor:start]
    last = last_match(_CLAUSE_BREAK, chunk)
    return chunk[last.end():] if last else chunk


def is_negated(text: str, start: int, floor: int, words: int = 6) -> bool:
    """True when a negative word appears among the last few words of the clause before start."""
    clause = clause_before(text, start, floor)
    if not clause.strip():
        return False
    tokens = _WORD.findall(clause)
    window = " ".join(tokens[-words:])
    if clause.rstrip().lower().endswith(("non-", "non")):
        return True
    return bool(_NEGATION.search(window))


# "There is no evidence / no suggestion that ...", "no concerns about ...", "denies ...": the negation reaches
# into the clause or list it introduces, up to a semicolon or a "but".
_NO_EVIDENCE = re.compile(
    r"\b(?:no|not\s+any|little|without|nothing\s+to)\s+(?:\w+\s+)?(?:evidence|suggestion|indication|signs?|information|"
    r"reason\s+to\s+(?:think|believe)|grounds|basis|concerns?|reports?|history|disclosure)\b|\bden(?:y|ies|ied|ying)\b|"
    r"\bnothing\s+(?:to\s+|that\s+)?(?:suggest|indicate|show|support)s?\b",
    re.IGNORECASE,
)
_NEGATION_ENDS = re.compile(r";|\b(?:but|however|although|though|whereas|yet)\b", re.IGNORECASE)


def is_evidentially_negated(text: str, start: int, floor: int) -> bool:
    """True when "no evidence/suggestion/concerns/reports", "nothing to suggest" or "denies" comes earlier in the
    sentence, with no "but" or semicolon between it and start."""
    last = last_match(_NO_EVIDENCE, text, floor, start)
    return last is not None and not _NEGATION_ENDS.search(text, last.end(), start)


_HYPOTHETICAL = re.compile(r"\b(?:if|in case|in the event|unless|should (?:she|he|they))\b", re.IGNORECASE)


def is_hypothetical(text: str, start: int, floor: int) -> bool:
    """True when the clause before start frames what follows as a condition or a plan ("if she goes...")."""
    return bool(_HYPOTHETICAL.search(clause_before(text, start, floor)))
