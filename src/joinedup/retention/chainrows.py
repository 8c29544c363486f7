"""Hash-chained rows removed by disposal, for `joinedup verify` (registered in apps.py).

Disposal deletes the chained rows (concern versions) of the record and keeps, per row, its id,
`prev_hash` and `row_hash` (DisposedChainRow). The verifier walks the table and these kept hashes
together in id order: a kept row's link is checked, its content cannot be (it is gone). When disposal
removed the newest rows of a table, the next row written links to the newest row left (the table's
head): `resume_hash` on the last removed row records which hash that is.

A kept row is only good if its tombstone is: `check_tombstones` recomputes each tombstone's digest of its
kept rows and compares it with the tombstone and with the `retention_disposed` audit event written in
the same transaction (that event is itself in the audit chain). So removing a row and inventing a
tombstone for it is caught unless the audit chain is forged too, and so is changing a kept hash.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator

from django.db import DEFAULT_DB_ALIAS


def digest(rows: Iterable[tuple[str, int, str, str, str]]) -> str:
    """sha256 over (table, row_id, prev_hash, row_hash, resume_hash) lines, in the order given (id order)."""
    h = hashlib.sha256(b"joinedup-disposed-v1\n")
    for table, row_id, prev_hash, row_hash, resume_hash in rows:
        h.update(f"{table}:{row_id}:{prev_hash}:{row_hash}:{resume_hash}\n".encode("ascii"))
    return h.hexdigest()


def disposed_rows(table: str, using: str = DEFAULT_DB_ALIAS) -> Iterator[tuple[int, str, str, str]]:
    """(row_id, prev_hash, row_hash, resume_hash) of the removed rows of `table`, in id order."""
    from joinedup.retention.models import DisposedChainRow

    rows = (DisposedChainRow.objects.using(using).filter(table=table).order_by("row_id")
            .values_list("row_id", "prev_hash", "row_hash", "resume_hash"))
    yield from rows.iterator(chunk_size=2000)


def check_tombstones(table: str, using: str = DEFAULT_DB_ALIAS) -> list[tuple[int, str, str]]:
    """(tombstone id, expected, found) for each tombstone with removed rows of `table` whose kept hashes
    are not what was attested, or that no second person approved."""
    from joinedup.core.models import AuditEvent
    from joinedup.retention.models import DisposedChainRow, ProposalStatus, Tombstone

    attested = {
        object_id: (detail or {}).get("chain_digest", "")
        for object_id, detail in AuditEvent.objects.using(using)
        .filter(event="retention_disposed", object_type="tombstone").values_list("object_id", "detail")
    }
    problems = []
    tombstones = (Tombstone.objects.using(using).filter(chain_rows__table=table).distinct()
                  .select_related("proposal").order_by("id"))
    for tombstone in tombstones.iterator(chunk_size=500):
        rows = (DisposedChainRow.objects.using(using).filter(tombstone=tombstone).order_by("table", "row_id")
                .values_list("table", "row_id", "prev_hash", "row_hash", "resume_hash"))
        found = digest(rows)
        expected = attested.get(str(tombstone.pk), "no retention_disposed audit event")
        proposal = tombstone.proposal
        approved = (proposal.status == ProposalStatus.APPROVED and proposal.decided_by_id == tombstone.approved_by_id
                    and tombstone.approved_by_id != tombstone.proposed_by_id)
        if found != expected or tombstone.chain_digest != expected:
            problems.append((tombstone.pk, expected, found if found != expected else tombstone.chain_digest))
        elif not approved:
            problems.append((tombstone.pk, "approved by a second person", "no such approval"))
    return problems
