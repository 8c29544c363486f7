"""Writing a few chained rows through the application, and editing them behind its back."""

from __future__ import annotations

from django.db import connection, transaction

from joinedup.core import audit


def record_events(count: int, start: int = 0) -> list[int]:
    """Write `count` audit events through the application; their ids in order."""
    ids = []
    for i in range(start, start + count):
        with transaction.atomic():
            ids.append(audit.record(audit.ChildSearched(query=f"Testwood {i}", results=i)).pk)
    return ids


def raw(sql: str, params=()) -> None:
    """Change the database without the application (as someone with database access could)."""
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
