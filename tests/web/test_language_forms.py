"""Language that believes children, on every page whose free text goes on a child's record: before a
text is saved the page shows each flagged phrase, why it may blame the child and what to write instead;
the writer edits or keeps their words (recorded); nothing is ever rewritten; the child's own words are
never checked; and every saved text leaves a LanguageCheck row."""

import re

import pytest
from django.urls import reverse

from joinedup.casework.models import Action, Decision, DecisionKind, SignOff
from joinedup.core.models import AuditEvent
from joinedup.language.models import LanguageCheck
from joinedup.records.models import Concern, ConcernStatus
from tests.web.conftest import NEUTRAL, record_form

pytestmark = pytest.mark.django_db

AT_RISK = "Seen at the Golden Spice takeaway at 11pm; she keeps putting herself at risk with older men."
EDITED = "Seen at the Golden Spice takeaway at 11pm; an adult may be exploiting the child's vulnerability."


def seen_token(response) -> str:
    match = re.search(r'name="language_seen" id="[^"]+" value="([^"]*)"', response.content.decode())
    assert match, "the form carries what the writer was shown"
    return match.group(1)


def textarea(response, field_id: str) -> str:
    from html import unescape

    match = re.search(rf'<textarea[^>]*id="{field_id}"[^>]*>\n?(.*?)</textarea>', response.content.decode(), re.S)
    assert match, field_id
    return unescape(match.group(1))


def assert_warned(response, phrase: str, field_id: str, text: str):
    page = response.content.decode()
    assert response.status_code == 200
    assert f'<mark class="joinedup-flag">{phrase}</mark>' in page
    assert "data-language-banner" in page and "Not saved yet" in page
    assert 'name="keep_words" value="1"' in page
    assert textarea(response, field_id) == text  # the writer's words, unchanged and still editable


def kept_events():
    return list(AuditEvent.objects.filter(event="language_kept"))


# --- record a concern -------------------------------------------------------------------------------


def test_a_flagged_summary_is_shown_with_why_and_what_to_write_instead_and_not_saved(login):
    response = login("sam").post(reverse("record_concern"), record_form(summary=AT_RISK))
    assert_warned(response, "putting herself at risk", "id_summary", AT_RISK)
    page = response.content.decode()
    assert "Puts responsibility on the child." in page
    assert "the child may have been groomed" in page
    assert "an adult may be exploiting the child&#x27;s vulnerability" in page
    assert not Concern.objects.exists() and not LanguageCheck.objects.exists()


def test_keeping_my_words_saves_them_as_written_and_records_that_they_were_kept(login, users):
    client = login("sam")
    first = client.post(reverse("record_concern"), record_form(summary=AT_RISK))
    data = record_form(summary=AT_RISK, form_ref=re.search(r'name="form_ref" value="([^"]+)"', first.content.decode()).group(1))
    response = client.post(reverse("record_concern"), {**data, "language_seen": seen_token(first), "keep_words": "1"})
    concern = Concern.objects.get()
    assert response.status_code == 302 and response.url == reverse("concern_recorded", args=[concern.pk])
    assert concern.current_version.summary == AT_RISK
    check = LanguageCheck.objects.get()
    assert (check.kind, check.record_id, check.channel) == ("concern", concern.pk, "web")
    assert (check.created_by, check.team, check.agency) == (users.sam, users.sam.team, users.sam.agency)
    assert check.findings == 1 and check.rules == ["putting_self_at_risk"]
    assert check.kept and check.kept_phrases == ["putting herself at risk"]
    [event] = kept_events()
    assert event.actor == users.sam and event.object_type == "concern" and event.object_id == str(concern.pk)
    assert event.detail["phrases"] == ["putting herself at risk"] and event.detail["record_kind"] == "concern"
    assert event.child_id == concern.current_version.children.get().child_id


def test_editing_to_an_alternative_saves_and_records_the_phrase_that_was_flagged(login):
    client = login("sam")
    first = client.post(reverse("record_concern"), record_form(summary=AT_RISK))
    response = client.post(reverse("record_concern"), {**record_form(summary=EDITED), "language_seen": seen_token(first)})
    assert response.status_code == 302
    assert Concern.objects.get().current_version.summary == EDITED
    check = LanguageCheck.objects.get()
    assert check.findings == 1 and check.rules == ["putting_self_at_risk"]
    assert not check.kept and check.kept_phrases == []
    assert not kept_events()


