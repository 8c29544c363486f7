"""My work and one action's page: due and overdue work soonest first, what the agency must acknowledge,
and completing, cancelling and reassigning an action, each refused when it should be."""

import datetime as dt

import pytest
from django.urls import reverse

from joinedup.casework import services
from joinedup.casework.models import Action, ActionStatus, Notification, Reassignment
from joinedup.core import clock
from joinedup.core.models import AuditEvent
from joinedup.records.models import Concern
from tests.web.conftest import NEUTRAL

NOW = dt.datetime(2024, 3, 5, 10, 0, tzinfo=dt.UTC)


def _add(users, concern, title, days, **owner):
    with clock.frozen(NOW):
        return services.add_action(users.alice, concern, services.ActionSpec(title, NOW + dt.timedelta(days=days), **owner))


@pytest.fixture
def concern(submit):
    return Concern.objects.get(pk=submit("school", received_at="2024-03-05T09:00:00+00:00", **NEUTRAL).concern_id)


def test_it_lists_the_users_work_soonest_first_with_overdue_marked(login, users, concern):
    later = _add(users, concern, "Review the plan", 10, owner=users.sunita)
    overdue = _add(users, concern, "Visit the family", 1, owner=users.sunita)
    team = _add(users, concern, "Call the school", 4, owner_team=users.sunita.team)
    _add(users, concern, "Someone else's", 2, owner=users.maria)
    with clock.frozen(NOW + dt.timedelta(days=3)):
        response = login("sunita").get(reverse("my_work"))
    assert [e["action"].pk for e in response.context["entries"]] == [overdue.pk, team.pk, later.pk]
    page = response.content.decode()
    assert "Overdue by 2 days" in page and "Due tomorrow" in page and "Due in 7 days" in page
    assert "Kayleigh Testwood" in page
    assert "Child protection team (anyone in the team)" in page and "Yours" in page


def test_a_police_user_acknowledges_what_their_agency_was_told(login, users, followed):
    client = login("peter")
    page = client.get(reverse("my_work")).content.decode()
    assert "To acknowledge" in page and "Invited to a strategy discussion" in page
    assert followed.concern.reference in page and "Acknowledge" in page
    response = client.post(reverse("acknowledge_notification", args=[followed.police_note.pk]), follow=True)
    assert "Acknowledged: invited to a strategy discussion" in response.content.decode()
    note = Notification.objects.get(pk=followed.police_note.pk)
    assert note.acknowledged_by == users.peter
    assert "To acknowledge" not in response.content.decode()
    assert AuditEvent.objects.filter(event="notification_acknowledged", actor=users.peter).exists()
    again = client.post(reverse("acknowledge_notification", args=[followed.police_note.pk]), follow=True)
    assert "This has already been acknowledged." in again.content.decode()


def test_a_health_user_notified_of_a_strategy_discussion_can_open_the_concern(login, followed):
    client = login("harriet")
    page = client.get(reverse("my_work")).content.decode()
    assert followed.concern.reference in page
    assert reverse("concern_detail", args=[followed.concern.pk]) in page
    assert client.get(reverse("concern_detail", args=[followed.concern.pk])).status_code == 200


def test_the_action_page_shows_the_concern_child_rule_and_due_date(login, followed):
    page = login("sunita").get(reverse("action_detail", args=[followed.action.pk])).content.decode()
    assert "Visit the family" in page
    assert followed.concern.reference in page and "Kayleigh Testwood" in page
    assert "Due date set by Alice Tester when deciding" in page
    assert "Due in 3 days" in page or "Due in 2 days" in page
    assert "It has not been reassigned." in page
    assert AuditEvent.objects.filter(event="concern_viewed", actor__username="sunita").exists()
    strategy = Action.objects.get(kind="strategy_discussion")
    page = login("alice").get(reverse("action_detail", args=[strategy.pk])).content.decode()
    assert "Strategy discussion: within 1 working day (local rule)" in page


