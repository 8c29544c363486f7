"""The analyst's workspace: the alert queue, one alert's page (network, timeline, links, triage), a
team manager's sign-off of "no action", and the line a school sees on its own concern."""

import pytest
from django.urls import reverse

from joinedup.core.models import AuditEvent
from joinedup.identity.models import Alert, AlertTriage, MentionLink
from tests.web.conftest import EVERYONE

WORKS_ALERTS = ["alice", "peter", "anna"]


def child(n, surname="Alerttest"):
    return [{"ref": f"K-{n}", "given_name": f"Child{n}", "family_name": f"{surname}{n}", "dob": f"2010-0{n}-1{n}"}]


def car(plate="YK62 HBD"):
    return {"kind": "vehicle", "role": "transported_child", "plate": plate, "colour": "silver"}


def make_alert(submit, children=2, plate="YK62 HBD", agencies=("police", "school")):
    for n in range(1, children + 1):
        submit(agencies[(n - 1) % len(agencies)], children=child(n, plate.replace(" ", "")), mentions=[car(plate)],
               received_at=f"2024-03-0{n}T10:00:00+00:00")
    return Alert.objects.filter(entity__isnull=False).order_by("-pk").first()


@pytest.fixture
def alert(users, submit):
    assert users.sam and users.anna
    found = make_alert(submit)
    assert found is not None
    return found


def _expect(allowed):
    return [(name, 200 if name in allowed else 404) for name in EVERYONE]


@pytest.mark.parametrize("username,status", _expect(WORKS_ALERTS))
def test_the_alert_queue_is_for_analysts_police_and_the_front_door(login, alert, username, status):
    assert login(username).get(reverse("alert_list")).status_code == status


@pytest.mark.parametrize("username,status", _expect(WORKS_ALERTS))
def test_an_alert_page_is_for_analysts_police_and_the_front_door(login, alert, username, status):
    assert login(username).get(reverse("alert_detail", args=[alert.pk])).status_code == status


@pytest.mark.parametrize("username,status", _expect(["maria"]))
def test_alert_sign_offs_are_for_team_managers(login, users, alert, username, status):
    from joinedup.identity import triage

    triage.triage_alert(users.alice, alert, "no_action", "Known family friend, checked.")
    assert login(username).get(reverse("alert_sign_off_list")).status_code == status
    assert login(username).get(reverse("alert_sign_off", args=[alert.pk])).status_code == status


@pytest.mark.parametrize("name", ["alert_list", "alert_sign_off_list"])
def test_someone_not_signed_in_is_sent_to_sign_in(client, name):
    assert client.get(reverse(name)).status_code == 302


def test_someone_not_signed_in_is_sent_to_sign_in_from_an_alert(client, alert):
    assert client.get(reverse("alert_detail", args=[alert.pk])).status_code == 302


@pytest.mark.parametrize("username,status", _expect(WORKS_ALERTS))
def test_judging_a_link_is_for_analysts_police_and_the_front_door(login, alert, username, status):
    link = MentionLink.objects.filter(entity=alert.entity).first()
    response = login(username).post(reverse("alert_judge_link", args=[alert.pk, link.pk]), {"judgement": "confirm", "reason": "Same plate"})
    assert response.status_code == (302 if status == 200 else 404)


def test_an_unknown_alert_is_a_404(login, db):
    assert login("anna").get(reverse("alert_detail", args=[999])).status_code == 404


def test_the_queue_shows_open_alerts_with_children_and_agencies(login, alert):
    page = login("anna").get(reverse("alert_list")).content.decode()
    assert alert.reference in page
    assert "Northtown Academy, Northtown Police" in page
    assert "data-alert-queue" in page
    closed = login("anna").get(reverse("alert_list") + "?status=closed").content.decode()
    assert alert.reference not in closed


def test_the_alert_page_shows_the_network_timeline_and_links(login, alert):
    page = login("anna").get(reverse("alert_detail", args=[alert.pk])).content.decode()
    assert 'id="network-data" type="application/json"' in page
    assert "YK62 HBD" in page
    assert "Child1 YK62HBD1" in page and "Child2 YK62HBD2" in page
    assert "joinedup-timeline" in page
    assert "transported child" in page
    assert "vendor/cytoscape/cytoscape.min.js" in page
    assert page.count('name="judgement" value="confirm"') == MentionLink.objects.filter(entity=alert.entity).count()


def test_every_view_of_an_alert_is_audited_with_the_role(login, alert):
    login("peter").get(reverse("alert_detail", args=[alert.pk]))
    event = AuditEvent.objects.get(event="alert_viewed")
    assert event.object_id == str(alert.pk)
    assert "Police officer" in event.reason


@pytest.mark.parametrize("size", [2, 5])
def test_the_alert_page_runs_a_fixed_number_of_queries(login, users, submit, size, django_assert_max_num_queries):
    small = make_alert(submit, 2, plate="AB12 CDE")
    large = make_alert(submit, size, plate="XY34 ZZZ", agencies=("police", "school", "health"))
    client = login("anna")
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as baseline:
        client.get(reverse("alert_detail", args=[small.pk]))
    with django_assert_max_num_queries(len(baseline)):
        assert client.get(reverse("alert_detail", args=[large.pk])).status_code == 200
    with CaptureQueriesContext(connection) as queue_small:
        client.get(reverse("alert_list"))
    make_alert(submit, 3, plate="QQ11 QQQ")
    with django_assert_max_num_queries(len(queue_small)):
        client.get(reverse("alert_list"))


