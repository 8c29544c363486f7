"""GET /api/concerns/, /api/concerns/{reference}/ and /api/children/{reference}/: what they show."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from joinedup.records.models import Child, Concern
from joinedup.records.services import merge_children, withdraw_concern
from tests.factories import concern_data

pytestmark = pytest.mark.django_db


def test_a_concern_shows_its_current_version_exactly_as_received(callers):
    record = concern_data("police")
    reference = callers.police_system.post("/api/concerns/", record).json()["reference"]
    corrected = {**record, "summary": "Corrected summary."}
    callers.police_system.post("/api/concerns/", corrected)
    body = callers.police_system.get(f"/api/concerns/{reference}/").json()
    assert body["record"] == corrected
    assert (body["version"], body["versions"], body["status"]) == (2, [1, 2], "open")
    assert body["source_ref"] == record["source_ref"] and body["agency"] == "Northtown Police"
    assert len(body["children"]) == 1


def test_a_concern_reference_is_read_whatever_its_case(callers):
    reference = callers.police_system.post("/api/concerns/", concern_data("police")).json()["reference"]
    assert callers.police_system.get(f"/api/concerns/{reference.lower()}/").status_code == 200


def test_a_withdrawn_concern_says_so_and_why(callers, submit, users):
    result = submit("police")
    withdraw_concern(users.peter, Concern.objects.get(pk=result.concern_id), "Sent in error.")
    body = callers.peter.get(f"/api/concerns/{result.reference}/").json()
    assert body["status"] == "withdrawn" and body["withdrawn_reason"] == "Sent in error."
    assert body["withdrawn_at"]


def test_the_list_filters_by_source_ref(callers, submit):
    submit("police", source_ref="NTP-1")
    submit("police", source_ref="NTP-2")
    body = callers.police_system.get("/api/concerns/", {"source_ref": "NTP-2"}).json()
    assert [row["source_ref"] for row in body["results"]] == ["NTP-2"]


@pytest.mark.parametrize("since", ["2024-03-05T00:00:00+00:00", "2024-03-05T00:00:00Z", "2024-03-05T00:00:00 00:00"])
def test_the_list_filters_by_received_at(callers, submit, since):
    submit("police", source_ref="OLD", received_at="2024-03-04T10:00:00+00:00")
    submit("police", source_ref="NEW", received_at="2024-03-06T10:00:00+00:00")
    body = callers.police_system.get("/api/concerns/", {"since": since}).json()
    assert [row["source_ref"] for row in body["results"]] == ["NEW"]


@pytest.mark.parametrize("since", ["yesterday", "2024-03-05", "2024-03-05T00:00:00", "0001-01-01T00:00:00+14:00"])
def test_a_bad_since_is_refused_naming_it(callers, since):
    response = callers.police_system.get("/api/concerns/", {"since": since})
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "since"


def test_the_list_is_newest_first_and_paginated(callers, submit):
    for day in (4, 6, 5):
        submit("police", source_ref=f"D{day}", received_at=f"2024-03-0{day}T10:00:00+00:00")
    first = callers.police_system.get("/api/concerns/", {"limit": 2}).json()
    assert first["count"] == 3 and [r["source_ref"] for r in first["results"]] == ["D6", "D5"]
    second = callers.police_system.get(first["next"]).json()
    assert [r["source_ref"] for r in second["results"]] == ["D4"] and second["next"] is None


@pytest.mark.parametrize("params", [{"limit": "99999999999999999999"}, {"offset": "99999999999999999999"},
                                    {"limit": "-1", "offset": "x"}])
def test_absurd_paging_parameters_do_no_harm(callers, submit, params):
    submit("police")
    assert callers.police_system.get("/api/concerns/", params).status_code == 200


def test_the_list_costs_the_same_few_queries_however_long_it_is(callers, submit):
    submit("police")
    callers.police_system.get("/api/concerns/")  # the system's token is issued on first use
    with CaptureQueriesContext(connection) as one:
        callers.police_system.get("/api/concerns/")
    for _ in range(5):
        submit("police")
    with CaptureQueriesContext(connection) as six:
        assert len(callers.police_system.get("/api/concerns/").json()["results"]) == 6
    assert len(six) == len(one) <= 6


def test_a_child_shows_only_the_current_version_of_each_description(callers):
    record = concern_data("police")
    child_ref = callers.police_system.post("/api/concerns/", record).json()["children"][0]
    moved = [{**record["children"][0], "postcode": "NT9 9ZZ"}]
    callers.police_system.post("/api/concerns/", {**record, "children": moved})
    body = callers.police_system.get(f"/api/children/{child_ref}/").json()
    assert [d["postcode"] for d in body["known_as"]] == ["NT9 9ZZ"]
    assert body["reference"] == child_ref and len(body["concerns"]) == 1


def test_a_child_lookup_costs_the_same_few_queries_however_many_concerns_name_them(callers):
    record = concern_data("police")
    child_ref = callers.police_system.post("/api/concerns/", record).json()["children"][0]
    with CaptureQueriesContext(connection) as one:
        callers.police_system.get(f"/api/children/{child_ref}/")
    for _ in range(4):
        callers.police_system.post("/api/concerns/", concern_data("police", children=record["children"]))
    with CaptureQueriesContext(connection) as five:
        assert len(callers.police_system.get(f"/api/children/{child_ref}/").json()["concerns"]) == 5
    assert len(five) == len(one)


def test_a_merged_childs_old_reference_leads_to_the_record_it_was_merged_into(callers, submit, users):
    kept = submit("police", children=[{"ref": "A", "given_name": "Amy"}]).child_ids[0]
    merged = submit("police", children=[{"ref": "B", "given_name": "Aimee"}]).child_ids[0]
    merge_children(users.alice, Child.objects.get(pk=kept), Child.objects.get(pk=merged), "same girl")
    body = callers.peter.get(f"/api/children/C-{merged:05d}/").json()
    assert body["reference"] == f"C-{kept:05d}"
    assert sorted(d["ref"] for d in body["known_as"]) == ["A", "B"]
