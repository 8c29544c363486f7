"""One concern: its versions, its withdrawal with a reason, and the audit of every view."""

from django.urls import reverse

from joinedup.core.models import AuditEvent
from joinedup.records.models import Concern
from tests import factories


def test_it_shows_the_current_version_and_keeps_every_earlier_one(login, submit):
    first = submit("police", source_ref="NTP-1", summary="First account.")
    from joinedup.records.models import Channel
    from joinedup.records.services import submit_concern

    submit_concern(
        None, factories.concern_data("police", source_ref="NTP-1", summary="Corrected account."),
        channel=Channel.API, correction_reason="wrong street name",
    )
    page = login("peter").get(reverse("concern_detail", args=[first.concern_id])).content.decode()
    assert "Corrected account." in page
    assert "First account." in page
    assert "Earlier versions" in page and "wrong street name" in page


def test_viewing_a_concern_is_audited(login, school_concern):
    login("sam").get(reverse("concern_detail", args=[school_concern.concern_id]))
    event = AuditEvent.objects.get(event="concern_viewed")
    assert event.detail["concern_id"] == school_concern.concern_id
    assert event.child_id == school_concern.child_ids[0]


def test_the_recording_agency_can_withdraw_a_concern_with_a_reason(login, school_concern):
    client = login("sam")
    url = reverse("concern_withdraw", args=[school_concern.concern_id])
    refused = client.post(url, {"reason": "  "})
    assert b"Enter a reason" in refused.content and b"govuk-error-summary" in refused.content
    response = client.post(url, {"reason": "recorded about the wrong pupil"}, follow=True)
    concern = Concern.objects.get(pk=school_concern.concern_id)
    assert concern.status == "withdrawn" and concern.withdrawn_reason == "recorded about the wrong pupil"
    assert b"was withdrawn" in response.content
    assert b"recorded about the wrong pupil" in response.content
    assert AuditEvent.objects.filter(event="concern_withdrawn").exists()


def test_a_withdrawn_concern_leaves_the_front_door_queue_but_stays_on_the_chronology(login, school_concern):
    client = login("alice")
    client.post(reverse("concern_withdraw", args=[school_concern.concern_id]), {"reason": "sent twice"})
    queue = client.get(reverse("front_door"))
    assert queue.context["entries"] == []
    child = client.get(reverse("child_detail", args=[school_concern.child_ids[0]]))
    assert [c.reference for c in child.context["concerns"]] == [school_concern.reference]
    assert b"Withdrawn" in child.content


def test_only_the_recording_agency_or_the_front_door_is_offered_withdrawal(login, school_concern):
    url = reverse("concern_detail", args=[school_concern.concern_id])
    withdraw = reverse("concern_withdraw", args=[school_concern.concern_id]).encode()
    assert withdraw in login("sam").get(url).content
    assert withdraw in login("alice").get(url).content
    assert withdraw not in login("peter").get(url).content
