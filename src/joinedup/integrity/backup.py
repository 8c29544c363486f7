"""`make_backup`: a consistent, encrypted copy of the whole database, with a manifest inside.

The envelope (crypto.py) holds a tar stream of two members: `manifest.json` (format, created_at,
engine, row counts per table, the head of each hash chain, and the size and sha256 of the database
member) and the database itself: `database.sqlite3` (SQLite's online backup API: a consistent copy while
the application keeps running) or `database.pgdump` (pg_dump's custom format, taken in the same
REPEATABLE READ snapshot as the counts and chain heads, exported to pg_dump with --snapshot). The
unencrypted copy exists only in a private temporary directory for as long as the backup takes.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
import os
import sqlite3
import tarfile
import tempfile
from pathlib import Path

from django.db import connection

from joinedup.core import clock
from joinedup.integrity import databases
from joinedup.integrity.crypto import BackupError, EncryptingWriter, backup_secret

FORMAT = "joinedup-backup/1"
MEMBERS = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}


@dataclasses.dataclass(frozen=True)
class BackupResult:
    path: Path
    manifest: dict


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _sqlite_copy(target: Path) -> tuple[dict, dict]:
    connection.ensure_connection()
    copy = sqlite3.connect(target)
    try:
        connection.connection.backup(copy)  # all pages in one step: one consistent snapshot
        cursor = copy.cursor()
        return databases.row_counts(cursor, "sqlite"), databases.chain_heads(cursor)
    finally:
        copy.close()


def _postgres_dump(target: Path) -> tuple[dict, dict]:
    import psycopg

    connection.ensure_connection()
    pg_dump = databases.pg_tool("pg_dump", connection.pg_version // 10000)
    snap = connection.get_new_connection(connection.get_connection_params())
    try:
        snap.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
        snap.read_only = True
        with snap.cursor() as cursor:
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
            counts, heads = databases.row_counts(cursor, "postgresql"), databases.chain_heads(cursor)
            databases.run_tool(
                [pg_dump, "--format=custom", f"--snapshot={snapshot}", "--no-owner", "--no-privileges",
                 "--file", str(target)],
                databases.pg_env(connection.settings_dict), "pg_dump",
            )
        snap.rollback()
    finally:
        snap.close()
    return counts, heads


def make_backup(output: Path) -> BackupResult:
    """Write an encrypted backup of the default database to `output` (refuses to overwrite)."""
    secret = backup_secret()
    engine = connection.vendor
    if engine not in MEMBERS:
        raise BackupError(f"backups of {engine} databases are not supported")
    output = Path(output)
    if output.exists():
        raise BackupError(f"{output} already exists; choose another name")
    output.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    with tempfile.TemporaryDirectory(prefix="joinedup-backup-") as tmp:
        member = MEMBERS[engine]
        dump = Path(tmp) / member
        counts, heads = _sqlite_copy(dump) if engine == "sqlite" else _postgres_dump(dump)
        manifest = {
            "format": FORMAT,
            "created_at": clock.now().isoformat(),
            "engine": engine,
            "tables": counts,
            "chains": heads,
            "database": {"member": member, "bytes": dump.stat().st_size, "sha256": _sha256(dump)},
        }
        partial = output.with_name(output.name + ".partial")
        try:
            fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as out:
                writer = EncryptingWriter(out, secret)
                with tarfile.open(fileobj=writer, mode="w|") as tar:
                    data = json.dumps(manifest, indent=2, sort_keys=True).encode()
                    info = tarfile.TarInfo("manifest.json")
                    info.size = len(data)
                    tar.addfile(info, io.BytesIO(data))
                    tar.add(dump, arcname=member, recursive=False)
                writer.close()
                out.flush()
                os.fsync(out.fileno())
            os.replace(partial, output)
        finally:
            partial.unlink(missing_ok=True)
    return BackupResult(output, manifest)
