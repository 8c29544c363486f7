"""The analyst's workspace in a real browser: two agencies' concerns name the same car in sexual
exploitation, so an alert exists; the analyst opens the queue, opens the alert, sees the network
picture (a cytoscape canvas) and the timeline, and opens an investigation with a rationale.
Screenshot: /tmp/screens/alert.png."""

import pytest

from joinedup.identity.models import Alert
from tests.browser.conftest import SCREENS, assert_styled, launch, needs_chromium, sign_in, watch_for_problems

pytestmark = [pytest.mark.browser, needs_chromium]


@pytest.fixture
def alert(users, submit):
    assert users.anna
    for n, agency in ((1, "police"), (2, "school")):
        submit(agency, received_at=f"2024-03-0{n}T10:00:00+00:00",
               children=[{"given_name": f"Browser{n}", "family_name": f"Alerttest{n}", "dob": f"2011-0{n}-0{n}"}],
               mentions=[{"kind": "vehicle", "role": "transported_child", "plate": "BR24 OWS", "colour": "black"}])
    alert = Alert.objects.get()
    return alert.pk, alert.reference


def test_an_analyst_triages_an_alert_from_the_queue(live_server, alert):
    pk, reference = alert
    SCREENS.mkdir(parents=True, exist_ok=True)
    base = live_server.url
    with launch() as page:
        problems = watch_for_problems(page)
        sign_in(page, base, "anna")
        page.get_by_role("link", name="Alerts", exact=True).click()
        assert_styled(page)
        page.get_by_role("link", name=reference).click()
        page.wait_for_selector("[data-network-picture] canvas")
        assert page.locator("[data-network-picture]").is_visible()
        assert page.evaluate("window.joinedupNetwork.nodes().length") == 3
        assert page.evaluate("window.joinedupNetwork.edges().length") == 2
        assert page.locator("svg.joinedup-timeline circle").count() == 2
        page.screenshot(path=str(SCREENS / "alert.png"), full_page=True)
        page.get_by_label("Open an investigation").check()
        page.get_by_label("Why?").fill("One car around two children from two agencies.")
        page.get_by_role("button", name="Save decision").click()
        assert "Decided: open an investigation" in page.content()
        assert "One car around two children from two agencies." in page.content()
        assert problems == []
    assert Alert.objects.get(pk=pk).status == "actioned"


def test_an_analyst_finds_a_path_between_two_children_then_triages(live_server, alert):
    pk, reference = alert
    base = live_server.url
    with launch() as page:
        problems = watch_for_problems(page)
        sign_in(page, base, "anna")
        page.goto(f"{base}/alerts/{pk}/")
        page.wait_for_selector("[data-network-picture] canvas")
        page.locator("[data-alert-path-form]").get_by_role("button", name="Find a path").click()
        page.wait_for_selector("[data-network-picture] canvas")
        assert "A path in 2 steps" in page.content()
        steps = page.locator("[data-path-steps] li")
        assert steps.count() == 2
        assert "BR24 OWS" in steps.nth(0).inner_text() and "Northtown Police" in steps.nth(0).inner_text()
        assert page.evaluate("window.joinedupNetwork.nodes().length") == 3
        page.screenshot(path=str(SCREENS / "path.png"), full_page=True)
        page.go_back()
        page.get_by_label("Hold a strategy discussion").check()
        page.get_by_label("Why?").fill("Two children, one car, two agencies: police and social care to meet.")
        page.get_by_role("button", name="Save decision").click()
        assert "Decided: hold a strategy discussion" in page.content()
        assert problems == []
    assert Alert.objects.get(pk=pk).status == "actioned"
