"""Sign-off: the list of decisions waiting for a manager (their team's first), and the page with the
child's whole history, the reasons, and approve or do not approve with a note."""

from django.urls import reverse

from joinedup.casework.models import ActionKind, ActionStatus, Decision, DecisionStatus, SignOff
from joinedup.casework.services import record_decision
from joinedup.core.models import AuditEvent
from joinedup.records.models import Concern


def _sign(client, decision, approved="yes", note="Checked the history: agree."):
    return client.post(reverse("sign_off_detail", args=[decision.pk]), {"approved": approved, "note": note}, follow=True)


def test_the_list_shows_each_decision_waiting_with_its_reasons_own_team_first(login, users, submit, awaiting):
    concern = Concern.objects.get(pk=submit("school", mentions=[]).concern_id)
    own_team = record_decision(users.sunita, concern, "no_further_action", "Mother is protective.")
    response = login("maria").get(reverse("sign_off_list"))
    assert [d.pk for d in response.context["decisions"]] == [own_team.pk, awaiting.pk]
    page = response.content.decode()
    assert "The concern is about sexual exploitation" in page
    assert "(your team)" in page and "Kayleigh Testwood" in page


def test_the_page_shows_the_childs_whole_history_and_the_reasons(login, submit, awaiting):
    earlier = submit("health", received_at="2023-11-01T10:00:00+00:00")
    response = login("maria").get(reverse("sign_off_detail", args=[awaiting.pk]))
    page = response.content.decode()
    assert "The whole history of" in page and "data-chronology" in page
    assert earlier.reference in page and awaiting.concern.reference in page
    assert "svg" in page and "joinedup-timeline" in page
    assert "This decision needs a manager's sign-off because:" in page
    assert "The concern is about sexual exploitation" in page
    assert AuditEvent.objects.filter(event="child_viewed", actor__username="maria").exists()


def test_approving_puts_the_decision_into_effect(login, users, awaiting):
    response = _sign(login("maria"), awaiting)
    awaiting.refresh_from_db()
    assert awaiting.status == DecisionStatus.EFFECTIVE
    assert SignOff.objects.get().created_by == users.maria
    assert awaiting.actions.get(kind=ActionKind.SIGN_OFF).status == ActionStatus.DONE
    assert "was signed off: it is now in effect" in response.content.decode()
    assert AuditEvent.objects.filter(event="decision_signed_off", actor=users.maria).exists()


def test_not_approving_sends_the_concern_back_for_a_new_decision(login, awaiting):
    _sign(login("maria"), awaiting, approved="no", note="Exploitation not considered.")
    awaiting.refresh_from_db()
    assert awaiting.status == DecisionStatus.NOT_SIGNED_OFF
    queue = login("alice").get(reverse("front_door"))
    assert awaiting.concern.reference in [e["concern"].reference for e in queue.context["entries"]]
    page = login("alice").get(reverse("concern_detail", args=[awaiting.concern.pk])).content.decode()
    assert "Not signed off: needs a new decision" in page and "Decide what happens next" in page


def test_a_note_and_an_answer_are_needed(login, awaiting):
    page = _sign(login("maria"), awaiting, approved="", note="").content.decode()
    assert "govuk-error-summary" in page
    assert 'href="#id_approved_0"' in page and "Say whether you sign off the decision" in page
    assert 'href="#id_note"' in page and "Enter a note" in page
    assert Decision.objects.get().status == DecisionStatus.AWAITING_SIGN_OFF


def test_a_manager_cannot_sign_off_their_own_decision(login, users, submit):
    concern = Concern.objects.get(pk=submit("police", mentions=[]).concern_id)
    own = record_decision(users.maria, concern, "no_further_action", "Allegation retracted.")
    client = login("maria")
    assert "You made this decision, so another team manager must sign it off." in client.get(
        reverse("sign_off_detail", args=[own.pk])).content.decode()
    page = _sign(client, own).content.decode()
    assert "govuk-error-summary" in page and "You cannot sign off your own decision." in page
    own.refresh_from_db()
    assert own.status == DecisionStatus.AWAITING_SIGN_OFF and not SignOff.objects.exists()


def test_a_decision_already_signed_off_shows_the_outcome_not_the_form(login, users, awaiting):
    _sign(login("maria"), awaiting)
    other = users.maria.__class__.objects.create_user(
        username="mo", password="x", role="team_manager", agency=users.maria.agency, team=users.maria.team,
    )
    client = login("maria")
    client.force_login(other)
    page = client.get(reverse("sign_off_detail", args=[awaiting.pk])).content.decode()
    assert "Signed off by Maria Tester" in page and "data-sign-off-form" not in page
    page = _sign(client, awaiting).content.decode()
    assert "This decision is not waiting for sign-off." in page


def test_the_reasons_name_the_signs_in_plain_english(login, awaiting):
    page = login("maria").get(reverse("sign_off_detail", args=[awaiting.pk])).content.decode()
    reasons = page[page.index("data-sign-off-reasons"):]
    reasons = reasons[:reasons.index("</ul>")]
    assert "getting into vehicles driven by unknown adults" in reasons and "vehicles_unknown_adults" not in reasons
