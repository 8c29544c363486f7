"""The front-door queue: every agency's open concerns, most urgent first, each with its clock, in a
fixed number of queries however long the queue."""

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from joinedup.core import clock
from joinedup.records.models import Concern
from joinedup.records.services import withdraw_concern


def _references(response) -> list[str]:
    return [entry["concern"].reference for entry in response.context["entries"]]


def test_it_shows_open_concerns_from_every_agency_most_urgent_first(login, submit, users):
    low = submit("health", categories=["school_attendance"], indicators=[], received_at="2024-03-05T09:00:00+00:00")
    high = submit("school", received_at="2024-03-01T09:00:00+00:00")
    newer_high = submit("police", received_at="2024-03-04T09:00:00+00:00")
    gone = submit("youth", received_at="2024-03-06T09:00:00+00:00")
    withdraw_concern(users.alice, Concern.objects.get(pk=gone.concern_id), "sent twice")
    response = login("alice").get(reverse("front_door"))
    assert _references(response) == [newer_high.reference, high.reference, low.reference]


def test_each_row_shows_the_child_the_agency_the_kind_and_the_clock(login, submit):
    result = submit("school", received_at="2024-03-04T10:00:00+00:00")
    with clock.frozen(dt.datetime(2024, 3, 20, tzinfo=dt.UTC)):
        page = login("alice").get(reverse("front_door")).content.decode()
    assert result.reference in page
    assert "Northtown Academy" in page
    assert f'href="/children/{result.child_ids[0]}/"' in page and "Kayleigh Testwood" in page
    assert "Child sexual exploitation" in page
    assert "Possible sexual abuse or exploitation" in page
    assert "Overdue" in page


def test_a_concern_still_in_time_is_not_overdue(login, submit):
    submit("school", received_at="2024-03-04T10:00:00+00:00")  # due by the end of 5 March
    with clock.frozen(dt.datetime(2024, 3, 4, 12, tzinfo=dt.UTC)):
        page = login("alice").get(reverse("front_door")).content.decode()
    assert "Overdue" not in page
    assert "5 Mar, 11:59pm" in page


def test_it_filters_by_agency_category_age_of_concern_and_childs_age(login, submit):
    police = submit("police", received_at="2024-03-10T10:00:00+00:00")
    school = submit(
        "school", categories=["neglect"], indicators=[], received_at="2024-01-10T10:00:00+00:00",
        children=[{"given_name": "Ben", "family_name": "Young", "dob": "2019-01-01"}],
    )
    client = login("alice")
    school_agency = Concern.objects.get(pk=school.concern_id).agency_id
    with clock.frozen(dt.datetime(2024, 3, 11, tzinfo=dt.UTC)):
        assert _references(client.get(reverse("front_door"), {"agency": school_agency})) == [school.reference]
        assert _references(client.get(reverse("front_door"), {"category": "neglect"})) == [school.reference]
        assert _references(client.get(reverse("front_door"), {"received": "week"})) == [police.reference]
        assert _references(client.get(reverse("front_door"), {"received": "older"})) == [school.reference]
        assert _references(client.get(reverse("front_door"), {"age_band": "0-10"})) == [school.reference]
        assert _references(client.get(reverse("front_door"), {"age_band": "11-13"})) == [police.reference]


def test_it_is_paginated_fifty_to_a_page(login, submit):
    for _ in range(51):
        submit("police")
    client = login("alice")
    assert len(client.get(reverse("front_door")).context["entries"]) == 50
    second = client.get(reverse("front_door"), {"page": 2})
    assert len(second.context["entries"]) == 1
    assert b'rel="prev"' in second.content


def test_the_number_of_queries_does_not_grow_with_the_queue(login, submit, django_assert_max_num_queries):
    client = login("alice")
    submit("police")
    client.get(reverse("front_door"))  # warm the session
    with CaptureQueriesContext(connection) as one_concern:
        client.get(reverse("front_door"))
    for i in range(29):
        submit("school" if i % 2 else "health", children=[
            {"given_name": f"Child{i}", "family_name": "Queue"}, {"given_name": f"Sibling{i}", "family_name": "Queue"}
        ])
    with django_assert_max_num_queries(len(one_concern)):
        response = client.get(reverse("front_door"))
    assert len(response.context["entries"]) == 30


def test_a_decided_concern_leaves_the_queue_and_one_not_signed_off_comes_back(login, submit, users):
    from joinedup.casework.services import record_decision, sign_off

    decided = Concern.objects.get(pk=submit("school", categories=["neglect"], indicators=[], mentions=[]).concern_id)
    waiting = Concern.objects.get(pk=submit("police", mentions=[]).concern_id)
    untouched = submit("health")
    record_decision(users.alice, decided, "early_help", "Family agreed.")
    nfa = record_decision(users.alice, waiting, "no_further_action", "Nothing more to do.")
    client = login("alice")
    assert _references(client.get(reverse("front_door"))) == [untouched.reference]
    sign_off(users.maria, nfa, False, "Exploitation not considered: decide again.")
    assert set(_references(client.get(reverse("front_door")))) == {untouched.reference, waiting.reference}


def test_the_number_of_overdue_decisions_is_shown_at_the_top(login, submit, users):
    from joinedup.casework.services import record_decision

    for day in ("01", "02", "03"):
        submit("police", received_at=f"2024-03-{day}T09:00:00+00:00")
    decided = Concern.objects.get(pk=submit("school", received_at="2024-03-01T09:00:00+00:00").concern_id)
    submit("health", received_at="2024-03-11T09:00:00+00:00")  # still in time
    record_decision(users.alice, decided, "strategy_discussion", "Significant harm suspected.")
    with clock.frozen(dt.datetime(2024, 3, 11, 12, tzinfo=dt.UTC)):
        response = login("alice").get(reverse("front_door"))
    page = response.content.decode()
    assert 'data-overdue-decisions="3"' in page and "3 decisions are overdue." in page
    with clock.frozen(dt.datetime(2024, 3, 1, 12, tzinfo=dt.UTC)):
        page = login("alice").get(reverse("front_door")).content.decode()
    assert "No decisions are overdue." in page
