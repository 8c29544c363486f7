"""The audit trail search: filters, and every search audited."""

from django.urls import reverse

from joinedup.core.models import AuditEvent


def test_it_filters_by_user_child_event_and_date(login, school_concern, users):
    child_id = school_concern.child_ids[0]
    login("sam").get(reverse("child_detail", args=[child_id]))
    client = login("audrey")
    response = client.get(reverse("audit_search"), {"user": "sam", "child": f"C-{child_id:05d}", "event": "child_viewed"})
    events = list(response.context["page"])
    assert [(e.event, e.actor.username) for e in events] == [("child_viewed", "sam")]
    none_yet = client.get(reverse("audit_search"), {"since_0": "1", "since_1": "1", "since_2": "2999"})
    assert list(none_yet.context["page"]) == []


def test_searching_the_audit_trail_is_itself_audited(login, users):
    login("adam").get(reverse("audit_search"), {"user": "sam", "event": "child_viewed"})
    event = AuditEvent.objects.get(event="audit_searched")
    assert event.actor == users.adam
    assert event.detail["query"]["user"] == "sam" and event.detail["query"]["event"] == "child_viewed"


def test_a_bad_filter_is_named_and_nothing_is_searched(login):
    response = login("audrey").get(reverse("audit_search"), {"child": "Kayleigh"})
    assert b"Enter a child reference like C-00012" in response.content
    assert b'href="#id_child"' in response.content
    assert not AuditEvent.objects.filter(event="audit_searched").exists()
