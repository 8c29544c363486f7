"""One child, one record: linking on arrival, review of uncertain matches, merges and splits."""

import pytest

from joinedup.core.models import AuditEvent
from joinedup.records import services
from joinedup.records.models import Child, ChildLinkEvent, ConcernChild, MatchCandidate, MatchStatus

pytestmark = pytest.mark.django_db

KAYLEIGH = {"given_name": "Kayleigh", "family_name": "Testwood", "dob": "2010-07-14", "sex": "female"}


def test_two_agencies_describing_the_same_child_give_one_child(submit):
    a = submit("police", children=[{"ref": "P-1", **KAYLEIGH}])
    b = submit("school", children=[{"ref": "NA-9", **KAYLEIGH, "given_name": "Kayley", "upn": "A123456789012"}])
    assert a.child_ids == b.child_ids
    assert Child.objects.count() == 1


def test_an_uncertain_match_goes_to_review_and_confirming_it_merges_reversibly(submit, users):
    a = submit("police", children=[{"ref": "P-1", **KAYLEIGH}])
    b = submit("school", children=[{"given_name": "Kayleigh", "family_name": "Testwood", "approx_age": 13}])
    assert a.child_ids != b.child_ids
    candidate = MatchCandidate.objects.get()
    assert candidate.status == MatchStatus.OPEN
    assert {candidate.child_id, candidate.candidate_id} == {a.child_ids[0], b.child_ids[0]}
    assert candidate.explanation

    services.decide_match(users.alice, candidate, same=True, reason="same school and name")
    assert ConcernChild.objects.values("child").distinct().count() == 1
    merged = Child.objects.get(pk=b.child_ids[0])
    assert merged.merged_into_id == a.child_ids[0]
    assert AuditEvent.objects.filter(event="children_merged").exists()
    assert AuditEvent.objects.filter(event="match_reviewed", actor=users.alice).exists()

    merge = ChildLinkEvent.objects.get(kind="merge")
    services.undo_merge(users.alice, merge, reason="different children after all")
    assert ConcernChild.objects.values("child").distinct().count() == 2
    assert Child.objects.get(pk=b.child_ids[0]).merged_into_id is None
    with pytest.raises(services.RefusedError):
        services.undo_merge(users.alice, merge, reason="again")


def test_deciding_different_children_keeps_them_apart_and_cannot_be_decided_twice(submit, users):
    submit("police", children=[{"ref": "P-1", **KAYLEIGH}])
    submit("school", children=[{"given_name": "Kayleigh", "family_name": "Testwood", "approx_age": 13}])
    candidate = MatchCandidate.objects.get()
    services.decide_match(users.alice, candidate, same=False, reason="different dates of birth on file")
    assert Child.objects.filter(merged_into__isnull=True).count() == 2
    with pytest.raises(services.RefusedError):
        services.decide_match(users.alice, candidate, same=True)


def test_splitting_a_description_gives_it_a_child_of_its_own_and_loses_nothing(submit, users):
    a = submit("police", children=[{"ref": "P-1", **KAYLEIGH}])
    submit("health", children=[{"nhs_number": "9990000001", **KAYLEIGH}])
    assert Child.objects.count() == 1
    row = ConcernChild.objects.get(agency__name="Northtown Health")
    services.split_description(users.alice, row, reason="a different girl with the same name and birthday")
    row.refresh_from_db()
    assert row.child_id != a.child_ids[0]
    assert ConcernChild.objects.count() == 2
    assert AuditEvent.objects.filter(event="children_split").count() == 1


def test_a_merge_needs_a_reason(submit, users):
    a = submit("police", children=[{"ref": "P-1", **KAYLEIGH}])
    b = submit("school", children=[{"given_name": "Someone", "family_name": "Else"}])
    keep, merge = Child.objects.get(pk=a.child_ids[0]), Child.objects.get(pk=b.child_ids[0])
    with pytest.raises(services.RefusedError):
        services.merge_children(users.alice, keep, merge, reason=" ")


def test_a_child_picked_after_searching_is_linked_whatever_the_matcher_thinks(submit, users):
    from joinedup.records.models import Channel
    from tests.factories import concern_data

    a = submit("police", children=[{"ref": "P-1", **KAYLEIGH}])
    data = concern_data("social_care", children=[{"given_name": "Kay", "family_name": "T"}])
    result = services.submit_concern(users.alice, data, channel=Channel.FORM, known_children={0: a.child_ids[0]})
    assert result.child_ids == a.child_ids
    assert ConcernChild.objects.get(version__concern_id=result.concern_id).link_method == "picked"


def test_a_school_cannot_pick_a_child_it_cannot_see(submit, users):
    from joinedup.records.models import Channel
    from tests.factories import concern_data

    a = submit("police", children=[{"ref": "P-1", **KAYLEIGH}])
    with pytest.raises(services.RecordError, match="cannot be found"):
        services.submit_concern(users.sam, concern_data("school"), channel=Channel.FORM, known_children={0: a.child_ids[0]})


def test_a_description_that_ties_two_records_together_merges_them_reversibly(submit):
    # Health knows the child by NHS number; the school by its pupil number; neither name matches well.
    a = submit("health", children=[{"nhs_number": "9990000001", "given_name": "Kayleigh", "family_name": "Testwood"}])
    b = submit("school", children=[{"upn": "A123456789012", "given_name": "Kay", "family_name": "Testwod"}])
    assert a.child_ids != b.child_ids
    # Social care's record carries both identifiers: the two records are the same child.
    c = submit("social_care", children=[{"nhs_number": "9990000001", "upn": "A123456789012", "given_name": "Kayleigh"}])
    assert c.child_ids == a.child_ids
    assert Child.objects.get(pk=b.child_ids[0]).merged_into_id == a.child_ids[0]
    assert ConcernChild.objects.values("child").distinct().count() == 1
    event = ChildLinkEvent.objects.get(kind="merge")
    assert "automatic" in event.reason and "pupil number" in event.reason


def test_a_merge_during_a_replay_happens_on_the_records_clock(db):
    import datetime as dt

    from tests.factories import concern_data
    from tests.records.helpers import jsonl, run_import

    kay = {"given_name": "Kayleigh", "family_name": "Testwood"}
    records = [
        concern_data("health", children=[{"nhs_number": "9990000001", **kay}], received_at="2021-01-05T10:00:00+00:00"),
        concern_data("school", children=[{"upn": "A123456789012", "given_name": "Kay", "family_name": "Testwod"}],
                     received_at="2021-02-05T10:00:00+00:00"),
        concern_data("social_care", children=[{"nhs_number": "9990000001", "upn": "A123456789012", "given_name": "Kayleigh"}],
                     received_at="2021-03-05T10:00:00+00:00"),
    ]
    run_import(jsonl(*records), replay=True)
    event = ChildLinkEvent.objects.get(kind="merge")
    assert event.created_at == dt.datetime(2021, 3, 5, 10, tzinfo=dt.UTC)
    assert AuditEvent.objects.get(event="children_merged").at == event.created_at


def test_records_with_different_nhs_numbers_are_never_merged(submit):
    a = submit("health", children=[{"nhs_number": "9990000001", **KAYLEIGH}])
    b = submit("health", children=[{"nhs_number": "9990000002", "ref": "H-2", **KAYLEIGH}])
    assert a.child_ids != b.child_ids
    submit("health", children=[{"nhs_number": "9990000001", "ref": "H-2", **KAYLEIGH}])
    assert not ChildLinkEvent.objects.filter(kind="merge").exists()
