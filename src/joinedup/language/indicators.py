"""Reading a text for the exploitation indicators its writer may not have ticked (cues in language/cues/).

Each suggestion carries the sentence that supports it, so the writer can see why it was suggested. The
child's own words count here: what a child said is evidence.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from joinedup.language.cues import INDICATOR_CUES, Cue
from joinedup.language.text import (
    Sentence,
    blank_quotes,
    is_evidentially_negated,
    is_hypothetical,
    is_negated,
    lower_pattern,
    lower_text,
    quoted_spans,
    sentence_at,
    sentences,
)


@dataclass(frozen=True, slots=True)
class IndicatorSuggestion:
    """An indicator code, with the sentence that suggests it: text[start:end] == evidence_sentence."""

    code: str
    evidence_sentence: str
    start: int
    end: int

    def as_dict(self) -> dict:
        return {"code": self.code, "evidence": self.evidence_sentence, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class _Cue:
    code: str
    all_of: tuple[re.Pattern, ...]
    none_of: tuple[re.Pattern, ...]


# The cues are matched case-sensitively against a lower-cased copy of the text: the same result as
# re.IGNORECASE, at about twice the speed.
@functools.cache
def _compiled() -> tuple[_Cue, ...]:
    out = []
    for code, cues in INDICATOR_CUES.items():
        for cue in cues:
            cue = cue if isinstance(cue, Cue) else Cue((cue,))
            out.append(_Cue(code, tuple(re.compile(lower_pattern(p)) for p in cue.all_of),
                            tuple(re.compile(lower_pattern(p)) for p in cue.none_of)))
    return tuple(out)


def suggest_indicators(text: str) -> list[IndicatorSuggestion]:
    """The indicator codes the text suggests, each once, with the first sentence that supports it."""
    # Sentences are found with quotations blanked, so a full stop inside a quotation does not end one.
    spans = sentences(blank_quotes(text, quoted_spans(text)))
    if not spans:
        return []
    original, text = text, lower_text(text.replace("\u2019", "'"))  # a curly apostrophe reads as a straight one
    found: dict[str, Sentence] = {}
    for cue in _compiled():
        if cue.code in found and found[cue.code].start == spans[0].start:
            continue
        if sent := _first_sentence(cue, text, spans, found.get(cue.code)):
            found[cue.code] = sent
    order = {code: n for n, code in enumerate(INDICATOR_CUES)}
    return [IndicatorSuggestion(code, original[s.start:s.end], s.start, s.end)
            for code, s in sorted(found.items(), key=lambda kv: (kv[1].start, order[kv[0]]))]


def _first_sentence(cue: _Cue, text: str, spans: list[Sentence], before: Sentence | None) -> Sentence | None:
    limit = before.start if before else len(text)
    for m in cue.all_of[0].finditer(text, 0, limit):
        sent = spans[sentence_at(spans, m.start())]
        if _supports(cue, text, sent, m):
            return sent
    return None


def _supports(cue: _Cue, text: str, sent: Sentence, first: re.Match) -> bool:
    matches = [first]
    for pattern in cue.all_of[1:]:
        m = pattern.search(text, sent.start, sent.end)
        if not m:
            return False
        matches.append(m)
    if any(p.search(text, sent.start, sent.end) for p in cue.none_of):
        return False
    for m in matches:
        others = [o for o in matches if o is not m and o.end() <= m.start()]
        local = _blank(text, sent, others)
        at = m.start() - sent.start
        if is_negated(local, at, 0) or is_evidentially_negated(local, at, 0) or is_hypothetical(local, at, 0):
            return False
    return True


def _blank(text: str, sent: Sentence, matches: list[re.Match]) -> str:
    """The sentence with the other cue matches blanked, so that "she couldn't explain the phone" does not read
    as a negation of "phone". Offsets in it are relative to the sentence's start."""
    chars = list(text[sent.start:sent.end])
    for m in matches:
        chars[m.start() - sent.start:m.end() - sent.start] = " " * (m.end() - m.start())
    return "".join(chars)
