"""An anonymous report in Urdu, in a real browser with no JavaScript needed: it arrives in the
front-door queue, and the reporter follows it up with the reference and passphrase. axe-core (vendored
from npm, injected from our own static path, never a CDN) checks every public page for WCAG 2.2 A/AA
problems, in left-to-right and right-to-left layouts, including the pages showing errors.

Drives Debian's Chromium through Playwright against pytest-django's `live_server`.
"""

import re

import pytest

from tests.browser.conftest import SCREENS, launch, needs_chromium, sign_in, watch_for_problems

pytestmark = [pytest.mark.browser, needs_chromium]

AXE = "/static/vendor/axe-core/axe.min.js"
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


def accessibility_problems(page, base) -> list[str]:
    """axe-core's WCAG 2.2 A and AA violations on the page as it stands (empty when it passes)."""
    page.add_script_tag(url=f"{base}{AXE}")
    violations = page.evaluate(
        """async (tags) => {
            const result = await axe.run(document, {runOnly: {type: "tag", values: tags}});
            return result.violations.map(v => `${v.id} (${v.impact}): ${v.help} at ` +
                v.nodes.map(n => n.target.join(" ")).join(", "));
        }""",
        WCAG_22_AA,
    )
    assert page.evaluate("axe.version").startswith("4."), "axe-core ran"
    return violations


def check(page, base, name: str) -> None:
    SCREENS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENS / f"public-{name}.png"), full_page=True)
    assert accessibility_problems(page, base) == [], name


@pytest.fixture
def front_door(users):
    users.alice  # noqa: B018 (users are created on first use)


def test_an_anonymous_report_in_urdu_reaches_the_front_door_and_is_followed_up(live_server, front_door):
    base = live_server.url
    with launch() as page:
        problems = watch_for_problems(page)
        page.set_default_timeout(15_000)

        # English first, then the language list (plain links) to Urdu.
        page.goto(f"{base}/report/en/")
        assert page.locator("html").get_attribute("dir") == "ltr"
        # Styled from our own static path, and the service name keeps the spaces between its words.
        assert page.evaluate("getComputedStyle(document.querySelector('.govuk-header')).backgroundColor") != "rgba(0, 0, 0, 0)"
        assert page.evaluate("getComputedStyle(document.querySelector('.joinedup-public-name')).wordSpacing") == "0px"
        check(page, base, "report-en")
        page.get_by_role("link", name="اردو").click()
        page.wait_for_url(f"{base}/report/ur/")
        assert page.locator("html").get_attribute("lang") == "ur"
        assert page.locator("html").get_attribute("dir") == "rtl"
        assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
        check(page, base, "report-ur")

        # Sent with the required answers missing: the errors are named, and what was typed stays.
        page.get_by_label("بچے کا نام").fill("ٹیسٹا فرضی")
        page.get_by_role("button", name="اطلاع بھیجیں").click()
        page.locator(".govuk-error-summary").wait_for()
        assert page.get_by_role("link", name="منتخب کریں کہ آپ کون ہیں").is_visible()
        assert page.get_by_label("بچے کا نام").input_value() == "ٹیسٹا فرضی"
        check(page, base, "report-ur-errors")

        page.get_by_label("میں پڑوسی، دوست یا عام شہری ہوں").check()
        page.get_by_label("آپ کو کس بات کی فکر ہے؟").fill("ایک لڑکی کو ہر رات ایک سرمئی گاڑی میں لے جایا جاتا ہے۔")
        page.get_by_label("بچے کی عمر").fill("14")
        page.get_by_role("button", name="اطلاع بھیجیں").click()
        page.wait_for_url(f"{base}/report/ur/sent/")
        reference = page.locator("[data-reference]").inner_text().strip()
        passphrase = page.locator("[data-passphrase]").inner_text().strip()
        assert re.fullmatch(r"R-[2-9A-Z]{4}-[2-9A-Z]{4}", reference)
        assert re.fullmatch(r"\d{4} \d{4} \d{4} \d{4}", passphrase)
        check(page, base, "sent-ur")

        # Later: the reporter follows it up with the reference and passphrase.
        page.get_by_role("link", name="معلومات شامل کریں یا پیش رفت دیکھیں").click()
        check(page, base, "follow-up-ur")
        page.get_by_label("حوالہ نمبر").fill(reference)
        page.get_by_label("خفیہ کوڈ", exact=True).fill(passphrase)
        page.get_by_role("button", name="جاری رکھیں").click()
        page.wait_for_url(f"{base}/report/ur/follow-up/progress/")
        assert page.locator("[data-stage]").get_attribute("data-stage") == "received"
        assert reference in page.content()
        check(page, base, "progress-ur")
        page.get_by_label("معلومات شامل کریں", exact=True).fill("گاڑی کا نمبر YK62 HBD تھا۔")
        page.get_by_role("button", name="بھیجیں", exact=True).click()
        page.locator("[data-added]").wait_for()
        check(page, base, "progress-ur-added")

        # And in English, a wrong passphrase: a named error, nothing else given away.
        page.goto(f"{base}/report/en/follow-up/")
        page.get_by_label("Reference").fill(reference)
        page.get_by_label("Passphrase").fill("1234 5678 1234 5678")
        page.get_by_role("button", name="Continue").click()
        page.locator(".govuk-error-summary").wait_for()
        check(page, base, "follow-up-en-error")

        # The front door sees it in its queue, with the added information, from the public page.
        sign_in(page, base, "alice")
        page.goto(f"{base}/front-door/")
        row = page.locator("tr", has_text="Public reporting page")
        row.first.wait_for()
        row.first.get_by_role("link").first.click()
        body = page.locator("main").inner_text()
        assert "ایک لڑکی کو ہر رات ایک سرمئی گاڑی میں لے جایا جاتا ہے۔" in body
        assert "گاڑی کا نمبر YK62 HBD تھا۔" in body
        assert reference in body
        page.screenshot(path=str(SCREENS / "public-front-door-concern.png"), full_page=True)
        # A form sent back with errors is answered 400 (Chromium logs that); nothing else may fail.
        assert [p for p in problems if "status of 400" not in p] == [], problems


def test_the_refusal_pages_pass_the_accessibility_check_and_keep_what_was_typed(live_server, db, settings):
    settings.JOINEDUP_PUBLIC_REPORT_LIMIT = 1
    base = live_server.url
    with launch() as page:
        for attempt in range(2):
            page.goto(f"{base}/report/pl/")
            page.get_by_label("Jestem rodzicem lub opiekunem").check()
            page.get_by_label("Co Cię niepokoi?").fill(f"Zgłoszenie testowe numer {attempt + 1}.")
            page.get_by_role("button", name="Wyślij zgłoszenie").click()
            page.wait_for_load_state()
        # The second report from this connection is refused, plainly, with the text still in the form.
        assert page.locator("[data-refusal]").is_visible()
        assert page.get_by_label("Co Cię niepokoi?").input_value() == "Zgłoszenie testowe numer 2."
        check(page, base, "refused-pl")

        settings.JOINEDUP_PUBLIC_MAX_BODY_BYTES = 500
        page.goto(f"{base}/report/ro/")
        page.get_by_label("Sunt părinte sau îngrijitor").check()
        page.get_by_label("Ce vă îngrijorează?").fill("Un text foarte lung. " * 40)
        page.get_by_role("button", name="Trimiteți semnalarea").click()
        page.locator("[data-refusal]").wait_for()
        check(page, base, "too-large-ro")
