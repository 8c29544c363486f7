"""The browser the browser tests drive: Debian's Chromium through Playwright (never a downloaded
browser), against pytest-django's `live_server`, which serves static files through the staticfiles
finders (its StaticFilesHandler), so nothing needs collecting."""

import contextlib
import os
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
    try:
        yield page
    finally:
        context.close()
        browser.close()
        playwright.stop()


@pytest.fixture
def page():
    with launch() as page:
        yield page


def sign_in(page, base_url, username):
    page.goto(f"{base_url}/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(factories.PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def assert_styled(page):
    """GOV.UK Frontend's stylesheet and its font loaded from our own static path."""
    font = page.evaluate("getComputedStyle(document.querySelector('h1')).fontFamily")
    assert "GDS Transport" in font
    assert page.evaluate("document.fonts.check('700 16px \"GDS Transport\"')")
    assert page.evaluate("document.body.classList.contains('govuk-frontend-supported')")


def watch_for_problems(page) -> list[str]:
    """Console errors and failed requests, collected as the test runs."""
    problems: list[str] = []
    page.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
    page.on("requestfailed", lambda request: problems.append(f"failed: {request.url}"))
    return problems
