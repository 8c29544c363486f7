"""Follow-through in a real browser: a front-door worker decides on a concern and gives a social worker
an action with a due date; days later the action is overdue, the team manager sees it on the Team page
and reassigns it, and the new worker finds it on My work.

Time is driven by replacing `joinedup.core.clock.now` (the one clock every rule asks) for the length of
the test: the live server runs in another thread of this process, so it sees the same clock. The
decision is made six days in the past; then the clock returns to the wall clock, when the action is
overdue. Screenshots go to /tmp/screens/ (decide.png, team.png, my-work.png).
"""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from joinedup.casework.models import Reassignment
from joinedup.core import clock
from joinedup.core.models import AuditEvent, User
from joinedup.core.roles import Role
from tests.browser.conftest import SCREENS, assert_styled, launch, needs_chromium, sign_in, watch_for_problems

pytestmark = [pytest.mark.browser, needs_chromium]

WALL_CLOCK = clock.now
LONDON = ZoneInfo("Europe/London")


@pytest.fixture
def then():
    """Six days ago, at 10am London time (so "two days later" is a plain calendar date)."""
    day = (WALL_CLOCK().astimezone(LONDON) - dt.timedelta(days=6)).date()
    return dt.datetime.combine(day, dt.time(10), tzinfo=LONDON)


@pytest.fixture
def team(users, submit, then):
    """Alice (front door), Sunita and Tom (social workers) and Maria (their manager); a school's concern
    about Priya, received an hour before `then`."""
    for name in ("alice", "sunita", "maria"):
        getattr(users, name)
    User.objects.create_user(
        username="tom", password="correct horse battery staple", role=Role.SOCIAL_WORKER,
        agency=users.maria.agency, team=users.maria.team, first_name="Tom", last_name="Tester",
    )
    return submit(
        "school", received_at=(then - dt.timedelta(hours=1)).isoformat(), categories=["neglect"], indicators=[],
        mentions=[], children=[{"given_name": "Priya", "family_name": "Followtest", "dob": "2011-06-05"}],
    )


def test_a_decided_action_goes_overdue_and_the_manager_reassigns_it(live_server, team, then, monkeypatch):
    SCREENS.mkdir(parents=True, exist_ok=True)
    base = live_server.url
    due = then.date() + dt.timedelta(days=2)
    monkeypatch.setattr(clock, "now", lambda: then.astimezone(dt.UTC))
    with launch() as page:
        problems = watch_for_problems(page)

        # Six days ago: Alice decides, giving Sunita a visit due two days later.
        sign_in(page, base, "alice")
        page.locator(f"tr[data-reference='{team.reference}'] a", has_text=team.reference).click()
        refer_to = page.locator("#conditional-refer-to")
        assert refer_to.is_hidden()  # revealed only for a referral (govuk-frontend's radios)
        page.get_by_label("Referral to another agency").check()
        assert refer_to.is_visible()
        page.get_by_label("Child-in-need assessment (section 17)").check()
        assert refer_to.is_hidden()
        page.get_by_label("Rationale").fill("Mother asked for help; Priya is often hungry at school.")
        page.locator("#id_action-0-title").fill("Visit Priya at home")
        page.locator("#id_action-0-owner").select_option(label="Sunita Tester")
        page.locator("#id_action-0-due_0").fill(str(due.day))
        page.locator("#id_action-0-due_1").fill(str(due.month))
        page.locator("#id_action-0-due_2").fill(str(due.year))
        assert_styled(page)
        page.locator("[data-decide-form]").screenshot(path=str(SCREENS / "decide.png"))
        page.get_by_role("button", name="Record decision").click()
        page.get_by_text("Decision recorded: Child-in-need assessment (section 17).").wait_for()
        assert "Visit Priya at home" in page.locator("#decision ~ .govuk-summary-card").first.inner_text()
        page.get_by_role("link", name="Front door").click()
        assert page.locator(f"tr[data-reference='{team.reference}']").count() == 0
        page.get_by_role("button", name="Sign out").click()

        # Today: the visit is overdue. Maria sees it on the Team page and gives it to Tom.
        monkeypatch.setattr(clock, "now", WALL_CLOCK)
        sign_in(page, base, "maria")
        page.get_by_role("heading", name="Child protection team").wait_for()
        overdue = page.locator("#overdue-sunita + table [data-action]")
        assert overdue.count() == 1
        row = overdue.first.inner_text()
        assert "Visit Priya at home" in row and "Overdue by" in row and "Priya Followtest" in row
        assert "Priya Followtest" in page.locator("[data-unallocated]").inner_text()
        page.screenshot(path=str(SCREENS / "team.png"), full_page=True)
        overdue.first.get_by_role("link", name="Visit Priya at home").click()
        page.get_by_label("Who should do it now?").select_option(label="Tom Tester")
        page.get_by_label("Why is it being reassigned?").fill("Sunita is on leave this week.")
        page.get_by_role("button", name="Reassign").click()
        page.get_by_text("“Visit Priya at home” was reassigned to Tom Tester.").wait_for()
        history = page.locator("[data-reassignments]").inner_text()
        assert "Sunita Tester" in history and "Tom Tester" in history and "Sunita is on leave this week." in history
        assert page.locator("[data-owner]").inner_text().strip() == "Tom Tester"
        page.get_by_role("button", name="Sign out").click()

        # Tom finds it on My work, marked overdue.
        sign_in(page, base, "tom")
        page.get_by_role("heading", name="My work").wait_for()
        row = page.locator("[data-actions] tbody tr").first
        assert "Visit Priya at home" in row.inner_text()
        assert row.locator("[data-due='overdue']").count() == 1
        assert_styled(page)
        page.screenshot(path=str(SCREENS / "my-work.png"), full_page=True)
        assert not problems, problems

    move = Reassignment.objects.select_related("from_owner", "to_owner", "created_by").get()
    assert (move.from_owner.username, move.to_owner.username, move.created_by.username) == ("sunita", "tom", "maria")
    assert move.reason == "Sunita is on leave this week."
    assert move.action.due_at < clock.now()
    assert AuditEvent.objects.filter(event="action_reassigned", actor__username="maria").exists()
