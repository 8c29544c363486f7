"""The child's plan: goals in the child's words (changed only by new versions), reviews with the child's
view and the measures they chose (with the scale they chose), every write audited, shown on the child's
page as charts with the table behind them."""

import datetime as dt
import re
from pathlib import Path

import pytest
from django.urls import reverse

import joinedup.outcomes
from joinedup.casework import services as casework
from joinedup.casework.models import Action
from joinedup.core import clock
from joinedup.core.models import AuditEvent
from joinedup.outcomes import services
from joinedup.outcomes.models import Goal, Review
from joinedup.outcomes.plan import plan_for
from joinedup.records.services import RefusedError

TEMPLATES = sorted((Path(joinedup.outcomes.__file__).parent / "templates").rglob("*.html"))


def test_a_goal_is_written_in_the_childs_words_and_audited(users, followed):
    goal = services.add_goal(users.sunita, followed.case.child, "  I want to feel safe at the bus stop. ")
    assert goal.words == "I want to feel safe at the bus stop."
    event = AuditEvent.objects.get(event="plan_goal_written")
    assert (event.child_id, event.object_id, event.actor) == (followed.child_id, str(goal.pk), users.sunita)


def test_changing_a_goal_keeps_the_old_version(users, followed):
    first = services.add_goal(users.sunita, followed.case.child, "Go to school more.")
    second = services.revise_goal(users.sunita, first, words="Go to school every day.", state="achieved", reason="Said at review")
    first.refresh_from_db()
    assert first.words == "Go to school more."  # untouched
    assert (second.replaces, second.number, second.state) == (first, 2, "achieved")
    assert AuditEvent.objects.filter(event="plan_goal_written").count() == 2
    with pytest.raises(RefusedError, match="already been changed"):
        services.revise_goal(users.sunita, first, words="Something else", state="working_on", reason="again")
    plan = plan_for(users.sunita, followed.case.child, dt.date.today())
    assert [g.pk for g in plan.goals] == [second.pk] and plan.earlier_versions == 1


def test_a_review_keeps_the_scale_the_child_chose(users, followed):
    measures = services.Measures(missing_episodes=2, attendance_percent=80, safe_score=3, safe_scale_top=5,
                                 safe_scale_words="five stars is totally safe")
    review = services.record_review(users.sunita, followed.case.child, held_on=clock.now().date(),
                                    child_view="It's getting better.", measures=measures)
    review.refresh_from_db()
    assert (review.safe_score, review.safe_scale_top, review.safe_scale_words) == (3, 5, "five stars is totally safe")
    event = AuditEvent.objects.get(event="plan_review_recorded")
    assert event.detail["measures"] == ["attendance_percent", "missing_episodes", "safe_scale_top", "safe_scale_words", "safe_score"]


@pytest.mark.parametrize("measures,message", [
    (services.Measures(safe_score=6, safe_scale_top=5), "on their scale"),
    (services.Measures(safe_score=3), "top of the scale"),
    (services.Measures(attendance_percent=101), "percentage"),
    (services.Measures(mental_health_first_seen_on=dt.date(2026, 1, 1)), "referred"),
    (services.Measures(mental_health_referred_on=dt.date(2026, 2, 1), mental_health_first_seen_on=dt.date(2026, 1, 1)), "before"),
])
def test_it_refuses_measures_that_do_not_add_up(users, followed, measures, message):
    with pytest.raises(RefusedError, match=message):
        services.record_review(users.sunita, followed.case.child, held_on=clock.now().date(), child_view="Fine.", measures=measures)
    assert not Review.objects.exists()


def test_only_case_workers_write_a_plan_and_only_while_the_case_is_open(users, followed):
    for who in (users.alice, users.peter, users.sam, users.lena, users.adam):
        with pytest.raises(RefusedError):
            services.add_goal(who, followed.case.child, "A goal.")
    for action in Action.objects.filter(child_id=followed.child_id, status="open"):
        action = casework.reassign_action(users.maria, action, to_owner=users.sunita, reason="For the test.")
        casework.cancel_action(users.sunita, action, "Not needed.")
    casework.close_case(users.alice, followed.case, "Closed for the test.")
    with pytest.raises(RefusedError, match="no open case"):
        services.add_goal(users.sunita, followed.case.child, "A goal.")
    assert not Goal.objects.exists()


def test_the_childs_page_shows_the_plan_as_charts_with_a_table(login, users, followed):
    child = followed.case.child
    services.add_goal(users.sunita, child, "I want my phone back.")
    for days_ago, safe in ((90, 2), (45, 6)):
        held = clock.now().date() - dt.timedelta(days=days_ago)
        services.record_review(users.sunita, child, held_on=held, child_view=f"View {days_ago}",
                               measures=services.Measures(missing_episodes=days_ago // 45, attendance_percent=70,
                                                          safe_score=safe, safe_scale_top=10,
                                                          mental_health_referred_on=held))
    page = login("maria").get(reverse("child_detail", args=[child.pk])).content.decode()
    assert "I want my phone back." in page
    assert page.count("<svg class=\"joinedup-chart\"") == 3  # missing, school, feeling safe
    assert "2 out of 10" in page and "6 out of 10" in page
    assert "data-reviews" in page and "data-referrals" in page
    assert 'aria-labelledby="plan-safe-title plan-safe-desc"' in page
    assert "Add a goal" in page


@pytest.mark.parametrize("username,sees", [("alice", True), ("sunita", True), ("maria", True), ("peter", False), ("anna", False)])
def test_the_plan_is_shown_to_the_roles_that_work_the_case(login, followed, username, sees):
    page = login(username).get(reverse("child_detail", args=[followed.child_id])).content.decode()
    assert ("data-plan" in page) is sees


def test_adding_a_goal_through_the_page(login, followed):
    client = login("sunita")
    url = reverse("plan_add_goal", args=[followed.child_id])
    assert "Add a goal to the plan" in client.get(url).content.decode()
    empty = client.post(url, {"words": " "})
    assert "Write the goal in the child&#x27;s words" in empty.content.decode()
    response = client.post(url, {"words": "I want to go to college."})
    assert response.status_code == 302
    assert Goal.objects.get().words == "I want to go to college."


def test_recording_a_review_through_the_page(login, followed):
    client = login("sunita")
    today = clock.now().date()
    data = {"held_on_0": today.day, "held_on_1": today.month, "held_on_2": today.year, "child_view": "Alright.",
            "missing_episodes": "1", "attendance_percent": "92", "safe_score": "4", "safe_scale_top": "5",
            "safe_scale_words": "stars", "mental_health_support": "waiting",
            "mental_health_referred_on_0": today.day, "mental_health_referred_on_1": today.month,
            "mental_health_referred_on_2": today.year}
    response = client.post(reverse("plan_record_review", args=[followed.child_id]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    review = Review.objects.get()
    assert (review.attendance_percent, review.safe_score, review.mental_health_support) == (92, 4, "waiting")
    assert review.mental_health_first_seen_on is None


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: p.name)
def test_templates_have_no_inline_script_style_or_third_party_host(template):
    text = template.read_text()
    assert not re.search(r"<script", text)
    assert "<style" not in text and not re.search(r"\sstyle=", text) and not re.search(r"\son[a-z]+=", text)
    assert not re.search(r"""(src|href|action)=["'](https?:)?//""", text)
