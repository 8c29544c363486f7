"""The audit events of retention: classifying a record, legal holds, disposal proposals and decisions,
and disposal itself. None carries personal data beyond the reasons the officers wrote."""

from __future__ import annotations

import dataclasses
from typing import ClassVar

from joinedup.core import audit


@dataclasses.dataclass(frozen=True)
class RecordClassified(audit.AuditEventData):
    """A records officer set which retention rule a child's record falls under, with the reason."""

    name: ClassVar[str] = "retention_classified"
    classification_id: int = 0
    record_type: str = ""
    reason: str = ""

    def object_ref(self):
        return "retention_classification", str(self.classification_id)


@dataclasses.dataclass(frozen=True)
class LegalHoldPlaced(audit.AuditEventData):
    """A legal hold was placed on a child's record: it is not disposed of while the hold stands."""

    name: ClassVar[str] = "legal_hold_placed"
    hold_id: int = 0
    reason: str = ""

    def object_ref(self):
        return "legal_hold", str(self.hold_id)


@dataclasses.dataclass(frozen=True)
class LegalHoldLifted(audit.AuditEventData):
    """A legal hold was lifted, with the reason."""

    name: ClassVar[str] = "legal_hold_lifted"
    hold_id: int = 0
    reason: str = ""

    def object_ref(self):
        return "legal_hold", str(self.hold_id)


@dataclasses.dataclass(frozen=True)
class DisposalProposed(audit.AuditEventData):
    """Someone proposed disposing of a child's record that the retention rules say is due."""

    name: ClassVar[str] = "disposal_proposed"
    proposal_id: int = 0
    record_type: str = ""
    due_on: str = ""

    def object_ref(self):
        return "disposal_proposal", str(self.proposal_id)


@dataclasses.dataclass(frozen=True)
class DisposalRefused(audit.AuditEventData):
    """A second person refused a disposal proposal, with the reason."""

    name: ClassVar[str] = "disposal_refused"
    proposal_id: int = 0
    reason: str = ""

    def object_ref(self):
        return "disposal_proposal", str(self.proposal_id)


@dataclasses.dataclass(frozen=True)
class RecordDisposed(audit.AuditEventData):
    """A second person approved a disposal: the child's record was erased and a tombstone left. `counts`
    is rows removed per table; `chain_digest` attests the removed hash-chained rows (`joinedup verify`
    checks the tombstone against it)."""

    name: ClassVar[str] = "retention_disposed"
    proposal_id: int = 0
    tombstone_id: int = 0
    proposed_by_id: int = 0
    record_type: str = ""
    due_on: str = ""
    counts: dict = dataclasses.field(default_factory=dict)
    chain_rows: int = 0
    chain_digest: str = ""
    reason: str = ""

    def object_ref(self):
        return "tombstone", str(self.tombstone_id)
