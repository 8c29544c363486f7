"""Hash chains over append-only tables: the audit log and concern versions.

Every chained row carries `prev_hash` (the `row_hash` of the row before it in id order, or GENESIS for
the first row) and `row_hash`:

    row_hash = sha256( b"joinedup-chain-v1\\n" + table + b"\\n" + prev_hash + b"\\n" + canonical )

where `table` is the database table name and `prev_hash` the 64 lower-case hex digits, both ASCII, and
`canonical` is the row's content in canonical JSON:

- a JSON object whose keys are exactly the column names listed for the table in CHAINS (nothing else:
  not the id, not the hash columns), serialised with keys sorted at every level, no whitespace
  (separators "," and ":"), ASCII only (`ensure_ascii`: other characters as \\uXXXX escapes), no NaN or
  infinity, encoded as UTF-8 (which for ASCII is the same bytes);
- values: null, true/false, strings and integers as themselves; a float that is a whole number as that
  integer and any other float in Python's shortest round-trip form (so PostgreSQL's jsonb, which keeps
  numbers as decimals, reads back to the same text); a date-time as UTC ISO 8601 with exactly six
  fractional digits and a "Z" ("2024-05-01T09:30:00.000000Z"; a naive value is taken in the default time
  zone, as Django stores it); a date as "YYYY-MM-DD"; a decimal as its string; a foreign key as the
  referenced id (the `<name>_id` column); JSON columns as their JSON value, normalised the same way,
  with object keys as strings.

The listed columns are fixed per table: a column added to a model later is not hashed until a new chain
version says so (tests/integrity checks every column is either hashed or deliberately left out), so old
rows keep verifying. `chain_rows` fills the two columns for a batch of unsaved rows; it must run inside
the transaction that inserts them, and takes the chain lock first so concurrent writers cannot both
extend the same head (a fork): on PostgreSQL a transaction-scoped advisory lock, held until commit; on
SQLite writers are already serialised (transactions begin IMMEDIATE). One lock covers both chains, so no
two writers can wait on each other in opposite orders.
"""

from __future__ import annotations

import datetime as dt
import decimal
import functools
import hashlib
import json
import math
import re
import uuid
import zlib
from collections.abc import Iterable, Sequence

from django.db import DEFAULT_DB_ALIAS, connections, models
from django.utils import timezone

GENESIS = "0" * 64
VERSION_PREFIX = b"joinedup-chain-v1\n"

# The hashed columns of each chained table (attribute names: a foreign key as `<name>_id`).
CHAINS: dict[str, tuple[str, ...]] = {
    "core_auditevent": (
        "at", "recorded_at", "actor_id", "actor_label", "event", "child_id", "object_type", "object_id",
        "reason", "detail",
    ),
    "records_concernversion": (
        "concern_id", "number", "content_hash", "channel", "payload", "reporter_name", "reporter_role",
        "occurred_at", "summary", "child_words", "category_codes", "indicator_codes", "urgency",
        "correction_reason", "created_at", "created_by_id",
    ),
}
# Columns of chained tables that are deliberately not hashed.
NOT_HASHED = ("id", "prev_hash", "row_hash")

LOCK_KEY = zlib.crc32(b"joinedup.integrity.chain")  # one advisory lock for both chains


def canonical_value(value):
    """The canonical JSON value of one column value (see the module docstring)."""
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError("a chained row cannot hold NaN or infinity")
        return int(value) if value.is_integer() else value
    if isinstance(value, dt.datetime):
        if timezone.is_naive(value):
            value = timezone.make_aware(value, timezone.get_default_timezone())
        return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (decimal.Decimal, uuid.UUID)):
        return str(value)
    if isinstance(value, (dict, list, tuple)):
        # A JSON tree: one round trip through the C encoder and decoder makes keys strings, tuples lists
        # and whole floats integers (far cheaper than walking the tree in Python).
        return json.loads(json.dumps(value, allow_nan=False), parse_float=_number)
    raise TypeError(f"no canonical form for {type(value).__name__}")


def _number(text: str) -> int | float:
    value = float(text)
    return int(value) if value.is_integer() else value


def _dumps(content: dict) -> str:
    return json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=True, allow_nan=False)


# In JSON text written by Python, a whole float always shows as ".0" before a non-digit or with "e+";
# text without either has no float to normalise (strings can only cause a false alarm).
_MAYBE_WHOLE_FLOAT = re.compile(r"\.0(?![0-9])|e\+")


