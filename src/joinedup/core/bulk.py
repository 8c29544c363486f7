"""Fast inserts for high-volume append-only rows (concern versions, mentions, audit events, link rows):
the same values Django would write, without compiling the SQL again for every row, which dominated replay
imports.

On PostgreSQL rows go in with COPY, in order; where the caller needs the new primary keys they are
reserved from the table's sequence first (one round trip) and copied with the rows. COPY took a third of
the time of one INSERT per row (executemany) or of `INSERT ... SELECT * FROM UNNEST(arrays)`, whose
arrays psycopg quotes in Python, and a multi-row VALUES list is parsed again in Python for every chunk.
On SQLite, where a statement costs no round trip, a multi-row VALUES list ... RETURNING, or one
parameterised INSERT sent with executemany. Rows are inserted in the order given, so ids ascend in that
order (the hash chains rely on it).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from django.db import connection, models

# Columns whose value Django would send unchanged when it already has this Python type (the value is then
# passed through as it is, skipping get_db_prep_save, which cost more than the insert itself).
_PLAIN = {
    "CharField": str, "TextField": str, "BooleanField": bool, "FloatField": float, "IntegerField": int,
    "BigIntegerField": int, "SmallIntegerField": int, "PositiveIntegerField": int, "PositiveSmallIntegerField": int,
    "PositiveBigIntegerField": int, "AutoField": int, "BigAutoField": int,
}


def _plain_type(field) -> type | None:
    target = field.target_field if field.is_relation else field
    if not type(target).__module__.startswith("django.db.models."):  # a custom field may convert anything
        return None
    return _PLAIN.get(target.get_internal_type())


@functools.cache
def _fields(model: type[models.Model], with_pk: bool = False) -> tuple[tuple, ...]:
    """(field, plain type or None, is a relation) for each column inserted."""
    return tuple(
        (f, _plain_type(f), f.is_relation) for f in model._meta.concrete_fields if with_pk or not f.primary_key
    )


def _values(obj: models.Model, fields) -> tuple:
    """The database values of one unsaved instance, taking a foreign key's id from an assigned object
    that was saved after it was assigned."""
    values = []
    for field, plain, relation in fields:
        if relation and getattr(obj, field.attname) is None:
            cached = field.get_cached_value(obj, None)
            if cached is not None:
                setattr(obj, field.attname, cached.pk)
        if plain is not None:
            value = getattr(obj, field.attname)
            if value is None or type(value) is plain:
                values.append(value)
                continue
        values.append(field.get_db_prep_save(field.pre_save(obj, True), connection))
    return tuple(values)


def _copy(model: type[models.Model], objs: list[models.Model], fields) -> None:
    """PostgreSQL: COPY the rows in, in order (ids come from the sequence in that order, or are given)."""
    quote = connection.ops.quote_name
    columns = ", ".join(quote(f.column) for f, *_ in fields)
    sql = f"COPY {quote(model._meta.db_table)} ({columns}) FROM STDIN"
    # The raw psycopg cursor (Django's has no COPY): its errors are wrapped as Django's would be, so a
    # caller's `except IntegrityError` (a concurrent writer stored the same record) still works.
    with connection.cursor() as cursor, connection.wrap_database_errors, cursor.cursor.copy(sql) as copy:
        for obj in objs:
            copy.write_row(_values(obj, fields))


def _set_pks(objs: list[models.Model], pks) -> None:
    for obj, pk_value in zip(objs, pks, strict=True):
        obj.pk = pk_value
        obj._state.adding = False


def insert_rows(model: type[models.Model], objs: Iterable[models.Model], *, with_pk: bool = False) -> int:
    """Insert unsaved model instances, in order; returns how many. Defaults and foreign keys are taken
    from the instances as they are (set `<fk>_id` or assign saved objects); `with_pk`: the primary keys
    too (from `reserve_ids`)."""
    objs = list(objs)
    if not objs:
        return 0
    fields = _fields(model, with_pk)
    if connection.vendor == "postgresql":
        _copy(model, objs, fields)
        return len(objs)
    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(f.column) for f, *_ in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO {table} ({columns}) VALUES ({placeholders})"
    rows = [_values(obj, fields) for obj in objs]
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)
    return len(rows)


def insert_rows_returning(model: type[models.Model], objs: list[models.Model], chunk_params: int = 30000) -> None:
    """Insert unsaved instances, in order, and set their primary keys (on PostgreSQL reserved first; else
    INSERT ... RETURNING, which SQLite 3.35+ returns in insertion order, as Django's bulk_create relies on)."""
    if not objs:
        return
    if connection.vendor == "postgresql" and len(objs) > 1:
        _set_pks(objs, reserve_ids(model, len(objs)))
        _copy(model, objs, _fields(model, with_pk=True))
        return
    fields = _fields(model)
    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(f.column) for f, *_ in fields)
    pk = connection.ops.quote_name(model._meta.pk.column)
    row_sql = "(" + ", ".join(["%s"] * len(fields)) + ")"
    per_chunk = max(1, chunk_params // len(fields))
    with connection.cursor() as cursor:
        for start in range(0, len(objs), per_chunk):
            chunk = objs[start:start + per_chunk]
            params = [value for obj in chunk for value in _values(obj, fields)]
            sql = f"INSERT INTO {table} ({columns}) VALUES {', '.join([row_sql] * len(chunk))} RETURNING {pk}"
            cursor.execute(sql, params)
            _set_pks(chunk, [row[0] for row in cursor.fetchall()])


def reserve_ids(model: type[models.Model], count: int) -> list[int]:
    """PostgreSQL: `count` new primary keys from the table's sequence, ascending, for rows inserted later
    with `insert_rows(..., with_pk=True)`, so a caller that needs each new row's id at once does not
    pay a round trip per row. A sequence never hands out a value twice, even after a rollback: ids
    reserved and never used are skipped, like those of a rolled-back insert."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [model._meta.db_table, model._meta.pk.column, count],
        )
        return sorted(row[0] for row in cursor.fetchall())


def refresh_statistics() -> None:
    """Bring the query planner's table statistics up to date after a bulk load. Straight after a large
    import they still describe the empty tables, and the planner chose plans that made the first arrivals
    after a 100,000-concern replay ten times slower (365 ms median instead of 22) until autovacuum caught
    up. PostgreSQL: ANALYZE (about 4 s at 100,000 concerns); SQLite: PRAGMA optimize."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE" if connection.vendor == "postgresql" else "PRAGMA optimize")
