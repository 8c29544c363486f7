"""Audit events of follow-through work (see core/audit.py for the mechanism)."""

from __future__ import annotations

import dataclasses
from typing import ClassVar

from joinedup.core.audit import AuditEventData


@dataclasses.dataclass(frozen=True)
class DecisionRecorded(AuditEventData):
    """A decision on a concern was recorded (in effect, or waiting for sign-off)."""

    name: ClassVar[str] = "decision_recorded"
    decision_id: int = 0
    concern_id: int = 0
    kind: str = ""
    status: str = ""

    def object_ref(self):
        return "decision", str(self.decision_id)


@dataclasses.dataclass(frozen=True)
class DecisionSignedOff(AuditEventData):
    """A manager signed off (or declined to sign off) a decision."""

    name: ClassVar[str] = "decision_signed_off"
    decision_id: int = 0
    approved: bool = False
    reason: str = ""

    def object_ref(self):
        return "decision", str(self.decision_id)


@dataclasses.dataclass(frozen=True)
class ActionCreated(AuditEventData):
    """Due work was created (by a decision, a rule, or a person)."""

    name: ClassVar[str] = "action_created"
    action_id: int = 0
    kind: str = ""
    due_at: str = ""

    def object_ref(self):
        return "action", str(self.action_id)


@dataclasses.dataclass(frozen=True)
class ActionClosed(AuditEventData):
    """An action was completed or cancelled, with its note."""

    name: ClassVar[str] = "action_closed"
    action_id: int = 0
    status: str = ""
    reason: str = ""

    def object_ref(self):
        return "action", str(self.action_id)


@dataclasses.dataclass(frozen=True)
class ActionReassigned(AuditEventData):
    """An action moved to another owner."""

    name: ClassVar[str] = "action_reassigned"
    action_id: int = 0
    to: str = ""
    reason: str = ""

    def object_ref(self):
        return "action", str(self.action_id)


@dataclasses.dataclass(frozen=True)
class NotificationAcknowledged(AuditEventData):
    """A notified agency acknowledged a notification."""

    name: ClassVar[str] = "notification_acknowledged"
    notification_id: int = 0

    def object_ref(self):
        return "notification", str(self.notification_id)


@dataclasses.dataclass(frozen=True)
class CaseChanged(AuditEventData):
    """A case was opened, allocated or closed."""

    name: ClassVar[str] = "case_changed"
    case_id: int = 0
    change: str = ""
    reason: str = ""

    def object_ref(self):
        return "case", str(self.case_id)


@dataclasses.dataclass(frozen=True)
class WorkEscalated(AuditEventData):
    """Overdue work was escalated to a manager."""

    name: ClassVar[str] = "work_escalated"
    kind: str = ""
    item_id: int = 0
    to: str = ""