def canonical(table: str, values: Sequence) -> bytes:
    """The canonical JSON bytes of one row of `table`, from its values in CHAINS[table] order."""
    columns = CHAINS[table]
    fast = {}
    for column, value in zip(columns, values, strict=True):
        fast[column] = value if isinstance(value, (dict, list, str, int, type(None))) else canonical_value(value)
    try:
        text = _dumps(fast)  # JSON trees as they are: the common case, one pass of the C encoder
    except TypeError:  # e.g. keys of mixed types
        text = None
    if text is None or _MAYBE_WHOLE_FLOAT.search(text):
        text = _dumps({column: canonical_value(value) for column, value in zip(columns, values, strict=True)})
    return text.encode()


def row_hash(table: str, prev_hash: str, values: Sequence) -> str:
    digest = hashlib.sha256(VERSION_PREFIX)
    digest.update(table.encode("ascii") + b"\n" + prev_hash.encode("ascii") + b"\n")
    digest.update(canonical(table, values))
    return digest.hexdigest()


def chained_models() -> list[type[models.Model]]:
    """The chained models, in CHAINS order."""
    from django.apps import apps

    by_table = {m._meta.db_table: m for m in apps.get_models()}
    return [by_table[table] for table in CHAINS]


@functools.cache
def _fields_by_attname(model: type[models.Model]) -> dict:
    return {f.attname: f for f in model._meta.concrete_fields}


def _unsaved_values(model: type[models.Model], obj: models.Model, columns: Iterable[str]) -> list:
    """The values of an unsaved instance as they will read back from the database."""
    by_attname = _fields_by_attname(model)
    out = []
    for column in columns:
        field = by_attname[column]
        if field.is_relation:
            value = getattr(obj, field.attname)
            if value is None:
                cached = field.get_cached_value(obj, None)
                value = cached.pk if cached is not None else None
                setattr(obj, field.attname, value)
        else:
            value = getattr(obj, field.attname)
            if isinstance(field, models.JSONField) and field.encoder is not None:
                value = json.loads(json.dumps(value, cls=field.encoder))
        out.append(value)
    return out


def lock(using: str = DEFAULT_DB_ALIAS) -> None:
    """Take the chain lock for the rest of the current transaction (see the module docstring)."""
    connection = connections[using]
    if not connection.in_atomic_block:
        raise RuntimeError("chained rows must be written inside a transaction")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [LOCK_KEY])
    elif connection.vendor != "sqlite":
        raise NotImplementedError(f"no chain lock for {connection.vendor}")


def head(model: type[models.Model], using: str = DEFAULT_DB_ALIAS) -> tuple[int | None, str]:
    """(id, row_hash) of the newest row of a chained table, or (None, GENESIS) when it is empty."""
    connection = connections[using]
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id, row_hash FROM {table} ORDER BY id DESC LIMIT 1")  # noqa: S608 (no user input)
        row = cursor.fetchone()
    return (row[0], row[1]) if row else (None, GENESIS)


def chain_rows(model: type[models.Model], rows: Sequence[models.Model], using: str = DEFAULT_DB_ALIAS) -> None:
    """Fill `prev_hash` and `row_hash` of unsaved `rows`, which the caller then inserts in this order and
    in this transaction (ids ascending). Takes the chain lock before reading the previous hash."""
    if not rows:
        return
    table = model._meta.db_table
    columns = CHAINS[table]
    lock(using)
    prev = head(model, using)[1]
    for obj in rows:
        obj.prev_hash = prev
        obj.row_hash = prev = row_hash(table, prev, _unsaved_values(model, obj, columns))


def chain_existing(model, using: str = DEFAULT_DB_ALIAS, chunk_size: int = 2000) -> int:
    """Chain every row of a table in id order (the data migration that adds the chain to existing rows;
    works on historical models). Returns how many rows were chained."""
    connection = connections[using]
    table = model._meta.db_table
    columns = CHAINS[table]
    quoted = connection.ops.quote_name(table)
    prev = GENESIS
    done = 0
    updates: list[tuple[str, str, int]] = []
    query = model._default_manager.using(using).order_by("id").values_list("id", *columns)
    for row_id, *values in query.iterator(chunk_size=chunk_size):
        this = row_hash(table, prev, values)
        updates.append((prev, this, row_id))
        prev = this
        done += 1
        if len(updates) >= chunk_size:
            _write_hashes(connection, quoted, updates)
    _write_hashes(connection, quoted, updates)
    return done


def _write_hashes(connection, quoted_table: str, updates: list) -> None:
    if updates:
        with connection.cursor() as cursor:
            cursor.executemany(f"UPDATE {quoted_table} SET prev_hash = %s, row_hash = %s WHERE id = %s", updates)  # noqa: S608
        updates.clear()
