"""The core data set: completeness by agency computed from the records (hand-computed on a small known
set), "not stated" kept apart from "not recorded", disability recorded by practitioners (append-only,
audited, by those who may), the page's access table and its CSV (safe in a spreadsheet)."""

import csv
import io

import pytest
from django.urls import reverse

from joinedup.core.models import AuditEvent
from joinedup.coredata import completeness, services
from joinedup.coredata.models import RecordedFact
from joinedup.identity.models import Entity
from joinedup.records.models import Child
from joinedup.records.services import RefusedError
from tests.web.conftest import EVERYONE

READS = ["alice", "maria", "anna", "audrey", "adam"]
AMY = {"nhs_number": "9434765919", "given_name": "Amy", "family_name": "Coredatatest", "dob": "2010-05-06",
       "sex": "female", "ethnicity": "White British", "nationality": "not_stated"}
AMY_AT_SCHOOL = {"nhs_number": "9434765919", "given_name": "Amy", "family_name": "Coredatatest", "sex": "female",
                 "ethnicity": "", "nationality": "British"}
BEN = {"given_name": "Ben", "family_name": "Coredatatest", "approx_age": 14, "sex": "unknown", "ethnicity": "not_stated"}
MO = {"kind": "person", "role": "suspected_abuser", "given_name": "Mo", "family_name": "Farpoint", "approx_age": 35, "sex": "male"}
PEER = {"kind": "person", "role": "seen_with", "given_name": "Tom", "family_name": "Peerington", "approx_age": 15}


@pytest.fixture
def town(users, submit):
    assert users.peter and users.sam
    submit("police", children=[AMY], mentions=[MO], received_at="2024-02-01T10:00:00+00:00")
    submit("school", children=[AMY_AT_SCHOOL, BEN], mentions=[PEER], received_at="2024-02-02T10:00:00+00:00")
    return Child.objects.filter(descriptions__given_name="Amy", merged_into=None).distinct().get()


def _row(table, agency):
    return next(r for r in table.rows if r.agency == agency)


def _counts(row, characteristic):
    cell = row.cells[characteristic]
    return (cell.recorded, cell.not_stated, cell.not_recorded)


def test_children_completeness_matches_the_hand_count(town):
    table = completeness.children_table()
    police, school, everyone = _row(table, "Northtown Police"), _row(table, "Northtown Academy"), _row(table, "All agencies")
    assert (police.people, school.people, everyone.people) == (1, 2, 2)
    assert _counts(police, "age") == (1, 0, 0) and _counts(school, "age") == (1, 0, 1)  # Ben's approximate age only
    assert _counts(school, "sex") == (1, 0, 1)  # "unknown" is not a recorded sex
    assert _counts(police, "ethnicity") == (1, 0, 0)
    assert _counts(school, "ethnicity") == (0, 1, 1)  # Ben declined; Amy's was not written down at school
    assert _counts(everyone, "ethnicity") == (1, 1, 0)  # Amy's is known to the police
    assert _counts(police, "nationality") == (0, 1, 0) and _counts(everyone, "nationality") == (1, 0, 1)  # Ben: not asked
    assert _counts(everyone, "disability") == (0, 0, 2)
    assert table.rows[-1].agency == "All agencies"
    assert everyone.cells["ethnicity"].percent == 50


def test_alleged_perpetrators_are_adults_named_in_a_harmful_role(town):
    table = completeness.perpetrators_table()
    assert [r.agency for r in table.rows] == ["Northtown Police", "All agencies"]  # Tom, a peer, is not one
    police = _row(table, "Northtown Police")
    assert police.people == 1
    assert _counts(police, "age") == (1, 0, 0) and _counts(police, "sex") == (1, 0, 0)
    assert _counts(police, "ethnicity") == (0, 0, 1) and _counts(police, "nationality") == (0, 0, 1)


