"""Deciding on a concern from its page: the kind of response, the rationale, a referral's agency and
the actions, with the service's refusals shown as they come; what each viewer then sees."""

import datetime as dt

import pytest
from django.urls import reverse

from joinedup.casework.models import Action, Decision, DecisionStatus, Notification
from joinedup.core import clock
from joinedup.core.models import Agency, AuditEvent
from joinedup.records.models import Concern
from tests.web.conftest import NEUTRAL

NOW = dt.datetime(2024, 3, 5, 10, 0, tzinfo=dt.UTC)


@pytest.fixture
def frozen():
    with clock.frozen(NOW):
        yield


@pytest.fixture
def neutral(submit):
    return Concern.objects.get(pk=submit("school", received_at="2024-03-05T09:00:00+00:00", **NEUTRAL).concern_id)


def decision_form(kind, rationale="", **extra):
    data = {
        "decision-kind": kind, "decision-rationale": rationale, "decision-refer_to": "",
        "action-TOTAL_FORMS": "3", "action-INITIAL_FORMS": "0", "action-MIN_NUM_FORMS": "0", "action-MAX_NUM_FORMS": "3",
    }
    data.update(extra)
    return data


def action_row(index, title, owner, day):
    return {
        f"action-{index}-title": title, f"action-{index}-owner": owner,
        f"action-{index}-due_0": str(day.day), f"action-{index}-due_1": str(day.month), f"action-{index}-due_2": str(day.year),
    }


def _decide(client, concern, data):
    return client.post(reverse("concern_decide", args=[concern.pk]), data, follow=True)


def test_the_concern_page_offers_the_decision_with_a_hint_for_each_kind(login, neutral, frozen):
    page = login("alice").get(reverse("concern_detail", args=[neutral.pk])).content.decode()
    assert "Decide what happens next" in page
    assert "An assessment within 45 working days" in page or "an assessment within 45 working days" in page
    assert 'data-aria-controls="conditional-refer-to"' in page
    assert "govuk-radios__conditional" in page  # the agency question, shown anyway without JavaScript


def test_a_front_door_worker_decides_with_an_action_for_a_social_worker(login, users, neutral, frozen):
    sunita = users.sunita
    data = decision_form("early_help", "Family agreed to early help.",
                         **action_row(0, "Visit the family", f"user:{sunita.pk}", dt.date(2024, 3, 8)))
    response = _decide(login("alice"), neutral, data)
    decision = Decision.objects.get()
    assert (decision.kind, decision.status, decision.created_by) == ("early_help", DecisionStatus.EFFECTIVE, users.alice)
    action = Action.objects.get()
    assert (action.title, action.owner, action.decision) == ("Visit the family", sunita, decision)
    assert action.due_at.date() == dt.date(2024, 3, 8)
    page = response.content.decode()
    assert "Decision recorded: Early help." in page
    assert "Family agreed to early help." in page and "Visit the family" in page
    assert "Decide what happens next" not in page  # decided once
    assert AuditEvent.objects.filter(event="decision_recorded", actor=users.alice).exists()
    assert AuditEvent.objects.filter(event="action_created", actor=users.alice).exists()


def test_an_action_can_belong_to_a_whole_team(login, users, neutral, frozen):
    team = users.sunita.team
    _decide(login("alice"), neutral, decision_form("early_help", "Agreed.", **action_row(0, "Check in", f"team:{team.pk}", dt.date(2024, 3, 9))))
    action = Action.objects.get()
    assert action.owner is None and action.owner_team == team


def test_no_further_action_without_a_rationale_shows_the_error_summary(login, neutral, frozen):
    response = _decide(login("alice"), neutral, decision_form("no_further_action", "  "))
    page = response.content.decode()
    assert not Decision.objects.exists()
    assert "govuk-error-summary" in page
    assert 'href="#id_decision-rationale"' in page and "Enter the rationale for no further action" in page
    assert 'value="no_further_action" checked' in page


def test_choosing_nothing_says_so(login, neutral, frozen):
    page = _decide(login("alice"), neutral, decision_form("")).content.decode()
    assert 'href="#id_decision-kind_0"' in page and "Choose what happens next" in page


