"""The browser the browser tests drive: Debian's Chromium through Playwright (never a downloaded
browser), against pytest-django's `live_server`, which serves static files through the staticfiles
finders (its StaticFilesHandler), so nothing needs collecting."""

import base64
import contextlib
import functools
import os
import time
from pathlib import Path

import pytest

from tests import factories

# Playwright's sync API runs an event loop in this thread; Django's ORM refuses to run inside one
# unless told that this test knows what it is doing (the ORM calls here are plain set-up).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
SCREENS = Path(os.environ.get("JOINEDUP_SCREENS_DIR", "/tmp/screens"))

needs_chromium = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium (make chromium)")


@contextlib.contextmanager
def launch():
    """A page in a fresh browser; everything is closed on leaving the block. Make no ORM call inside
    it: one made while Playwright's event loop runs opens a second connection that is never closed."""
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    browser = playwright.chromium.launch(
        executable_path=CHROMIUM,
        args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
              "--no-first-run", "--disable-sync"],
    )
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    # Playwright hides the text caret for a screenshot by adding a <style> element, which the strict
    # Content Security Policy rightly blocks (a console error): keep the caret instead.
    page.screenshot = functools.partial(page.screenshot, caret="initial")
    try:
        yield page
    finally:
        context.close()
        browser.close()
        playwright.stop()


@pytest.fixture
def page():
    _last_step.clear()
    with launch() as page:
        yield page


# The last time step whose code each user typed: a code is accepted once, so a second sign-in in the
# same 30 seconds types the next step's code (one step of clock drift is accepted). Reset per test,
# since each test has a fresh database.
_last_step: dict[str, int] = {}


def sign_in(page, base_url, username):
    """Sign in as a named user: password, then a real code from the user's test authenticator app
    (factories.TOTP_KEY)."""
    page.goto(f"{base_url}/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(factories.PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
    if "/sign-in/set-up/" in page.url:  # a user made without a second factor: set one up, as a person would
        _set_up(page, username)
        return
    if "/sign-in/code/" not in page.url:
        return
    now = int(time.time() // 30)
    step = max(now, _last_step.get(username, now - 1) + 1)
    if step > now + 1:  # a third sign-in within 30 seconds: wait for the next step
        time.sleep(30 - time.time() % 30 + 0.5)
    _last_step[username] = step
    page.get_by_label("Code", exact=True).fill(factories.totp_code(steps_ahead=step - int(time.time() // 30)))
    page.get_by_role("button", name="Continue").click()
    page.wait_for_load_state()


def _set_up(page, username):
    """Type the key shown on the set-up page into a (simulated) authenticator app, enter its code, and go
    on past the backup codes."""
    from django_otp.oath import TOTP

    secret = page.locator("#secret-key").text_content().replace(" ", "").strip()
    app = TOTP(base64.b32decode(secret + "=" * (-len(secret) % 8)), step=30, t0=0, digits=6)
    app.time = time.time()
    _last_step[username] = app.t()
    page.get_by_label("Code", exact=True).fill(f"{app.token():06d}")
    page.get_by_role("button", name="Continue").click()
    page.get_by_text("I have kept my backup codes: continue").click()
    page.wait_for_load_state()


def assert_styled(page):
    """GOV.UK Frontend's stylesheet and its font loaded from our own static path."""
    font = page.evaluate("getComputedStyle(document.querySelector('h1')).fontFamily")
    assert "GDS Transport" in font
    assert page.evaluate("document.fonts.check('700 16px \"GDS Transport\"')")
    assert page.evaluate("document.body.classList.contains('govuk-frontend-supported')")


def watch_for_problems(page) -> list[str]:
    """Console errors and failed requests, collected as the test runs."""
    problems: list[str] = []

    def console(msg) -> None:
        if msg.type == "error":  # where it came from, so a rare one can be traced
            where = msg.location or {}
            problems.append(f"{msg.text} [page {page.url}; {where.get('url', '')}:{where.get('lineNumber', '')}]")
    page.on("console", console)
    page.on("requestfailed", lambda request: problems.append(f"failed: {request.url}"))
    return problems
