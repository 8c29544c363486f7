"""Deciding, signing off, carrying out actions, telling agencies, closing cases."""

import datetime as dt

import pytest

from joinedup.casework import services
from joinedup.casework.models import (
    Action,
    ActionKind,
    ActionStatus,
    Case,
    DecisionKind,
    DecisionStatus,
    Notification,
    Reassignment,
)
from joinedup.core import clock
from joinedup.core.models import AuditEvent
from joinedup.records.models import Concern
from joinedup.records.services import RefusedError

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2024, 3, 5, 10, 0, tzinfo=dt.UTC)


@pytest.fixture
def frozen():
    with clock.frozen(NOW):
        yield


def concern(submit, agency="school", **overrides):
    overrides.setdefault("received_at", "2024-03-05T09:00:00+00:00")
    return Concern.objects.get(pk=submit(agency, **overrides).concern_id)


NEUTRAL = {"categories": ["neglect"], "indicators": [], "mentions": []}


def test_no_further_action_needs_a_rationale(submit, users, frozen):
    c = concern(submit, **NEUTRAL)
    with pytest.raises(RefusedError, match="rationale"):
        services.record_decision(users.alice, c, DecisionKind.NO_FURTHER_ACTION, "  ")


def test_no_further_action_on_a_plain_concern_takes_effect_at_once(submit, users, frozen):
    c = concern(submit, **NEUTRAL)
    decision = services.record_decision(users.alice, c, DecisionKind.NO_FURTHER_ACTION, "Parent engaged with school nurse.")
    assert decision.status == DecisionStatus.EFFECTIVE
    assert decision.effective_at == NOW
    assert AuditEvent.objects.filter(event="decision_recorded", actor=users.alice).exists()


@pytest.mark.parametrize(
    "overrides,reason",
    [
        ({"categories": ["sexual_exploitation"], "indicators": []}, "sexual exploitation"),
        ({"categories": ["neglect"], "indicators": ["missing_overnight"]}, "significant exploitation indicators"),
    ],
)
def test_no_further_action_on_exploitation_waits_for_a_managers_sign_off(submit, users, frozen, overrides, reason):
    c = concern(submit, mentions=[], **overrides)
    decision = services.record_decision(users.alice, c, DecisionKind.NO_FURTHER_ACTION, "Nothing more to do.")
    assert decision.status == DecisionStatus.AWAITING_SIGN_OFF
    assert any(reason in r for r in decision.sign_off_reasons)
    sign_off_action = Action.objects.get(kind=ActionKind.SIGN_OFF)
    assert sign_off_action.owner_team == users.alice.team


def test_a_third_concern_in_a_year_needs_sign_off_for_no_further_action(submit, users, frozen):
    for month in ("2023-06-01", "2023-11-01"):
        concern(submit, received_at=f"{month}T09:00:00+00:00", **NEUTRAL)
    third = concern(submit, **NEUTRAL)
    decision = services.record_decision(users.alice, third, DecisionKind.NO_FURTHER_ACTION, "Seen before.")
    assert decision.status == DecisionStatus.AWAITING_SIGN_OFF
    assert "concern number 3" in decision.sign_off_reasons[0]


def test_a_manager_signs_off_but_not_their_own_decision(submit, users, frozen):
    c = concern(submit, categories=["sexual_abuse"], indicators=[], mentions=[])
    own = services.record_decision(users.maria, c, DecisionKind.NO_FURTHER_ACTION, "Allegation retracted.")
    with pytest.raises(RefusedError, match="your own"):
        services.sign_off(users.maria, own, True, "fine")
    with pytest.raises(RefusedError, match="team manager"):
        services.sign_off(users.sunita, own, True, "fine")


def test_sign_off_makes_the_decision_effective_and_closes_the_sign_off_work(submit, users, frozen):
    c = concern(submit, categories=["sexual_abuse"], indicators=[], mentions=[])
    decision = services.record_decision(users.alice, c, DecisionKind.NO_FURTHER_ACTION, "Allegation retracted.")
    services.sign_off(users.maria, decision, True, "Checked the history: agree.")
    decision.refresh_from_db()
    assert decision.status == DecisionStatus.EFFECTIVE
    assert Action.objects.get(kind=ActionKind.SIGN_OFF).status == ActionStatus.DONE
    assert AuditEvent.objects.filter(event="decision_signed_off", actor=users.maria).exists()


