"""Audit events: named, documented data classes, written in the same transaction as what they describe.

Each class's docstring says what happened; `record(event, actor=...)` writes it. Reads of a child's
record are events too (`ChildViewed`, `ConcernViewed`), so the auditor can answer "who looked at this
child, and why could they?" (`access` carries the permission decision's reason).
"""

from __future__ import annotations

import dataclasses
from typing import Any, ClassVar

from django.db import connection

from joinedup.core import clock
from joinedup.integrity import chain


@dataclasses.dataclass(frozen=True)
class AuditEventData:
    name: ClassVar[str] = ""
    child_id: int | None = None

    def object_ref(self) -> tuple[str, str]:
        return "", ""

    def details(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data.pop("child_id", None)
        data.pop("reason", None)
        return data


@dataclasses.dataclass(frozen=True)
class ConcernRecorded(AuditEventData):
    """A new concern arrived (form, API or import) and was stored as version 1."""

    name: ClassVar[str] = "concern_recorded"
    concern_id: int = 0
    reference: str = ""
    channel: str = ""
    access: str = ""

    def object_ref(self) -> tuple[str, str]:
        return "concern", str(self.concern_id)


@dataclasses.dataclass(frozen=True)
class ConcernCorrected(AuditEventData):
    """A concern received a new version; the old version is kept."""

    name: ClassVar[str] = "concern_corrected"
    concern_id: int = 0
    reference: str = ""
    version: int = 0
    channel: str = ""
    reason: str = ""

    def object_ref(self) -> tuple[str, str]:
        return "concern", str(self.concern_id)


@dataclasses.dataclass(frozen=True)
class ConcernWithdrawn(AuditEventData):
    """A concern was withdrawn (never deleted), with the reason given."""

    name: ClassVar[str] = "concern_withdrawn"
    concern_id: int = 0
    reference: str = ""
    reason: str = ""

    def object_ref(self) -> tuple[str, str]:
        return "concern", str(self.concern_id)


@dataclasses.dataclass(frozen=True)
class ConcernViewed(AuditEventData):
    """Someone read one concern (page or API)."""

    name: ClassVar[str] = "concern_viewed"
    concern_id: int = 0
    access: str = ""
    channel: str = "web"

    def object_ref(self) -> tuple[str, str]:
        return "concern", str(self.concern_id)


@dataclasses.dataclass(frozen=True)
class ChildViewed(AuditEventData):
    """Someone opened a child's record; `access` says why they were allowed to."""

    name: ClassVar[str] = "child_viewed"
    access: str = ""
    channel: str = "web"

    def object_ref(self) -> tuple[str, str]:
        return "child", str(self.child_id)


@dataclasses.dataclass(frozen=True)
class ChildLinked(AuditEventData):
    """A child as an agency described them was linked to a JoinedUp child record."""

    name: ClassVar[str] = "child_linked"
    concern_child_id: int = 0
    method: str = ""
    score: float | None = None

    def object_ref(self) -> tuple[str, str]:
        return "concern_child", str(self.concern_child_id)


@dataclasses.dataclass(frozen=True)
class ChildrenMerged(AuditEventData):
    """Two child records were found to be the same child and merged (reversible: see ChildrenSplit)."""

    name: ClassVar[str] = "children_merged"
    merged_child_id: int = 0
    link_event_id: int = 0
    reason: str = ""

    def object_ref(self) -> tuple[str, str]:
        return "child", str(self.child_id)


@dataclasses.dataclass(frozen=True)
class ChildrenSplit(AuditEventData):
    """A merge was undone, or a source record was moved to a child record of its own."""

    name: ClassVar[str] = "children_split"
    new_child_id: int = 0
    link_event_id: int = 0
    reason: str = ""

    def object_ref(self) -> tuple[str, str]:
        return "child", str(self.child_id)


@dataclasses.dataclass(frozen=True)
class MatchReviewed(AuditEventData):
    """A person decided a possible match between two child records."""

    name: ClassVar[str] = "match_reviewed"
    candidate_id: int = 0
    decision: str = ""
    reason: str = ""

    def object_ref(self) -> tuple[str, str]:
        return "match_candidate", str(self.candidate_id)


@dataclasses.dataclass(frozen=True)
class ChildSearched(AuditEventData):
    """Someone searched for children by name or identifier."""

    name: ClassVar[str] = "child_searched"
    query: str = ""
    results: int = 0


@dataclasses.dataclass(frozen=True)
class ImportRun(AuditEventData):
    """A bulk import finished (counts of imported, unchanged, new versions and rejected lines)."""

    name: ClassVar[str] = "import_run"
    file: str = ""
    imported: int = 0
    versions: int = 0
    unchanged: int = 0
    rejected: int = 0
    replay: bool = False


@dataclasses.dataclass(frozen=True)
class AuditSearched(AuditEventData):
    """The auditor searched the audit trail."""

    name: ClassVar[str] = "audit_searched"
    query: dict = dataclasses.field(default_factory=dict)


def actor_label(actor) -> str:
    if actor is None:
        return "system"
    agency = getattr(getattr(actor, "agency", None), "name", "")
    return f"{actor.username} ({actor.get_role_display()}, {agency})" if agency else actor.username


def _storable(value):
    """Text as every database can store it: PostgreSQL refuses NUL in text and JSON, so a NUL typed into
    any field (a search box, a reason) is kept as U+FFFD instead of failing the write it audits."""
    if isinstance(value, str):
        return value.replace("\x00", "\ufffd")
    if isinstance(value, dict):
        return {k: _storable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_storable(v) for v in value]
    return value


def _row(event: AuditEventData, actor, at, reason: str = ""):
    from joinedup.core.models import AuditEvent

    object_type, object_id = event.object_ref()
    return AuditEvent(
        at=at, actor=actor, actor_label=actor_label(actor), event=event.name, child_id=event.child_id,
        object_type=object_type, object_id=object_id, reason=_storable(reason or getattr(event, "reason", "")),
        detail=_storable(event.details()),
    )


def record(event: AuditEventData, actor=None, *, reason: str = ""):
    """Write `event`. Must run inside the transaction of the write it audits (checked)."""
    from joinedup.core.models import AuditEvent

    if not connection.in_atomic_block:
        raise RuntimeError(f"audit event {event.name} must be written inside the transaction it audits")
    row = _row(event, actor, clock.now(), reason)
    chain.chain_rows(AuditEvent, [row])  # the hash chain (takes the chain lock until commit)
    row.save(force_insert=True)
    return row


def record_many(events: list[tuple[AuditEventData, Any, Any]]) -> None:
    """Bulk form of `record` for imports: (event, actor, at) triples (same transaction rule)."""
    from joinedup.core.bulk import insert_rows
    from joinedup.core.models import AuditEvent

    if not connection.in_atomic_block:
        raise RuntimeError("audit events must be written inside the transaction they audit")
    rows = [_row(event, actor, at) for event, actor, at in events]
    chain.chain_rows(AuditEvent, rows)  # the hash chain (takes the chain lock until commit)
    insert_rows(AuditEvent, rows)


def all_events() -> list[type[AuditEventData]]:
    """Every named audit event (each app's events subclass AuditEventData)."""
    return sorted(AuditEventData.__subclasses__(), key=lambda cls: cls.name)
