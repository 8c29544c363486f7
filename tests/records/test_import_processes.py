"""Imports as separate processes against a real database file or server: two at once, and a kill -9 in
the middle. Run on SQLite and (with JOINEDUP_DATABASE_URL set to PostgreSQL) on PostgreSQL."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from tests.factories import concern_data

pytestmark = pytest.mark.slow

JOINEDUP = str(Path(sys.executable).parent / "joinedup")


def _records(count: int, prefix: str) -> bytes:
    lines = []
    for i in range(count):
        record = concern_data(
            "police" if i % 3 else "school",
            source_ref=f"{prefix}-{i:06d}",
            received_at=f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}T10:{i % 60:02d}:00+00:00",
            children=[{"ref": f"R-{i % 997}", "given_name": f"Child{i % 997}", "family_name": "Testwood"}],
            categories=["neglect"], indicators=[], mentions=[],
        )
        lines.append(json.dumps(record).encode())
    return b"\n".join(lines) + b"\n"


class Database:
    """A fresh database of the kind the suite runs on, for commands in other processes."""

    def __init__(self, tmp_path: Path) -> None:
        self.base = os.environ.get("JOINEDUP_DATABASE_URL", "")
        self.tmp_path = tmp_path
        if self.base.startswith("postgres"):
            import psycopg

            self.name = f"ju_proc_{uuid.uuid4().hex[:10]}"
            with psycopg.connect(self.base, autocommit=True) as conn:
                conn.execute(f'CREATE DATABASE "{self.name}"')
            self.url = self.base.rsplit("/", 1)[0] + "/" + self.name
        else:
            self.url = f"sqlite:///{tmp_path / 'proc.db'}"

    def env(self) -> dict[str, str]:
        return {**os.environ, "JOINEDUP_DATABASE_URL": self.url, "JOINEDUP_VAR_DIR": str(self.tmp_path)}

    def query(self, sql: str):
        if self.url.startswith("sqlite"):
            with sqlite3.connect(self.url.removeprefix("sqlite:///")) as conn:
                return conn.execute(sql).fetchall()
        import psycopg

        with psycopg.connect(self.url) as conn:
            return conn.execute(sql).fetchall()

    def drop(self) -> None:
        if self.url.startswith("postgres"):
            import psycopg

            with psycopg.connect(self.base, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


@pytest.fixture
def database(tmp_path):
    db = Database(tmp_path)
    subprocess.run([JOINEDUP, "migrate", "-v0"], env=db.env(), check=True)
    yield db
    db.drop()


def _assert_whole_and_unique(db: Database, expected: int) -> None:
    assert db.query("select count(*) from records_concern")[0][0] == expected
    assert db.query("select count(*) from records_concernversion")[0][0] == expected
    assert db.query("select count(*) from records_concern where current_version_id is null")[0][0] == 0
    orphan = db.query(
        "select count(*) from records_concernversion v where not exists "
        "(select 1 from records_concernchild c where c.version_id = v.id)"
    )[0][0]
    assert orphan == 0


def _assert_chains_verify(db: Database) -> None:
    """`joinedup verify` (the hash chains of the audit log and concern versions) passes: no fork, no gap."""
    result = subprocess.run([JOINEDUP, "verify", "--no-progress"], env=db.env(), capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("chain intact") == 2, result.stdout
    versions = db.query("select count(*) from records_concernversion")[0][0]
    assert f"records_concernversion: {versions:,} rows" in result.stdout


def test_two_imports_of_the_same_file_at_once_store_each_record_once(database, tmp_path):
    path = tmp_path / "same.jsonl"
    path.write_bytes(_records(3000, "TWIN"))
    procs = [
        subprocess.Popen([JOINEDUP, "import", str(path), "--no-progress"], env=database.env(),
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    outputs = [p.communicate(timeout=300) for p in procs]
    for proc, (_out, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, err
        assert "database is locked" not in err
    created = sum(int(out.split("(")[1].split(" new concerns")[0]) for out, _ in outputs)
    assert created == 3000
    _assert_whole_and_unique(database, 3000)
    _assert_chains_verify(database)


def test_a_kill_in_the_middle_of_an_import_loses_nothing_a_rerun_cannot_finish(database, tmp_path):
    path = tmp_path / "big.jsonl"
    path.write_bytes(_records(30000, "KILL"))
    proc = subprocess.Popen([JOINEDUP, "import", str(path), "--no-progress"], env=database.env(),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    stored = 0
    while time.monotonic() < deadline:
        try:
            stored = database.query("select count(*) from records_concern")[0][0]
        except Exception:  # the tables may be mid-migration or locked for a moment
            stored = 0
        if stored >= 1000:
            break
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert 0 < stored
    partial = database.query("select count(*) from records_concern")[0][0]
    assert partial < 30000, "the import finished before it could be killed; make the file bigger"
    assert database.query("select count(*) from records_concern where current_version_id is null")[0][0] == 0
    _assert_chains_verify(database)  # the chain is intact after the kill, before the rerun
    rerun = subprocess.run([JOINEDUP, "import", str(path), "--no-progress"], env=database.env(),
                           capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    _assert_whole_and_unique(database, 30000)
    _assert_chains_verify(database)
