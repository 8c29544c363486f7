"""Who may open each follow-through page: 200 for those who may, 404 for everyone else (nobody learns
what exists), and sign-in for anyone not signed in."""

import pytest
from django.urls import reverse

from tests.web.conftest import EVERYONE, OWN_AGENCY, WIDE

DECIDERS = ["alice", "sunita", "maria"]
MANAGERS = ["maria"]


def _expect(allowed, yes=200):
    return [(name, yes if name in allowed else 404) for name in EVERYONE]


@pytest.mark.parametrize("username,status", _expect(WIDE + OWN_AGENCY))
def test_my_work_is_for_everyone_who_sees_records(login, username, status):
    assert login(username).get(reverse("my_work")).status_code == status


@pytest.mark.parametrize("username,status", _expect(DECIDERS))
def test_an_action_is_seen_by_its_owner_their_manager_and_the_deciding_roles(login, followed, username, status):
    assert login(username).get(reverse("action_detail", args=[followed.action.pk])).status_code == status


@pytest.mark.parametrize("name", ["action_complete", "action_cancel", "action_reassign"])
@pytest.mark.parametrize("username,status", _expect(DECIDERS))
def test_changing_an_action_is_for_the_same_people(login, followed, name, username, status):
    # An empty form: those allowed see the page again with its errors; nothing changes.
    assert login(username).post(reverse(name, args=[followed.action.pk]), {}).status_code == status


@pytest.mark.parametrize("username,status", _expect(["peter", "anna"], yes=302))
def test_a_notification_is_acknowledged_only_by_the_agency_told(login, followed, username, status):
    url = reverse("acknowledge_notification", args=[followed.police_note.pk])
    assert login(username).post(url).status_code == status


@pytest.mark.parametrize("username,status", _expect(DECIDERS))
def test_deciding_is_for_the_front_door_social_workers_and_managers(login, school_concern, username, status):
    # An empty form: those allowed see the concern page again with the error summary.
    assert login(username).post(reverse("concern_decide", args=[school_concern.concern_id]), {}).status_code == status


@pytest.mark.parametrize("username,status", _expect(MANAGERS))
def test_sign_offs_are_for_team_managers(login, awaiting, username, status):
    client = login(username)
    assert client.get(reverse("sign_off_list")).status_code == status
    assert client.get(reverse("sign_off_detail", args=[awaiting.pk])).status_code == status


@pytest.mark.parametrize("username,status", _expect(MANAGERS))
def test_the_team_page_is_for_team_managers(login, username, status):
    assert login(username).get(reverse("team")).status_code == status


@pytest.mark.parametrize("username,status", _expect(MANAGERS, yes=302))
def test_allocating_a_case_is_for_team_managers(login, followed, users, username, status):
    url = reverse("allocate_case", args=[followed.case.pk])
    assert login(username).post(url, {"worker": users.sunita.pk}).status_code == status


@pytest.mark.parametrize("username,status", _expect(DECIDERS))
def test_closing_a_case_is_for_the_deciding_roles(login, followed, username, status):
    assert login(username).get(reverse("close_case", args=[followed.child_id])).status_code == status


def test_a_missing_action_and_a_hidden_action_look_the_same(login, followed):
    client = login("peter")
    hidden = client.get(reverse("action_detail", args=[followed.action.pk]))
    missing = client.get(reverse("action_detail", args=[999999]))
    assert hidden.status_code == missing.status_code == 404


def test_own_agency_roles_do_not_see_the_case_or_its_actions_on_the_childs_page(login, followed):
    page = login("sam").get(reverse("child_detail", args=[followed.child_id])).content.decode()
    assert "Visit the family" not in page and "Case and actions" not in page
    page = login("peter").get(reverse("child_detail", args=[followed.child_id])).content.decode()
    assert "Visit the family" in page and reverse("close_case", args=[followed.child_id]) not in page


@pytest.mark.parametrize(
    "name,args",
    [
        ("my_work", []), ("action_detail", [1]), ("sign_off_list", []), ("sign_off_detail", [1]), ("team", []),
        ("close_case", [1]),
    ],
)
def test_it_sends_anyone_not_signed_in_to_sign_in(client, db, name, args):
    response = client.get(reverse(name, args=args))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize(
    "name,args",
    [
        ("concern_decide", [1]), ("action_complete", [1]), ("action_cancel", [1]), ("action_reassign", [1]),
        ("acknowledge_notification", [1]), ("allocate_case", [1]), ("close_case", [1]), ("sign_off_detail", [1]),
    ],
)
def test_a_form_sent_by_anyone_not_signed_in_changes_nothing(client, db, name, args):
    response = client.post(reverse(name, args=args), {"reason": "x"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize(
    "username,start", [("sunita", "my_work"), ("maria", "team")],
)
def test_home_sends_social_workers_to_their_work_and_managers_to_their_team(login, username, start):
    response = login(username).get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"] == reverse(start)


@pytest.mark.parametrize(
    "username,present,absent",
    [
        ("maria", ["My work", "Sign-offs", "Team"], []),
        ("sunita", ["My work"], ["Sign-offs", ">Team<"]),
        ("yusuf", ["My work"], ["Sign-offs", ">Team<"]),
        ("audrey", [], ["My work", "Sign-offs"]),
    ],
)
def test_the_menu_offers_my_work_to_everyone_with_work_and_sign_offs_and_team_to_managers(login, username, present, absent):
    page = login(username).get(reverse("my_work") if username != "audrey" else reverse("audit_search")).content.decode()
    menu = page[page.index('id="navigation"'):page.index("</nav>")]
    for label in present:
        assert label in menu
    for label in absent:
        assert label not in menu
