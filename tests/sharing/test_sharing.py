"""Information-sharing decisions: recorded with the concern (shared, or deliberately not shared, and why),
audited, append-only, shown on the concern page and in the child's history; only by those who may see
the concern; an alert shared with an agency is recorded against the concern that raised it."""

import pytest
from django.urls import reverse

from joinedup.core.models import Agency, AuditEvent
from joinedup.identity import triage
from joinedup.identity.models import Alert
from joinedup.records.models import Concern
from joinedup.records.services import RefusedError
from joinedup.sharing.models import SharingDecision
from joinedup.sharing.services import record_sharing
from tests.web.test_alerts import make_alert


@pytest.fixture
def concern(users, submit):
    assert users.harriet and users.sam and users.peter
    return Concern.objects.get(pk=submit("school").concern_id)


def test_a_decision_not_to_share_is_recorded_with_its_reason_and_audited(users, concern):
    health = Agency.objects.get(name="Northtown Health")
    row = record_sharing(users.sam, concern, health, shared=False, reason="The GP already knows; the child asked us to wait a day.")
    assert SharingDecision.objects.get() == row and row.shared is False
    event = AuditEvent.objects.get(event="sharing_decided")
    assert event.detail["agency"] == "Northtown Health" and event.detail["shared"] is False
    assert event.child_id is not None


def test_a_reason_is_required_and_only_those_who_see_the_concern_may_record(users, concern):
    health = Agency.objects.get(name="Northtown Health")
    with pytest.raises(RefusedError, match="Give the reason"):
        record_sharing(users.sam, concern, health, shared=True, reason="  ")
    with pytest.raises(RefusedError, match="cannot record sharing"):
        record_sharing(users.harriet, concern, health, shared=True, reason="Told the school nurse")  # health cannot see it
    with pytest.raises(RefusedError, match="cannot record sharing"):
        record_sharing(users.audrey, concern, health, shared=True, reason="x")
    assert not SharingDecision.objects.exists()


def test_the_concern_page_records_and_the_child_history_shows_it(login, users, concern):
    client = login("sam")
    page = client.get(reverse("concern_detail", args=[concern.pk])).content.decode()
    assert "data-sharing-form" in page and "No sharing decisions recorded yet" in page
    police = Agency.objects.get(name="Northtown Police")
    response = client.post(reverse("record_sharing_decision", args=[concern.pk]),
                           {"agency": police.pk, "shared": "yes", "what": "The car's number plate", "reason": "Possible exploitation"})
    assert response.status_code == 302
    page = client.get(reverse("concern_detail", args=[concern.pk])).content.decode()
    assert "Shared with Northtown Police" in page and "The car&#x27;s number plate" in page
    child_id = concern.current_version.children.first().child_id
    history = login("alice").get(reverse("child_detail", args=[child_id])).content.decode()
    assert "Shared with Northtown Police" in history and "Possible exploitation" in history


def test_a_refused_form_keeps_nothing_and_says_why(login, concern):
    response = login("sam").post(reverse("record_sharing_decision", args=[concern.pk]), {"shared": "yes", "reason": ""})
    assert response.status_code == 302
    assert not SharingDecision.objects.exists()


def test_someone_who_cannot_see_the_concern_gets_404(login, concern):
    police = Agency.objects.get(name="Northtown Police")
    response = login("harriet").post(reverse("record_sharing_decision", args=[concern.pk]),
                                     {"agency": police.pk, "shared": "yes", "reason": "x"})
    assert response.status_code == 404


def test_an_alert_shared_with_an_agency_is_recorded_against_its_first_concern(users, submit):
    make_alert(submit)
    alert = Alert.objects.get()
    assert users.harriet and users.anna
    health = Agency.objects.get(name="Northtown Health")
    triage.triage_alert(users.anna, alert, "share", "Health should know: the children attend the same clinic.", share_with=health)
    row = SharingDecision.objects.get()
    assert row.agency == health and row.shared and alert.reference in row.what
    assert row.reason == "Health should know: the children attend the same clinic."


def test_shared_information_reaches_the_agency_as_work_and_it_may_see_the_concern(login, users, concern):
    from joinedup.casework.models import Action

    health = Agency.objects.get(name="Northtown Health")
    assert login("harriet").get(reverse("concern_detail", args=[concern.pk])).status_code == 404
    record_sharing(users.sam, concern, health, shared=True, what="The summary", reason="The child's GP should know.")
    work = Action.objects.get(title__startswith="Information shared with you by Northtown Academy")
    assert work.owner_team == users.harriet.team and work.due_rule == "acknowledgement"
    assert login("harriet").get(reverse("concern_detail", args=[concern.pk])).status_code == 200
    assert login("harriet").get(reverse("action_detail", args=[work.pk])).status_code == 200


def test_a_decision_not_to_share_grants_nothing(login, users, concern):
    from joinedup.casework.models import Action

    health = Agency.objects.get(name="Northtown Health")
    record_sharing(users.sam, concern, health, shared=False, reason="Not proportionate.")
    assert not Action.objects.filter(title__startswith="Information shared").exists()
    assert login("harriet").get(reverse("concern_detail", args=[concern.pk])).status_code == 404
