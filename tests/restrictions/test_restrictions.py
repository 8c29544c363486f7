"""Restricted records: a team manager restricts a child's record to named people; everyone else who would
see it gets the break-the-glass page (and nobody who would not learns it exists); breaking the glass needs
a reason, lasts a limited time and tells the auditors; restrictions are reviewed (kept or lifted)."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse

from joinedup.core import clock
from joinedup.core.models import AuditEvent
from joinedup.records.access import children_visible_to, concerns_visible_to
from joinedup.records.models import Child, Concern
from joinedup.records.services import RefusedError
from joinedup.restrictions import services
from joinedup.restrictions.models import Restriction


@pytest.fixture
def restricted(users, submit):
    """Kayleigh's record (a school concern), restricted by Maria (team manager) to herself and Sunita."""
    assert users.sam and users.alice and users.peter and users.harriet
    type(users.audrey).objects.filter(username="audrey").update(email="audrey@example.invalid")
    concern = Concern.objects.get(pk=submit("school").concern_id)
    child = concern.current_version.children.get().child
    services.restrict(users.maria, child, [users.sunita], "A relative of a member of staff.")
    return child, concern


def _fresh(user):
    """A new user object, as a new request would have (the hidden set is cached per request)."""
    return type(user).objects.get(pk=user.pk)


def test_only_the_named_people_see_the_child_and_the_concerns(users, restricted):
    child, concern = restricted
    for name in ("maria", "sunita"):
        assert children_visible_to(_fresh(getattr(users, name))).filter(pk=child.pk).exists()
        assert concerns_visible_to(_fresh(getattr(users, name))).filter(pk=concern.pk).exists()
    for name in ("alice", "peter", "sam"):
        assert not children_visible_to(_fresh(getattr(users, name))).filter(pk=child.pk).exists()
        assert not concerns_visible_to(_fresh(getattr(users, name))).filter(pk=concern.pk).exists()


def test_the_child_page_offers_break_the_glass_only_to_those_who_would_otherwise_see_it(login, restricted):
    child, _ = restricted
    assert login("alice").get(reverse("child_detail", args=[child.pk])).url == reverse("break_glass", args=[child.pk])
    assert login("sam").get(reverse("child_detail", args=[child.pk])).status_code == 302  # the school knows the child
    assert login("harriet").get(reverse("child_detail", args=[child.pk])).status_code == 404  # health does not
    assert login("harriet").get(reverse("break_glass", args=[child.pk])).status_code == 404
    assert login("sunita").get(reverse("child_detail", args=[child.pk])).status_code == 200
    page = login("sunita").get(reverse("child_detail", args=[child.pk])).content.decode()
    assert "This record is <strong>restricted</strong>" in page and "A relative of a member of staff." in page


def test_breaking_the_glass_needs_a_reason_tells_the_auditors_and_expires(login, users, restricted,
                                                                         django_capture_on_commit_callbacks, settings):
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    child, _ = restricted
    client = login("alice")
    refused = client.post(reverse("break_glass", args=[child.pk]), {"reason": ""})
    assert refused.status_code == 400 and "Give the reason" in refused.content.decode()
    with clock.frozen(clock.now()), django_capture_on_commit_callbacks(execute=True):
        opened = client.post(reverse("break_glass", args=[child.pk]), {"reason": "A new missing-from-home report tonight."})
        assert opened.url == reverse("child_detail", args=[child.pk])
        assert client.get(reverse("child_detail", args=[child.pk])).status_code == 200
    event = AuditEvent.objects.get(event="glass_broken")
    assert event.actor.username == "alice" and event.child_id == child.pk and "missing-from-home" in event.reason
    assert len(mail.outbox) == 1 and "audrey@example.invalid" in mail.outbox[0].to and "missing-from-home" in mail.outbox[0].body
    later = clock.now() + dt.timedelta(minutes=61)
    with clock.frozen(later):
        assert not children_visible_to(_fresh(users.alice)).filter(pk=child.pk).exists()
    assert "missing-from-home" in login("audrey").get(reverse("broken_glass")).content.decode()


def test_only_a_team_manager_restricts_and_once(users, restricted):
    child, _ = restricted
    with pytest.raises(RefusedError, match="already restricted"):
        services.restrict(users.maria, child, [], "Again")
    other = Child.objects.exclude(pk=child.pk).first() or child
    with pytest.raises(RefusedError, match="Only a team manager"):
        services.restrict(users.alice, other, [], "No")


def test_review_keeps_until_the_next_review_or_lifts(users, restricted):
    child, _ = restricted
    restriction = Restriction.objects.get()
    first_due = restriction.review_due_at
    assert (first_due - restriction.created_at).days == 90
    with clock.frozen(clock.now() + dt.timedelta(days=80)):
        services.review(users.maria, restriction, True, "Still needed: the relative still works here.")
    restriction.refresh_from_db()
    assert restriction.review_due_at > first_due
    services.review(users.maria, restriction, False, "The relative has left.")
    assert children_visible_to(_fresh(users.alice)).filter(pk=child.pk).exists()
    assert AuditEvent.objects.filter(event="restriction_reviewed").count() == 2


def test_restricting_from_the_child_page_and_the_reviews_page(login, users, submit):
    assert users.alice
    concern = Concern.objects.get(pk=submit("police").concern_id)
    child = concern.current_version.children.get().child
    client = login("maria")
    assert "data-restrict-form" in client.get(reverse("child_detail", args=[child.pk])).content.decode()
    client.post(reverse("restrict_child", args=[child.pk]), {"reason": "High-profile case.", "members": [users.alice.pk]})
    assert Restriction.objects.get().members.count() == 2
    assert "High-profile case." in client.get(reverse("restriction_list")).content.decode()
    assert login("alice").get(reverse("child_detail", args=[child.pk])).status_code == 200
    assert login("peter").get(reverse("restriction_list")).status_code == 404
