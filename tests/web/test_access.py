"""Who may open each page. No access is a 404 (nobody learns what exists), never a 403; someone not
signed in is sent to sign in."""

import pytest
from django.urls import reverse

from joinedup.records.models import Child
from joinedup.records.services import merge_children
from tests.web.conftest import EVERYONE, NO_RECORDS, OWN_AGENCY, WIDE


def _expect(allowed):
    return [(name, 200 if name in allowed else 404) for name in EVERYONE]


def _open(login, username, url):
    return login(username).get(url)


@pytest.mark.parametrize("username,status", _expect(WIDE))
def test_front_door_is_for_the_safeguarding_roles(login, username, status):
    assert _open(login, username, reverse("front_door")).status_code == status


@pytest.mark.parametrize("username,status", _expect(WIDE + OWN_AGENCY))
def test_record_a_concern_is_for_every_role_that_records(login, username, status):
    assert _open(login, username, reverse("record_concern")).status_code == status


@pytest.mark.parametrize("username,status", _expect(WIDE + OWN_AGENCY))
def test_find_a_child_is_for_everyone_who_sees_records(login, username, status):
    assert _open(login, username, reverse("find_child") + "?q=Kayleigh").status_code == status


@pytest.mark.parametrize("username,status", _expect(WIDE + ["sam"]))
def test_a_schools_child_is_seen_by_the_school_and_the_wide_roles(login, school_concern, username, status):
    url = reverse("child_detail", args=[school_concern.child_ids[0]])
    assert _open(login, username, url).status_code == status


def test_it_refuses_a_school_user_another_schools_child(login, school_concern):
    url = reverse("child_detail", args=[school_concern.child_ids[0]])
    assert login("rose").get(url).status_code == 404


@pytest.mark.parametrize("username,status", _expect(WIDE + ["sam"]))
def test_a_schools_concern_is_seen_by_the_school_and_the_wide_roles(login, school_concern, username, status):
    assert _open(login, username, reverse("concern_detail", args=[school_concern.concern_id])).status_code == status


@pytest.mark.parametrize("username,status", _expect(WIDE))
def test_a_police_concern_is_not_shown_to_own_agency_roles(login, police_concern, username, status):
    assert _open(login, username, reverse("concern_detail", args=[police_concern.concern_id])).status_code == status


@pytest.mark.parametrize("username,status", _expect(WIDE + ["sam"]))
def test_the_receipt_is_for_those_who_may_see_the_concern(login, school_concern, username, status):
    allowed_to_record = username not in NO_RECORDS
    url = reverse("concern_recorded", args=[school_concern.concern_id])
    assert _open(login, username, url).status_code == (status if allowed_to_record else 404)


@pytest.mark.parametrize("username,status", _expect(["alice", "sam"]))
def test_a_concern_is_withdrawn_only_by_its_agency_or_the_front_door(login, school_concern, username, status):
    url = reverse("concern_withdraw", args=[school_concern.concern_id])
    assert _open(login, username, url).status_code == status


@pytest.mark.parametrize("username,status", _expect(["alice", "maria", "anna"]))
def test_possible_matches_are_for_the_reviewers(login, possible_match, username, status):
    assert _open(login, username, reverse("match_list")).status_code == status
    assert _open(login, username, reverse("match_detail", args=[possible_match.pk])).status_code == status


@pytest.mark.parametrize("username,status", _expect(["alice", "maria", "anna"]))
def test_undoing_a_merge_is_for_the_reviewers(login, users, submit, username, status):
    keep = Child.objects.get(pk=submit("police").child_ids[0])
    other = Child.objects.get(
        pk=submit("health", children=[{"given_name": "Someone", "family_name": "Else"}]).child_ids[0]
    )
    event = merge_children(users.alice, keep, other, "same NHS number on paper records")
    url = reverse("undo_merge", args=[keep.pk, event.pk])
    assert _open(login, username, url).status_code == status


@pytest.mark.parametrize("username,status", _expect(["audrey", "adam"]))
def test_the_audit_trail_is_for_the_auditor_and_administrator(login, username, status):
    assert _open(login, username, reverse("audit_search")).status_code == status


@pytest.mark.parametrize(
    "name,args",
    [
        ("home", []), ("front_door", []), ("record_concern", []), ("find_child", []), ("child_detail", [1]),
        ("concern_detail", [1]), ("concern_recorded", [1]), ("concern_withdraw", [1]), ("match_list", []),
        ("match_detail", [1]), ("undo_merge", [1, 1]), ("audit_search", []), ("record_find_child", []),
        ("record_child_details", []), ("record_mention_row", []),
    ],
)
def test_it_sends_anyone_not_signed_in_to_sign_in(client, db, name, args):
    response = client.get(reverse(name, args=args))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize(
    "username,start",
    [("alice", "front_door"), ("peter", "front_door"), ("sam", "record_concern"), ("harriet", "record_concern"),
     ("yusuf", "record_concern"), ("audrey", "audit_search"), ("adam", "audit_search")],
)
def test_home_sends_each_role_where_it_starts(login, username, start):
    response = login(username).get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"] == reverse(start)


def test_a_missing_child_and_a_hidden_child_look_the_same(login, school_concern):
    client = login("rose")
    hidden = client.get(reverse("child_detail", args=[school_concern.child_ids[0]]))
    missing = client.get(reverse("child_detail", args=[999999]))
    assert hidden.status_code == missing.status_code == 404
    assert b"Page not found" in hidden.content
