"""How well JoinedUp matches children across agencies, measured on a synthetic town with known truth.

    .venv/bin/python -m benchmarks.child_matching [--seed 7] [--concerns 5000] [--years 4] [--keep DIR]

Generates a town (sim/), imports it into a fresh SQLite database with the real command
(`joinedup import FILE --replay`), reads back which JoinedUp child each child description of each
concern's current version was linked to, and scores those links against the truth as pairwise
decisions: two descriptions are predicted "same child" if they share a child record (after merges), and
truly the same if the truth gives them the same child. Also reports the open match candidates (possible
matches waiting for a person) and how many of them are real. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: make `sim` importable
    sys.path.insert(0, str(ROOT))

from benchmarks.common import JOINEDUP, FreshDatabase, run_measured  # noqa: E402
from sim import town as sim_town  # noqa: E402

_DESCRIPTIONS = """
SELECT a.name, c.source_ref, cc.position, cc.child_id, cc.link_method, cc.id
FROM records_concern c
JOIN core_agency a ON a.id = c.agency_id
JOIN records_concernversion v ON v.id = c.current_version_id
JOIN records_concernchild cc ON cc.version_id = v.id
"""
_ALL_DESCRIPTIONS = """
SELECT cc.id, a.name, c.source_ref, cc.position, cc.child_id
FROM records_concernchild cc
JOIN records_concernversion v ON v.id = cc.version_id
JOIN records_concern c ON c.id = v.concern_id
JOIN core_agency a ON a.id = c.agency_id
"""
_THRESHOLDS = ("from django.conf import settings as s; "
               "print(f'auto-link {s.JOINEDUP_MATCH_AUTO_LINK}, review {s.JOINEDUP_MATCH_REVIEW}')")
_CANDIDATES = "SELECT description_id, child_id, candidate_id, score FROM records_matchcandidate WHERE status = 'open'"


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def _import(path: Path, workdir: Path) -> tuple[Path, float]:
    """Import the town into a fresh SQLite database in `workdir` with the real command."""
    database = FreshDatabase("sqlite", workdir)
    seconds, _, proc = run_measured([JOINEDUP, "import", str(path), "--replay", "--no-progress"], database.env())
    print(f"joinedup import --replay: exit {proc.returncode} in {seconds:.1f} s")
    for line in (proc.stdout.strip().splitlines() + proc.stderr.strip().splitlines())[-5:]:
        print(f"  {line}")
    db = workdir / "bench.db"
    if proc.returncode not in (0, 1) or not db.exists():
        raise SystemExit("the import failed; nothing to measure")
    _, _, shown = run_measured([JOINEDUP, "shell", "-c", _THRESHOLDS], database.env())
    lines = shown.stdout.strip().splitlines()  # the shell may first list what it imported
    print(f"match thresholds (points): {lines[-1] if lines else 'unknown'}")
    return db, seconds


def _resolver(con: sqlite3.Connection):
    merged = dict(con.execute("SELECT id, merged_into_id FROM records_child WHERE merged_into_id IS NOT NULL"))

    def resolve(child_id: int) -> int:
        seen = 0
        while child_id in merged and seen < 100:
            child_id, seen = merged[child_id], seen + 1
        return child_id

    return resolve


def measure(db: Path, truth: dict) -> dict:
    con = sqlite3.connect(db)
    resolve = _resolver(con)
    rows = []
    for agency, source_ref, position, child_id, method, row_id in con.execute(_DESCRIPTIONS):
        true_id = truth["children"][f"{agency}|{source_ref}"][position]
        rows.append((resolve(child_id), true_id, agency, method, row_id))
    predicted = Counter(r[0] for r in rows)
    actual = Counter(r[1] for r in rows)
    both = Counter((r[0], r[1]) for r in rows)
    tp = sum(_pairs(n) for n in both.values())
    pred_pairs = sum(_pairs(n) for n in predicted.values())
    true_pairs = sum(_pairs(n) for n in actual.values())
    precision = tp / pred_pairs if pred_pairs else 1.0
    recall = tp / true_pairs if true_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    # Where the errors are: descriptions split off their true child's main record, and records that
    # hold more than one true child.
    main_record: dict[str, int] = {}
    for true_id in actual:
        main_record[true_id] = max(((p, n) for (p, t), n in both.items() if t == true_id), key=lambda x: (x[1], -x[0]))[0]
    split = [r for r in rows if r[0] != main_record[r[1]]]
    true_per_record: dict[int, Counter] = defaultdict(Counter)
    for p, t, *_ in rows:
        true_per_record[p][t] += 1
    mixed = {p: c for p, c in true_per_record.items() if len(c) > 1}
    wrongly_joined = [r for r in rows if r[0] in mixed and r[1] != true_per_record[r[0]].most_common(1)[0][0]]

    # Open match candidates: is the candidate record really the described child?
    description_truth = {}
    for row_id, agency, source_ref, position, _ in con.execute(_ALL_DESCRIPTIONS):
        description_truth[row_id] = truth["children"][f"{agency}|{source_ref}"][position]
    candidates = list(con.execute(_CANDIDATES))
    real = 0
    for description_id, _, candidate_id, _ in candidates:
        majority = true_per_record.get(resolve(candidate_id))
        if majority and majority.most_common(1)[0][0] == description_truth.get(description_id):
            real += 1
    con.close()
    return {
        "descriptions": len(rows), "true_children": len(actual), "joinedup_children": len(predicted),
        "true_pairs": true_pairs, "predicted_pairs": pred_pairs, "correct_pairs": tp,
        "precision": precision, "recall": recall, "f1": f1,
        "split_descriptions": len(split), "split_by_agency": Counter(r[2] for r in split).most_common(),
        "split_by_method": Counter(r[3] for r in split).most_common(),
        "records_holding_several_children": len(mixed), "wrongly_joined_descriptions": len(wrongly_joined),
        "wrongly_joined_by_method": Counter(r[3] for r in wrongly_joined).most_common(),
        "open_candidates": len(candidates), "open_candidates_true": real,
    }


def report(m: dict) -> None:
    print()
    print(f"child descriptions (current versions): {m['descriptions']:,}")
    print(f"true children described:               {m['true_children']:,}")
    print(f"JoinedUp child records:                {m['joinedup_children']:,}")
    print(f"same-child pairs: true {m['true_pairs']:,}, predicted {m['predicted_pairs']:,}, correct {m['correct_pairs']:,}")
    print(f"pairwise precision {m['precision']:.4f}   recall {m['recall']:.4f}   F1 {m['f1']:.4f}")
    print(f"descriptions split from their child's main record: {m['split_descriptions']:,}")
    print(f"  by agency: {', '.join(f'{a} {n}' for a, n in m['split_by_agency'])}")
    print(f"  by link method: {', '.join(f'{a} {n}' for a, n in m['split_by_method'])}")
    print(f"records holding more than one true child: {m['records_holding_several_children']:,} "
          f"({m['wrongly_joined_descriptions']:,} descriptions joined to the wrong child; "
          f"by link method: {', '.join(f'{a} {n}' for a, n in m['wrongly_joined_by_method']) or 'none'})")
    share = m["open_candidates_true"] / m["open_candidates"] if m["open_candidates"] else 0.0
    print(f"open match candidates: {m['open_candidates']:,}, of which true matches {m['open_candidates_true']:,} ({share:.0%})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.child_matching", description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--concerns", type=int, default=5000)
    parser.add_argument("--years", type=int, default=4)
    parser.add_argument("--keep", metavar="DIR", help="keep the town, truth and database in DIR")
    parser.add_argument("--json", action="store_true", help="also print the figures as one JSON line")
    args = parser.parse_args(argv)
    workdir = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="joinedup-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    try:
        began = time.perf_counter()
        records, truth = sim_town.generate(args.seed, args.concerns, args.years)
        town_path, _ = sim_town.write(workdir, records, truth)
        print(f"town: seed {args.seed}, {args.concerns:,} concerns, {len(records):,} lines, "
              f"generated in {time.perf_counter() - began:.1f} s")
        db, seconds = _import(town_path, workdir)
        figures = measure(db, truth)
        figures.update(seed=args.seed, concerns=args.concerns, import_seconds=round(seconds, 1))
        report(figures)
        if args.json:
            print(json.dumps(figures))
        if args.keep:
            print(f"\nkept {workdir} (town.jsonl, truth.json, bench.db)")
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
