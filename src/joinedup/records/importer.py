"""Bulk import of interchange files (`joinedup import FILE [--replay]`).

Lines are read as bytes (so non-UTF-8 input is reported, not crashed on), each validated on its own; a
bad line is reported with its number and reason and never stops the good ones. Good records are stored
in batches (one transaction each): a kill mid-import loses at most the batch in flight, which a re-run
imports, because re-sending identical content is a no-op.

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

from joinedup.records.ingest import Ingester
from joinedup.records.interchange import ConcernRecord, RecordError, parse_line, reread_line
from joinedup.records.models import Channel


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
    max_bytes = settings.JOINEDUP_MAX_LINE_BYTES
    batch_size = batch_size or settings.JOINEDUP_IMPORT_BATCH
    report = ImportReport()
    ingester = Ingester(channel=Channel.IMPORT, actor=actor, bulk=True)
    batch: list[ConcernRecord] = []

    def flush() -> None:
        for result in ingester.ingest(batch, replay=replay):
            report.count(result.outcome)
        batch.clear()

    if replay:
        order = []
        for number, offset, line in iter_lines(stream, max_bytes):
            try:
                record = _parse(number, line, max_bytes)
            except RecordError as exc:
                report.rejected.append((number, str(exc)))
            else:
                order.append((record.received_at, number, offset, zlib.crc32(line)))
            progress("read", stream.tell())
        order.sort()
        for stored, (_, number, offset, checksum) in enumerate(order, start=1):
            stream.seek(offset)
            line = stream.readline(max_bytes + 1).rstrip(b"\r\n")
            if zlib.crc32(line) != checksum:
                report.rejected.append((number, "the file changed while it was being imported"))
                continue
            batch.append(reread_line(line))
            if len(batch) >= batch_size:
                flush()
                progress("store", stored)
        if batch:
            flush()
        progress("store", len(order))
        report.rejected.sort()
        return report

    for number, _, line in iter_lines(stream, max_bytes):
        try:
            batch.append(_parse(number, line, max_bytes))
        except RecordError as exc:
            report.rejected.append((number, str(exc)))
        if len(batch) >= batch_size:
            flush()
            progress("read", stream.tell())
    if batch:
        flush()
    progress("read", stream.tell())
    return report