def test_keep_my_words_keeps_only_what_the_writer_was_shown(login):
    """A phrase flagged for the first time is shown, even if "keep my words" was pressed."""
    client = login("sam")
    first = client.post(reverse("record_concern"), record_form(summary=AT_RISK))
    more = AT_RISK + " She is out of control."
    response = client.post(
        reverse("record_concern"), {**record_form(summary=more), "language_seen": seen_token(first), "keep_words": "1"}
    )
    assert_warned(response, "out of control", "id_summary", more)
    assert not Concern.objects.exists()


def test_keep_my_words_without_having_been_shown_anything_shows_the_findings(login):
    response = login("sam").post(reverse("record_concern"), {**record_form(summary=AT_RISK), "keep_words": "1"})
    assert_warned(response, "putting herself at risk", "id_summary", AT_RISK)


@pytest.mark.parametrize("token", ["forged", "e30:1abc:xyz"])
def test_a_forged_record_of_what_was_shown_counts_for_nothing(login, token):
    data = {**record_form(summary=AT_RISK), "keep_words": "1", "language_seen": token}
    assert_warned(login("sam").post(reverse("record_concern"), data), "putting herself at risk", "id_summary", AT_RISK)


def test_what_one_writer_was_shown_does_not_count_for_another(login, client, users):
    first = login("sam").post(reverse("record_concern"), record_form(summary=AT_RISK))
    client.force_login(users.alice)
    data = {**record_form(summary=AT_RISK), "keep_words": "1", "language_seen": seen_token(first)}
    assert_warned(client.post(reverse("record_concern"), data), "putting herself at risk", "id_summary", AT_RISK)


def test_the_childs_own_words_are_never_checked(login):
    words = "I keep putting myself at risk, I'm out of control, he's my boyfriend."
    response = login("sam").post(reverse("record_concern"), record_form(child_words=words))
    assert response.status_code == 302
    version = Concern.objects.get().current_version
    assert version.child_words == words
    assert LanguageCheck.objects.get().findings == 0


def test_a_summary_with_nothing_flagged_is_saved_at_once_and_its_check_recorded(login):
    response = login("sam").post(reverse("record_concern"), record_form())
    assert response.status_code == 302
    check = LanguageCheck.objects.get()
    assert (check.kind, check.findings, check.rules, check.kept) == ("concern", 0, [], False)


def test_the_childs_age_from_the_form_is_the_checkers_context(login):
    """"Sexually active" is flagged of a child under 13 (a child under 13 cannot consent), not of a
    15-year-old with nobody older mentioned."""
    summary = "Told staff she is sexually active."
    young = record_form(summary=summary, **{"child1-dob_0": "", "child1-dob_1": "", "child1-dob_2": "",
                                            "child1-approx_age": "12"})
    response = login("sam").post(reverse("record_concern"), young)
    assert_warned(response, "sexually active", "id_summary", summary)
    older = record_form(summary=summary, **{"child1-dob_0": "", "child1-dob_1": "", "child1-dob_2": "",
                                            "child1-approx_age": "15"})
    assert login("sam").post(reverse("record_concern"), older).status_code == 302


def test_an_adult_among_the_people_mentioned_is_the_checkers_context(login):
    summary = "Told staff she is sexually active."
    adult = record_form(summary=summary, **{
        "child1-dob_0": "", "child1-dob_1": "", "child1-dob_2": "", "child1-approx_age": "15",
        "person-0-role": "seen_with", "person-0-given_name": "Dan", "person-0-approx_age": "31",
    })
    assert_warned(login("sam").post(reverse("record_concern"), adult), "sexually active", "id_summary", summary)


def test_what_the_writer_was_shown_survives_adding_another_row(login, users):
    from joinedup.web.wording import read_seen

    client = login("sam")
    first = client.post(reverse("record_concern"), record_form(summary=AT_RISK))
    again = client.post(reverse("record_concern"), {**record_form(summary=AT_RISK), "language_seen": seen_token(first),
                                                    "add_mention": "person"})
    shown = read_seen(seen_token(again), users.sam.pk, "concern")
    assert shown == {("putting_self_at_risk", "putting herself at risk")}


# --- decide -----------------------------------------------------------------------------------------