def test_completing_needs_a_note_and_is_recorded(login, users, followed):
    client = login("sunita")
    url = reverse("action_complete", args=[followed.action.pk])
    page = client.post(url, {"complete-reason": " "}).content.decode()
    assert "govuk-error-summary" in page and 'href="#id_complete-reason"' in page and "Enter what was done" in page
    response = client.post(url, {"complete-reason": "Visited; mother engaged."}, follow=True)
    action = Action.objects.get(pk=followed.action.pk)
    assert (action.status, action.completion_note, action.closed_by) == (ActionStatus.DONE, "Visited; mother engaged.", users.sunita)
    page = response.content.decode()
    assert "Done: “Visit the family” is complete." in page and "Mark as done" not in page
    assert AuditEvent.objects.filter(event="action_closed", actor=users.sunita).exists()


def test_cancelling_needs_a_reason(login, followed):
    client = login("sunita")
    url = reverse("action_cancel", args=[followed.action.pk])
    assert "Enter why the action is being cancelled" in client.post(url, {"cancel-reason": ""}).content.decode()
    client.post(url, {"cancel-reason": "Family moved away; transferred."})
    action = Action.objects.get(pk=followed.action.pk)
    assert (action.status, action.completion_note) == (ActionStatus.CANCELLED, "Family moved away; transferred.")


def test_a_closed_action_cannot_be_completed_again(login, followed):
    client = login("sunita")
    client.post(reverse("action_cancel", args=[followed.action.pk]), {"cancel-reason": "Not needed."})
    page = client.post(reverse("action_complete", args=[followed.action.pk]), {"complete-reason": "done"}).content.decode()
    assert "This action is already closed." in page


def test_reassigning_to_a_person_or_a_team_is_recorded_with_the_reason(login, users, followed):
    client = login("maria")
    url = reverse("action_reassign", args=[followed.action.pk])
    page = client.post(url, {"reassign-owner": "", "reassign-reason": ""}).content.decode()
    assert "Choose a person or a team" in page and "Enter why it is being reassigned" in page
    response = client.post(url, {"reassign-owner": f"user:{users.maria.pk}", "reassign-reason": "Sunita is on leave"}, follow=True)
    assert "was reassigned to Maria Tester" in response.content.decode()
    client.post(url, {"reassign-owner": f"team:{users.alice.team_id}", "reassign-reason": "Back to the front door"})
    moves = list(Reassignment.objects.order_by("pk"))
    assert [(m.from_owner, m.to_owner, m.to_team) for m in moves] == [
        (users.sunita, users.maria, None), (users.maria, None, users.alice.team),
    ]
    page = client.get(reverse("action_detail", args=[followed.action.pk])).content.decode()
    assert "Sunita is on leave" in page and "Back to the front door" in page
    assert AuditEvent.objects.filter(event="action_reassigned", actor=users.maria).count() == 2


def test_a_front_door_worker_may_see_but_not_complete_someone_elses_action(login, followed):
    client = login("alice")
    page = client.get(reverse("action_detail", args=[followed.action.pk])).content.decode()
    assert "Mark as done" not in page and "Reassign" not in page
    page = client.post(reverse("action_complete", args=[followed.action.pk]), {"complete-reason": "done"}).content.decode()
    assert "Only the action&#x27;s owner, their team or their manager can complete it." in page
    assert Action.objects.get(pk=followed.action.pk).status == ActionStatus.OPEN


def test_my_work_runs_a_fixed_number_of_queries(login, users, concern, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = login("sunita")
    _add(users, concern, "First", 3, owner=users.sunita)
    client.get(reverse("my_work"))
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("my_work"))
    for i in range(25):
        _add(users, concern, f"Action {i}", 2 + i % 5, **({"owner": users.sunita} if i % 2 else {"owner_team": users.sunita.team}))
    with django_assert_max_num_queries(len(one)):
        response = client.get(reverse("my_work"))
    assert len(response.context["entries"]) == 26


def test_someone_in_no_team_sees_only_their_own_work(login, users, concern):
    mine = _add(users, concern, "Mine", 3, owner=users.sunita)
    Action.objects.create(kind="action", title="Nobody's", concern=concern, due_at=NOW, created_at=NOW)  # no owner, no team
    sunita = users.sunita
    sunita.team = None
    sunita.save()
    response = login("sunita").get(reverse("my_work"))
    assert [e["action"].pk for e in response.context["entries"]] == [mine.pk]
