import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command

from joinedup.casework.models import Escalation
from joinedup.core import clock
from joinedup.core.models import AuditEvent
from tests.factories import concern_data
from tests.records.helpers import jsonl, run_import

pytestmark = pytest.mark.django_db


def test_overdue_work_is_escalated_to_the_front_door_manager_once(users, settings, capsys, django_capture_on_commit_callbacks):
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    manager = users.maria
    alice = users.alice
    manager.team, manager.email = alice.team, "manager@example.invalid"
    manager.save()
    run_import(jsonl(concern_data("school", received_at="2024-03-04T10:00:00+00:00", categories=["neglect"], indicators=[], mentions=[])))
    with clock.frozen(dt.datetime(2024, 3, 6, 9, 0, tzinfo=dt.UTC)):
        with django_capture_on_commit_callbacks(execute=True):
            call_command("escalate")
            call_command("escalate")
    escalation = Escalation.objects.get()
    assert escalation.kind == "referral_decision" and escalation.team == alice.team
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["manager@example.invalid"]
    assert AuditEvent.objects.filter(event="work_escalated").count() == 1
    assert "escalated 0 overdue" in capsys.readouterr().out.splitlines()[-1]


def test_nothing_is_escalated_before_it_is_due(users):
    assert users.alice  # the front-door team exists
    run_import(jsonl(concern_data("school", received_at="2024-03-04T10:00:00+00:00")))
    with clock.frozen(dt.datetime(2024, 3, 5, 12, 0, tzinfo=dt.UTC)):
        call_command("escalate")
    assert not Escalation.objects.exists()
