"""The child's plan in a real browser: a social worker writes a goal in the child's words and records a
review with the child's view and measures (feeling safe on the child's own 0-5 scale); the child's page
shows the goal, the charts and the table behind them. Screenshot: /tmp/screens/child-plan.png."""

import datetime as dt

import pytest

from tests.browser.conftest import SCREENS, assert_styled, launch, needs_chromium, sign_in, watch_for_problems
from tests.web.conftest import followed  # noqa: F401

pytestmark = [pytest.mark.browser, needs_chromium]


def test_a_social_worker_records_the_childs_plan_and_sees_it_charted(live_server, followed):  # noqa: F811
    today = dt.date.today()
    SCREENS.mkdir(parents=True, exist_ok=True)
    with launch() as page:
        problems = watch_for_problems(page)
        sign_in(page, live_server.url, "sunita")
        page.goto(f"{live_server.url}/children/{followed.child_id}/")
        page.get_by_role("link", name="Add a goal").click()
        page.get_by_label("The goal, in the child's words").fill("I want to feel safe walking home from school.")
        page.get_by_role("button", name="Add the goal").click()
        page.locator("[data-goals]").wait_for()
        page.get_by_role("link", name="Record a review with the child").click()
        page.locator("#id_held_on_0").fill(str(today.day))
        page.locator("#id_held_on_1").fill(str(today.month))
        page.locator("#id_held_on_2").fill(str(today.year))
        page.get_by_label("The child's view, in their words").fill("It's better since I stopped going to the park.")
        page.get_by_label("Times missing since the last review").fill("1")
        page.get_by_label("School attendance since the last review (percent)").fill("85")
        page.get_by_label("How safe the child feels, on their scale").fill("4")
        page.get_by_label("The top of the child's scale").fill("5")
        page.get_by_label("The scale as the child describes it").fill("five stars is totally safe")
        page.get_by_role("button", name="Record the review").click()
        plan = page.locator("[data-plan]")
        plan.wait_for()
        assert_styled(page)
        text = plan.inner_text()
        assert "I want to feel safe walking home from school." in text
        assert "It's better since I stopped going to the park." in text
        assert plan.locator("svg.joinedup-chart").count() == 3
        assert plan.locator("[data-reviews] [data-safe]").first.inner_text().startswith("4 out of 5")
        assert "4 out of 5" in plan.locator("#plan-safe-desc").text_content()
        plan.screenshot(path=str(SCREENS / "child-plan.png"))
        assert not problems, problems
