"""Replay import of a synthetic town on SQLite and PostgreSQL: concerns per second and peak memory.

    .venv/bin/python -m benchmarks.import_replay --concerns 100000 [--engines sqlite,postgres]

Targets (issue: foundation): at least 1,000 concerns per second on this 2-core machine, peak memory
under 1 GiB. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

from benchmarks.common import JOINEDUP, FreshDatabase, count_lines, run_measured, town


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--concerns", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--engines", default="sqlite,postgres")
    args = parser.parse_args()
    path = town(args.concerns, args.seed)
    lines = count_lines(path)
    print(f"town: {path} ({lines:,} records, {path.stat().st_size / 1e6:.0f} MB)")
    for engine in args.engines.split(","):
        with tempfile.TemporaryDirectory() as tmp:
            db = FreshDatabase(engine, Path(tmp))
            try:
                run_measured([JOINEDUP, "migrate", "-v0"], db.env())
                load = os.getloadavg()[0]  # other work on the machine skews the figure: say how busy it was
                seconds, peak, result = run_measured(
                    [JOINEDUP, "import", str(path), "--replay", "--no-progress"], db.env()
                )
                if result.returncode not in (0, 1):
                    print(result.stderr[-2000:])
                    raise SystemExit(f"{engine}: import failed")
                print(f"{engine:9} replay import: {seconds:7.1f} s, {lines / seconds:7.0f} concerns/s, "
                      f"peak memory {peak / 2**20:5.0f} MiB, load {load:.1f} to {os.getloadavg()[0]:.1f}  "
                      f"[{result.stdout.strip()}]")
                again, _, result = run_measured([JOINEDUP, "import", str(path), "--no-progress"], db.env())
                if result.returncode not in (0, 1):
                    print(result.stderr[-2000:])
                    raise SystemExit(f"{engine}: re-import failed")
                print(f"{engine:9} re-import (all unchanged): {again:6.1f} s  [{result.stdout.strip()}]")
            finally:
                db.drop()


if __name__ == "__main__":
    main()
