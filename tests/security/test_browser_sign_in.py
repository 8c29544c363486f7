"""Signing in with a second factor in a real browser, under the strict Content Security Policy: the QR
code is drawn, nothing is blocked or fails to load, and a new user gets through set-up to their page."""

import pytest

from joinedup.core.models import User
from joinedup.core.roles import Role
from tests.browser.conftest import launch, needs_chromium, sign_in, watch_for_problems

pytestmark = [pytest.mark.browser, needs_chromium]


def test_a_new_social_worker_sets_up_an_app_and_a_known_one_enters_a_code(live_server, users):
    users.alice  # noqa: B018  (made with an authenticator app, factories.TOTP_KEY)
    User.objects.create_user(username="nadia", password="correct horse battery staple", role=Role.SOCIAL_WORKER,
                             agency=users.maria.agency, team=users.maria.team, first_name="Nadia")
    with launch() as page:
        problems = watch_for_problems(page)
        page.goto(f"{live_server.url}/")
        page.get_by_label("Username").fill("nadia")
        page.get_by_label("Password").fill("correct horse battery staple")
        page.get_by_role("button", name="Sign in").click()
        qr = page.get_by_role("img", name="QR code for your authenticator app")
        box = qr.bounding_box()
        assert box["width"] > 100 and box["height"] > 100
        page.goto(f"{live_server.url}/sign-out-nowhere/")  # any other page sends her back to set-up
        assert "/sign-in/set-up/" in page.url
        page.get_by_role("button", name="Sign out").click()

        sign_in(page, live_server.url, "nadia")  # sets up from the key shown, passes the backup codes
        page.get_by_role("heading", name="My work").wait_for()
        page.get_by_role("button", name="Sign out").click()

        sign_in(page, live_server.url, "alice")  # has an app already: types its code
        page.get_by_role("heading", name="Front door").wait_for()
        assert not problems, problems
