"""The language checker: finds the phrases of rules.RULES in a text and says why and what to write instead.

It suggests; it never rewrites. Text in quotation marks (the child's own words, or anyone's words being
reported) is never flagged.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from joinedup.language.context import (
    Context,
    object_is_parent,
    partner_status,
    people_from_mentions,
    relationship_status,
)
from joinedup.language.rules import RULES, Pattern, Rule
from joinedup.language.subjects import subject_kind, word_kind
from joinedup.language.text import (
    blank_quotes,
    is_evidentially_negated,
    is_negated,
    lower_pattern,
    lower_text,
    quoted_spans,
    sentence_at,
    sentences,
)


@dataclass(slots=True)
class Finding:
    """A phrase that may blame the child: text[start:end] == phrase."""

    phrase: str
    start: int
    end: int
    reason: str
    suggestions: list[str] = field(default_factory=list)
    rule: str = ""

    def as_dict(self) -> dict:
        return {"phrase": self.phrase, "start": self.start, "end": self.end, "reason": self.reason,
                "suggestions": list(self.suggestions), "rule": self.rule}


@dataclass(frozen=True, slots=True)
class _Compiled:
    priority: int
    rule: Rule
    regex: re.Pattern
    lowered: bool  # regex is matched case-sensitively against the lower-cased text (faster than IGNORECASE)
    needs: re.Pattern | None
    not_after: re.Pattern | None
    not_before: re.Pattern | None
    needs_after: re.Pattern | None


def _re(pattern: str | None) -> re.Pattern | None:
    return re.compile(pattern, re.IGNORECASE) if pattern else None


@functools.cache
def _compiled() -> tuple[_Compiled, ...]:
    out = []
    for priority, rule in enumerate(RULES):
        for p in rule.patterns:
            p = p if isinstance(p, Pattern) else Pattern(p)
            lowered = "(?-i:" not in p.regex  # a case-sensitive part (a capitalised name) needs the real case
            regex = re.compile(lower_pattern(p.regex)) if lowered else re.compile(p.regex, re.IGNORECASE)
            out.append(_Compiled(priority, rule, regex, lowered, _re(p.needs), _re(p.not_after), _re(p.not_before),
                                 _re(p.needs_after)))
    return tuple(out)


# The phrase is being talked about, not used: "rather than out of control", "avoid terms like promiscuous".
_MENTIONED_NOT_USED = re.compile(
    r"(?:\bavoid\w*|\brather\s+than|\binstead\s+of|\b(?:not|never|n't)\s+(?:(?:to|be|have|been|being)\s+)*(?:describ|call|label|"
    r"refer|writ|us|seen|view|treat)\w*(?:\s+(?:her|him|them|this|it|the\s+child|as\s+being))?(?:\s+(?:as|to))?|"
    r"\b(?:terms?|phrases?|words?|labels?|language|expressions?)\s+(?:such\s+as|like|of|as)|\b(?:stop|stopped|no\s+"
    r"longer)\s+(?:describ|call|label|referr)\w*(?:\s+(?:her|him|them))?(?:\s+as)?|\bre-?fram\w+\s+(?:\w+\s+){0,3}"
    r"(?:as|from)|\bchallenged?\s+(?:the\s+)?(?:view|idea|description|notion|assumption|use)\s+(?:\w+\s+){0,2}"
    r"(?:that|of)|\b(?:no\s+one|nobody|no-one|none\s+of\s+(?:us|them|the\s+\w+))\b[^.;]{0,60}?\b(?:describ|call|label|refer)\w*"
    r"(?:\s+(?:her|him|them))?(?:\s+as)?)\s*(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
_POSSESSOR = re.compile(r"\b([A-Za-z]+)(?:'s|\u2019s)\s+(?:\w+\s+)?$|\b(her|his|their)\s+$", re.IGNORECASE)
# "She is not a prostitute; she is a child who is being exploited": a negation followed by a correction
# rejects the label, so even the rules whose labels survive a bare negation are not flagged.
_CORRECTION = re.compile(
    r"[^.;]{0,40}?(?:;|,|\u2014|\s-\s|\bbut\b)\s*(?:rather\s+|instead\s+)?(?:(?:she|he|they|it|this|the\s+child|the\s+young\s+"
    r"person)\s+(?:is|was|are|were|has\s+been|have\s+been)\b|(?:is|was)\s+)[^.;]*\b(?:being|victims?|child|exploit\w*|"
    r"groom\w*|controll?\w*|coerc\w*|abus\w*|harm\w*|pressur\w*|manipulat\w*|traffick\w*)",
    re.IGNORECASE,
)
_NOUN_NEGATED = re.compile(
    r"(?:\bnot|n't|\bno|\bnever|\bnor|\bden(?:y|ies|ied|ying))\s+(?:(?:be|been|being|have|having|has|got|really|"
    r"actually|just|simply|currently|in\s+fact|longer|any|ever)\s+)*(?:(?:a|an|her|his|their|any|in|into)\s+)*$",
    re.IGNORECASE,
)


def check(text: str, *, child_age: int | None = None, adult_mentioned: bool | None = None,
          mentions: Iterable | None = None) -> list[Finding]:
    """The phrases in text that may blame the child, in order.

    child_age: the child's age if known (for "sexually active" of a child under 13); adult_mentioned: True
    when the caller knows an adult is involved (every sentence is then read with an adult in view); mentions:
    the people the record names (interchange dicts or Mention objects), whose ages and names tell an adult
    "boyfriend" from a peer.
    """
    plain = text.replace("\u2019", "'")  # a curly apostrophe reads as a straight one (offsets unchanged)
    masked = blank_quotes(plain, quoted_spans(text))
    low = lower_text(masked)
    candidates = [(c, m.start(), m.end()) for c in _compiled() for m in c.regex.finditer(low if c.lowered else masked)]
    if not candidates:
        return []
    ctx = Context(plain, masked, sentences(masked), child_age, adult_mentioned, people_from_mentions(mentions))
    candidates.sort(key=lambda t: (t[0].priority, t[1], -t[2]))
    accepted: list[tuple[int, int, Rule]] = []
    rejected: list[tuple[int, int, Rule]] = []  # a phrase one pattern rejects is not flagged by another of its rule
    for c, start, end in candidates:
        if any(start < e and s < end for s, e, _ in accepted):
            continue
        if any(start < e and s < end and r is c.rule for s, e, r in rejected):
            continue
        verdict = _applies(ctx, c, start, end)
        if verdict is True:
            accepted.append((start, end, c.rule))
        elif verdict == "phrase":
            rejected.append((start, end, c.rule))
    accepted.sort(key=lambda t: t[0])
    return [Finding(text[s:e], s, e, r.reason, list(r.suggestions), r.id) for s, e, r in accepted]


def _applies(ctx: Context, c: _Compiled, start: int, end: int) -> bool | str:
    """True to flag; False when this pattern's own conditions fail; "phrase" when the phrase itself is not to
    be flagged (quoted about, negated, said of an adult, or the rule's condition does not hold)."""
    if not ctx.spans:
        return False
    i = sentence_at(ctx.spans, start)
    sent, masked = ctx.spans[i], ctx.masked
    if c.needs and not c.needs.search(ctx.text, sent.start, sent.end):
        return False
    if c.not_after and c.not_after.search(masked[max(sent.start, start - 80):start]):
        return False
    if c.not_before and c.not_before.search(masked[end:sent.end]):
        return False
    if c.needs_after and not c.needs_after.search(masked[end:sent.end]):
        return False
    return True if _phrase_applies(ctx, c.rule, i, start, end) else "phrase"


def _phrase_applies(ctx: Context, rule: Rule, i: int, start: int, end: int) -> bool:
    sent, masked = ctx.spans[i], ctx.masked
    if _MENTIONED_NOT_USED.search(masked[max(sent.start, start - 80):start]):
        return False
    if rule.negation == "suppress" and (is_negated(masked, start, sent.start)
                                        or is_evidentially_negated(masked, start, sent.start)):
        return False
    if rule.negation == "flag" and is_negated(masked, start, sent.start) and _CORRECTION.match(masked, end, sent.end):
        return False
    if rule.negation == "noun" and _NOUN_NEGATED.search(masked[max(sent.start, start - 40):start]):
        return False
    if rule.subject:
        possessor = _POSSESSOR.search(masked, max(sent.start, start - 40), start)
        if possessor:  # "Lacey's relationship", "Dad's relationship": the possessor is who it is said of
            kind = word_kind(possessor.group(1) or possessor.group(2)) or "child"
        else:
            kind = subject_kind(masked, sent.start, start, past_professionals=rule.subject == "not_adult")
        if kind == "adult" or (rule.subject == "child" and kind == "professional"):
            return False
    return _condition(ctx, rule.when, i, start, end)


def _condition(ctx: Context, when: str, i: int, start: int, end: int) -> bool:
    if when == "always":
        return True
    if ctx.is_adult_child():
        return False
    if when == "under_13":
        return ctx.under_13(i)
    if when == "child_with_adult":
        after = ctx.text[end:ctx.spans[i].end]
        if re.match(r"\s+with\b", after):
            status = relationship_status(ctx, i, start, end)
            if status == "peer":  # "the 19-year-old is having sex with Shannon, who is 14"
                return ctx.facts(i).adult_age
            if status == "family":
                return object_is_parent(ctx, i, end) or ctx.adult_in_view(i)
            return status == "adult" or (status is None and ctx.adult_in_view(i))
        return ctx.adult_in_view(i)
    if when == "consent":
        return ctx.under_13(i) or ctx.adult_in_view(i)
    if when == "consent_unless_peer":
        return ctx.under_13(i) or ctx.adult_in_view(i) or not ctx.peer_in_view(i)
    if when == "adult_partner":
        return partner_status(ctx, i, start, end) == "adult"
    if when == "adult_relationship":
        return relationship_status(ctx, i, start, end) == "adult"
    raise ValueError(f"unknown rule condition {when!r}")
