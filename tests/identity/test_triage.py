"""Triage of alerts: append-only decisions with a rationale; "no action" closes an alert only when a
different person, a team manager, signs it off; nothing is dismissed silently."""

import pytest

from joinedup.core.models import AuditEvent
from joinedup.identity import triage
from joinedup.identity.models import Alert, AlertTriage
from joinedup.records.services import RefusedError

pytestmark = pytest.mark.django_db


@pytest.fixture
def alert(users, submit):
    for n, agency in ((1, "police"), (2, "school")):
        submit(agency, children=[{"given_name": f"Triage{n}", "family_name": f"Child{n}", "dob": f"2011-0{n}-0{n}"}],
               mentions=[{"kind": "vehicle", "role": "transported_child", "plate": "TR11 AGE"}])
    return Alert.objects.get()


@pytest.mark.parametrize("decision", ["investigation", "strategy_discussion"])
def test_an_action_marks_the_alert_actioned_and_is_audited(users, alert, decision):
    row = triage.triage_alert(users.anna, alert, decision, "Two agencies, one car.")
    alert.refresh_from_db()
    assert alert.status == "actioned"
    event = AuditEvent.objects.get(event="alert_triaged")
    assert event.reason == "Two agencies, one car." and event.detail["decision"] == decision
    assert event.detail["triage_id"] == row.pk


def test_sharing_names_the_agency(users, alert):
    row = triage.triage_alert(users.peter, alert, "share", "Health should know.", share_with=users.harriet.agency)
    assert row.share_with == users.harriet.agency
    assert AuditEvent.objects.get(event="alert_triaged").detail["share_with"] == "Northtown Health"


@pytest.mark.parametrize("username,decision,rationale,message", [
    ("sam", "investigation", "Because.", "Only analysts"),
    ("maria", "investigation", "Because.", "Only analysts"),
    ("anna", "investigation", "   ", "Give the reasons"),
    ("anna", "dismiss", "Because.", "Choose what to do"),
    ("anna", "share", "Because.", "Choose the agency"),
])
def test_it_refuses_a_triage_that_is_not_allowed_or_not_explained(users, alert, username, decision, rationale, message):
    with pytest.raises(RefusedError, match=message):
        triage.triage_alert(getattr(users, username), alert, decision, rationale)
    assert not AlertTriage.objects.exists()


def test_a_decided_alert_cannot_be_triaged_again(users, alert):
    triage.triage_alert(users.anna, alert, "investigation", "Open it.")
    with pytest.raises(RefusedError, match="already been decided"):
        triage.triage_alert(users.peter, alert, "no_action", "Nothing here.")


def test_no_action_keeps_the_alert_open_until_a_manager_signs_it_off(users, alert):
    pending = triage.triage_alert(users.alice, alert, "no_action", "Known family friend.")
    alert.refresh_from_db()
    assert alert.status == "open"
    assert triage.pending_no_action(alert) == pending
    with pytest.raises(RefusedError, match="waiting for a manager"):
        triage.triage_alert(users.anna, alert, "investigation", "Second opinion.")
    with pytest.raises(RefusedError, match="Only a team manager"):
        triage.sign_off_no_action(users.anna, alert, True, "Fine by me.")
    triage.sign_off_no_action(users.maria, alert, True, "Agreed.")
    alert.refresh_from_db()
    assert alert.status == "closed"
    assert triage.pending_no_action(alert) is None
    assert AlertTriage.objects.count() == 2  # append-only: the decision and its sign-off


def test_a_refused_sign_off_needs_a_new_decision(users, alert):
    triage.triage_alert(users.alice, alert, "no_action", "Known family friend.")
    triage.sign_off_no_action(users.maria, alert, False, "Two agencies: look again.")
    alert.refresh_from_db()
    assert alert.status == "open" and triage.pending_no_action(alert) is None
    triage.triage_alert(users.anna, alert, "strategy_discussion", "Looked again.")
    alert.refresh_from_db()
    assert alert.status == "actioned"


def test_nobody_signs_off_their_own_no_action(users, alert):
    pending = triage.triage_alert(users.alice, alert, "no_action", "Nothing.")
    AlertTriage.objects.filter(pk=pending.pk).update(created_by=users.maria)
    with pytest.raises(RefusedError, match="Someone else"):
        triage.sign_off_no_action(users.maria, alert, True, "Fine.")
    with pytest.raises(RefusedError, match="Give a reason"):
        triage.sign_off_no_action(users.maria, alert, True, " ")


def test_a_view_is_recorded_with_the_role_as_its_reason(users, alert):
    triage.record_alert_view(users.anna, alert)
    event = AuditEvent.objects.get(event="alert_viewed")
    assert event.reason == "role: Intelligence analyst" and event.object_type == "alert"


def test_a_new_alert_is_due_triage_within_a_working_day_and_triage_completes_it(db):
    import datetime as dt

    from joinedup.casework.models import Action, ActionStatus
    from joinedup.casework.overdue import overdue_as_of
    from joinedup.identity import triage as triage_service
    from joinedup.identity.models import Alert
    from tests import factories
    from tests.records.helpers import jsonl, run_import

    factories.user("alice")
    rows = [
        factories.concern_data("police", children=[{"ref": f"K-{n}", "given_name": f"Kid{n}", "family_name": f"Fam{n}"}],
                               mentions=[{"kind": "vehicle", "role": "transported_child", "plate": "YK62 HBD"}],
                               received_at=f"2024-03-0{n}T10:00:00+00:00")
        for n in (4, 5)
    ]
    run_import(jsonl(*rows), replay=True)
    alert = Alert.objects.get()
    work = Action.objects.get(alert=alert)
    assert work.kind == "alert_triage" and work.due_at.date() == dt.date(2024, 3, 6)
    late = [i for i in overdue_as_of(dt.datetime(2024, 3, 7, tzinfo=dt.UTC)) if i.kind == "alert_triage"]
    assert len(late) == 1
    triage_service.triage_alert(factories.user("anna"), alert, "investigation", "Known vehicle; open an investigation.")
    assert Action.objects.get(pk=work.pk).status == ActionStatus.DONE


def test_triage_work_cannot_be_ticked_off_without_deciding_on_the_alert(db):
    import pytest as _pytest

    from joinedup.casework import services as casework
    from joinedup.casework.models import Action
    from joinedup.records.services import RefusedError
    from tests import factories
    from tests.records.helpers import jsonl, run_import

    alice = factories.user("alice")
    rows = [
        factories.concern_data("police", children=[{"ref": f"K-{n}", "given_name": f"Kid{n}", "family_name": f"Fam{n}"}],
                               mentions=[{"kind": "vehicle", "role": "transported_child", "plate": "YK62 HBD"}],
                               received_at=f"2024-03-0{n}T10:00:00+00:00")
        for n in (4, 5)
    ]
    run_import(jsonl(*rows), replay=True)
    with _pytest.raises(RefusedError, match="decision on the alert"):
        casework.complete_action(alice, Action.objects.get(kind="alert_triage"), "done")