def test_disability_is_recorded_by_agency_append_only_and_audited(users, town):
    services.record_fact(users.peter, characteristic="disability", status="recorded", value="None known", child=town)
    services.record_fact(users.peter, characteristic="disability", status="recorded", value="Dyslexia (her words)", child=town)
    assert RecordedFact.objects.count() == 2  # the first is kept
    assert [f.value for f in services.latest_facts(child=town)] == ["Dyslexia (her words)"]
    table = completeness.children_table()
    assert _counts(_row(table, "Northtown Police"), "disability") == (1, 0, 0)
    assert _counts(_row(table, "Northtown Academy"), "disability") == (0, 0, 2)  # the police's fact is not the school's
    assert _counts(_row(table, "All agencies"), "disability") == (1, 0, 1)
    event = AuditEvent.objects.filter(event="characteristic_recorded").latest("pk")
    assert event.child_id == town.pk and event.actor.username == "peter"


def test_not_stated_is_kept_apart_for_adults_too(users, town):
    mo = Entity.objects.get(kind="person", label__icontains="Mo")
    services.record_fact(users.anna, characteristic="disability", status="not_stated", entity=mo)
    table = completeness.perpetrators_table()
    assert _counts(_row(table, "Northtown Police"), "disability") == (0, 1, 0)
    assert _counts(_row(table, "All agencies"), "disability") == (0, 1, 0)


@pytest.mark.parametrize(("who", "subject", "message"), [
    ("sam", "entity", "cannot record details about this person"),  # a school never sees adults' intelligence
    ("harriet", "child", "cannot record details about this child"),  # health has not described Amy
    ("adam", "child", "cannot record details about this child"),
])
def test_only_those_who_may_see_the_person_record_their_details(users, town, who, subject, message):
    target = {"child": town} if subject == "child" else {"entity": Entity.objects.get(kind="person", label__icontains="Mo")}
    with pytest.raises(RefusedError, match=message):
        services.record_fact(getattr(users, who), characteristic="disability", status="recorded", value="None known", **target)


def test_a_recorded_fact_needs_what_was_recorded(users, town):
    with pytest.raises(RefusedError, match="Say what was recorded"):
        services.record_fact(users.peter, characteristic="disability", status="recorded", value=" ", child=town)


@pytest.mark.parametrize("username", EVERYONE)
def test_the_completeness_page_is_for_those_who_close_the_gaps(login, town, username):
    response = login(username).get(reverse("core_data_completeness"))
    assert response.status_code == (200 if username in READS else 404)


def test_the_page_shows_the_figures_and_the_csv_is_safe_in_a_spreadsheet(login, users, submit, town):
    submit("police", agency={"name": "=HYPERLINK(\"x\")", "type": "other"}, children=[BEN])
    page = login("anna").get(reverse("core_data_completeness")).content.decode()
    assert "Alleged perpetrators" in page and "Northtown Academy" in page and "not stated 1" in page
    response = login("anna").get(reverse("core_data_completeness") + "?format=csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:4] == ["group", "agency", "people", "characteristic"]
    assert ["Children", "All agencies", "3", "ethnicity", "1", "2", "0", "33"] in rows
    assert all(not row[1].startswith("=") for row in rows)
    assert any(row[1].startswith("'=HYPERLINK") for row in rows)


def test_the_child_page_shows_and_records_disability(login, town):
    client = login("peter")
    page = client.get(reverse("child_detail", args=[town.pk])).content.decode()
    assert "Not recorded by any agency" in page and "data-core-data-form" in page
    response = client.post(reverse("record_child_disability", args=[town.pk]), {"status": "recorded", "value": "None known"})
    assert response.status_code == 302
    assert "None known" in client.get(reverse("child_detail", args=[town.pk])).content.decode()


def test_a_school_cannot_post_a_disability_for_a_child_it_does_not_know(login, users, submit):
    assert users.sam
    submit("health", children=[{"given_name": "Cara", "family_name": "Healthonly", "dob": "2011-01-01"}])
    child = Child.objects.get(descriptions__given_name="Cara")
    assert login("sam").post(reverse("record_child_disability", args=[child.pk]), {"status": "recorded", "value": "x"}).status_code == 404
    assert not RecordedFact.objects.exists()
