"""Screening on the pages: the section on a child's page for the roles that see every agency's concerns,
and the warning a police officer sees first when the child may be a victim of exploitation."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from joinedup.core import clock
from joinedup.identity.models import Alert, AlertChild, AlertStatus
from joinedup.records.models import Child, Concern
from joinedup.screening.queries import observations_for_child, screen_child
from tests.web.conftest import NEUTRAL, WIDE

WARNING = "Before you act: this child may be a victim of exploitation"


def _recent(days=10):
    return (clock.now() - dt.timedelta(days=days)).isoformat()


def _child_page(client, child_id):
    return client.get(reverse("child_detail", args=[child_id]))


@pytest.fixture
def screened(submit):
    """Kayleigh (born 2010): police saw her get into a car with unknown adults, and the school reported
    she stays out late, both in the last fortnight; no disclosure (no child's words). Level 2."""
    first = submit("police", received_at=_recent(5), child_words="", indicators=["vehicles_unknown_adults"])
    submit("school", received_at=_recent(12), child_words="", categories=["school_attendance"],
           indicators=["staying_out_late"], mentions=[])
    return first.child_ids[0]


@pytest.fixture
def unworried(submit):
    """A child with one neglect concern and no exploitation indicators."""
    return submit("school", received_at=_recent(), children=[
        {"ref": "NA-77", "given_name": "Robin", "family_name": "Calmfield", "dob": "2009-02-03"}
    ], **NEUTRAL).child_ids[0]


def test_observations_come_from_every_agencys_current_concerns(screened):
    observations = observations_for_child(Child.objects.get(pk=screened))
    assert {(o.code, o.agency) for o in observations} == {
        ("vehicles_unknown_adults", "Northtown Police"), ("staying_out_late", "Northtown Academy"),
    }
    result = screen_child(Child.objects.get(pk=screened))
    assert (result.score, result.level.number) == (6, 2)


def test_a_withdrawn_concern_is_not_screened(users, submit):
    from joinedup.records.services import withdraw_concern

    result = submit("police", received_at=_recent(), child_words="")
    withdraw_concern(users.alice, Concern.objects.get(pk=result.concern_id), "recorded about the wrong child")
    assert observations_for_child(Child.objects.get(pk=result.child_ids[0])) == []


def test_a_sexual_exploitation_concern_in_the_childs_words_is_a_disclosure(submit):
    child_id = submit("police", received_at=_recent()).child_ids[0]  # "He said he'd get me a phone."
    result = screen_child(Child.objects.get(pk=child_id))
    assert result.level.number == 4
    assert result.overrides[0].sources[0].agency == "Northtown Police"


def test_a_child_aged_13_or_under_is_flagged(submit):
    child_id = submit("police", received_at=_recent(), child_words="", children=[
        {"ref": "K-9", "given_name": "Mia", "family_name": "Youngtest", "dob": (clock.now().date().replace(day=1)
                                                                             - dt.timedelta(days=365 * 12)).isoformat()}
    ]).child_ids[0]
    result = screen_child(Child.objects.get(pk=child_id))
    assert result.young_child and result.level.number >= 3


def test_ethnicity_in_the_records_changes_nothing(submit):
    def child(ethnicity, ref):
        return submit("police", received_at=_recent(), child_words="", children=[
            {"ref": ref, "given_name": f"Alex{ref}", "family_name": "Sametest", "dob": "2009-05-05",
             "ethnicity": ethnicity, "nationality": ethnicity and "British"}
        ]).child_ids[0]

    stated, unstated = (screen_child(Child.objects.get(pk=child(e, r))) for e, r in (("Pakistani", "E1"), ("", "E2")))
    assert (stated.score, stated.level, stated.young_child) == (unstated.score, unstated.level, unstated.young_child)


@pytest.mark.parametrize("username", WIDE)
def test_the_screening_shows_for_roles_that_see_every_agency(login, screened, username):
    response = _child_page(login(username), screened)
    page = response.content.decode()
    assert "Screening for exploitation" in page
    assert "Concern that the child may be being groomed or targeted for sexual exploitation" in page
    assert "Getting into vehicles driven by unknown adults" in page and "Northtown Academy" in page
    assert response.context["screening"].level.number == 2


def test_the_screening_does_not_show_for_a_school_dsl(login, screened):
    response = _child_page(login("sam"), screened)
    assert response.status_code == 200
    assert "Screening for exploitation" not in response.content.decode()
    assert "screening" not in response.context


def test_a_new_concern_rescreens_the_child(login, submit, screened):
    client = login("alice")
    assert _child_page(client, screened).context["screening"].level.number == 2
    submit("health", received_at=_recent(2), child_words="", categories=["sexual_exploitation"],
           indicators=["missing_overnight", "online_grooming"], mentions=[])
    assert _child_page(client, screened).context["screening"].level.number == 4  # 16 points


def test_a_police_officer_is_warned_first_about_a_screened_child(login, screened):
    page = _child_page(login("peter"), screened).content.decode()
    assert WARNING in page
    assert page.index(WARNING) < page.index("<h1")
    assert "level 2 of 4" in page
    assert "getting into vehicles driven by unknown adults" in page


def test_the_warning_is_only_for_police_officers(login, screened):
    assert WARNING not in _child_page(login("alice"), screened).content.decode()


def test_no_warning_for_a_child_with_no_concerns_of_that_kind(login, unworried):
    response = _child_page(login("peter"), unworried)
    assert WARNING not in response.content.decode()
    assert response.context["screening"].level.number == 1


def test_a_police_officer_is_warned_about_a_child_named_in_an_open_alert(login, unworried):
    now = clock.now()
    alert = Alert.objects.create(kind="shared_entity", status=AlertStatus.OPEN, raised_at=now, summary="Same car",
                                 updated_at=now)
    AlertChild.objects.create(alert=alert, child_id=unworried, linked_at=now)
    page = _child_page(login("peter"), unworried).content.decode()
    assert WARNING in page and "Named in 1 open alert" in page
    alert.status = AlertStatus.CLOSED
    alert.save()
    assert WARNING not in _child_page(login("peter"), unworried).content.decode()


def test_a_police_officer_is_warned_first_on_a_concern_about_the_child(login, screened):
    concern = Concern.objects.filter(agency__name="Northtown Academy").get()
    page = login("peter").get(reverse("concern_detail", args=[concern.pk])).content.decode()
    assert WARNING in page and page.index(WARNING) < page.index("<h1")
    assert WARNING not in login("alice").get(reverse("concern_detail", args=[concern.pk])).content.decode()


def test_no_warning_on_a_concern_about_a_child_with_no_concerns_of_that_kind(login, unworried):
    concern = Concern.objects.get()
    page = login("peter").get(reverse("concern_detail", args=[concern.pk])).content.decode()
    assert WARNING not in page


@pytest.mark.parametrize("username", ["alice", "peter"])
def test_the_number_of_queries_on_the_child_page_stays_fixed(login, submit, username, django_assert_max_num_queries):
    client = login(username)
    child_id = submit("police", received_at=_recent(1)).child_ids[0]
    _child_page(client, child_id)  # warm the session
    with CaptureQueriesContext(connection) as one_concern:
        _child_page(client, child_id)
    indicators = ["missing_repeat", "staying_out_late", "isolated", "online_grooming", "school_absence"]
    for i in range(20):
        agency = ("police", "school", "health")[i % 3]
        result = submit(agency, received_at=_recent(2 + i * 20), indicators=indicators[i % 5: i % 5 + 2])
        assert result.child_ids == [child_id]
    with django_assert_max_num_queries(len(one_concern)):
        response = _child_page(client, child_id)
    assert len(response.context["screening"].points) > 1
