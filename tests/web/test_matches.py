"""Possible matches: both children side by side with the reasons, and a person's decision."""

from django.urls import reverse

from joinedup.core.models import AuditEvent
from joinedup.records.models import Child, MatchCandidate


def test_it_shows_both_children_and_the_explanation(login, possible_match):
    page = login("alice").get(reverse("match_list")).content.decode()
    assert "Northtown Health" in page and "Northtown Police" in page
    assert "Family name" in page and "+6.0" in page
    assert "14 July 2010" in page  # the known record's date of birth


def test_same_child_merges_the_records(login, possible_match, users):
    response = login("alice").post(
        reverse("match_detail", args=[possible_match.pk]),
        {f"match-{possible_match.pk}-decision": "same", f"match-{possible_match.pk}-reason": "same address and GP"},
        follow=True,
    )
    assert b"Decided: the same child" in response.content
    possible_match.refresh_from_db()
    assert possible_match.status == "same" and possible_match.decided_by == users.alice
    assert Child.objects.get(pk=possible_match.child_id).merged_into_id == possible_match.candidate_id


def test_different_children_keeps_them_apart(login, possible_match):
    login("maria").post(
        reverse("match_detail", args=[possible_match.pk]),
        {f"match-{possible_match.pk}-decision": "different", f"match-{possible_match.pk}-reason": "different GP"},
    )
    possible_match.refresh_from_db()
    assert possible_match.status == "different"
    assert Child.objects.get(pk=possible_match.child_id).merged_into_id is None
    assert AuditEvent.objects.filter(event="match_reviewed").exists()


def test_a_decision_needs_a_choice_and_a_reason(login, possible_match):
    response = login("anna").post(reverse("match_detail", args=[possible_match.pk]), {})
    page = response.content.decode()
    assert "Say whether these are the same child" in page and "Enter a reason" in page
    assert MatchCandidate.objects.get().status == "open"


def test_reviewing_matches_is_audited_as_viewing_both_children(login, possible_match):
    login("alice").get(reverse("match_list"))
    viewed = set(AuditEvent.objects.filter(event="child_viewed").values_list("child_id", flat=True))
    assert viewed == {possible_match.child_id, possible_match.candidate_id}