def test_triage_opens_an_investigation_and_is_audited(login, alert):
    response = login("anna").post(reverse("alert_detail", args=[alert.pk]), {"decision": "investigation", "rationale": "Same car, two schools."})
    assert response.status_code == 302
    alert.refresh_from_db()
    assert alert.status == "actioned"
    assert AlertTriage.objects.get().rationale == "Same car, two schools."
    assert AuditEvent.objects.filter(event="alert_triaged", object_id=str(alert.pk)).exists()
    page = login("anna").get(reverse("alert_detail", args=[alert.pk])).content.decode()
    assert "Same car, two schools." in page and "data-triage-form" not in page


def test_triage_without_a_rationale_is_refused(login, alert):
    response = login("anna").post(reverse("alert_detail", args=[alert.pk]), {"decision": "investigation", "rationale": ""})
    assert response.status_code == 400
    assert "Give the reasons for your decision" in response.content.decode()
    alert.refresh_from_db()
    assert alert.status == "open" and not AlertTriage.objects.exists()


def test_sharing_needs_an_agency(login, users, alert):
    response = login("anna").post(reverse("alert_detail", args=[alert.pk]), {"decision": "share", "rationale": "Tell health."})
    assert response.status_code == 400
    assert "Choose the agency to share this alert with" in response.content.decode()
    response = login("anna").post(reverse("alert_detail", args=[alert.pk]),
                                  {"decision": "share", "rationale": "Tell health.", "share_with": users.harriet.agency_id})
    assert response.status_code == 302
    assert AlertTriage.objects.get().share_with == users.harriet.agency


def test_no_action_waits_for_a_team_managers_sign_off(login, users, alert):
    login("alice").post(reverse("alert_detail", args=[alert.pk]), {"decision": "no_action", "rationale": "Family friend, checked."})
    alert.refresh_from_db()
    assert alert.status == "open"
    page = login("anna").get(reverse("alert_detail", args=[alert.pk])).content.decode()
    assert "until a team manager signs this off" in page and "data-triage-form" not in page
    assert alert.reference in login("maria").get(reverse("alert_sign_off_list")).content.decode()
    response = login("maria").post(reverse("alert_sign_off", args=[alert.pk]), {"agree": "yes", "reason": "Agreed, evidence checked."})
    assert response.status_code == 302
    alert.refresh_from_db()
    assert alert.status == "closed"
    assert AuditEvent.objects.filter(event="alert_no_action_signed_off").exists()


def test_a_manager_who_disagrees_sends_the_alert_back_for_a_new_decision(login, alert):
    login("alice").post(reverse("alert_detail", args=[alert.pk]), {"decision": "no_action", "rationale": "Nothing in it."})
    login("maria").post(reverse("alert_sign_off", args=[alert.pk]), {"agree": "no", "reason": "Two schools: look again."})
    alert.refresh_from_db()
    assert alert.status == "open"
    assert "data-triage-form" in login("anna").get(reverse("alert_detail", args=[alert.pk])).content.decode()


def test_a_manager_cannot_sign_off_their_own_no_action(users, alert):
    from joinedup.identity import triage
    from joinedup.records.services import RefusedError

    pending = triage.triage_alert(users.alice, alert, "no_action", "Nothing in it.")
    pending.created_by = users.maria
    AlertTriage.objects.filter(pk=pending.pk).update(created_by=users.maria)
    with pytest.raises(RefusedError, match="Someone else"):
        triage.sign_off_no_action(users.maria, alert, True, "Fine.")


def test_a_link_can_be_confirmed_with_a_reason_and_not_without(login, alert):
    link = MentionLink.objects.filter(entity=alert.entity).first()
    url = reverse("alert_judge_link", args=[alert.pk, link.pk])
    login("anna").post(url, {"judgement": "confirm", "reason": ""})
    link.refresh_from_db()
    assert link.judgement == ""
    login("anna").post(url, {"judgement": "confirm", "reason": "Same plate, same colour."})
    link.refresh_from_db()
    assert link.judgement == "confirmed"


def test_a_school_sees_only_that_its_concern_is_part_of_a_pattern(login, alert):
    from joinedup.identity.models import AlertEvidence

    concern_id = AlertEvidence.objects.filter(alert=alert, concern__agency__name="Northtown Academy").values_list("concern_id", flat=True).first()
    page = login("sam").get(reverse("concern_detail", args=[concern_id])).content.decode()
    assert "This concern is part of a pattern JoinedUp found, which is being acted on" in page
    assert alert.reference not in page
    assert "Child1" not in page  # the police concern's child
    assert reverse("alert_detail", args=[alert.pk]) not in page
    analyst = login("anna").get(reverse("concern_detail", args=[concern_id])).content.decode()
    assert reverse("alert_detail", args=[alert.pk]) in analyst


def test_a_concern_in_no_pattern_shows_no_line(login, school_concern):
    page = login("sam").get(reverse("concern_detail", args=[school_concern.concern_id])).content.decode()
    assert "part of a pattern" not in page
