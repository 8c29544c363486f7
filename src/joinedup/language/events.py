"""Audit events of the language check (see core/audit.py for the mechanism)."""

from __future__ import annotations

import dataclasses
from typing import ClassVar

from joinedup.core.audit import AuditEventData

# The audit trail's object type for each kind of checked text.
OBJECT_TYPES = {
    "concern": "concern",
    "decision": "decision",
    "action_note": "action",
    "sign_off_note": "sign_off",
    "withdrawal": "concern",
}


@dataclasses.dataclass(frozen=True)
class LanguageKept(AuditEventData):
    """A text was saved with phrases the language checker flagged: on a page, the writer was shown why
    each may blame the child and what to write instead, and chose "keep my words"; through the API, the
    agency system was sent them as warnings."""

    name: ClassVar[str] = "language_kept"
    record_kind: str = ""
    record_id: int = 0
    check_id: int = 0
    phrases: list[str] = dataclasses.field(default_factory=list)
    rules: list[str] = dataclasses.field(default_factory=list)
    channel: str = "web"

    def object_ref(self) -> tuple[str, str]:
        return OBJECT_TYPES.get(self.record_kind, self.record_kind), str(self.record_id)
