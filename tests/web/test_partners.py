"""Non-statutory partners are first-class: a youth project or a voluntary group has accounts, records
concerns for its own agency, is notified (and can acknowledge) when the front door refers a child to it,
and sees the outcome of every concern it raised on "Concerns we raised", at the level the raising
agency is entitled to (what kind of decision and when; never the rationale)."""

import pytest

from joinedup.casework.models import Notification
from joinedup.casework.services import record_decision
from joinedup.core.models import Agency, Team, User
from joinedup.core.roles import Role
from joinedup.records.access import concerns_visible_to, scope
from joinedup.records.models import Channel, Concern
from joinedup.records.services import submit_concern, withdraw_concern
from joinedup.web.follow_through import referral_agencies
from tests import factories
from tests.web.conftest import EVERYONE

GROUP = "Northtown Women's Network (fictional)"


@pytest.fixture
def volunteer(db):
    """Vera, who works for a voluntary group (a women's group), with the partner role."""
    agency = Agency.objects.create(name=GROUP, type="voluntary")
    team = Team.objects.create(agency=agency, name="Outreach")
    user = User.objects.create_user(
        username="vera", password=factories.PASSWORD, role=Role.YOUTH_WORKER, agency=agency, team=team,
        first_name="Vera", last_name="Tester",
    )
    factories.second_factor(user)
    return user


def _group_concern(actor, **overrides):
    data = factories.concern_data("youth", **overrides)
    data["agency"] = {"name": GROUP, "type": "voluntary"}
    return submit_concern(actor, data, channel=Channel.FORM)


def test_a_voluntary_group_worker_records_and_sees_only_their_own_agencys_concerns(volunteer, submit):
    assert scope(volunteer) == "own_agency"
    own = _group_concern(volunteer)
    police = submit("police")
    visible = set(concerns_visible_to(volunteer).values_list("pk", flat=True))
    assert own.concern_id in visible
    assert police.concern_id not in visible


def test_a_partner_cannot_record_for_another_agency(volunteer):
    from joinedup.records.services import RecordError

    with pytest.raises(RecordError, match="you can only submit concerns for Northtown Women"):
        submit_concern(volunteer, factories.concern_data("police"), channel=Channel.FORM)


def test_concerns_we_raised_shows_each_outcome_at_the_partners_level(login, users, submit):
    youth = users.yusuf
    waiting = submit("youth", actor=youth, children=[{"given_name": "Wren", "family_name": "Waiting"}])
    decided = submit("youth", actor=youth, categories=["missing"], indicators=[],
                     children=[{"given_name": "Dara", "family_name": "Decided"}])
    signoff = submit("youth", actor=youth, children=[{"given_name": "Sasha", "family_name": "Signoff"}])
    withdrawn = submit("youth", actor=youth, children=[{"given_name": "Wynn", "family_name": "Withdrawn"}])
    other = submit("police", children=[{"given_name": "Otto", "family_name": "Otheragency"}])
    record_decision(users.alice, Concern.objects.get(pk=decided.concern_id), "early_help", "SECRET-RATIONALE-1")
    record_decision(users.alice, Concern.objects.get(pk=signoff.concern_id), "no_further_action", "SECRET-RATIONALE-2")
    withdraw_concern(youth, Concern.objects.get(pk=withdrawn.concern_id), "recorded twice")

    page = login("yusuf").get("/concerns/raised/").content.decode()
    assert f'data-reference="{waiting.reference}" data-outcome="waiting"' in page
    assert f'data-reference="{decided.reference}" data-outcome="decided"' in page
    assert f'data-reference="{signoff.reference}" data-outcome="awaiting_sign_off"' in page
    assert f'data-reference="{withdrawn.reference}" data-outcome="withdrawn"' in page
    assert "Early help" in page and "No further action" in page
    assert "SECRET-RATIONALE" not in page
    assert other.reference not in page and "Otheragency" not in page


def test_each_partner_sees_only_its_own_agencys_concerns(client, submit, volunteer, users):
    mine = _group_concern(volunteer, children=[{"given_name": "Mira", "family_name": "Groupchild"}])
    youth = submit("youth", actor=users.yusuf, children=[{"given_name": "Yan", "family_name": "Youthchild"}])
    client.force_login(volunteer)
    page = client.get("/concerns/raised/").content.decode()
    assert mine.reference in page and "Groupchild" in page
    assert youth.reference not in page and "Youthchild" not in page


@pytest.mark.parametrize("username", EVERYONE)
def test_who_may_open_concerns_we_raised(login, username):
    status = login(username).get("/concerns/raised/").status_code
    assert status == (404 if username in ("audrey", "adam") else 200)


def test_the_page_needs_sign_in(client, db):
    response = client.get("/concerns/raised/")
    assert response.status_code == 302 and "/sign-in/" in response["Location"]


def test_partners_find_it_in_the_menu_and_safeguarding_roles_do_not_need_it(login):
    assert 'href="/concerns/raised/"' in login("yusuf").get("/my-work/").content.decode()
    assert 'href="/concerns/raised/"' not in login("alice").get("/front-door/").content.decode()


def test_the_page_reads_in_a_fixed_number_of_queries(login, submit, users, django_assert_max_num_queries):
    client = login("yusuf")
    for _ in range(3):
        submit("youth", actor=users.yusuf)
    client.get("/concerns/raised/")
    with django_assert_max_num_queries(25) as few:
        client.get("/concerns/raised/")
    for _ in range(6):
        submit("youth", actor=users.yusuf)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/concerns/raised/")


def test_a_voluntary_group_is_referred_to_notified_and_acknowledges(client, users, submit, volunteer):
    group = volunteer.agency
    assert group in referral_agencies(users.alice)
    result = submit("school")
    concern = Concern.objects.get(pk=result.concern_id)
    record_decision(users.alice, concern, "referral_to_agency", "Girls' group mentoring.", refer_to=group)
    note = Notification.objects.get(to_agency=group)

    client.force_login(volunteer)
    work = client.get("/my-work/").content.decode()
    assert f'data-reference="{concern.reference}"' in work
    # The referral lets the group open the concern it was referred.
    assert client.get(f"/concerns/{concern.pk}/").status_code == 200
    client.post(f"/notifications/{note.pk}/acknowledge/")
    note.refresh_from_db()
    assert note.acknowledged_by == volunteer
