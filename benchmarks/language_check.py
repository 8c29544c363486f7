"""Language checker and indicator suggestion: accuracy on the labelled sets, and sentences per second.

    .venv/bin/python -m benchmarks.language_check [--seconds 2]

Targets (issue: language that believes children): recall >= 0.95 and false-positive rate <= 0.05 on the
labelled phrases; at least 2,000 sentences per second. The sets are in src/joinedup/language/data/, in three
batches ("dev", "heldout", "fresh") each written after the rules were corrected for the one before; the
rules were then corrected for what each batch exposed, so the figures printed here are after correction.
The first-run figures of each batch, the better guide to unseen writing, are in
src/joinedup/language/README.md. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import time

from joinedup.language import check, suggest_indicators, suggest_mentions
from joinedup.language.evaluation import (
    INDICATOR_SENTENCES,
    SENTENCES,
    Scores,
    load,
    score_check,
    score_indicators,
)


def _line(name: str, s: Scores) -> str:
    return (f"{name:28} {s.sentences:4} sentences  precision {s.precision:.3f}  recall {s.recall:.3f}  "
            f"false-positive rate {s.false_positive_rate:.3f} ({s.flagged_negatives}/{s.negatives})")


def _rate(texts: list[str], run, seconds: float) -> tuple[float, float]:
    """Sentences per second of wall-clock time and of this process's CPU time (steadier on a busy machine)."""
    done, start, cpu = 0, time.perf_counter(), time.process_time()
    while time.perf_counter() - start < seconds:
        for text in texts:
            run(text)
        done += len(texts)
    return done / (time.perf_counter() - start), done / (time.process_time() - cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=2.0, help="time each speed measurement for this long")
    args = parser.parse_args()
    sentences, indicators = load(SENTENCES), load(INDICATOR_SENTENCES)
    print("accuracy")
    print(_line("check: all", score_check(sentences)))
    for split in ("dev", "heldout", "fresh"):
        print(_line(f"check: {split}", score_check([r for r in sentences if r.get("split") == split])))
    print(_line("indicators: all", score_indicators(indicators)))
    for split in ("dev", "heldout", "fresh"):
        print(_line(f"indicators: {split}", score_indicators([r for r in indicators if r.get("split") == split])))
    for scores in (score_check(sentences), score_indicators(indicators)):
        for line in scores.misses + scores.wrong:
            print("  ", line)
    texts = [r["text"] for r in sentences + indicators]
    print(f"speed ({len(texts)} distinct sentences, one call per sentence)")
    for name, run in (
        ("check", check),
        ("suggest_indicators", suggest_indicators),
        ("suggest_mentions", suggest_mentions),
        ("all three (as the command)", lambda t: (check(t), suggest_indicators(t), suggest_mentions(t))),
    ):
        wall, cpu = _rate(texts, run, args.seconds)
        print(f"{name:28} {wall:8.0f} sentences/s  ({cpu:.0f} per CPU-second)")


if __name__ == "__main__":
    main()
