"""A new concern about a restricted child must still be decided. The front door cannot open it, so the
people named on the restriction are told (an email, and the concern on their My work until it is decided);
everyone else who would have decided it sees only how many are waiting, never the child, the agency or
the kind of concern; the overdue export keeps listing the work; and nothing new opens the record."""

import io
import json

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from joinedup.casework.escalation import escalate_overdue
from joinedup.casework.models import Action, ActionKind
from joinedup.casework.services import reassign_action, record_decision
from joinedup.core.models import AuditEvent, User
from joinedup.core.roles import Role
from joinedup.records.models import Concern
from joinedup.restrictions import services
from tests.factories import concern_data
from tests.records.helpers import jsonl, run_import

# Only the named people may see these (every name is fictional).
SECRETS = ("Kayleigh", "Testwood", "Northtown Police", "POLICE-", "Missing from home")


@pytest.fixture
def restricted(users, submit, settings):
    """Kayleigh Testwood's record (a school concern), restricted by Maria (team manager) to herself and
    Sunita (social worker); Alice at the front door is not named."""
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    for name in ("alice", "sunita", "maria", "peter"):
        User.objects.filter(pk=getattr(users, name).pk).update(email=f"{name}@example.invalid")
    first = submit("school")
    child = Concern.objects.get(pk=first.concern_id).current_version.children.get().child
    services.restrict(users.maria, child, [users.sunita, users.peter], "A relative of a member of staff.")
    return child


@pytest.fixture
def new_concern(restricted, submit, django_capture_on_commit_callbacks):
    """A police report that Kayleigh was missing, arriving through the API after the restriction."""
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        result = submit("police", categories=["missing"], indicators=[], mentions=[])
    assert result.child_ids == [restricted.pk]
    return Concern.objects.get(pk=result.concern_id)


def _page(client, name) -> str:
    response = client.get(reverse(name))
    assert response.status_code == 200
    return response.content.decode()


def test_the_named_people_who_can_decide_are_emailed_without_the_childs_details(new_concern):
    told = sorted(address for message in mail.outbox for address in message.to)
    assert told == ["maria@example.invalid", "sunita@example.invalid"]  # not Alice; not Peter, who cannot decide
    body = mail.outbox[0].subject + mail.outbox[0].body
    assert new_concern.reference in body and "My work" in body
    assert not [s for s in SECRETS if s in body]
    event = AuditEvent.objects.get(event="restricted_concern_arrived")
    assert event.child_id == new_concern.current_version.children.get().child_id
    assert event.detail["told"] == ["maria", "sunita"]


def test_nobody_is_told_about_a_concern_about_a_child_whose_restriction_was_lifted(users, restricted, submit,
                                                                                   django_capture_on_commit_callbacks):
    services.review(users.maria, services.active_restriction(restricted), False, "The relative has left.")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        submit("police", categories=["neglect"], indicators=[], mentions=[])
    assert mail.outbox == [] and not AuditEvent.objects.filter(event="restricted_concern_arrived").exists()


def test_a_named_social_worker_finds_the_concern_on_my_work_and_decides_it(login, users, new_concern):
    client = login("sunita")
    page = _page(client, "my_work")
    assert "data-restricted-concerns" in page and f'data-reference="{new_concern.reference}"' in page
    assert client.get(reverse("concern_detail", args=[new_concern.pk])).status_code == 200
    record_decision(users.sunita, new_concern, "child_in_need_assessment", "Needs an assessment.")
    assert f'data-reference="{new_concern.reference}"' not in _page(client, "my_work")  # decided: off the list


def test_a_named_team_manager_is_pointed_to_it_from_the_team_page(login, new_concern):
    page = _page(login("maria"), "team")
    assert 'data-restricted-mine="2"' in page  # the new concern and the school's, both undecided


def test_the_front_door_sees_only_how_many_are_waiting(login, new_concern):
    page = _page(login("alice"), "front_door")
    assert 'data-restricted-waiting="2"' in page
    assert "2 concerns about restricted records are waiting for a decision by the people named on them (2 overdue)" in page
    assert new_concern.reference not in page
    assert not [s for s in ("Kayleigh", "Testwood", "POLICE-") if s in page]


def test_someone_named_sees_the_concerns_in_the_queue_and_no_count_of_hidden_ones(login, users, new_concern):
    page = _page(login("sunita"), "front_door")
    assert new_concern.reference in page and "data-restricted-waiting" not in page


def test_work_on_the_record_held_by_the_front_door_names_nothing_and_links_nowhere(login, new_concern):
    interview = Action.objects.get(kind=ActionKind.RETURN_HOME_INTERVIEW, concern=new_concern)
    client = login("alice")
    page = _page(client, "my_work")
    assert not [s for s in ("Kayleigh", "Testwood") if s in page]  # before: the child's name, from the team's work
    assert reverse("action_detail", args=[interview.pk]) not in page  # before: a link to "Page not found"
    assert f'data-action="{interview.pk}"' in page and "Work on a restricted record" in page
    assert client.get(reverse("action_detail", args=[interview.pk])).status_code == 404  # still closed


