"""Language that believes children, in a real browser: a school's designated safeguarding lead writes
that a child was "putting herself at risk" with older men; the page warns before saving, says why and
what to write instead; she edits her words to one of the alternatives and saves; the concern is stored
with her edited words, and the check is recorded.

Drives Debian's Chromium through Playwright against pytest-django's `live_server` (see conftest.py).
The screenshot goes to /tmp/screens/language-warning.png for a person to look at.
"""

import pytest

from tests.browser.conftest import SCREENS, assert_styled, launch, needs_chromium, sign_in, watch_for_problems

pytestmark = [pytest.mark.browser, needs_chromium]

WRITTEN = (
    "Leah (14) was seen again getting into cars with older men outside the school gates after school. "
    "Staff are worried she is putting herself at risk."
)
EDITED = (
    "Leah (14) was seen again getting into cars with older men outside the school gates after school. "
    "Staff are worried an adult may be exploiting the child's vulnerability."
)


@pytest.fixture
def school(users):
    """Sam, the designated safeguarding lead at Northtown Academy."""
    return users.sam


def test_a_school_dsl_is_warned_and_edits_her_words_to_an_alternative(live_server, school):
    # Set up above; no ORM call while Playwright's event loop runs (see conftest.launch).
    SCREENS.mkdir(parents=True, exist_ok=True)
    with launch() as page:
        problems = watch_for_problems(page)
        sign_in(page, live_server.url, "sam")
        page.get_by_role("link", name="Record a concern").click()
        page.get_by_label("Given name").first.fill("Leah")
        page.get_by_label("Family name").first.fill("Browsertest")
        page.locator("#id_child1-approx_age").fill("14")
        page.locator("#id_child1-sex_0").check()
        summary = page.get_by_label("What happened")
        summary.fill(WRITTEN)
        page.get_by_label("Child sexual exploitation").check()
        page.get_by_role("button", name="Record concern", exact=True).last.click()

        # Not saved: the page warns, with the phrase marked, why, and what to write instead.
        page.locator("[data-language-banner]").wait_for()
        assert "Not saved yet" in page.locator("[data-language-banner]").inner_text()
        review = page.locator("[data-language-review]")
        assert review.locator("mark.joinedup-flag").first.inner_text() == "putting herself at risk"
        text = review.inner_text()
        assert "Puts responsibility on the child." in text
        assert "the child may have been groomed" in text
        assert "an adult may be exploiting the child's vulnerability" in text
        assert page.get_by_role("button", name="Keep my words").is_visible()
        assert summary.input_value() == WRITTEN  # her words, unchanged and still editable
        assert_styled(page)
        page.screenshot(path=str(SCREENS / "language-warning-page.png"), full_page=True)
        top = page.locator("[data-checked-field]").bounding_box()
        bottom = review.bounding_box()
        page.screenshot(path=str(SCREENS / "language-warning.png"), full_page=True, clip={
            "x": 0, "y": top["y"] - 20, "width": 1280, "height": bottom["y"] + bottom["height"] - top["y"] + 40,
        })

        # She edits to an alternative; as she types, the warning goes (htmx), and she saves.
        summary.fill(EDITED)
        page.locator("[data-language-review]").wait_for(state="detached")
        page.get_by_role("button", name="Record concern", exact=True).last.click()
        page.locator(".govuk-panel--confirmation").wait_for()
        reference = page.locator("[data-reference]").inner_text().strip()
        page.get_by_role("link", name="View the concern").click()
        assert "an adult may be exploiting the child's vulnerability" in page.locator("main").inner_text()
        assert not problems, problems

    from joinedup.language.models import LanguageCheck
    from joinedup.records.models import Concern

    concern = Concern.objects.get()
    assert concern.reference == reference
    assert concern.current_version.summary == EDITED
    check = LanguageCheck.objects.get()
    assert (check.kind, check.record_id, check.findings, check.kept) == ("concern", concern.pk, 1, False)
    assert check.rules == ["putting_self_at_risk"]


@pytest.fixture
def figures(users):
    """Twelve months of checks up to this month for two teams, flagged less often as the months go by.
    (The live server runs in its own thread, so the real clock: the months are counted back from now.)"""
    import datetime as dt

    from joinedup.core import clock
    from joinedup.language.models import LanguageCheck
    from joinedup.language.queries import month_starts

    users.maria  # noqa: B018 (the team manager who looks; users are created on first use)
    months = month_starts(clock.now().date(), 12)
    plan = [(10, 6, 4), (12, 6, 3), (9, 4, 2), (11, 4, 2), (8, 3, 1), (12, 4, 1), (10, 3, 1), (9, 2, 0), (7, 2, 1),
            (10, 2, 0), (11, 2, 1), (6, 1, 0)]
    for month, (texts, flagged, kept) in zip(months, plan, strict=True):
        for writer, share in ((users.sunita, 1), (users.sam, 2)):
            for i in range(texts // share):
                LanguageCheck.objects.create(
                    kind="concern", record_id=i + 1, created_by=writer, team=writer.team, agency=writer.agency,
                    created_at=dt.datetime.combine(month, dt.time(12), tzinfo=dt.UTC), findings=int(i < flagged // share),
                    kept=i < kept // share, rules=["out_of_control"] if i < flagged // share else [],
                )
    return months


def test_a_team_manager_sees_writing_improve(live_server, figures):
    SCREENS.mkdir(parents=True, exist_ok=True)
    first = f"{figures[0]:%B %Y}"
    with launch() as page:
        problems = watch_for_problems(page)
        sign_in(page, live_server.url, "maria")
        page.get_by_role("link", name="Language").click()
        page.get_by_role("heading", name="Language that believes children").wait_for()
        chart = page.locator("svg[data-language-chart]")
        assert chart.locator("rect[data-series='flagged']").count() == 12
        assert f"{first}: 15 texts, 9 flagged (60%), 6 kept (40%)." in chart.locator("desc").text_content()
        assert page.locator("tr[data-team='Child protection team'] td[data-texts]").inner_text() == "115"
        assert_styled(page)
        page.screenshot(path=str(SCREENS / "language-figures.png"), full_page=True)
        assert not problems, problems