def test_declining_sign_off_lets_a_new_decision_be_made(submit, users, frozen):
    c = concern(submit, categories=["sexual_exploitation"], indicators=[], mentions=[])
    first = services.record_decision(users.alice, c, DecisionKind.NO_FURTHER_ACTION, "Seems fine.")
    services.sign_off(users.maria, first, False, "Exploitation risk not considered: strategy discussion needed.")
    second = services.record_decision(users.alice, c, DecisionKind.STRATEGY_DISCUSSION, "Manager asked for a strategy discussion.")
    assert second.status == DecisionStatus.EFFECTIVE


def test_a_concern_cannot_be_decided_twice(submit, users, frozen):
    c = concern(submit, **NEUTRAL)
    services.record_decision(users.alice, c, DecisionKind.EARLY_HELP, "Family agreed to early help.")
    with pytest.raises(RefusedError, match="already"):
        services.record_decision(users.sunita, c, DecisionKind.EARLY_HELP, "again")


def test_a_strategy_discussion_notifies_police_and_health_and_starts_the_clock(submit, users, frozen):
    assert users.peter and users.harriet  # the police and health agencies exist
    c = concern(submit)
    decision = services.record_decision(users.alice, c, DecisionKind.STRATEGY_DISCUSSION, "Significant harm suspected.")
    notified = set(Notification.objects.filter(decision=decision).values_list("to_agency__type", flat=True))
    assert notified == {"police", "health"}
    note = Notification.objects.filter(decision=decision).first()
    assert note.ack_due_at.date() == dt.date(2024, 3, 7)
    strategy = Action.objects.get(kind=ActionKind.STRATEGY_DISCUSSION)
    assert strategy.due_at.date() == dt.date(2024, 3, 6)
    assert strategy.due_rule == "strategy_discussion"
    assert Case.objects.filter(closed_at__isnull=True).count() == 1


def test_completing_a_strategy_discussion_starts_the_initial_conference_clock(submit, users, frozen):
    c = concern(submit)
    services.record_decision(users.alice, c, DecisionKind.STRATEGY_DISCUSSION, "Significant harm suspected.")
    strategy = Action.objects.get(kind=ActionKind.STRATEGY_DISCUSSION)
    services.complete_action(users.alice, strategy, "Held with police and health; s47 enquiry agreed.")
    conference = Action.objects.get(kind=ActionKind.INITIAL_CONFERENCE)
    assert conference.due_at.date() == dt.date(2024, 3, 26)  # 15 working days after 5 March


def test_only_the_notified_agency_acknowledges_and_only_once(submit, users, frozen):
    assert users.peter  # the police agency exists
    c = concern(submit)
    decision = services.record_decision(users.alice, c, DecisionKind.STRATEGY_DISCUSSION, "Significant harm suspected.")
    note = Notification.objects.get(decision=decision, to_agency__type="police")
    with pytest.raises(RefusedError):
        services.acknowledge(users.sam, note)
    services.acknowledge(users.peter, note)
    with pytest.raises(RefusedError, match="already"):
        services.acknowledge(users.peter, note)
    assert AuditEvent.objects.filter(event="notification_acknowledged").count() == 1


def test_an_action_due_in_the_past_is_refused(submit, users, frozen):
    c = concern(submit, **NEUTRAL)
    spec = services.ActionSpec("Visit the family", NOW - dt.timedelta(days=1), owner=users.sunita)
    with pytest.raises(RefusedError, match="future"):
        services.add_action(users.alice, c, spec)


def test_an_owner_who_cannot_see_the_concern_is_refused(submit, users, frozen):
    c = concern(submit, "police", **NEUTRAL)
    spec = services.ActionSpec("Check school attendance", NOW + dt.timedelta(days=3), owner=users.sam)
    with pytest.raises(RefusedError, match="cannot see"):
        services.add_action(users.alice, c, spec)


def test_reassignment_is_recorded_and_audited(submit, users, frozen):
    c = concern(submit, **NEUTRAL)
    action = services.add_action(users.alice, c, services.ActionSpec("Visit", NOW + dt.timedelta(days=3), owner=users.alice))
    services.reassign_action(users.maria, action, to_owner=users.sunita, reason="Alice is on leave")
    action.refresh_from_db()
    assert action.owner == users.sunita
    move = Reassignment.objects.get()
    assert (move.from_owner, move.to_owner, move.reason) == (users.alice, users.sunita, "Alice is on leave")
    assert AuditEvent.objects.filter(event="action_reassigned", actor=users.maria).exists()


