"""Train the person model from a synthetic town (or any JSON Lines file of concerns) and save it as JSON.

    python -m joinedup.identity.linkage.train --town DIR [--out PATH] [--recall 0.7] [--max-pairs 2e7]

DIR holds town.jsonl (made by `python -m sim.town ... --out DIR`); a .jsonl file may be given instead.
The default output is the committed model, src/joinedup/identity/models/person_model.json: review the
diff like code before committing it.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from joinedup.identity.linkage.person_model import MODEL_PATH, PRIOR_RECALL, save_model, train
from joinedup.identity.linkage.records import town_records


def _source(town: str) -> Path:
    path = Path(town)
    return path / "town.jsonl" if path.is_dir() else path


def _summary(model: dict) -> list[str]:
    lines = [f"prior (probability two random records match): {model['probability_two_random_records_match']:.3g}"]
    for comparison in model["comparisons"]:
        lines.append(f"  {comparison['output_column_name']}: {comparison['comparison_description']}")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m joinedup.identity.linkage.train", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--town", required=True, help="directory with town.jsonl, or a .jsonl file")
    parser.add_argument("--out", default=str(MODEL_PATH), help="where to write the model JSON")
    parser.add_argument("--recall", type=float, default=PRIOR_RECALL,
                        help=f"assumed recall of the deterministic rules, for the prior (default {PRIOR_RECALL})")
    parser.add_argument("--max-pairs", type=float, default=2e7, help="random pairs for u (default 2e7)")
    parser.add_argument("--seed", type=int, default=7, help="seed for the random pairs (default 7)")
    args = parser.parse_args(argv)
    source = _source(args.town)
    if not source.is_file():
        parser.error(f"no such file: {source}")
    logging.getLogger("splink").setLevel(logging.ERROR)  # levels EM cannot see are reported in the summary
    began = time.perf_counter()
    records = town_records(source)
    sys.stdout.write(f"{len(records):,} person records from {source}\n")
    model = train(records, recall=args.recall, max_pairs=args.max_pairs, seed=args.seed)
    path = save_model(model, args.out)
    sys.stdout.write("\n".join(_summary(model)) + "\n")
    sys.stdout.write(f"wrote {path} in {time.perf_counter() - began:.1f} s\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
