"""What backups and restores need from the databases: PostgreSQL's tools and connection environment,
counting rows, chain heads, and temporary connection aliases for a scratch database."""

from __future__ import annotations

import contextlib
import copy
import glob
import os
import re
import secrets
import shutil
import subprocess
from pathlib import Path

from django.conf import settings
from django.db import connections

from joinedup.integrity import chain
from joinedup.integrity.crypto import BackupError


def _version_of(path: str) -> int:
    try:
        out = subprocess.run([path, "--version"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return 0
    match = re.search(r"\)\s+(\d+)", out)
    return int(match.group(1)) if match else 0


def _candidate_dirs(name: str) -> list[str]:
    def major(path: str) -> int:
        found = re.findall(r"(\d+)", path)
        return int(found[-1]) if found else 0

    versioned = sorted(glob.glob("/usr/lib/postgresql/*/bin") + glob.glob("/usr/pgsql-*/bin"), key=major, reverse=True)
    on_path = shutil.which(name)
    return [*versioned, *([os.path.dirname(on_path)] if on_path else []), "/usr/local/bin", "/opt/homebrew/bin", "/usr/bin"]


def pg_tool(name: str, server_major: int) -> str:
    """Path of pg_dump/pg_restore of at least the server's major version: from JOINEDUP_PG_BIN_DIR if set,
    else the newest of Debian/Ubuntu's /usr/lib/postgresql/<n>/bin and RPM's /usr/pgsql-<n>/bin, then the
    PATH and the usual install places."""
    if settings.JOINEDUP_PG_BIN_DIR:
        path = os.path.join(settings.JOINEDUP_PG_BIN_DIR, name)
        if not os.access(path, os.X_OK):
            raise BackupError(f"JOINEDUP_PG_BIN_DIR has no {name} ({path})")
        return path
    seen = set()
    for directory in _candidate_dirs(name):
        path = os.path.join(directory, name)
        if path in seen or not os.access(path, os.X_OK):
            continue
        seen.add(path)
        if _version_of(path) >= server_major:
            return path
    raise BackupError(f"no {name} of PostgreSQL {server_major} or later found; set JOINEDUP_PG_BIN_DIR")


def pg_env(settings_dict: dict) -> dict[str, str]:
    """Environment for PostgreSQL's command-line tools (no password on the command line)."""
    env = {**os.environ}
    for var, key in (("PGHOST", "HOST"), ("PGPORT", "PORT"), ("PGUSER", "USER"), ("PGPASSWORD", "PASSWORD"),
                     ("PGDATABASE", "NAME")):
        if settings_dict.get(key):
            env[var] = str(settings_dict[key])
    options = settings_dict.get("OPTIONS", {})
    for var, key in (("PGSSLMODE", "sslmode"), ("PGSSLROOTCERT", "sslrootcert"), ("PGSSLCERT", "sslcert"),
                     ("PGSSLKEY", "sslkey")):
        if options.get(key):
            env[var] = str(options[key])
    return env


def run_tool(args: list[str], env: dict[str, str], what: str) -> None:
    result = subprocess.run(args, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{what} failed: {result.stderr.strip()[-2000:]}")


def quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def table_names(cursor, vendor: str) -> list[str]:
    if vendor == "sqlite":
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    else:
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename")
    return [row[0] for row in cursor.fetchall()]


def row_counts(cursor, vendor: str) -> dict[str, int]:
    counts = {}
    for table in table_names(cursor, vendor):
        cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")  # noqa: S608 (names from the catalogue)
        counts[table] = cursor.fetchone()[0]
    return counts


def chain_heads(cursor) -> dict[str, dict]:
    heads = {}
    for table in chain.CHAINS:
        cursor.execute(f"SELECT id, row_hash FROM {quote(table)} ORDER BY id DESC LIMIT 1")  # noqa: S608
        row = cursor.fetchone()
        heads[table] = {"head_id": row[0], "head_hash": row[1]} if row else {"head_id": None, "head_hash": chain.GENESIS}
    return heads


@contextlib.contextmanager
def temporary_alias(settings_dict: dict):
    """A Django connection alias for another database (a scratch copy), removed afterwards. The
    connection is made directly, not added to the configured databases."""
    from django.db.utils import load_backend

    alias = f"integrity_{secrets.token_hex(4)}"
    conf = copy.deepcopy(settings_dict)
    wrapper = load_backend(conf["ENGINE"]).DatabaseWrapper(conf, alias)
    connections[alias] = wrapper
    try:
        yield alias
    finally:
        with contextlib.suppress(Exception):
            wrapper.close()
        with contextlib.suppress(Exception):
            del connections[alias]


def sqlite_settings(path: Path) -> dict:
    """The default database's settings pointed at another SQLite file."""
    conf = copy.deepcopy(connections.settings["default"])
    if conf["ENGINE"] != "django.db.backends.sqlite3":
        conf = {**conf, "ENGINE": "django.db.backends.sqlite3", "OPTIONS": {}, "HOST": "", "PORT": "",
                "USER": "", "PASSWORD": ""}
    conf["NAME"] = str(path)
    return conf