def test_completing_needs_a_note_and_the_owner(submit, users, frozen):
    c = concern(submit, **NEUTRAL)
    action = services.add_action(users.alice, c, services.ActionSpec("Visit", NOW + dt.timedelta(days=3), owner=users.sunita))
    with pytest.raises(RefusedError):
        services.complete_action(users.peter, action, "done")
    with pytest.raises(RefusedError, match="what was done"):
        services.complete_action(users.sunita, action, " ")
    services.complete_action(users.sunita, action, "Visited; family engaged.")
    action.refresh_from_db()
    assert action.status == ActionStatus.DONE and action.closed_by == users.sunita


def test_a_case_cannot_be_closed_while_actions_are_open(submit, users, frozen):
    c = concern(submit, **NEUTRAL)
    services.record_decision(users.alice, c, DecisionKind.CHILD_IN_NEED, "Needs an assessment.")
    case = Case.objects.get()
    with pytest.raises(RefusedError, match="open action"):
        services.close_case(users.sunita, case, "assessment done")
    assessment = Action.objects.get(kind=ActionKind.ASSESSMENT)
    assert assessment.due_at.date() == dt.date(2024, 5, 10)  # 45 working days after 5 March (Easter and May Day skipped)
    services.complete_action(users.alice, assessment, "Assessment complete: no further needs.")
    services.close_case(users.sunita, case, "Assessment complete")
    case.refresh_from_db()
    assert case.closed_at == NOW


def test_a_third_concern_in_a_year_creates_a_history_review_for_the_allocated_worker(submit, users, frozen):
    first = concern(submit, received_at="2023-07-01T09:00:00+00:00", **NEUTRAL)
    services.record_decision(users.alice, first, DecisionKind.CHILD_IN_NEED, "Assess.")
    services.allocate_case(users.maria, Case.objects.get(), users.sunita)
    concern(submit, received_at="2023-12-01T09:00:00+00:00", **NEUTRAL)
    assert not Action.objects.filter(kind=ActionKind.HISTORY_REVIEW).exists()
    concern(submit, **NEUTRAL)
    review = Action.objects.get(kind=ActionKind.HISTORY_REVIEW)
    assert review.owner == users.sunita
    assert "concern number 3" in review.title
    concern(submit, received_at="2024-03-05T09:30:00+00:00", **NEUTRAL)
    assert Action.objects.filter(kind=ActionKind.HISTORY_REVIEW).count() == 1  # one open review at a time


def test_a_missing_child_gets_a_return_home_interview_within_72_hours(submit, users, frozen):
    concern(submit, "police", categories=["missing"], indicators=[], mentions=[], received_at="2024-03-02T23:40:00+00:00")
    interview = Action.objects.get(kind=ActionKind.RETURN_HOME_INTERVIEW)
    assert interview.due_at == dt.datetime(2024, 3, 5, 23, 40, tzinfo=dt.UTC)


def test_an_agency_invited_to_a_strategy_discussion_can_see_the_concern_and_the_child(submit, users, frozen):
    from joinedup.records import access

    harriet = users.harriet
    c = concern(submit, "school")
    assert not access.concerns_visible_to(harriet).filter(pk=c.pk).exists()
    services.record_decision(users.alice, c, DecisionKind.STRATEGY_DISCUSSION, "Significant harm suspected.")
    assert access.concerns_visible_to(harriet).filter(pk=c.pk).exists()
    child_id = services.child_ids_of(c)[0]
    assert access.children_visible_to(harriet).filter(pk=child_id).exists()
    assert access.concerns_visible_to(users.yusuf).filter(pk=c.pk).count() == 0  # not notified


def test_a_user_without_a_team_has_only_their_own_work(submit, users, frozen):
    from joinedup.casework.models import Action

    c = concern(submit, **NEUTRAL)
    services.add_action(users.alice, c, services.ActionSpec("Team job", NOW + dt.timedelta(days=3), owner_team=users.alice.team))
    loner = users.peter
    loner.team = None
    assert not Action.objects.filter(services.open_work_for(loner)).exists()
