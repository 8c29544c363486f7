"""Walk each hash chain in id order and report the first break.

Streaming (rows are read in chunks, constant memory). For each row, in id order:
- its `prev_hash` must be the `row_hash` of the row before it (GENESIS for the first row): a mismatch
  means a row was deleted or inserted before it, or the hash columns were edited;
- its `row_hash` must equal the hash recomputed from its content: a mismatch means the row was edited.
The first broken row of each table is reported with what was expected and what was found.

Rows removed by an approved disposal (retention) are walked too, from the hashes their tombstone kept
(registered with `register_disposed_rows`): their links are checked, their content cannot be (it was
erased). The tombstones are checked first against what their disposal's audit event attested.
"""

from __future__ import annotations

import dataclasses
import heapq
from collections.abc import Callable, Iterator

from django.db import DEFAULT_DB_ALIAS, models

from joinedup.integrity import chain


@dataclasses.dataclass(frozen=True)
class Break:
    table: str
    row_id: int
    problem: str  # "link" (prev_hash), "content" (row_hash), "disposed_link" or "tombstone" (disposal)
    expected: str
    found: str

    def describe(self) -> str:
        if self.problem == "link":
            what = ("does not follow the row before it (a row was deleted or inserted before it, or its "
                    "hash columns were edited)")
            return f"{self.table} id {self.row_id}: {what}; expected prev_hash {self.expected}, found {self.found}"
        if self.problem == "tombstone":
            return (f"{self.table}: the tombstone {self.row_id} of a disposal does not match what its audit event "
                    f"attested (removed rows' hashes edited, or no approved disposal); expected {self.expected}, "
                    f"found {self.found}")
        if self.problem == "disposed_link":
            what = "(removed by disposal; its tombstone's hashes) does not follow the row before it"
            return f"{self.table} id {self.row_id} {what}; expected prev_hash {self.expected}, found {self.found}"
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


# Sources of rows removed by disposal: (table, using) -> iterator of (row_id, prev_hash, row_hash,
# resume_hash) in id order; and checks of their tombstones: (table, using) -> [(id, expected, found)].
_DISPOSED_SOURCES: list[tuple[Callable, Callable]] = []


def register_disposed_rows(rows: Callable, check: Callable) -> None:
    if (rows, check) not in _DISPOSED_SOURCES:
        _DISPOSED_SOURCES.append((rows, check))


def _disposed(table: str, using: str) -> Iterator:
    return heapq.merge(*(rows(table, using) for rows, _check in _DISPOSED_SOURCES), key=lambda row: row[0])


def _tombstone_break(table: str, using: str) -> Break | None:
    for _rows, check in _DISPOSED_SOURCES:
        for tombstone_id, expected, found in check(table, using):
            return Break(table, tombstone_id, "tombstone", expected, found)
    return None


STORED, REMOVED = 0, 1


def verify_model(
    model: type[models.Model], using: str = DEFAULT_DB_ALIAS, progress: Callable[[int], None] | None = None,
    chunk_size: int = 2000,
) -> ChainReport:
    """Check one chained table; stops at its first break. `progress(n)` is called with rows done."""
    table = model._meta.db_table
    columns = chain.CHAINS[table]
    broken = _tombstone_break(table, using)
    if broken is not None:
        return ChainReport(table, 0, None, chain.GENESIS, broken)
    query = model._default_manager.using(using).order_by("id").values_list("id", "prev_hash", "row_hash", *columns)
    stored = ((row[0], STORED, row) for row in query.iterator(chunk_size=chunk_size))
    removed = ((row[0], REMOVED, row) for row in _disposed(table, using))
    expected_prev = chain.GENESIS
    rows = 0
    last_id, last_hash = None, chain.GENESIS
    pending = 0
    for row_id, kind, row in heapq.merge(stored, removed, key=lambda item: (item[0], item[1])):
        if kind == REMOVED:
            _id, prev_hash, kept_hash, resume_hash = row
            if prev_hash != expected_prev:
                return ChainReport(table, rows, last_id, expected_prev,
                                   Break(table, row_id, "disposed_link", expected_prev, prev_hash))
            expected_prev = resume_hash or kept_hash
            continue
        _id, prev_hash, stored_hash, *values = row
        rows += 1
        if prev_hash != expected_prev:
            return ChainReport(table, rows, last_id, expected_prev, Break(table, row_id, "link", expected_prev, prev_hash))
        recomputed = chain.row_hash(table, prev_hash, values)
        if recomputed != stored_hash:
            return ChainReport(table, rows, last_id, expected_prev, Break(table, row_id, "content", recomputed, stored_hash))
        expected_prev = last_hash = stored_hash
        last_id = row_id
        pending += 1
        if progress is not None and pending >= chunk_size:
            progress(pending)
            pending = 0
    if progress is not None and pending:
        progress(pending)
    if expected_prev != last_hash:  # removed rows at the end must hand the chain back to the newest row kept
        return ChainReport(table, rows, last_id, last_hash, Break(table, row_id, "disposed_link", last_hash, expected_prev))
    return ChainReport(table, rows, last_id, last_hash, None)


def verify_all(using: str = DEFAULT_DB_ALIAS, progress: Callable[[int], None] | None = None) -> list[ChainReport]:
    """Check every chain (the audit log, then concern versions)."""
    return [verify_model(model, using, progress) for model in chain.chained_models()]
