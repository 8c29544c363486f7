"""Subject-access requests: logged with the capacity the requester acts in, due in one month as
follow-through work; the export holds everything about the child (every version, decisions, actions,
sharing decisions, who opened the record) with third parties' information marked for redaction; items
withheld under the serious-harm exemption carry only the reason; every step audited; only information
governance and team managers handle them."""

import datetime as dt
import json

import pytest
from django.urls import reverse

from joinedup.casework.models import Action, ActionKind, ActionStatus
from joinedup.core import clock
from joinedup.core.models import AuditEvent
from joinedup.dataprotection import export, services
from joinedup.records.models import Concern
from joinedup.records.services import RefusedError
from tests.web.conftest import EVERYONE

HANDLERS = ["audrey", "maria"]
PERSON = {"kind": "person", "role": "suspected_abuser", "given_name": "Rex", "family_name": "Thirdparty", "approx_age": 40}


@pytest.fixture
def child(users, submit):
    for name in ("audrey", "maria", "alice", "peter"):
        assert getattr(users, name)
    first = submit("police", received_at="2024-03-01T10:00:00+00:00", mentions=[PERSON],
                   children=[{"ref": "S-1", "given_name": "Sara", "family_name": "Accesstest", "dob": "2009-09-09"},
                             {"ref": "S-2", "given_name": "Tom", "family_name": "Siblingtest", "dob": "2012-01-01"}])
    concern = Concern.objects.get(pk=first.concern_id)
    return concern.current_version.children.get(given_name="Sara").child


def test_a_request_is_due_in_a_month_as_follow_through_work(users, child):
    received = dt.datetime(2025, 1, 31, 9, 0, tzinfo=dt.UTC)
    sar = services.log_request(users.audrey, child, requester_name="Sara Accesstest", requester="child",
                               authority="Sara asked in person at the school, with her ID.", received_at=received)
    assert sar.due_at.date() == dt.date(2025, 2, 28)  # one calendar month, the day clamped to February
    work = Action.objects.get(kind=ActionKind.SUBJECT_ACCESS)
    assert work.owner == users.audrey and work.due_at == sar.due_at and work.child_id == child.pk
    assert AuditEvent.objects.filter(event="subject_access_logged", child_id=child.pk).exists()


def test_the_export_holds_everything_and_marks_third_parties(users, child, login):
    login("alice").get(reverse("child_detail", args=[child.pk]))  # someone opened the record
    sar = services.log_request(users.audrey, child, requester_name="Sara", requester="child", authority="In person.")
    data = export.export_json(sar)
    kinds = {item["kind"] for item in data["items"]}
    assert {"concern version", "who opened the record", "action"} <= kinds
    version = next(item for item in data["items"] if item["kind"] == "concern version")
    assert "reporter" in version["redact_for_third_parties"]
    assert "mentions[0]" in version["redact_for_third_parties"]
    assert "children[1]" in version["redact_for_third_parties"] and "children[0]" not in version["redact_for_third_parties"]
    assert version["content"]["children"][0]["given_name"] == "Sara"
    opened = next(item for item in data["items"] if item["kind"] == "who opened the record")
    assert "alice" in opened["content"]["who"].lower()
    assert "safeguarding duty covers every agency" in opened["content"]["why"]


def test_serious_harm_withholds_an_item_with_its_reason_and_release_restores_it(users, child):
    sar = services.log_request(users.maria, child, requester_name="A. Parent", requester="parent_with_authority",
                               authority="Sara's signed consent, seen by the social worker.")
    key = next(item.key for item in export.items_for(sar) if item.kind == "concern version")
    services.decide_item(users.maria, sar, key, withheld=True, reason="Would reveal the address of a safe house.")
    withheld = next(item for item in export.export_json(sar)["items"] if item["key"] == key)
    assert withheld["withheld"] == "serious harm exemption" and "content" not in withheld
    assert "safe house" in withheld["reason"]
    services.decide_item(users.maria, sar, key, withheld=False, reason="The family has moved; no longer harmful.")
    assert "content" in next(item for item in export.export_json(sar)["items"] if item["key"] == key)
    with pytest.raises(RefusedError, match="Give the reason"):
        services.decide_item(users.maria, sar, key, withheld=True, reason=" ")


def test_sending_the_response_completes_the_work_and_freezes_the_export(users, child):
    sar = services.log_request(users.audrey, child, requester_name="Sara", requester="child", authority="In person.")
    with clock.frozen(clock.now() + dt.timedelta(days=10)):
        services.complete(users.maria, sar, "Sent by recorded post, redacted as marked.")
    sar.refresh_from_db()
    assert sar.completed_at is not None and sar.action.status == ActionStatus.DONE
    with pytest.raises(RefusedError, match="already been sent"):
        services.decide_item(users.audrey, sar, "version:1", withheld=True, reason="x")


@pytest.mark.parametrize("who", ["alice", "peter", "sam"])
def test_only_information_governance_and_managers_handle_requests(users, child, who):
    with pytest.raises(RefusedError, match="Only information governance"):
        services.log_request(getattr(users, who), child, requester_name="X", requester="child", authority="Y")


@pytest.mark.parametrize("username", EVERYONE)
def test_the_pages_are_for_information_governance_and_managers(login, users, child, username):
    sar = services.log_request(users.audrey, child, requester_name="Sara", requester="child", authority="In person.")
    allowed = username in HANDLERS
    for url in (reverse("subject_access_list"), reverse("subject_access_detail", args=[sar.pk]),
                reverse("subject_access_json", args=[sar.pk])):
        assert login(username).get(url).status_code == (200 if allowed else 404), url


def test_logging_from_the_page_and_downloading_the_export(login, child):
    client = login("audrey")
    refused = client.post(reverse("subject_access_list"), {"child": "C-9999999", "requester_name": "", "requester": "child", "authority": ""})
    assert refused.status_code == 400 and "There is no child with that reference" in refused.content.decode()
    response = client.post(reverse("subject_access_list"), {"child": child.reference, "requester_name": "Sara Accesstest",
                                                            "requester": "child", "authority": "In person with ID."})
    assert response.status_code == 302
    page = client.get(response.url).content.decode()
    assert "Third party: redact" in page and "Sara" in page
    download = client.get(response.url + "export.json")
    assert json.loads(download.content)["schema"] == "joinedup.subject_access/1"
    assert AuditEvent.objects.filter(event="subject_access_exported").count() == 2
