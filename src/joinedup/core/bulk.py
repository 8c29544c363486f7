"""Fast inserts for high-volume append-only rows whose primary keys the caller does not need back
(mentions, audit events, link rows). One parameterised INSERT sent with executemany: the same SQL Django
would write, without compiling it again for every row, which dominated replay imports."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection, models


def _fields(model: type[models.Model]) -> list:
    return [f for f in model._meta.concrete_fields if not f.primary_key]


def _values(obj: models.Model, fields: list) -> tuple:
    """The database values of one unsaved instance, taking a foreign key's id from an assigned object
    that was saved after it was assigned."""
    for field in fields:
        if field.is_relation:
            cached = field.get_cached_value(obj, None)
            if cached is not None and getattr(obj, field.attname) is None:
                setattr(obj, field.attname, cached.pk)
    return tuple(f.get_db_prep_save(f.pre_save(obj, True), connection) for f in fields)


def insert_rows(model: type[models.Model], objs: Iterable[models.Model]) -> int:
    """Insert unsaved model instances; returns how many. Defaults and foreign keys are taken from the
    instances as they are (set `<fk>_id` or assign saved objects)."""
    objs = list(objs)
    if not objs:
        return 0
    fields = _fields(model)
    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO {table} ({columns}) VALUES ({placeholders})"
    rows = [_values(obj, fields) for obj in objs]
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)
    return len(rows)


def insert_rows_returning(model: type[models.Model], objs: list[models.Model], chunk_params: int = 30000) -> None:
    """Insert unsaved instances and set their primary keys (multi-row INSERT ... RETURNING, which both
    SQLite 3.35+ and PostgreSQL return in insertion order, as Django's bulk_create relies on too)."""
    if not objs:
        return
    fields = _fields(model)
    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    pk = connection.ops.quote_name(model._meta.pk.column)
    row_sql = "(" + ", ".join(["%s"] * len(fields)) + ")"
    per_chunk = max(1, chunk_params // len(fields))
    with connection.cursor() as cursor:
        for start in range(0, len(objs), per_chunk):
            chunk = objs[start:start + per_chunk]
            params = [value for obj in chunk for value in _values(obj, fields)]
            sql = f"INSERT INTO {table} ({columns}) VALUES {', '.join([row_sql] * len(chunk))} RETURNING {pk}"
            cursor.execute(sql, params)
            for obj, (pk_value,) in zip(chunk, cursor.fetchall(), strict=True):
                obj.pk = pk_value
                obj._state.adding = False
