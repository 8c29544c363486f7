"""Who may read what through the API: a table of named users and agency systems for every endpoint.

The scene: Northtown Academy and the police have each raised a concern about Jade (the same child:
equal NHS numbers), and the police alone have raised one about Tyler. An object a caller may not see is
404, never 403; every read of a concern or a child is audited.
"""

import pytest

from joinedup.core.models import AuditEvent
from tests.factories import concern_data

pytestmark = pytest.mark.django_db

WIDE = ["alice", "sunita", "maria", "peter", "anna"]
SCHOOL = ["sam", "school_system"]
NO_ACCESS = [
    "rose", "other_school_system", "harriet", "health_system", "yusuf", "youth_system", "audrey", "adam",
]
JADE = {"ref": "J-1", "given_name": "Jade", "family_name": "Testwood", "dob": "2011-02-03", "nhs_number": "9434765919"}
TYLER = {"ref": "T-1", "given_name": "Tyler", "family_name": "Otherfield", "dob": "2009-09-09", "nhs_number": "9434765870"}


@pytest.fixture
def scene(submit):
    school = submit("school", children=[JADE], mentions=[])
    police = submit("police", children=[{**JADE, "ref": "P-77"}])
    tyler = submit("police", children=[TYLER])
    assert school.child_ids == police.child_ids  # one child, known to two agencies
    return {
        "school_concern": school.reference,
        "police_concern": police.reference,
        "tyler_concern": tyler.reference,
        "jade": f"C-{school.child_ids[0]:05d}",
        "tyler": f"C-{tyler.child_ids[0]:05d}",
    }


def _table(can_see: list[str], everyone_else: list[str]):
    return [pytest.param(name, 200, id=f"{name}-sees") for name in can_see] + [
        pytest.param(name, 404, id=f"{name}-404") for name in everyone_else
    ]


@pytest.mark.parametrize(("name", "status"), _table(WIDE + SCHOOL, NO_ACCESS + ["police_system"]))
def test_the_schools_concern_is_seen_by_the_school_and_wide_roles_only(callers, scene, name, status):
    response = getattr(callers, name).get(f"/api/concerns/{scene['school_concern']}/")
    assert response.status_code == status


@pytest.mark.parametrize(("name", "status"), _table(WIDE + ["police_system"], NO_ACCESS + SCHOOL))
def test_a_police_concern_is_seen_by_the_police_system_and_wide_roles_only(callers, scene, name, status):
    response = getattr(callers, name).get(f"/api/concerns/{scene['police_concern']}/")
    assert response.status_code == status


@pytest.mark.parametrize(("name", "status"), _table(WIDE + SCHOOL + ["police_system"], NO_ACCESS))
def test_a_child_is_seen_by_every_agency_that_knows_them_and_wide_roles(callers, scene, name, status):
    response = getattr(callers, name).get(f"/api/children/{scene['jade']}/")
    assert response.status_code == status


@pytest.mark.parametrize(("name", "status"), _table(WIDE + ["police_system"], NO_ACCESS + SCHOOL))
def test_it_refuses_a_school_a_child_only_the_police_know(callers, scene, name, status):
    response = getattr(callers, name).get(f"/api/children/{scene['tyler']}/")
    assert response.status_code == status


LIST_CASES = (
    [pytest.param(name, {"school_concern", "police_concern", "tyler_concern"}, id=name) for name in WIDE]
    + [pytest.param(name, {"school_concern"}, id=name) for name in SCHOOL]
    + [pytest.param("police_system", {"police_concern", "tyler_concern"}, id="police_system")]
    + [pytest.param(name, set(), id=name) for name in NO_ACCESS]
)


@pytest.mark.parametrize(("name", "expected"), LIST_CASES)
def test_the_list_holds_exactly_the_concerns_the_caller_may_see(callers, scene, name, expected):
    body = getattr(callers, name).get("/api/concerns/").json()
    assert {row["reference"] for row in body["results"]} == {scene[key] for key in expected}
    assert body["count"] == len(expected)


def test_a_school_sees_only_its_own_description_of_a_child_the_police_also_know(callers, scene):
    body = callers.sam.get(f"/api/children/{scene['jade']}/").json()
    assert [d["agency"] for d in body["known_as"]] == ["Northtown Academy"]
    assert body["concerns"] == [scene["school_concern"]]


def test_a_front_door_worker_sees_every_agencys_description_of_a_child(callers, scene):
    body = callers.alice.get(f"/api/children/{scene['jade']}/").json()
    assert sorted(d["agency"] for d in body["known_as"]) == ["Northtown Academy", "Northtown Police"]
    assert sorted(body["concerns"]) == sorted([scene["school_concern"], scene["police_concern"]])


@pytest.mark.parametrize(
    "path", ["/api/concerns/", "/api/concerns/JU-0000001/", "/api/children/C-00001/"]
)
def test_every_endpoint_needs_a_signed_in_caller(callers, scene, path):
    response = callers.nobody.get(path)
    assert response.status_code == 401
    assert response.json()["errors"]


@pytest.mark.parametrize(
    "path",
    [
        "/api/concerns/JU-9999999/", "/api/concerns/not-a-reference/", "/api/concerns/JU-99999999999999999999999/",
        "/api/concerns/JU-\u00b2/", "/api/children/C-99999/", "/api/children/JU-0000001/",
        "/api/children/C-99999999999999999999999/", "/api/nothing-here/", "/api/concerns",
    ],
)
def test_what_does_not_exist_is_a_json_404(callers, scene, path):
    response = callers.alice.get(path)
    assert response.status_code == 404
    assert response.json()["errors"][0]["message"]


def test_reading_a_concern_is_audited(callers, scene):
    callers.sam.get(f"/api/concerns/{scene['school_concern']}/")
    event = AuditEvent.objects.get(event="concern_viewed", actor=callers.sam.user)
    assert event.detail["channel"] == "api"
    assert event.child.reference == scene["jade"]
    assert "Northtown Academy" in event.detail["access"]


def test_reading_a_child_is_audited(callers, scene):
    callers.school_system.get(f"/api/children/{scene['jade']}/")
    event = AuditEvent.objects.get(event="child_viewed", actor=callers.school_system.user)
    assert event.detail["channel"] == "api" and event.child.reference == scene["jade"]


def test_a_refused_read_is_not_recorded_as_a_view(callers, scene):
    callers.rose.get(f"/api/concerns/{scene['school_concern']}/")
    callers.rose.get(f"/api/children/{scene['jade']}/")
    assert not AuditEvent.objects.filter(actor=callers.rose.user).exists()


def test_listing_concerns_reads_no_childs_record(callers, scene):
    body = callers.alice.get("/api/concerns/").json()
    assert set(body["results"][0]) == {"reference", "agency", "source_ref", "received_at", "status", "version"}
    assert not AuditEvent.objects.filter(actor=callers.alice.user).exists()


def test_a_system_cannot_post_for_another_agency_even_to_correct_its_concern(callers, scene):
    record = concern_data("school", source_ref="anything")
    assert callers.police_system.post("/api/concerns/", record).status_code == 400
