"""The audit trail stores whatever text a person typed: a NUL (which PostgreSQL refuses in text and JSON)
is kept as U+FFFD rather than failing the write it audits, in single and bulk writes alike."""

from django.db import transaction

from joinedup.core import audit, clock
from joinedup.core.models import AuditEvent
from joinedup.records.services import record_child_search


def test_a_nul_in_a_search_is_audited_not_refused(users):
    record_child_search(users.alice, "Kay\x00leigh", 0)
    event = AuditEvent.objects.get(event="child_searched")
    assert event.detail["query"] == "Kay\ufffdleigh"


def test_a_nul_in_a_reason_and_a_bulk_write_is_kept_as_a_replacement_character(users):
    with transaction.atomic():
        audit.record(audit.ConcernWithdrawn(concern_id=1, reference="JU-0000001", reason="dup\x00licate"), users.alice)
        audit.record_many([(audit.ConcernViewed(concern_id=2, access="a\x00b"), users.alice, clock.now())])
    withdrawn = AuditEvent.objects.get(event="concern_withdrawn")
    assert withdrawn.reason == "dup\ufffdlicate"
    assert AuditEvent.objects.get(event="concern_viewed").detail["access"] == "a\ufffdb"
