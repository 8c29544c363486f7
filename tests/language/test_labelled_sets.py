"""The labelled sets in joinedup/language/data meet the issue's targets (behaviour on data; speed is for the
benchmark, benchmarks/language_check.py)."""

from joinedup.language.evaluation import INDICATOR_SENTENCES, SENTENCES, load, score_check, score_indicators
from joinedup.language.rules import RULES


def test_the_language_set_is_large_balanced_and_well_formed():
    records = load(SENTENCES)
    assert len(records) >= 300
    flagged = [r for r in records if r["should_flag"]]
    assert 0.4 <= len(flagged) / len(records) <= 0.6
    assert {r["category"] for r in records if not r["should_flag"]} >= {
        "neutral", "blames_adults", "quoted", "peer", "risk_correct", "negated"}
    assert {r.id for r in RULES} <= {e["rule"] for r in flagged for e in r["expected"]}
    assert len({r["text"] for r in records}) == len(records)
    for r in records:
        assert bool(r["expected"]) == r["should_flag"]
        for e in r["expected"]:
            assert r["text"][e["start"]:e["end"]] == e["phrase"]


def test_the_checker_meets_the_targets_on_the_language_set():
    scores = score_check(load(SENTENCES))
    assert scores.recall >= 0.95, scores.misses
    assert scores.false_positive_rate <= 0.05, scores.wrong
    assert scores.precision >= 0.95, scores.wrong


def test_indicator_suggestion_meets_the_targets_on_the_indicator_set():
    scores = score_indicators(load(INDICATOR_SENTENCES))
    assert scores.recall >= 0.95, scores.misses
    assert scores.false_positive_rate <= 0.05, scores.wrong
    assert scores.precision >= 0.95, scores.wrong
