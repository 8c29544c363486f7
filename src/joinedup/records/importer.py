"""Bulk import of interchange files (`joinedup import FILE [--replay]`).

Lines are read as bytes (so non-UTF-8 input is reported, not crashed on), each validated on its own; a
bad line is reported with its number and reason and never stops the good ones. Good records are stored
in batches (one transaction each): a kill mid-import loses at most the batch in flight, which a re-run
imports, because re-sending identical content is a no-op. On PostgreSQL a batch's commit does not wait for
the disk; the import waits once at the end, so every record it counts is stored durably.

With `replay`, records are stored in `received_at` order with the clock set to each record's
`received_at`, as if they had arrived live. The file is read twice (validate and sort keys, then
store) so memory stays small whatever the file's size.
"""

from __future__ import annotations

import dataclasses
import zlib
from collections.abc import Callable, Iterator
from typing import BinaryIO

from django.conf import settings

from joinedup.core import bulk
from joinedup.records.ingest import Ingester, wait_for_commits
from joinedup.records.interchange import ConcernRecord, RecordError, parse_line, reread_line
from joinedup.records.models import Channel

REFRESH_STATISTICS_AFTER = 5000  # records stored by one import: enough to make the planner's statistics stale


@dataclasses.dataclass
class ImportReport:
    created: int = 0
    versions: int = 0
    unchanged: int = 0
    rejected: list[tuple[int, str]] = dataclasses.field(default_factory=list)

    @property
    def accepted(self) -> int:
        return self.created + self.versions + self.unchanged

    def count(self, outcome: str) -> None:
        if outcome == "created":
            self.created += 1
        elif outcome == "version":
            self.versions += 1
        else:
            self.unchanged += 1


def iter_lines(stream: BinaryIO, max_bytes: int) -> Iterator[tuple[int, int, bytes | None]]:
    """(line number, byte offset, line) for each non-blank line; the line is None if it is longer than
    `max_bytes` (the rest of it is skipped without holding it in memory)."""
    number = 0
    offset = stream.tell()
    while True:
        chunk = stream.readline(max_bytes + 1)
        if not chunk:
            return
        number += 1
        start = offset
        offset += len(chunk)
        if len(chunk) > max_bytes and not chunk.endswith(b"\n"):
            while True:  # skip the rest of an over-long line
                rest = stream.readline(1024 * 1024)
                offset += len(rest)
                if not rest or rest.endswith(b"\n"):
                    break
            yield number, start, None
            continue
        line = chunk.rstrip(b"\r\n")
        if line.strip():
            yield number, start, line


def _parse(number: int, line: bytes | None, max_bytes: int) -> ConcernRecord:
    if line is None:
        raise RecordError(f"line is longer than the limit of {max_bytes:,} bytes")
    return parse_line(line, max_bytes)


def import_file(
    stream: BinaryIO,
    *,
    replay: bool = False,
    actor=None,
    batch_size: int | None = None,
    progress: Callable[[str, int], None] = lambda phase, done: None,
) -> ImportReport:
    """Import every good record of a JSON Lines stream. `progress(phase, done)` is called as work
    advances: phase "read" counts bytes read, phase "store" counts records stored (replay only)."""
    run = _Run(
        Ingester(channel=Channel.IMPORT, actor=actor, bulk=True),
        replay,
        batch_size or settings.JOINEDUP_IMPORT_BATCH,
        settings.JOINEDUP_MAX_LINE_BYTES,
        progress,
    )
    if replay:
        run.replay(stream)
    else:
        run.stream(stream)
    wait_for_commits()  # the batches committed without waiting for the disk: all of them are on it now
    if run.report.created + run.report.versions >= REFRESH_STATISTICS_AFTER:
        bulk.refresh_statistics()
    run.report.rejected.sort()
    return run.report


class _Run:
    def __init__(self, ingester, replay, batch_size, max_bytes, progress) -> None:
        self.ingester = ingester
        self.replaying = replay
        self.batch_size = batch_size
        self.max_bytes = max_bytes
        self.progress = progress
        self.report = ImportReport()
        self.batch: list[ConcernRecord] = []

    def add(self, record: ConcernRecord) -> bool:
        """Queue a record; store the batch when full (returns True when it stored)."""
        self.batch.append(record)
        if len(self.batch) < self.batch_size:
            return False
        self.flush()
        return True

    def flush(self) -> None:
        if self.batch:
            for result in self.ingester.ingest(self.batch, replay=self.replaying):
                self.report.count(result.outcome)
            self.batch.clear()

    def stream(self, stream: BinaryIO) -> None:
        """File order, one pass."""
        for number, _, line in iter_lines(stream, self.max_bytes):
            try:
                record = _parse(number, line, self.max_bytes)
            except RecordError as exc:
                self.report.rejected.append((number, str(exc)))
                continue
            if self.add(record):
                self.progress("read", stream.tell())
        self.flush()
        self.progress("read", stream.tell())

    def replay(self, stream: BinaryIO) -> None:
        """Validate everything and sort by received_at, then store in that order re-reading each line
        (a checksum makes sure the line has not changed in between)."""
        order = []
        for number, offset, line in iter_lines(stream, self.max_bytes):
            try:
                record = _parse(number, line, self.max_bytes)
            except RecordError as exc:
                self.report.rejected.append((number, str(exc)))
            else:
                order.append((record.received_at, number, offset, zlib.crc32(line)))
            self.progress("read", stream.tell())
        order.sort()
        for stored, (_, number, offset, checksum) in enumerate(order, start=1):
            stream.seek(offset)
            line = stream.readline(self.max_bytes + 1).rstrip(b"\r\n")
            if zlib.crc32(line) != checksum:
                self.report.rejected.append((number, "the file changed while it was being imported"))
                continue
            if self.add(reread_line(line)):
                self.progress("store", stored)
        self.flush()
        self.progress("store", len(order))
