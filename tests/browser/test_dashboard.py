"""The leaders' dashboard in a real browser: the demo town (generated small, imported on the records'
clock and given its casework, plans, population and posts exactly as `make demo` does) and a service
leader who signs in, opens "Outcomes" from the menu, sees every figure with its chart, the definition
of help and the table behind the charts, and downloads a figure as CSV.

Drives Debian's Chromium through Playwright against pytest-django's `live_server` (see conftest.py).
The screenshot goes to /tmp/screens/dashboard.png for a person to look at.
"""

import datetime as dt
import io
import json
import random

import pytest
from django.core.management import call_command

from tests.browser.conftest import SCREENS, assert_styled, launch, needs_chromium, sign_in, watch_for_problems

pytestmark = [pytest.mark.browser, needs_chromium]


@pytest.fixture
def demo_town(users, tmp_path):
    """A small demo town: two years of concerns ending about now, with the demo's casework and outcomes."""
    from sim import demo_casework, town

    records, _truth = town.generate(seed=7, concerns=240, years=2, start=dt.date.today() - dt.timedelta(days=733))
    path = tmp_path / "town.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
    call_command("import", str(path), "--replay", stdout=io.StringIO(), stderr=io.StringIO())
    demo_casework.run(7, random.Random(7))
    return users.lena


def test_a_leader_sees_the_dashboard_figures_for_the_demo_town(live_server, demo_town):
    from joinedup.core import clock
    from joinedup.outcomes import dashboard

    board = dashboard.build(clock.now())
    expected = {f.key: f.headline for f in board.figures}
    help_row = board.figure("time-to-help").rows[-1]
    assert help_row[1] > 0, "the demo town helps children"
    assert board.figure("mental-health").rows[-1][1] + board.figure("mental-health").rows[-2][1] > 0
    SCREENS.mkdir(parents=True, exist_ok=True)
    with launch() as page:
        problems = watch_for_problems(page)
        sign_in(page, live_server.url, "lena")
        page.get_by_role("link", name="Outcomes").click()
        page.locator("h1", has_text="Service outcomes").wait_for()
        assert_styled(page)
        for key, headline in expected.items():
            section = page.locator(f'[data-figure="{key}"]')
            assert section.locator("[data-headline]").inner_text().strip() == headline
            assert section.locator("svg.joinedup-chart").count() >= (0 if key == "vacancies" else 1)
        help_section = page.locator('[data-figure="time-to-help"]')
        help_section.get_by_text("How this figure is made").click()
        assert "first concern about them" in help_section.locator("[data-how]").inner_text()
        help_section.get_by_text("The figures behind the chart").click()
        last = help_section.locator("tbody tr").last.inner_text()
        assert last.split("\t")[:4] == ["All 12 months", str(help_row[1]), help_row[2], help_row[3]]
        page.screenshot(path=str(SCREENS / "dashboard.png"), full_page=True)
        page.locator('[data-figure="under-identified"]').screenshot(path=str(SCREENS / "dashboard-under-identified.png"))
        with page.expect_download() as download:
            help_section.get_by_role("link", name="Download time from first concern to help (CSV)").click()
        text = open(download.value.path()).read()
        assert text.splitlines()[0] == "month,children_helped,median_days,slowest_tenth_days"
        assert text.splitlines()[-1] == ",".join(str(c) for c in help_row)
        assert not problems, problems
