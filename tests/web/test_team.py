"""The Team page (overdue work by worker, caseloads against the safe limit, cases waiting for a worker,
escalations) in a fixed number of queries, and a child's case on the child's page."""

import datetime as dt
import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from joinedup.casework import services
from joinedup.casework.models import Case, DecisionKind, Escalation
from joinedup.core import clock
from joinedup.core.models import AuditEvent, User
from joinedup.core.roles import Role
from joinedup.records.models import Concern
from tests.web.conftest import NEUTRAL

NOW = dt.datetime(2024, 3, 5, 10, 0, tzinfo=dt.UTC)
LATER = NOW + dt.timedelta(days=5)


_births = itertools.count()


def _concern(submit, name="Kayleigh", family="Testwood"):
    """A concern about a child of their own (a different date of birth each, so none are matched)."""
    born = dt.date(2008, 1, 1) + dt.timedelta(days=37 * next(_births))
    children = [{"given_name": name, "family_name": family, "dob": born.isoformat()}]
    return Concern.objects.get(pk=submit("school", received_at="2024-03-05T09:00:00+00:00", children=children, **NEUTRAL).concern_id)


def _case_for(users, concern, worker=None):
    """A child-in-need decision opens a case; allocate it to `worker` if given."""
    with clock.frozen(NOW):
        services.record_decision(users.alice, concern, DecisionKind.CHILD_IN_NEED, "Needs an assessment.")
        case = Case.objects.get(child_id=services.child_ids_of(concern)[0], closed_at__isnull=True)
        if worker is not None:
            services.allocate_case(users.maria, case, worker)
    return case


def _action(users, concern, title, days, owner):
    with clock.frozen(NOW):
        return services.add_action(users.alice, concern, services.ActionSpec(title, NOW + dt.timedelta(days=days), owner=owner))


def _worker(users, name):
    maria = users.maria
    return User.objects.create_user(
        username=name, password="x", role=Role.SOCIAL_WORKER, agency=maria.agency, team=maria.team, first_name=name.title(),
        last_name="Worker",
    )


def _team(client):
    with clock.frozen(LATER):
        return client.get(reverse("team"))


def test_it_shows_overdue_work_by_worker(login, users, submit):
    concern = _concern(submit)
    late = _action(users, concern, "Visit the family", 1, users.sunita)
    _action(users, concern, "Not yet due", 10, users.sunita)
    team_late = _action(users, concern, "Team job", 2, None)  # owner_team defaults to Alice's team: not Maria's
    response = _team(login("maria"))
    page = response.content.decode()
    sunita = next(w for w in response.context["workers"] if w["worker"].user == users.sunita)
    assert [a.pk for a in sunita["worker"].overdue] == [late.pk]
    assert "Sunita Tester: 1 overdue" in page and "Overdue by 4 days" in page and "Kayleigh Testwood" in page
    assert "Not yet due" not in page and team_late.title not in page


def test_caseloads_are_shown_against_the_safe_limit(login, users, submit, settings):
    settings.JOINEDUP_SAFE_CASELOAD = 2
    for i in range(3):
        _case_for(users, _concern(submit, f"Child{i}", "Load"), users.sunita)
    _case_for(users, _concern(submit, "Only", "One"), users.maria)
    page = _team(login("maria")).content.decode()
    assert "The safe limit is 2 open cases for each worker." in page
    assert "Over the safe limit" in page and "1 of 2" in page


def test_an_unallocated_case_is_allocated_from_the_page(login, users, submit):
    case = _case_for(users, _concern(submit))
    client = login("maria")
    page = _team(client).content.decode()
    assert "Cases waiting for a worker" in page and f'data-case="{case.pk}"' in page
    response = client.post(reverse("allocate_case", args=[case.pk]), {"worker": users.sunita.pk}, follow=True)
    case.refresh_from_db()
    assert case.allocated_worker == users.sunita
    assert "is allocated to Sunita Tester" in response.content.decode()
    assert "Every open case has a worker." in response.content.decode()
    assert AuditEvent.objects.filter(event="case_changed", actor=users.maria).exists()


def test_allocating_to_someone_outside_the_team_is_refused(login, users, submit):
    case = _case_for(users, _concern(submit))
    response = login("maria").post(reverse("allocate_case", args=[case.pk]), {"worker": users.alice.pk}, follow=True)
    case.refresh_from_db()
    assert case.allocated_worker is None
    assert "Choose a worker to allocate the case to." in response.content.decode()


def test_escalations_for_the_team_are_listed_newest_first(login, users, submit):
    concern = _concern(submit)
    for i, day in enumerate((1, 3, 2)):
        Escalation.objects.create(
            kind="action", item_id=i + 1, concern=concern, title=f"Escalation {day}", due_at=NOW, team=users.maria.team,
            created_at=NOW + dt.timedelta(days=day),
        )
    Escalation.objects.create(kind="action", item_id=9, concern=concern, title="Another team's", due_at=NOW, team=users.alice.team)
    page = _team(login("maria")).content.decode()
    assert page.index("Escalation 3") < page.index("Escalation 2") < page.index("Escalation 1")
    assert "Another team&#x27;s" not in page


@pytest.mark.parametrize("size", [2, 12])
def test_the_team_page_runs_a_fixed_number_of_queries(login, users, submit, size, django_assert_max_num_queries):
    client = login("maria")
    concern = _concern(submit)
    _case_for(users, concern, users.sunita)
    _case_for(users, _concern(submit, "Waiting", "Case"))
    _action(users, concern, "Late", 1, users.sunita)
    Escalation.objects.create(kind="action", item_id=1, concern=concern, title="Escalated", due_at=NOW, team=users.maria.team)
    _team(client)
    with CaptureQueriesContext(connection) as small:
        _team(client)
    for i in range(size):
        worker = _worker(users, f"worker{i}")
        _case_for(users, _concern(submit, f"Child{i}", "Many"), worker)
        _case_for(users, _concern(submit, f"Unallocated{i}", "Many"))
        _action(users, concern, f"Late {i}", 1 + i % 3, worker)
        Escalation.objects.create(kind="action", item_id=100 + i, concern=concern, title=f"E{i}", due_at=NOW, team=users.maria.team)
    with django_assert_max_num_queries(len(small)):
        response = _team(client)
    assert len(response.context["workers"]) == size + 2
    assert len(response.context["cases"]) == size + 1


def test_the_childs_page_shows_the_open_case_and_actions_and_refuses_to_close_it_while_work_is_open(login, users, submit):
    concern = _concern(submit)
    case = _case_for(users, concern, users.sunita)
    child_id = case.child_id
    client = login("sunita")
    page = client.get(reverse("child_detail", args=[child_id])).content.decode()
    assert "Allocated worker" in page and "Sunita Tester" in page
    assert "Complete the child-in-need assessment" in page
    assert "The case cannot close while 1 action is open" in page
    url = reverse("close_case", args=[child_id])
    page = client.post(url, {"close-reason": ""}).content.decode()
    assert "Enter why the case is closing" in page
    page = client.post(url, {"close-reason": "Assessment done"}).content.decode()
    assert "govuk-error-summary" in page and "The child has 1 open action(s); complete or cancel them first." in page
    assert Case.objects.get(pk=case.pk).closed_at is None
    assessment = concern.actions.get(kind="assessment")
    services.complete_action(users.sunita, assessment, "Assessment complete: no further needs.")
    response = client.post(url, {"close-reason": "Assessment complete"}, follow=True)
    assert Case.objects.get(pk=case.pk).closure_reason == "Assessment complete"
    page = response.content.decode()
    assert "is closed" in page and "The child has no open case." in page
