"""Lockout after repeated wrong passwords (by user name and address), and signing out when idle."""

import time

import pytest
from django.urls import reverse

from joinedup.accounts.middleware import LAST_SEEN
from joinedup.core.models import AuditEvent


@pytest.fixture
def limit(settings):
    settings.AXES_FAILURE_LIMIT = 3
    return 3


def test_repeated_wrong_passwords_lock_out_that_user_from_that_address(client, password_only, limit, users):
    for _ in range(limit - 1):
        response = password_only("alice", password="not the password")
        assert response.status_code == 200 and "Enter a correct username and password" in response.content.decode()
    response = password_only("alice", password="not the password")
    assert response.status_code == 429
    page = response.content.decode()
    assert "Signing in is paused" in page and "entered wrongly 3 times" in page and "30 minutes" in page
    # Now even the right password is refused, from this address...
    response = password_only("alice")
    assert response.status_code == 429
    assert not client.get(reverse("front_door")).wsgi_request.user.is_authenticated
    # ...but not from another address, and not for another user.
    assert password_only("alice", ip="10.0.0.9").status_code == 302
    client.post(reverse("logout"))
    assert password_only("sunita").status_code == 302


def test_a_lockout_is_an_audit_event_the_auditor_sees(client, password_only, limit, users, login):
    for _ in range(limit):
        password_only("peter", password="guess", ip="192.0.2.7")
    event = AuditEvent.objects.get(event="sign_in_locked_out")
    assert event.actor == users.peter
    assert event.detail == {"username": "peter", "ip_address": "192.0.2.7", "failures": 3, "minutes": 30}
    page = login("audrey").get(reverse("audit_search"), {"event": "sign_in_locked_out"}).content.decode()
    assert "peter (Police officer, Northtown Police)" in page
    assert "Sign in locked out" in page


def test_a_lockout_for_an_unknown_user_name_is_audited_too(password_only, limit, users):
    users.alice  # noqa: B018  (the agencies exist)
    for _ in range(limit):
        password_only("nobody-here", password="guess")
    event = AuditEvent.objects.get(event="sign_in_locked_out")
    assert event.actor is None and event.detail["username"] == "nobody-here"


def test_a_right_password_before_the_limit_starts_the_count_again(client, password_only, limit, users):
    for _ in range(limit - 1):
        password_only("alice", password="nope")
    assert password_only("alice").status_code == 302
    client.post(reverse("logout"))
    for _ in range(limit - 1):
        assert password_only("alice", password="nope").status_code == 200


def _go_idle(client, minutes):
    session = client.session
    session[LAST_SEEN] = time.time() - minutes * 60
    session.save()


def test_an_idle_session_is_signed_out_with_a_message(login):
    client = login("alice")
    assert client.get(reverse("front_door")).status_code == 200
    _go_idle(client, 29)
    assert client.get(reverse("front_door")).status_code == 200
    _go_idle(client, 31)
    response = client.get(reverse("front_door"))
    assert response.status_code == 302
    assert response.url == reverse("login") + "?next=%2Ffront-door%2F"
    page = client.get(response.url).content.decode()
    assert "You were signed out because JoinedUp was not used for 30 minutes" in page
    assert client.get(reverse("front_door")).status_code == 302  # still signed out


def test_the_idle_limit_is_configurable(login, settings):
    settings.JOINEDUP_IDLE_MINUTES = 5
    client = login("sam")
    _go_idle(client, 6)
    assert client.get(reverse("record_concern")).url.startswith(reverse("login"))


def test_using_joinedup_keeps_the_session_alive(login):
    client = login("alice")
    _go_idle(client, 25)
    client.get(reverse("front_door"))  # activity: the idle clock starts again
    assert time.time() - client.session[LAST_SEEN] < 5


def test_signing_in_again_after_an_idle_sign_out_needs_the_code_again(client, login, password_only):
    login("alice")
    _go_idle(client, 31)
    client.get(reverse("front_door"))
    response = password_only("alice")
    assert response.url.startswith(reverse("second_factor"))


def test_a_lockout_emails_the_auditors_and_administrators(password_only, limit, users, mailoutbox,
                                                        django_capture_on_commit_callbacks):
    for user, email in ((users.audrey, "audrey@example.org"), (users.adam, "adam@example.org"),
                        (users.sunita, "sunita@example.org")):
        user.email = email
        user.save()
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(limit):
            password_only("sunita", password="guess", ip="192.0.2.8")
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert sorted(message.to) == ["adam@example.org", "audrey@example.org"]  # not the social worker
    assert "'sunita' from 192.0.2.8 was paused for 30 minutes after 3 wrong passwords" in message.body
