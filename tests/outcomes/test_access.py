"""Who may open each outcomes page: a 404 for anyone else (nobody learns what exists), sign-in for
anyone not signed in. The leaders' dashboard is for service leaders and team managers; the child's plan
is written by the social workers and managers who work the case; posts are kept by the administrator."""

import pytest
from django.urls import reverse

from joinedup.outcomes import services
from tests.web.conftest import EVERYONE as WEB_USERS

EVERYONE = [*WEB_USERS, "lena"]


def _expect(allowed):
    return [(name, 200 if name in allowed else 404) for name in EVERYONE]


@pytest.mark.parametrize("username,status", _expect(["lena", "maria"]))
def test_the_dashboard_is_for_leaders_and_team_managers(login, username, status):
    client = login(username)
    assert client.get(reverse("outcomes_dashboard")).status_code == status
    assert client.get(reverse("outcomes_dashboard_csv", args=["time-to-help"])).status_code == status


@pytest.mark.parametrize("username,status", _expect(["adam"]))
def test_funded_posts_are_kept_by_the_administrator(login, username, status):
    assert login(username).get(reverse("outcomes_posts")).status_code == status


@pytest.mark.parametrize("username,status", _expect(["sunita", "maria"]))
def test_the_plan_is_written_by_those_who_work_the_case(login, users, followed, username, status):
    goal = services.add_goal(users.sunita, followed.case.child, "I want to sleep better.")
    client = login(username)
    for url in (reverse("plan_add_goal", args=[followed.child_id]), reverse("plan_record_review", args=[followed.child_id]),
                reverse("plan_change_goal", args=[goal.pk])):
        assert client.get(url).status_code == status, url


def test_a_plan_page_for_a_child_without_an_open_case_is_not_found(login, submit):
    child_id = submit("school", mentions=[]).child_ids[0]
    assert login("sunita").get(reverse("plan_add_goal", args=[child_id])).status_code == 404


def test_an_unknown_figure_is_not_found(login):
    assert login("lena").get(reverse("outcomes_dashboard_csv", args=["nothing"])).status_code == 404


@pytest.mark.parametrize("name,args", [
    ("outcomes_dashboard", []), ("outcomes_posts", []), ("plan_add_goal", [1]), ("plan_record_review", [1]),
    ("plan_change_goal", [1]),
])
def test_it_sends_anyone_not_signed_in_to_sign_in(client, db, name, args):
    response = client.get(reverse(name, args=args))
    assert response.status_code == 302 and "/sign-in/" in response["Location"]


def test_the_menu_offers_the_dashboard_to_leaders_only(login):
    assert "Outcomes</" not in login("sunita").get(reverse("find_child")).content.decode().replace("\n", "").replace(" ", "")
    page = login("lena").get(reverse("outcomes_dashboard")).content.decode()
    assert reverse("outcomes_dashboard") in page and "Outcomes" in page


def test_a_service_leader_starts_on_the_dashboard(login):
    response = login("lena").get(reverse("home"))
    assert response.status_code == 302 and response["Location"] == reverse("outcomes_dashboard")


def test_only_the_newest_version_of_a_goal_can_be_changed(login, users, followed):
    first = services.add_goal(users.sunita, followed.case.child, "Go out less at night.")
    services.revise_goal(users.sunita, first, words="Be home by ten.", state="working_on", reason="Her words now")
    assert login("sunita").get(reverse("plan_change_goal", args=[first.pk])).status_code == 404


def test_a_service_leader_sees_no_childs_record(login, school_concern):
    client = login("lena")
    assert client.get(reverse("child_detail", args=[school_concern.child_ids[0]])).status_code == 404
    assert client.get(reverse("find_child") + "?q=Kayleigh").status_code == 404
    assert client.get(reverse("concern_detail", args=[school_concern.concern_id])).status_code == 404
