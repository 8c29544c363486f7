"""Last contact, classification, legal holds and the two-person rule: what is due, and why a proposal
or an approval is refused."""

import datetime as dt

import pytest

from joinedup.core import clock
from joinedup.core.models import AuditEvent
from joinedup.records.services import RefusedError
from joinedup.retention import contact, queries, services
from joinedup.retention.models import Classification, Proposal, ProposalStatus, Tombstone
from tests.retention.conftest import LAST_CONTACT, at

LATER = dt.datetime(2060, 1, 1, tzinfo=dt.UTC)  # both town children due under the default rule


def _due_ids(as_of):
    return [p.child_id for p in queries.due(as_of)]


def test_last_contact_is_the_latest_activity_across_concerns_and_casework(town, submit):
    assert contact.of(town["lily"]) == LAST_CONTACT  # the visit closed on 10 June 2024
    assert contact.of(town["oscar"]) == dt.datetime(2024, 3, 20, 9, 0, tzinfo=dt.UTC)  # his only concern
    with at("2025-01-15"):
        from tests.retention.conftest import OSCAR

        submit("health", received_at="2025-01-15T09:00:00+00:00", children=[OSCAR], mentions=[], summary="Seen at clinic.",
               child_words="", categories=["neglect"], indicators=[])
    assert contact.of(town["oscar"]) == dt.datetime(2025, 1, 15, 9, 0, tzinfo=dt.UTC)


def test_a_child_protection_record_is_due_35_years_after_last_contact(town):
    lily = queries.position_of(town["lily"])
    assert (lily.record_type, lily.due_on) == ("child_protection", dt.date(2059, 6, 10))
    assert town["lily"] not in _due_ids(dt.datetime(2059, 6, 9, 12, tzinfo=dt.UTC))
    assert town["lily"] in _due_ids(dt.datetime(2059, 6, 10, 12, tzinfo=dt.UTC))
    assert _due_ids(LATER) == [town["oscar"], town["lily"]]  # oldest due first


def test_a_looked_after_childs_record_is_due_on_the_75th_anniversary(users, town):
    with at("2025-01-01"):
        services.classify(users.audrey, town["lily"], "looked_after", reason="In care since 2019 (court order).",
                          date_of_birth=dt.date(2008, 3, 1))
    assert queries.position_of(town["lily"]).due_on == dt.date(2083, 3, 1)
    assert town["lily"] not in _due_ids(LATER)
    assert town["lily"] in _due_ids(dt.datetime(2083, 3, 1, 12, tzinfo=dt.UTC))
    event = AuditEvent.objects.get(event="retention_classified")
    assert (event.child_id, event.reason, event.actor) == (town["lily"], "In care since 2019 (court order).", users.audrey)


def test_classification_is_append_only_and_the_newest_stands(users, town):
    with at("2025-01-01"):
        services.classify(users.audrey, town["lily"], "looked_after", reason="In care.", date_of_birth=dt.date(2008, 3, 1))
        services.classify(users.adam, town["lily"], "looked_after", reason="She died, aged 12.",
                          date_of_birth=dt.date(2008, 3, 1), date_of_death=dt.date(2020, 6, 15))
    assert Classification.objects.filter(child_id=town["lily"]).count() == 2
    assert queries.position_of(town["lily"]).due_on == dt.date(2035, 6, 15)


def test_a_classification_needs_its_rules_date_and_a_reason(users, town):
    with pytest.raises(RefusedError, match="date of birth"):
        services.classify(users.audrey, town["lily"], "looked_after", reason="In care.")
    with pytest.raises(RefusedError, match="reason"):
        services.classify(users.audrey, town["lily"], "adoption", reason=" ", event_date=dt.date(2015, 1, 1))
    with pytest.raises(RefusedError, match="record type"):
        services.classify(users.audrey, town["lily"], "kept_for_ever", reason="Because.")
    assert not Classification.objects.exists()


@pytest.mark.parametrize("username", ["alice", "sunita", "maria", "peter", "sam", "lena"])
def test_only_records_officers_manage_retention(users, town, username):
    user = getattr(users, username)
    with pytest.raises(RefusedError, match="records officers"):
        services.place_hold(user, town["lily"], "An inquiry.")
    with clock.frozen(LATER), pytest.raises(RefusedError, match="records officers"):
        services.propose(user, town["lily"])


