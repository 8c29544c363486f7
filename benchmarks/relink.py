"""The bulk relink at scale: N person records (the person mentions and children of a synthetic town big
enough to hold them, so duplication is the town's own: the same people described by several agencies,
misspelt, with ages guessed) relinked with the committed person model by Splink on DuckDB.

    .venv/bin/python -m benchmarks.relink [--records 1000000] [--threshold 0.95] [--memory-limit 6GB]
                                          [--prior auto|model|data]

The town (benchmarks/out/town-*) and its person records (a Parquet file beside it) are made once and
cached; the relink itself runs in a fresh process, whose wall time and peak resident memory are printed,
with the pairwise precision and recall of its clusters against the town's truth. Asserts nothing.
"""

from __future__ import annotations

import argparse
import itertools
import json
import resource
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.common import town  # noqa: E402

RECORDS_PER_CONCERN = 1.81  # person mentions and children per concern in a sim town (measured)


def _records_file(town_path: Path) -> Path:
    """The town's person records as Parquet (made once): the feature extraction, timed separately."""
    path = town_path.with_name("person_records.parquet")
    if not path.exists():
        import pyarrow.parquet as pq

        from joinedup.identity.linkage.records import COLUMNS, to_arrow, town_records

        began = time.perf_counter()
        records = town_records(town_path)
        pq.write_table(to_arrow(records, ["unique_id", *COLUMNS]), path)
        print(f"person features of {len(records):,} records in {time.perf_counter() - began:.1f} s")
    return path


def _worker(args: argparse.Namespace) -> None:
    """Runs in the measured child process: read the records, relink, write the clusters."""
    import logging

    import pyarrow as pa
    import pyarrow.parquet as pq

    from joinedup.identity.linkage import MODEL_PATH, relink

    logging.getLogger("splink").setLevel(logging.ERROR)

    table = pq.read_table(args.worker)
    if args.records and table.num_rows > args.records:
        table = table.slice(0, args.records)
    began = time.perf_counter()

    def progress(stage: str, done: int, total: int) -> None:
        print(f"  [{time.perf_counter() - began:6.1f} s] {stage} {done:,}/{total:,}", flush=True)

    result = relink(table, MODEL_PATH, threshold=args.threshold, progress=progress, threads=args.threads,
                    memory_limit=args.memory_limit, temp_directory=args.temp, prior=args.prior)
    seconds = time.perf_counter() - began
    pq.write_table(pa.table({"unique_id": list(result.clusters), "cluster_id": list(result.clusters.values())}),
                   args.clusters)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # this process only (Linux: KiB)
    print(json.dumps({"seconds": seconds, "records": table.num_rows, "pairs": len(result.pairs), "peak": peak,
                      "prior": result.prior,
                      "clusters": len(set(result.clusters.values()))}), flush=True)


def _truth_id(truth: dict, record_id: str) -> str:
    key, _, position = record_id.rpartition("|")
    listed = truth["mentions" if position[0] == "m" else "children"].get(key) or []
    index = int(position[1:])
    return (listed[index] if index < len(listed) else None) or record_id


def _pairs(groups: dict[str, list[str]]) -> set[tuple[str, str]]:
    return {pair for members in groups.values() for pair in itertools.combinations(sorted(members), 2)}


def _evaluate(clusters_path: Path, truth_path: Path) -> str:
    import pyarrow.parquet as pq

    table = pq.read_table(clusters_path).to_pydict()
    truth = json.loads(truth_path.read_text())
    predicted: dict[str, list[str]] = defaultdict(list)
    actual: dict[str, list[str]] = defaultdict(list)
    for record, cluster in zip(table["unique_id"], table["cluster_id"], strict=True):
        predicted[cluster].append(record)
        actual[_truth_id(truth, record)].append(record)
    found, real = _pairs(predicted), _pairs(actual)
    right = len(found & real)
    precision, recall = right / max(1, len(found)), right / max(1, len(real))
    return (f"pairwise against the truth: precision {precision:.4f}, recall {recall:.4f} "
            f"({len(found):,} linked pairs, {len(real):,} true pairs)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--threshold", type=float, default=0.95)
    parser.add_argument("--threads", type=int, default=None, help="DuckDB threads (default: all cores)")
    parser.add_argument("--memory-limit", default="6GB", help="DuckDB memory limit (default 6GB)")
    parser.add_argument("--prior", default="auto", choices=("auto", "model", "data"),
                        help="the saved model's prior, one estimated from these records, or auto (default)")
    parser.add_argument("--no-evaluate", action="store_true", help="skip precision/recall against the truth")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--clusters", help=argparse.SUPPRESS)
    parser.add_argument("--temp", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        _worker(args)
        return
    concerns = max(100, round(args.records / RECORDS_PER_CONCERN))
    town_path = town(concerns)
    records = _records_file(town_path)
    out = town_path.parent
    command = [sys.executable, "-m", "benchmarks.relink", "--worker", str(records), "--records", str(args.records),
               "--threshold", str(args.threshold), "--memory-limit", args.memory_limit,
               "--clusters", str(out / "clusters.parquet"), "--temp", str(out / "duckdb_tmp"), "--prior", args.prior]
    if args.threads:
        command += ["--threads", str(args.threads)]
    began = time.perf_counter()
    proc = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - began
    lines = proc.stdout.strip().splitlines()
    print("\n".join(lines[:-1]))
    if proc.returncode:
        print(proc.stderr[-3000:])
        raise SystemExit(proc.returncode)
    figures = json.loads(lines[-1])
    print(f"relink of {figures['records']:,} person records: {figures['seconds']:.1f} s in relink() "
          f"({wall:.1f} s for the whole process), peak memory {figures['peak'] / 2**30:.2f} GiB; "
          f"{figures['pairs']:,} pairs at p >= {args.threshold}, {figures['clusters']:,} clusters; "
          f"prior {figures['prior']:.3g} ({args.prior})")
    if not args.no_evaluate:
        print(_evaluate(out / "clusters.parquet", town_path.with_name("truth.json")))


if __name__ == "__main__":
    main()
