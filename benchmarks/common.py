"""Shared helpers for benchmarks: fresh databases, running the real `joinedup` command, measuring."""

from __future__ import annotations

import hashlib
import os
import resource
import subprocess
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
JOINEDUP = str(Path(sys.executable).parent / "joinedup")
POSTGRES_URL = os.environ.get("POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/test")


def town(concerns: int, seed: int = 7, years: int = 4) -> Path:
    """The synthetic town's JSON Lines file (generated once and cached under benchmarks/out/, keyed by
    the generator's own source, so a changed generator makes a new town rather than reusing a stale one)."""
    digest = hashlib.sha256(b"".join(p.read_bytes() for p in sorted((ROOT / "sim").glob("*.py")))).hexdigest()[:8]
    out = ROOT / "benchmarks" / "out" / f"town-{concerns}-{seed}-{years}-{digest}"
    path = out / "town.jsonl"
    if not path.exists():
        subprocess.run(
            [sys.executable, "-m", "sim.town", "--seed", str(seed), "--concerns", str(concerns),
             "--years", str(years), "--out", str(out)],
            cwd=ROOT, check=True,
        )
    return path


class FreshDatabase:
    """An empty SQLite file or PostgreSQL database, dropped afterwards unless kept."""

    def __init__(self, engine: str, workdir: Path) -> None:
        self.engine = engine
        self.workdir = workdir
        workdir.mkdir(parents=True, exist_ok=True)
        if engine == "postgres":
            import psycopg

            self.name = f"ju_bench_{uuid.uuid4().hex[:8]}"
            with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
                conn.execute(f'CREATE DATABASE "{self.name}"')
            self.url = POSTGRES_URL.rsplit("/", 1)[0] + "/" + self.name
        else:
            db = workdir / "bench.db"
            for suffix in ("", "-wal", "-shm"):
                Path(f"{db}{suffix}").unlink(missing_ok=True)
            self.url = f"sqlite:///{db}"

    def env(self) -> dict[str, str]:
        return {**os.environ, "JOINEDUP_DATABASE_URL": self.url, "JOINEDUP_VAR_DIR": str(self.workdir)}

    def drop(self) -> None:
        if self.engine == "postgres":
            import psycopg

            with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


def run_measured(args: list[str], env: dict[str, str]) -> tuple[float, int, subprocess.CompletedProcess]:
    """Run a command; return wall seconds, the child's peak resident memory in bytes, and the result."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    result = subprocess.run(args, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, max(peak_kb, before) * 1024, result


def count_lines(path: Path) -> int:
    with open(path, "rb") as f:
        return sum(1 for line in f if line.strip())
