"""Scoring the checker and the indicator reader against the labelled sets in language/data/.

Used by benchmarks/language_check.py (which also times them) and by the tests (which hold the targets).

Check: a finding is correct when it overlaps an expected phrase of the same DOMAIN row (rules of one row,
such as adult_boyfriend and adult_relationship, give the same reason and advice). Recall is the share of
expected phrases found; precision the share of findings that are correct; the false-positive rate is the
share of sentences that should not be flagged that were.

Indicators: each (sentence, code) pair is one decision. Recall and precision are over the expected and
suggested pairs; the false-positive rate is the share of sentences expecting no indicator that got one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from joinedup.language.checker import check
from joinedup.language.indicators import suggest_indicators
from joinedup.language.rules import RULES

DATA = Path(__file__).resolve().parent / "data"
SENTENCES = DATA / "labelled_sentences.jsonl"
INDICATOR_SENTENCES = DATA / "labelled_indicators.jsonl"
_ROW = {r.id: r.row for r in RULES}


def load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


@dataclass
class Scores:
    sentences: int = 0
    expected: int = 0
    predicted: int = 0
    found: int = 0  # expected items that were found
    correct: int = 0  # predictions that were expected
    negatives: int = 0
    flagged_negatives: int = 0
    misses: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 1.0

    @property
    def false_positive_rate(self) -> float:
        return self.flagged_negatives / self.negatives if self.negatives else 0.0


def _rows(expected: dict) -> set[str]:
    return {_ROW.get(r, r) for r in [expected["rule"], *expected.get("also", [])]}


def check_record(record: dict):
    return check(record["text"], child_age=record.get("child_age"), adult_mentioned=record.get("adult_mentioned"),
                 mentions=record.get("mentions"))


def score_check(records: list[dict]) -> Scores:
    s = Scores()
    for rec in records:
        s.sentences += 1
        findings = check_record(rec)
        expected = rec["expected"]
        s.expected += len(expected)
        s.predicted += len(findings)
        if not expected:
            s.negatives += 1
            s.flagged_negatives += bool(findings)

        def hit(f, e) -> bool:
            return f.start < e["end"] and e["start"] < f.end and _ROW[f.rule] in _rows(e)

        for e in expected:
            if any(hit(f, e) for f in findings):
                s.found += 1
            else:
                s.misses.append(f"{rec['id']} missed {e['rule']} {e['phrase']!r}: {rec['text']}")
        for f in findings:
            if any(hit(f, e) for e in expected):
                s.correct += 1
            else:
                s.wrong.append(f"{rec['id']} flagged {f.rule} {f.phrase!r}: {rec['text']}")
    return s


def score_indicators(records: list[dict]) -> Scores:
    s = Scores()
    for rec in records:
        s.sentences += 1
        got = {x.code for x in suggest_indicators(rec["text"])}
        want = set(rec["codes"])
        s.expected += len(want)
        s.predicted += len(got)
        s.found += len(got & want)
        s.correct += len(got & want)
        if not want:
            s.negatives += 1
            s.flagged_negatives += bool(got)
        s.misses += [f"{rec['id']} missed {c}: {rec['text']}" for c in sorted(want - got)]
        s.wrong += [f"{rec['id']} suggested {c}: {rec['text']}" for c in sorted(got - want)]
    return s
