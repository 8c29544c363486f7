"""Walk each hash chain in id order and report the first break.

Streaming (rows are read in chunks, constant memory). For each row, in id order:
- its `prev_hash` must be the `row_hash` of the row before it (GENESIS for the first row): a mismatch
  means a row was deleted or inserted before it, or the hash columns were edited;
- its `row_hash` must equal the hash recomputed from its content: a mismatch means the row was edited.
The first broken row of each table is reported with what was expected and what was found.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from django.db import DEFAULT_DB_ALIAS, models

from joinedup.integrity import chain


@dataclasses.dataclass(frozen=True)
class Break:
    table: str
    row_id: int
    problem: str  # "link" (prev_hash) or "content" (row_hash)
    expected: str
    found: str

    def describe(self) -> str:
        if self.problem == "link":
            what = ("does not follow the row before it (a row was deleted or inserted before it, or its "
                    "hash columns were edited)")
            return f"{self.table} id {self.row_id}: {what}; expected prev_hash {self.expected}, found {self.found}"
        what = "its content does not match its hash (the row was edited)"
        return f"{self.table} id {self.row_id}: {what}; expected row_hash {self.expected}, found {self.found}"


@dataclasses.dataclass(frozen=True)
class ChainReport:
    table: str
    rows: int
    head_id: int | None
    head_hash: str
    broken: Break | None

    @property
    def ok(self) -> bool:
        return self.broken is None


def verify_model(
    model: type[models.Model], using: str = DEFAULT_DB_ALIAS, progress: Callable[[int], None] | None = None,
    chunk_size: int = 2000,
) -> ChainReport:
    """Check one chained table; stops at its first break. `progress(n)` is called with rows done."""
    table = model._meta.db_table
    columns = chain.CHAINS[table]
    query = model._default_manager.using(using).order_by("id").values_list("id", "prev_hash", "row_hash", *columns)
    expected_prev = chain.GENESIS
    rows = 0
    last_id = None
    pending = 0
    for row_id, prev_hash, stored_hash, *values in query.iterator(chunk_size=chunk_size):
        rows += 1
        if prev_hash != expected_prev:
            return ChainReport(table, rows, last_id, expected_prev, Break(table, row_id, "link", expected_prev, prev_hash))
        recomputed = chain.row_hash(table, prev_hash, values)
        if recomputed != stored_hash:
            return ChainReport(table, rows, last_id, expected_prev, Break(table, row_id, "content", recomputed, stored_hash))
        expected_prev = stored_hash
        last_id = row_id
        pending += 1
        if progress is not None and pending >= chunk_size:
            progress(pending)
            pending = 0
    if progress is not None and pending:
        progress(pending)
    return ChainReport(table, rows, last_id, expected_prev, None)


def verify_all(using: str = DEFAULT_DB_ALIAS, progress: Callable[[int], None] | None = None) -> list[ChainReport]:
    """Check every chain (the audit log, then concern versions)."""
    return [verify_model(model, using, progress) for model in chain.chained_models()]
