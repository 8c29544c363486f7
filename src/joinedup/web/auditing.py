"""Audit events that pages write themselves (the records app audits reads of children and concerns)."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from joinedup.core import audit


@transaction.atomic
def record_audit_search(user, query: dict[str, Any]) -> None:
    """Searching the audit trail is itself audited, with what was searched for."""
    audit.record(audit.AuditSearched(query=query), user)
