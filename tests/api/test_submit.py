"""POST /api/concerns/: storing, no-op resubmission, new versions, and errors that name the field."""

import json

import pytest

from joinedup.core.models import AuditEvent
from joinedup.records.models import Concern, ConcernVersion
from tests.factories import concern_data

pytestmark = pytest.mark.django_db

URL = "/api/concerns/"


def test_it_stores_a_new_concern_and_says_where(callers):
    response = callers.police_system.post(URL, concern_data("police"))
    assert response.status_code == 201
    body = response.json()
    assert body["outcome"] == "created" and body["version"] == 1
    assert body["reference"].startswith("JU-")
    assert len(body["children"]) == 1 and body["children"][0].startswith("C-")
    assert response.headers["Location"] == f"/api/concerns/{body['reference']}/"
    concern = Concern.objects.get()
    assert concern.reference == body["reference"]
    assert concern.current_version.channel == "api"
    assert concern.created_by == callers.police_system.user
    assert AuditEvent.objects.filter(event="concern_recorded", actor=callers.police_system.user).count() == 1


def test_resending_identical_content_is_a_no_op(callers):
    record = concern_data("police")
    first = callers.police_system.post(URL, record).json()
    versions = ConcernVersion.objects.count()
    events = AuditEvent.objects.count()
    again = callers.police_system.post(URL, record)
    assert again.status_code == 200
    assert again.json() == {**first, "outcome": "unchanged"}
    assert ConcernVersion.objects.count() == versions
    assert AuditEvent.objects.count() == events


def test_the_same_content_with_keys_in_another_order_is_still_a_no_op(callers):
    record = concern_data("police")
    callers.police_system.post(URL, record)
    reordered = dict(reversed(list(record.items())))
    assert callers.police_system.post(URL, reordered).status_code == 200


def test_changed_content_is_a_new_version_and_the_old_one_is_kept(callers):
    record = concern_data("police")
    first = callers.police_system.post(URL, record).json()
    response = callers.police_system.post(URL, {**record, "summary": "Corrected: a blue car, not silver."})
    assert response.status_code == 201
    body = response.json()
    assert (body["reference"], body["outcome"], body["version"]) == (first["reference"], "version", 2)
    concern = Concern.objects.get()
    assert list(concern.versions.order_by("number").values_list("number", flat=True)) == [1, 2]
    assert concern.current_version.summary.startswith("Corrected")


def test_a_school_system_cannot_submit_for_the_police(callers):
    response = callers.school_system.post(URL, concern_data("police"))
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "agency.name"
    assert Concern.objects.count() == 0


def test_a_front_door_worker_may_record_a_concern_for_another_agency(callers):
    assert callers.alice.post(URL, concern_data("school")).status_code == 201


@pytest.mark.parametrize("name", ["audrey", "adam"])
def test_an_auditor_or_administrator_cannot_submit(callers, name):
    response = getattr(callers, name).post(URL, concern_data("social_care"))
    assert response.status_code == 403
    assert Concern.objects.count() == 0


def test_submitting_without_a_token_is_401(callers):
    assert callers.nobody.post(URL, concern_data("police")).status_code == 401
    assert Concern.objects.count() == 0


def _without(record, key):
    return {k: v for k, v in record.items() if k != key}


def _child(**changes):
    child = concern_data()["children"][0]
    return [{**child, **changes}]


INVALID = {
    "unknown field": (lambda r: {**r, "colour": "silver"}, "colour"),
    "unknown child field": (lambda r: {**r, "children": _child(shoe_size=4)}, "children[0].shoe_size"),
    "missing summary": (lambda r: _without(r, "summary"), "summary"),
    "blank summary": (lambda r: {**r, "summary": "   "}, "summary"),
    "received_at without an offset": (lambda r: {**r, "received_at": "2024-03-04T10:00:00"}, "received_at"),
    "a date that does not exist": (lambda r: {**r, "children": _child(dob="2010-02-30")}, "children[0].dob"),
    "wrong enum": (lambda r: {**r, "children": _child(sex="f")}, "children[0].sex"),
    "unknown category": (lambda r: {**r, "categories": ["bad_vibes"]}, "categories[0]"),
    "no children": (lambda r: {**r, "children": []}, "children"),
    "a child with nothing to know them by": (lambda r: {**r, "children": [{"sex": "male"}]}, "children[0]"),
    "wrong type": (lambda r: {**r, "summary": 12}, "summary"),
    "a NUL character": (lambda r: {**r, "summary": "before\x00after"}, "summary"),
    "not an object": (lambda r: [r], ""),
}


@pytest.mark.parametrize("case", INVALID.values(), ids=INVALID.keys())
def test_an_invalid_record_is_refused_naming_the_field(callers, case):
    change, field = case
    response = callers.police_system.post(URL, change(concern_data("police")))
    assert response.status_code == 400, response.content
    errors = response.json()["errors"]
    assert errors[0]["field"] == field and errors[0]["message"]
    assert Concern.objects.count() == 0


BAD_BODIES = {
    "not JSON": b"{'schema': 'joinedup.concern/1'",
    "empty": b"",
    "not UTF-8": b'{"summary": "caf\xe9"}',
    "NaN": b'{"approx_age": NaN}',
    "an unpaired surrogate": b'{"summary": "\\ud800"}',
    "a huge integer": b'{"n": ' + b"9" * 5000 + b"}",
    "absurd nesting": b"[" * 100_000 + b"]" * 100_000,
}


@pytest.mark.parametrize("body", BAD_BODIES.values(), ids=BAD_BODIES.keys())
def test_a_body_that_is_not_acceptable_json_is_refused(callers, body):
    response = callers.police_system.post_raw(URL, body)
    assert response.status_code == 400
    assert response.json()["errors"][0]["message"]
    assert Concern.objects.count() == 0


def test_a_body_sent_as_another_content_type_is_read_as_json(callers):
    body = json.dumps(concern_data("police")).encode()
    assert callers.police_system.post_raw(URL, body, content_type="text/plain").status_code == 201


def test_a_5_mb_body_is_refused_without_storing_anything(callers):
    record = concern_data("police", summary="x" * 5 * 1024 * 1024)
    response = callers.police_system.post(URL, record)
    assert response.status_code == 400
    error = response.json()["errors"][0]
    assert error["field"] == "" and "limit" in error["message"]
    assert Concern.objects.count() == 0


def test_a_body_just_under_the_limit_is_accepted(callers, settings):
    settings.JOINEDUP_MAX_LINE_BYTES = 4096
    record = concern_data("police")
    record["summary"] = "x" * (4096 - len(json.dumps(record)) + len(record["summary"]))
    assert len(json.dumps(record)) == 4096
    assert callers.police_system.post(URL, record).status_code == 201
    record["summary"] += "x"
    assert callers.police_system.post(URL, record).status_code == 400


def test_resending_an_older_versions_content_is_a_no_op_naming_that_version(callers):
    record = concern_data("police")
    callers.police_system.post(URL, record)
    callers.police_system.post(URL, {**record, "summary": "Second thoughts."})
    again = callers.police_system.post(URL, record)
    assert again.status_code == 200
    assert (again.json()["outcome"], again.json()["version"]) == ("unchanged", 1)
    assert len(again.json()["children"]) == 1