def _decide(client, concern, rationale, **extra):
    data = {"decision-kind": DecisionKind.STRATEGY_DISCUSSION, "decision-rationale": rationale,
            "action-TOTAL_FORMS": "3", "action-INITIAL_FORMS": "0", **extra}
    return client.post(reverse("concern_decide", args=[concern.pk]), data)


def test_a_flagged_rationale_is_shown_on_the_concern_page_and_kept_with_one_click(login, submit, users):
    concern = Concern.objects.get(pk=submit("school", **NEUTRAL).concern_id)
    client = login("alice")
    rationale = "Kayleigh is out of control and keeps going missing."
    first = _decide(client, concern, rationale)
    assert_warned(first, "out of control", "id_decision-rationale", rationale)
    assert "Blames the child and family." in first.content.decode()
    assert not Decision.objects.exists()
    second = _decide(client, concern, rationale, language_seen=seen_token(first), keep_words="1")
    assert second.status_code == 302
    decision = Decision.objects.get()
    assert decision.rationale == rationale
    check = LanguageCheck.objects.get()
    assert (check.kind, check.record_id, check.created_by) == ("decision", decision.pk, users.alice)
    assert check.kept_phrases == ["out of control", "keeps going missing"]
    assert kept_events()[0].object_type == "decision"


def test_a_decision_with_a_plain_rationale_is_recorded_with_its_check(login, submit):
    concern = Concern.objects.get(pk=submit("school", **NEUTRAL).concern_id)
    assert _decide(login("alice"), concern, "Significant harm suspected.").status_code == 302
    check = LanguageCheck.objects.get()
    assert (check.kind, check.record_id, check.findings) == ("decision", Decision.objects.get().pk, 0)


def test_a_flagged_rationale_for_a_concern_withdrawn_meanwhile_says_so(login, submit, users):
    from joinedup.records.services import withdraw_concern

    concern = Concern.objects.get(pk=submit("school", **NEUTRAL).concern_id)
    withdraw_concern(users.alice, concern, "Sent twice.")
    response = _decide(login("alice"), concern, "She is out of control.")
    assert "This concern is no longer waiting for a decision." in response.content.decode()
    assert not Decision.objects.exists() and not LanguageCheck.objects.exists()


# --- an action's completion note -----------------------------------------------------------------------


def test_a_flagged_completion_note_is_shown_then_edited_and_saved(login, followed):
    client = login("sunita")
    url = reverse("action_complete", args=[followed.action.pk])
    note = "Visited. Mum says she is promiscuous."
    first = client.post(url, {"complete-reason": note})
    assert_warned(first, "promiscuous", "id_complete-reason", note)
    assert Action.objects.get(pk=followed.action.pk).status == "open"
    edited = "Visited. Mum is worried that adults are sexually exploiting her."
    second = client.post(url, {"complete-reason": edited, "language_seen": seen_token(first)})
    assert second.status_code == 302
    action = Action.objects.get(pk=followed.action.pk)
    assert action.status == "done" and action.completion_note == edited
    check = LanguageCheck.objects.get()
    assert (check.kind, check.record_id, check.findings, check.kept) == ("action_note", action.pk, 1, False)


def test_a_flagged_note_for_an_action_closed_meanwhile_says_so(login, followed, users):
    from joinedup.casework.services import cancel_action

    cancel_action(users.sunita, followed.action, "No longer needed.")
    response = login("sunita").post(reverse("action_complete", args=[followed.action.pk]),
                                    {"complete-reason": "She is out of control."})
    assert "This action can no longer be completed here." in response.content.decode()
    assert Action.objects.get(pk=followed.action.pk).status == "cancelled"


def test_a_flagged_note_on_a_decision_signed_off_meanwhile_gets_the_refusal(login, awaiting, users):
    from joinedup.casework.services import sign_off

    sign_off(users.maria, awaiting, True, "Agreed.")
    client = login("maria")
    response = client.post(reverse("sign_off_detail", args=[awaiting.pk]), {"approved": "yes", "note": "Out of control."})
    assert "This decision is not waiting for sign-off." in response.content.decode()
    assert SignOff.objects.count() == 1


def test_cancelling_an_action_is_not_held_up_by_the_check(login, followed):
    url = reverse("action_cancel", args=[followed.action.pk])
    assert login("sunita").post(url, {"cancel-reason": "She is out of control."}).status_code == 302
    assert not LanguageCheck.objects.exists()


