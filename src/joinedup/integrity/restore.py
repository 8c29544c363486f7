"""`restore_backup`: check a backup through and through before it replaces anything.

1. Decrypt and authenticate the whole file (a wrong key or any damage stops here).
2. Check the manifest: the format, the engine against the target's, the database member's size and sha256.
3. Restore into a scratch database (a new SQLite file, or a new PostgreSQL database on the target's
   server), then verify both hash chains there, check that their heads are the manifest's, and that every
   table's row count is the manifest's.
4. Only then replace the target: SQLite through the online backup API (one locked copy, safe while the
   application has the file open); PostgreSQL with pg_restore --clean --single-transaction (all or
   nothing). The scratch database is removed whatever happens.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import secrets
import shutil
import sqlite3
import tarfile
import tempfile
from pathlib import Path

import dj_database_url
from django.db import DatabaseError, connections

from joinedup.integrity import databases
from joinedup.integrity.backup import FORMAT, MEMBERS
from joinedup.integrity.crypto import BackupError, Damaged, DecryptingReader, backup_secret
from joinedup.integrity.verify import verify_all

ENGINES = {"django.db.backends.sqlite3": "sqlite", "django.db.backends.postgresql": "postgresql"}


@dataclasses.dataclass(frozen=True)
class RestoreResult:
    target: str
    manifest: dict


def target_settings(into: str | None) -> dict:
    """Settings of the database to restore into: the configured one, a database URL, or a SQLite path."""
    if not into:
        return dict(connections.settings["default"])
    if "://" not in into:
        return databases.sqlite_settings(Path(into).resolve())
    parsed = dj_database_url.parse(into)
    if parsed["ENGINE"] == "django.db.backends.sqlite3":
        return databases.sqlite_settings(Path(parsed["NAME"]).resolve())
    base = dict(connections.settings["default"])
    if base["ENGINE"] != parsed["ENGINE"]:
        base = {"OPTIONS": {}, "TIME_ZONE": None, "CONN_MAX_AGE": 0, "CONN_HEALTH_CHECKS": False,
                "AUTOCOMMIT": True, "ATOMIC_REQUESTS": False, "TEST": {}}
    return {**base, **parsed, "OPTIONS": {**base.get("OPTIONS", {}), **parsed.get("OPTIONS", {})}}


def describe(conf: dict) -> str:
    if ENGINES.get(conf["ENGINE"]) == "sqlite":
        return str(conf["NAME"])
    return f"postgresql database {conf['NAME']} on {conf.get('HOST') or 'localhost'}"


def _unpack(path: Path, secret: bytes, into: Path) -> dict:
    """Decrypt the whole backup into `into`; returns the manifest."""
    try:
        source = open(path, "rb")  # noqa: SIM115 - closed below
    except OSError as exc:
        raise BackupError(f"cannot open {path}: {exc.strerror}") from None
    with source:
        reader = DecryptingReader(source, secret)
        try:
            with tarfile.open(fileobj=reader, mode="r|") as tar:
                for member in tar:
                    if member.name not in ("manifest.json", *MEMBERS.values()) or not member.isfile():
                        raise Damaged(f"the backup holds an unexpected entry {member.name!r}")
                    with tar.extractfile(member) as data, open(into / member.name, "wb") as out:
                        shutil.copyfileobj(data, out)
        except tarfile.TarError as exc:
            raise Damaged(f"the backup's contents are damaged ({exc})") from None
        reader.drain()
    try:
        return json.loads((into / "manifest.json").read_text())
    except (OSError, ValueError):
        raise Damaged("the backup has no readable manifest") from None


def _check_manifest(manifest: dict, folder: Path, engine: str) -> Path:
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise Damaged(f"unknown backup format {manifest.get('format') if isinstance(manifest, dict) else None!r}")
    if manifest.get("engine") != engine:
        raise BackupError(f"this is a {manifest.get('engine')} backup; it cannot be restored into {engine}")
    info = manifest.get("database")
    if not isinstance(info, dict) or not {"member", "bytes", "sha256"} <= set(info) or not all(
        isinstance(manifest.get(key), dict) for key in ("tables", "chains")
    ):
        raise Damaged("the backup's manifest is incomplete")
    dump = folder / info["member"]
    if info["member"] != MEMBERS[engine] or not dump.exists():
        raise Damaged("the backup's database is missing")
    digest = hashlib.sha256()
    with open(dump, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    if dump.stat().st_size != info["bytes"] or digest.hexdigest() != info["sha256"]:
        raise Damaged("the backup's database does not match its manifest")
    return dump


def _check_copy(conf: dict, manifest: dict) -> None:
    """Verify the chains and the row counts of a restored (scratch) database against the manifest."""
    vendor = ENGINES[conf["ENGINE"]]
    with databases.temporary_alias(conf) as alias:
        for report in verify_all(alias):
            if not report.ok:
                raise BackupError(f"the backup's hash chain is broken: {report.broken.describe()}")
            expected = manifest["chains"][report.table]
            if (report.head_id, report.head_hash) != (expected["head_id"], expected["head_hash"]):
                raise BackupError(f"{report.table}: the restored chain does not end where the manifest says")
        with connections[alias].cursor() as cursor:
            counts = databases.row_counts(cursor, vendor)
    if counts != manifest["tables"]:
        differ = sorted(t for t in set(counts) | set(manifest["tables"]) if counts.get(t) != manifest["tables"].get(t))
        raise BackupError(f"restored row counts differ from the manifest in: {', '.join(differ[:10])}")


def _restore_sqlite(dump: Path, conf: dict, manifest: dict) -> None:
    with sqlite3.connect(dump) as scratch:
        if scratch.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise Damaged("the backup's SQLite database fails its integrity check")
    _check_copy(databases.sqlite_settings(dump), manifest)
    target = Path(conf["NAME"])
    target.parent.mkdir(parents=True, exist_ok=True)
    source = sqlite3.connect(dump)
    destination = sqlite3.connect(target, timeout=60)
    try:
        source.backup(destination)
    finally:
        destination.close()
        source.close()


def _restore_postgres(dump: Path, conf: dict, manifest: dict) -> None:
    import psycopg

    env = databases.pg_env(conf)
    probe = dict(conf)
    with databases.temporary_alias(probe) as alias:
        connections[alias].ensure_connection()
        server_major = connections[alias].pg_version // 10000
    pg_restore = databases.pg_tool("pg_restore", server_major)
    scratch = f"joinedup_restore_{secrets.token_hex(6)}"
    params = {k: v for k, v in {"host": conf.get("HOST"), "port": conf.get("PORT"), "user": conf.get("USER"),
                                "password": conf.get("PASSWORD"), "dbname": conf["NAME"]}.items() if v}
    params.update({k: v for k, v in conf.get("OPTIONS", {}).items() if k.startswith("ssl")})
    try:
        with psycopg.connect(**params, autocommit=True) as server:
            server.execute(f"CREATE DATABASE {databases.quote(scratch)}")
    except psycopg.Error as exc:
        raise BackupError(f"cannot create a scratch database to check the backup in (the database user needs "
                          f"CREATEDB): {exc}") from None
    try:
        databases.run_tool([pg_restore, "--no-owner", "--no-privileges", "--exit-on-error", "--dbname", scratch,
                            str(dump)], env, "pg_restore into the scratch database")
        _check_copy({**conf, "NAME": scratch}, manifest)
    finally:
        with psycopg.connect(**params, autocommit=True) as server:
            server.execute(f"DROP DATABASE IF EXISTS {databases.quote(scratch)} WITH (FORCE)")
    databases.run_tool([pg_restore, "--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction",
                        "--exit-on-error", "--dbname", conf["NAME"], str(dump)], env, "pg_restore")


def restore_backup(path: Path, into: str | None = None) -> RestoreResult:
    """Decrypt, check and restore `path` into `into` (default: the configured database)."""
    secret = backup_secret()
    conf = target_settings(into)
    engine = ENGINES.get(conf["ENGINE"])
    if engine is None:
        raise BackupError(f"cannot restore into {conf['ENGINE']}")
    with tempfile.TemporaryDirectory(prefix="joinedup-restore-") as tmp:
        folder = Path(tmp)
        manifest = _unpack(Path(path), secret, folder)
        dump = _check_manifest(manifest, folder, engine)
        try:
            if engine == "sqlite":
                _restore_sqlite(dump, conf, manifest)
            else:
                _restore_postgres(dump, conf, manifest)
        except (DatabaseError, sqlite3.Error) as exc:
            raise BackupError(f"a database error stopped the restore ({describe(conf)}): {exc}") from None
    return RestoreResult(describe(conf), manifest)