def test_a_named_manager_sees_the_stranded_work_and_can_reassign_it(login, users, new_concern):
    interview = Action.objects.get(kind=ActionKind.RETURN_HOME_INTERVIEW, concern=new_concern)
    client = login("maria")
    page = _page(client, "my_work")
    assert "data-restricted-stranded" in page and reverse("action_detail", args=[interview.pk]) in page
    assert client.get(reverse("action_detail", args=[interview.pk])).status_code == 200
    reassign_action(users.maria, interview, to_owner=users.sunita, reason="Only the named people can open it.")
    assert reverse("action_detail", args=[interview.pk]) not in _page(login("maria"), "my_work")
    assert reverse("action_detail", args=[interview.pk]) in _page(login("sunita"), "my_work")


def test_an_escalation_to_the_front_door_manager_names_nothing_in_the_email_or_on_the_team_page(
        client, users, new_concern, django_capture_on_commit_callbacks):
    lead = User.objects.create_user(username="fenella", password="x", role=Role.TEAM_MANAGER, email="fenella@example.invalid",
                                    agency=users.alice.agency, team=users.alice.team, first_name="Fenella")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        made = escalate_overdue()
    assert any(e.concern_id == new_concern.pk and e.kind == "referral_decision" for e in made)
    emails = [m.subject + m.body for m in mail.outbox if m.to == ["fenella@example.invalid"]]
    assert emails and all("Overdue work on a restricted record" in e for e in emails)
    assert not [s for s in (*SECRETS, "Northtown Academy", "JU-", "exploit") for e in emails if s in e]
    client.force_login(lead)
    page = _page(client, "team")
    assert reverse("concern_detail", args=[new_concern.pk]) not in page  # before: a link to "Page not found"
    assert not [s for s in ("Kayleigh", "Testwood", new_concern.reference) if s in page]
    assert "Overdue work on a restricted record" in page and 'data-restricted-waiting="2"' in page


def test_the_overdue_export_keeps_listing_the_decision_with_only_what_it_always_prints(new_concern):
    out = io.StringIO()
    call_command("export", "overdue", stdout=out)
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    decision = [r for r in rows if r["kind"] == "referral_decision" and r["concern"]["source_ref"] == new_concern.source_ref]
    assert len(decision) == 1
    assert set(decision[0]) == {"schema", "kind", "concern", "due_at", "assigned_to"}
    assert not [s for s in ("Kayleigh", "Testwood", "missing") if s in out.getvalue()]


@pytest.mark.parametrize("replay", [False, True])
def test_an_import_emails_each_named_person_once_and_a_replay_of_history_emails_nobody(restricted, replay,
                                                                                      django_capture_on_commit_callbacks):
    mail.outbox.clear()
    neutral = {"categories": ["neglect"], "indicators": [], "mentions": []}
    with django_capture_on_commit_callbacks(execute=True):
        run_import(jsonl(concern_data("police", **neutral), concern_data("health", **neutral)), replay=replay)
    assert AuditEvent.objects.filter(event="restricted_concern_arrived").count() == 2
    if replay:
        assert mail.outbox == []
    else:
        assert sorted(a for m in mail.outbox for a in m.to) == ["maria@example.invalid", "sunita@example.invalid"]
        assert "2 new concerns" in mail.outbox[0].subject and mail.outbox[0].body.count("JU-") == 2


def test_lists_of_work_name_a_restricted_child_only_to_the_named_people(users, restricted):
    from joinedup.web.follow_through import child_names

    assert child_names(users.alice, [restricted.pk]) == {restricted.pk: restricted.reference}  # e.g. a case to allocate
    assert child_names(users.sunita, [restricted.pk]) == {restricted.pk: "Kayleigh Testwood"}


def test_a_bulk_import_sees_a_restriction_placed_mid_import_within_seconds(users, submit, monkeypatch):
    """A bulk import reads the restricted children once every few seconds, not once per concern."""
    from joinedup.records.ingest import Ingester
    from joinedup.records.interchange import read_record
    from joinedup.records.models import Channel
    from joinedup.restrictions import waiting

    now = [1000.0]
    monkeypatch.setattr(waiting.time, "monotonic", lambda: now[0])
    child = Concern.objects.get(pk=submit("school").concern_id).current_version.children.get().child
    ingester = Ingester(channel=Channel.IMPORT, bulk=True)
    neutral = {"categories": ["neglect"], "indicators": [], "mentions": []}

    def batch():
        ingester.ingest([read_record(concern_data("police", **neutral))])
        return AuditEvent.objects.filter(event="restricted_concern_arrived").count()

    assert batch() == 0
    services.restrict(users.maria, child, [users.sunita], "A relative of a member of staff.")
    now[0] += waiting.RESTRICTIONS_REREAD_SECONDS / 2
    assert batch() == 0  # read a moment ago: not yet seen
    now[0] += waiting.RESTRICTIONS_REREAD_SECONDS
    assert batch() == 1
