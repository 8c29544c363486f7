"""Audit events of the public reporting page (see core/audit.py for the mechanism). The reporter has
no account: the actor is "system", and the event names the report's reference."""

from __future__ import annotations

import dataclasses
from typing import ClassVar

from joinedup.core.audit import AuditEventData


@dataclasses.dataclass(frozen=True)
class PublicReportReceived(AuditEventData):
    """Someone reported a concern on the public page; they were given a reference and a passphrase."""

    name: ClassVar[str] = "public_report_received"
    concern_id: int = 0
    reference: str = ""
    language: str = ""

    def object_ref(self):
        return "concern", str(self.concern_id)


@dataclasses.dataclass(frozen=True)
class PublicReportAdded(AuditEventData):
    """The reporter added information to their report (stored as a new version of the concern)."""

    name: ClassVar[str] = "public_report_added"
    concern_id: int = 0
    reference: str = ""
    version: int = 0

    def object_ref(self):
        return "concern", str(self.concern_id)


@dataclasses.dataclass(frozen=True)
class PublicReportFollowedUp(AuditEventData):
    """The reporter opened their report with its reference and passphrase (they see only its progress)."""

    name: ClassVar[str] = "public_report_followed_up"
    concern_id: int = 0
    reference: str = ""

    def object_ref(self):
        return "concern", str(self.concern_id)