# --- sign-off -------------------------------------------------------------------------------------------


def test_a_flagged_sign_off_note_is_kept_and_recorded_against_the_sign_off(login, awaiting, users):
    client = login("maria")
    url = reverse("sign_off_detail", args=[awaiting.pk])
    note = "Agree: this is a lifestyle choice."
    first = client.post(url, {"approved": "yes", "note": note})
    assert_warned(first, "lifestyle choice", "id_note", note)
    assert not SignOff.objects.exists()
    second = client.post(url, {"approved": "yes", "note": note, "language_seen": seen_token(first), "keep_words": "1"})
    assert second.status_code == 302
    sign_off = SignOff.objects.get()
    assert sign_off.note == note
    check = LanguageCheck.objects.get()
    assert (check.kind, check.record_id, check.created_by, check.kept) == ("sign_off_note", sign_off.pk, users.maria, True)


# --- withdrawal -----------------------------------------------------------------------------------------


def test_a_flagged_withdrawal_reason_is_shown_and_a_plain_one_withdraws(login, school_concern):
    client = login("sam")
    url = reverse("concern_withdraw", args=[school_concern.concern_id])
    reason = "Sent twice: she was absconding, not missing."
    first = client.post(url, {"reason": reason})
    assert_warned(first, "absconding", "id_reason", reason)
    assert Concern.objects.get().status == ConcernStatus.OPEN
    second = client.post(url, {"reason": "Sent twice by mistake.", "language_seen": seen_token(first)})
    assert second.status_code == 302
    assert Concern.objects.get().status == ConcernStatus.WITHDRAWN
    check = LanguageCheck.objects.get()
    assert (check.kind, check.record_id, check.findings, check.kept) == ("withdrawal", school_concern.concern_id, 1, False)


# --- as people type (htmx) ----------------------------------------------------------------------------


def _live(client, **data):
    return client.post(reverse("language_check_partial"), data, headers={"HX-Request": "true"})


def test_the_findings_come_back_as_the_writer_types(login):
    response = _live(login("sam"), language_field="summary", language_kind="concern", summary=AT_RISK)
    page = response.content.decode()
    assert response.status_code == 200
    assert '<mark class="joinedup-flag">putting herself at risk</mark>' in page
    assert 'hx-swap-oob="true"' in page and seen_token(response)


def test_typing_something_plain_shows_nothing(login):
    response = _live(login("sam"), language_field="summary", language_kind="concern", summary="Seen at 11pm.")
    assert "data-language-review" not in response.content.decode()


def test_what_was_shown_as_the_writer_typed_lets_them_keep_their_words(login):
    client = login("sam")
    live = _live(client, language_field="summary", language_kind="concern", summary=AT_RISK)
    data = {**record_form(summary=AT_RISK), "language_seen": seen_token(live), "keep_words": "1"}
    assert client.post(reverse("record_concern"), data).status_code == 302
    assert LanguageCheck.objects.get().kept


def test_the_live_check_reads_a_concern_only_its_writer_may_see(login, police_concern):
    data = {"language_field": "reason", "language_kind": "withdrawal", "concern": police_concern.concern_id,
            "reason": "She is out of control."}
    assert _live(login("sam"), **data).status_code == 404
    assert _live(login("alice"), **data).status_code == 200


def test_the_live_check_is_only_for_htmx_and_known_texts(login):
    client = login("sam")
    url = reverse("language_check_partial")
    assert client.post(url, {"language_field": "summary", "language_kind": "concern"}).status_code == 400
    assert _live(client, language_field="summary", language_kind="nonsense").status_code == 404
    assert _live(client, language_field="<script>", language_kind="concern").status_code == 404
    assert client.get(url, headers={"HX-Request": "true"}).status_code == 405


@pytest.mark.parametrize("username", ["audrey", "adam"])
def test_the_live_check_is_not_for_people_who_write_no_records(login, username):
    assert _live(login(username), language_field="summary", language_kind="concern").status_code == 404


def test_the_boxes_ask_for_the_live_check(login, followed):
    page = login("sam").get(reverse("record_concern")).content.decode()
    assert 'hx-post="/language/check/"' in page and "aria-describedby=\"id_summary-hint id_summary-language\"" in page
    assert 'id="id_child_words"' in page and page.count('hx-post="/language/check/"') == 1
