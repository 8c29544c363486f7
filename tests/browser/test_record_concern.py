"""A front-door worker records a concern for a new child in a real browser, gets the reference at once,
and finds it on the child's chronology and in the front-door queue.

Drives Debian's Chromium through Playwright (never a downloaded browser) against pytest-django's
`live_server`, which serves static files through the staticfiles finders (its StaticFilesHandler), so
nothing needs collecting. Screenshots go to /tmp/screens/ for a person to look at.
"""

import pytest

from tests.browser.conftest import SCREENS, needs_chromium, watch_for_problems
from tests.browser.conftest import assert_styled as _assert_styled
from tests.browser.conftest import sign_in as _sign_in

pytestmark = [pytest.mark.browser, needs_chromium]


@pytest.fixture
def town(users, submit):
    """Alice (front door) and Peter (police), and a few concerns already in the queue."""
    users.alice  # noqa: B018 (users are created on first use)
    users.peter  # noqa: B018
    submit("school", received_at="2024-03-01T08:30:00+00:00")
    submit("health", categories=["mental_health"], indicators=["despair_self_harm"],
           children=[{"given_name": "Leon", "family_name": "Marsh", "approx_age": 15}])


def test_a_front_door_worker_records_a_concern_and_finds_it(live_server, town, page):
    # Everything the database needs is set up above (`town`) or done through the pages: an ORM call
    # made while Playwright's event loop runs would open a second connection that is never closed.
    SCREENS.mkdir(parents=True, exist_ok=True)
    problems = watch_for_problems(page)
    base = live_server.url
    _sign_in(page, base, "alice")
    page.get_by_role("link", name="Record a concern").click()

    # A search that finds nobody: this is a new child.
    page.get_by_label("Search for a child JoinedUp already knows").fill("Browsertest")
    page.get_by_role("button", name="Search").click()
    page.get_by_text("No children found").wait_for()

    page.get_by_label("Given name").first.fill("Priya")
    page.get_by_label("Family name").first.fill("Browsertest")
    page.locator("#id_child1-dob_0").fill("5")
    page.locator("#id_child1-dob_1").fill("6")
    page.locator("#id_child1-dob_2").fill("2011")
    page.locator("#id_child1-sex_0").check()
    page.locator("#id_child1-postcode").fill("NT3 4AB")
    page.get_by_label("What happened").fill("Picked up from school by a man in his 30s in a white van; not family.")
    page.get_by_label("The child's own words").fill("He's my boyfriend, he gets me vapes.")
    page.get_by_label("Child sexual exploitation").check()
    page.get_by_label("Getting into vehicles driven by unknown adults").check()

    # "Add another person" adds a third row in place (htmx).
    page.get_by_role("button", name="Add another person").click()
    page.locator("#id_person-2-role").wait_for()
    assert page.locator("#id_person-TOTAL_FORMS").input_value() == "3"
    page.locator("#id_vehicle-0-role").select_option("transported_child")
    page.locator("#id_vehicle-0-colour").fill("white")
    page.locator("#id_vehicle-0-make").fill("Ford")

    page.get_by_role("button", name="Record concern", exact=True).last.click()
    page.locator(".govuk-panel--confirmation").wait_for()
    reference = page.locator("[data-reference]").inner_text().strip()
    assert reference.startswith("JU-")

    # The concern page, then the child's page: the new concern is on the chronology.
    page.get_by_role("link", name="View the concern").click()
    page.get_by_role("link", name="Priya Browsertest").click()
    entries = page.locator("[data-chronology] > li")
    assert entries.count() == 1
    assert entries.first.get_attribute("data-reference") == reference
    assert "In the child's words" in entries.first.inner_text()

    # The front-door queue has it, with its clock.
    page.get_by_role("link", name="Front door").click()
    row = page.locator(f"tr[data-reference='{reference}']")
    assert "Priya Browsertest" in row.inner_text()
    assert "Possible sexual abuse or exploitation" in row.inner_text()
    _assert_styled(page)
    page.screenshot(path=str(SCREENS / "front-door.png"), full_page=True)

    # A police officer finds the same child, picks her (htmx fills in her details), and records a
    # concern of their own; both agencies' concerns are on one chronology.
    page.get_by_role("button", name="Sign out").click()
    _sign_in(page, base, "peter")
    page.get_by_role("link", name="Record a concern").click()
    page.get_by_label("Search for a child JoinedUp already knows").fill("Browsertest")
    page.get_by_role("button", name="Search").click()
    page.get_by_role("link", name="Use these details").click()
    page.get_by_text("Filled in from what is known about").wait_for()
    assert page.locator("#id_child1-given_name").input_value() == "Priya"
    assert page.locator("#id_child1-dob_2").input_value() == "2011"
    page.get_by_label("What happened").fill("Reported missing overnight; found at a flat above a takeaway.")
    page.get_by_label("Missing", exact=True).check()
    page.get_by_label("Going missing overnight or longer").check()
    page.get_by_role("button", name="Record concern", exact=True).last.click()
    police_reference = page.locator("[data-reference]").inner_text().strip()
    page.get_by_role("link", name="View the concern").click()
    page.get_by_role("link", name="Priya Browsertest").click()
    entries = page.locator("[data-chronology] > li")
    assert entries.count() == 2
    assert {entries.nth(i).get_attribute("data-reference") for i in range(2)} == {reference, police_reference}
    assert page.locator("svg.joinedup-timeline circle").count() == 2
    _assert_styled(page)
    page.screenshot(path=str(SCREENS / "child-page.png"), full_page=True)

    page.goto(f"{base}/concerns/new/")
    page.screenshot(path=str(SCREENS / "record-concern.png"), full_page=True)
    assert not problems, problems
