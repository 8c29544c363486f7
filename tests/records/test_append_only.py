"""Case data is append-only, and every write is audited in the same transaction."""

import pytest
from django.db import transaction

from joinedup.core import audit
from joinedup.core.models import AuditEvent
from joinedup.records import services
from joinedup.records.models import Concern, ConcernStatus, ConcernVersion

pytestmark = pytest.mark.django_db


def test_a_correction_keeps_the_old_version_and_is_audited(submit, users):
    first = submit("police", source_ref="NTP-9")
    second = submit("police", source_ref="NTP-9", summary="Corrected account.")
    assert (first.outcome, second.outcome) == ("created", "version")
    assert ConcernVersion.objects.filter(concern_id=first.concern_id).count() == 2
    assert AuditEvent.objects.filter(event="concern_corrected", detail__version=2).count() == 1


def test_a_withdrawal_keeps_the_concern_with_its_reason(submit, users):
    result = submit("police")
    concern = Concern.objects.get(pk=result.concern_id)
    services.withdraw_concern(users.alice, concern, "sent to the wrong authority")
    concern.refresh_from_db()
    assert concern.status == ConcernStatus.WITHDRAWN
    assert concern.withdrawn_reason == "sent to the wrong authority"
    assert concern.versions.count() == 1
    event = AuditEvent.objects.get(event="concern_withdrawn")
    assert event.actor == users.alice and event.reason == "sent to the wrong authority"


def test_a_withdrawal_needs_a_reason(submit, users):
    concern = Concern.objects.get(pk=submit("police").concern_id)
    with pytest.raises(services.RefusedError):
        services.withdraw_concern(users.alice, concern, "  ")


def test_audit_events_cannot_be_changed_or_deleted(submit):
    submit("police")
    event = AuditEvent.objects.first()
    event.reason = "tampered"
    with pytest.raises(RuntimeError):
        event.save()
    with pytest.raises(RuntimeError):
        event.delete()


def test_an_audit_event_outside_a_transaction_is_refused(transactional_db):
    with pytest.raises(RuntimeError, match="inside the transaction"):
        audit.record(audit.ChildSearched(query="x"))


def test_a_failed_write_leaves_no_audit_event(submit, users):
    concern = Concern.objects.get(pk=submit("police").concern_id)
    before = AuditEvent.objects.count()
    with pytest.raises(ZeroDivisionError):
        with transaction.atomic():
            services.withdraw_concern(users.alice, concern, "reason")
            raise ZeroDivisionError
    assert AuditEvent.objects.count() == before
    concern.refresh_from_db()
    assert concern.status == ConcernStatus.OPEN


def test_each_write_names_who_did_it(submit, users):
    result = submit("police", actor=users.alice)
    event = AuditEvent.objects.get(event="concern_recorded", detail__concern_id=result.concern_id)
    assert event.actor == users.alice
    assert "alice" in event.actor_label and event.child_id == result.child_ids[0]


def test_only_the_sending_agency_or_the_front_door_can_withdraw(submit, users):
    concern = Concern.objects.get(pk=submit("police").concern_id)
    for outsider in (users.sam, users.audrey, users.sunita):
        with pytest.raises(services.RefusedError):
            services.withdraw_concern(outsider, concern, "not mine")
    services.withdraw_concern(users.peter, concern, "duplicate of another report")
    assert Concern.objects.get(pk=concern.pk).status == ConcernStatus.WITHDRAWN