def test_a_held_record_is_listed_held_and_cannot_be_proposed(users, town):
    with at("2030-01-01"):
        hold = services.place_hold(users.audrey, town["lily"], "Needed for the Quarrymoor inquiry.")
    lily = next(p for p in queries.due(LATER) if p.child_id == town["lily"])
    assert lily.held and lily.blocked == "legal hold"
    with clock.frozen(LATER), pytest.raises(RefusedError, match="legal hold"):
        services.propose(users.audrey, town["lily"])
    with clock.frozen(LATER):
        proposed, skipped = services.propose_all_due(users.audrey)
    assert [p.child_id_number for p in proposed] == [town["oscar"]]
    assert [(p.child_id, "legal hold" in why) for p, why in skipped] == [(town["lily"], True)]
    with at("2031-01-01"):
        services.lift_hold(users.adam, hold.pk, "The inquiry reported.")
    with clock.frozen(LATER):
        assert services.propose(users.audrey, town["lily"]).due_on == dt.date(2059, 6, 10)
    assert [e.event for e in AuditEvent.objects.filter(event__startswith="legal_hold").order_by("id")] == [
        "legal_hold_placed", "legal_hold_lifted"]


def test_a_record_cannot_be_proposed_before_it_is_due(users, town):
    with clock.frozen(dt.datetime(2059, 6, 9, 12, tzinfo=dt.UTC)), pytest.raises(RefusedError, match="not yet due"):
        services.propose(users.audrey, town["lily"])


def test_the_proposer_cannot_approve_their_own_proposal(users, town):
    with clock.frozen(LATER):
        proposal = services.propose(users.audrey, town["lily"])
        with pytest.raises(RefusedError, match="different records officer"):
            services.approve(users.audrey, proposal.pk)
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.AWAITING and not Tombstone.objects.exists()


def test_approval_re_checks_a_hold_placed_since(users, town):
    with clock.frozen(LATER):
        proposal = services.propose(users.audrey, town["lily"])
        services.place_hold(users.adam, town["lily"], "A claim was made.")
        with pytest.raises(RefusedError, match="legal hold"):
            services.approve(users.adam, proposal.pk)
    assert not Tombstone.objects.exists()


def test_approval_re_checks_contact_since(users, town, submit):
    from tests.retention.conftest import LILY

    with clock.frozen(LATER):
        proposal = services.propose(users.audrey, town["lily"])
    with clock.frozen(LATER + dt.timedelta(days=1)):
        submit("police", received_at=(LATER + dt.timedelta(days=1)).isoformat(), children=[LILY], mentions=[],
               summary="Lilyanne, now grown up, asked for her file.", child_words="", categories=["neglect"], indicators=[])
    with clock.frozen(LATER + dt.timedelta(days=2)), pytest.raises(RefusedError, match="not yet due|contact since"):
        services.approve(users.adam, proposal.pk)
    assert not Tombstone.objects.exists()


def test_approval_re_checks_a_classification_since(users, town):
    with clock.frozen(LATER):
        proposal = services.propose(users.audrey, town["lily"])
        services.classify(users.adam, town["lily"], "adoption", reason="Adopted in 2012.", event_date=dt.date(2012, 9, 30))
        with pytest.raises(RefusedError, match="not yet due"):
            services.approve(users.adam, proposal.pk)


def test_a_refusal_needs_a_reason_and_is_final(users, town):
    with clock.frozen(LATER):
        proposal = services.propose(users.audrey, town["lily"])
        with pytest.raises(RefusedError, match="reason"):
            services.refuse(users.adam, proposal.pk, "")
        services.refuse(users.adam, proposal.pk, "The family has a complaint open.")
        with pytest.raises(RefusedError, match="already been decided"):
            services.approve(users.adam, proposal.pk)
    assert Proposal.objects.get().status == ProposalStatus.REFUSED
    assert AuditEvent.objects.get(event="disposal_refused").reason == "The family has a complaint open."


def test_a_record_sharing_a_concern_with_another_child_is_blocked(users, town, submit):
    from tests.retention.conftest import LILY, OSCAR

    with at("2024-02-01"):
        submit("police", received_at="2024-02-01T09:00:00+00:00", children=[LILY, OSCAR], mentions=[],
               summary="Both seen together.", child_words="", categories=["neglect"], indicators=[])
    lily = next(p for p in queries.due(LATER) if p.child_id == town["lily"])
    assert lily.shared_concerns == 1 and "another child" in lily.blocked
    with clock.frozen(LATER), pytest.raises(RefusedError, match="also name another child"):
        services.propose(users.audrey, town["lily"])


@pytest.mark.parametrize("as_of", ["2059-03-19", "2059-03-20", "2059-06-09", "2059-06-10", "2083-03-01", "2112-01-01"])
def test_the_due_list_agrees_with_each_records_own_position(users, town, as_of):
    """The database's narrowing of the search never drops a record that is due."""
    from joinedup.records.models import Child

    with at("2025-01-01"):
        services.classify(users.audrey, town["lily"], "looked_after", reason="In care.", date_of_birth=dt.date(2008, 3, 1))
    moment = dt.datetime.fromisoformat(as_of + "T12:00:00+00:00")
    expected = {pk for pk in Child.objects.values_list("pk", flat=True) if queries.position_of(pk).is_due(moment)}
    assert set(_due_ids(moment)) == expected