def test_a_referral_needs_an_agency_and_tells_it(login, users, neutral, frozen):
    youth = Agency.objects.get(pk=users.yusuf.agency_id)
    client = login("alice")
    page = _decide(client, neutral, decision_form("referral_to_agency", "Youth project can help.")).content.decode()
    assert "Choose the agency the concern is referred to" in page and not Decision.objects.exists()
    _decide(client, neutral, decision_form("referral_to_agency", "Youth project can help.", **{"decision-refer_to": str(youth.pk)}))
    assert Decision.objects.get().refer_to == youth
    assert Notification.objects.get().to_agency == youth


def test_an_agency_given_for_another_kind_of_decision_is_ignored(login, users, neutral, frozen):
    youth = Agency.objects.get(pk=users.yusuf.agency_id)
    _decide(login("alice"), neutral, decision_form("early_help", "Agreed.", **{"decision-refer_to": str(youth.pk)}))
    assert Decision.objects.get().refer_to is None


def test_a_half_filled_action_row_names_what_is_missing(login, users, neutral, frozen):
    data = decision_form("early_help", "Agreed.", **{"action-1-title": "Visit"})
    page = _decide(login("alice"), neutral, data).content.decode()
    assert not Decision.objects.exists()
    assert 'href="#id_action-1-owner"' in page and "Choose who will do it: a person or a team" in page
    assert 'href="#id_action-1-due_0"' in page and "Enter the date it is due by" in page
    assert 'value="Visit"' in page


def test_a_due_date_in_the_past_is_refused(login, users, neutral, frozen):
    data = decision_form("early_help", "Agreed.", **action_row(0, "Visit", f"user:{users.sunita.pk}", dt.date(2024, 3, 1)))
    page = _decide(login("alice"), neutral, data).content.decode()
    assert "The due date must be today or in the future" in page and not Decision.objects.exists()


def test_the_services_refusal_is_shown_in_the_error_summary(login, users, neutral, frozen):
    """Sunita decided while Alice had the form open: Alice is told, and nothing is recorded twice."""
    from joinedup.casework.services import record_decision

    client = login("alice")
    assert "Decide what happens next" in client.get(reverse("concern_detail", args=[neutral.pk])).content.decode()
    record_decision(users.sunita, neutral, "early_help", "Family agreed.")
    page = _decide(client, neutral, decision_form("information_and_advice", "Advice given.")).content.decode()
    assert "govuk-error-summary" in page and "This concern already has a decision." in page
    assert Decision.objects.count() == 1


def test_no_further_action_on_exploitation_waits_for_sign_off_and_says_why(login, submit, frozen):
    concern = Concern.objects.get(pk=submit("police", received_at="2024-03-05T09:00:00+00:00", mentions=[]).concern_id)
    page = _decide(login("alice"), concern, decision_form("no_further_action", "Nothing more to do.")).content.decode()
    assert Decision.objects.get().status == DecisionStatus.AWAITING_SIGN_OFF
    assert "A manager must sign it off before it takes effect, because the concern is about sexual exploitation" in page
    assert "Waiting for a manager to sign off" in page
    assert "data-sign-off-reasons" in page


def test_the_referrer_sees_what_was_decided_by_whom_and_when_but_not_the_details(login, followed):
    page = login("sam").get(reverse("concern_detail", args=[followed.concern.pk])).content.decode()
    assert "Strategy discussion / section 47 enquiry" in page
    assert "Alice Tester, Northtown Children&#x27;s Social Care" in page
    assert "Significant harm suspected." not in page  # the rationale
    assert "Visit the family" not in page and "Agencies told" not in page
    assert "Decide what happens next" not in page


def test_the_safeguarding_roles_see_the_rationale_actions_and_agencies_told(login, followed):
    page = login("peter").get(reverse("concern_detail", args=[followed.concern.pk])).content.decode()
    assert "Significant harm suspected." in page
    assert "Visit the family" in page and reverse("action_detail", args=[followed.action.pk]) not in page
    assert "Agencies told" in page and "Northtown Police" in page and "Northtown Health" in page
    page = login("alice").get(reverse("concern_detail", args=[followed.concern.pk])).content.decode()
    assert reverse("action_detail", args=[followed.action.pk]) in page


def test_an_undecided_concern_tells_the_referrer_when_a_decision_is_due(login, school_concern):
    page = login("sam").get(reverse("concern_detail", args=[school_concern.concern_id])).content.decode()
    assert "Nobody has decided what happens next yet." in page
    assert "Decide what happens next" not in page
