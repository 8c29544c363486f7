"""The child's page: what each agency knows, one chronology across the agencies the user may see, in
a fixed number of queries, and every view audited."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from joinedup.core.models import AuditEvent
from joinedup.records.models import Child
from joinedup.records.services import merge_children


def _page(client, child_id):
    return client.get(reverse("child_detail", args=[child_id]))


def test_wide_roles_see_a_second_agencys_concern_on_the_chronology(login, school_concern, police_concern):
    child_id = school_concern.child_ids[0]
    assert police_concern.child_ids == [child_id]
    response = _page(login("sunita"), child_id)
    references = [c.reference for c in response.context["concerns"]]
    assert sorted(references) == sorted([school_concern.reference, police_concern.reference])
    page = response.content.decode()
    assert "Northtown Police" in page and "Northtown Academy" in page


def test_a_school_dsl_sees_only_their_schools_concerns_and_details(login, school_concern, police_concern):
    response = _page(login("sam"), school_concern.child_ids[0])
    assert [c.reference for c in response.context["concerns"]] == [school_concern.reference]
    page = response.content.decode()
    assert "Northtown Police" not in page
    assert police_concern.reference not in page
    assert [a["agency"].name for a in response.context["agencies"]] == ["Northtown Academy"]


def test_it_shows_each_agencys_details_of_the_child(login, school_concern, police_concern):
    response = _page(login("alice"), school_concern.child_ids[0])
    tables = {a["agency"].name: dict(a["rows"]) for a in response.context["agencies"]}
    assert tables["Northtown Academy"]["Agency's reference"] == ["NA-2231"]
    assert tables["Northtown Police"]["Agency's reference"] == ["K-1"]
    assert tables["Northtown Police"]["Date of birth"] == ["14 July 2010"]


def test_the_childs_own_words_are_set_apart(login, police_concern):
    page = _page(login("alice"), police_concern.child_ids[0]).content.decode()
    assert "In the child's words" in page
    assert "He said he&#x27;d get me a phone." in page
    assert "YK62 HBD" in page  # the mention


def test_the_timeline_has_a_lane_per_agency_and_a_text_alternative(login, school_concern, police_concern):
    response = _page(login("alice"), school_concern.child_ids[0])
    timeline = response.context["timeline"]
    assert [lane.full_label for lane in timeline.lanes] == ["Northtown Academy", "Northtown Police"]
    assert len(timeline.dots) == 2
    page = response.content.decode()
    assert 'role="img"' in page and "<desc id=\"timeline-desc\">2 concerns from 2 agencies" in page


def test_viewing_a_child_is_audited_with_the_reason_access_was_allowed(login, school_concern):
    child_id = school_concern.child_ids[0]
    _page(login("sam"), child_id)
    event = AuditEvent.objects.get(event="child_viewed")
    assert event.child_id == child_id
    assert event.actor.username == "sam"
    assert "known to Northtown Academy" in event.detail["access"]


def test_a_refused_child_view_is_not_audited_as_a_view(login, school_concern):
    _page(login("rose"), school_concern.child_ids[0])
    assert not AuditEvent.objects.filter(event="child_viewed").exists()


def test_the_number_of_queries_does_not_grow_with_the_chronology(login, submit, django_assert_max_num_queries):
    client = login("alice")
    child_id = submit("police").child_ids[0]
    _page(client, child_id)  # warm the session
    with CaptureQueriesContext(connection) as one_concern:
        _page(client, child_id)
    for i in range(29):
        agency = ("police", "school", "health")[i % 3]
        result = submit(agency, received_at=f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}T10:00:00+00:00")
        assert result.child_ids == [child_id]
    with django_assert_max_num_queries(len(one_concern)):
        response = _page(client, child_id)
    assert len(response.context["concerns"]) == 30


def test_possible_matches_waiting_are_shown_on_the_childs_page(login, possible_match):
    page = _page(login("alice"), possible_match.candidate_id).content.decode()
    assert "may be the same child as another record" in page
    assert reverse("match_detail", args=[possible_match.pk]) in page


def test_a_merged_childs_old_address_leads_to_the_merged_record(login, users, submit):
    keep = Child.objects.get(pk=submit("police").child_ids[0])
    other = Child.objects.get(pk=submit("health", children=[{"given_name": "Kay", "family_name": "T"}]).child_ids[0])
    merge_children(users.alice, keep, other, "same child: confirmed by the school nurse")
    response = _page(login("alice"), other.pk)
    assert response.status_code == 302
    assert response["Location"] == reverse("child_detail", args=[keep.pk])


def test_a_merge_can_be_undone_from_the_childs_page(login, users, submit):
    keep = Child.objects.get(pk=submit("police").child_ids[0])
    other = Child.objects.get(pk=submit("health", children=[{"given_name": "Kay", "family_name": "T"}]).child_ids[0])
    event = merge_children(users.alice, keep, other, "same child: confirmed by the school nurse")
    client = login("maria")
    page = _page(client, keep.pk).content.decode()
    undo_url = reverse("undo_merge", args=[keep.pk, event.pk])
    assert undo_url in page
    refused = client.post(undo_url, {"reason": ""})
    assert b"Enter a reason" in refused.content
    response = client.post(undo_url, {"reason": "different dates of birth on the GP record"}, follow=True)
    assert b"The merge was undone" in response.content
    other.refresh_from_db()
    assert other.merged_into_id is None
    assert AuditEvent.objects.filter(event="children_split", actor=users.maria).exists()
