"""The second factor: who needs it for what, setting it up, entering it, and what a wrong code does."""

import re
import time

import pytest
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from joinedup.accounts import policy
from joinedup.core.models import AuditEvent
from joinedup.core.roles import Role
from tests import factories
from tests.web.conftest import NO_RECORDS, OWN_AGENCY, WIDE

NEEDS_CODE = WIDE + NO_RECORDS


def code_for(device: TOTPDevice) -> str:
    app = TOTP(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
    return f"{app.token():06d}"


def test_the_roles_needing_a_second_factor_are_those_that_search_or_see_beyond_their_agency():
    assert {Role(r) for r in policy.NEEDS_SECOND_FACTOR} == {
        Role.FRONT_DOOR, Role.SOCIAL_WORKER, Role.TEAM_MANAGER, Role.POLICE_OFFICER, Role.ANALYST,
        Role.AUDITOR, Role.ADMINISTRATOR,
    }
    assert {Role(r) for r in policy.RECORD_ONLY_WITHOUT_SECOND_FACTOR} == {Role.SCHOOL_DSL, Role.HEALTH, Role.YOUTH_WORKER}
    for role in Role:
        user = type("U", (), {"role": role})()
        expected = {Role.AGENCY_SYSTEM: policy.EXEMPT}.get(
            role, policy.RECORD_ONLY if role in policy.RECORD_ONLY_WITHOUT_SECOND_FACTOR else policy.REQUIRED)
        assert policy.rule_for(user) == expected, role


@pytest.mark.parametrize("username", factories.USERS)
def test_after_the_password_everyone_with_a_second_factor_is_asked_for_their_code(password_only, username):
    response = password_only(username)
    assert response.status_code == 302
    assert response.url.startswith(reverse("second_factor") + "?next=")


@pytest.mark.parametrize("username", NEEDS_CODE)
def test_a_role_that_sees_beyond_its_agency_reaches_no_page_with_a_password_only(client, password_only, username):
    password_only(username)
    for name in ("home", "front_door", "find_child", "record_concern", "my_work", "audit_search", "alert_list"):
        response = client.get(reverse(name))
        assert response.status_code == 302, name
        assert response.url.startswith(reverse("second_factor")), name
    assert client.get(reverse("second_factor")).status_code == 200


@pytest.mark.parametrize("username", NEEDS_CODE)
def test_a_role_that_sees_beyond_its_agency_without_a_second_factor_must_set_one_up(
        client, password_only, without_second_factor, username):
    without_second_factor(username)
    response = password_only(username)
    assert response.url.startswith(reverse("second_factor_set_up"))
    assert client.get(reverse("front_door")).url.startswith(reverse("second_factor_set_up"))


@pytest.mark.parametrize("username", OWN_AGENCY)
def test_an_own_agency_role_without_a_second_factor_can_only_record(client, password_only, without_second_factor,
                                                                     username, school_concern):
    without_second_factor(username)
    response = password_only(username)
    assert response.url == "/"  # straight on: no code to enter
    assert client.get(reverse("record_concern")).status_code == 200
    assert client.get(reverse("home")).url == reverse("record_concern")
    blocked = [
        reverse("record_concern") + "?q=Kayleigh",  # searching
        reverse("record_concern") + f"?child={school_concern.child_ids[0]}",  # reading a known child
        reverse("record_find_child") + "?q=Kayleigh",
        reverse("record_child_details") + f"?child={school_concern.child_ids[0]}",
        reverse("find_child"),
        reverse("child_detail", args=[school_concern.child_ids[0]]),
        reverse("concern_detail", args=[school_concern.concern_id]),
    ]
    for url in blocked:
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith(reverse("second_factor_set_up")), url
    page = client.get(reverse("second_factor_set_up")).content.decode()
    assert "Without a second factor you can" in page


def test_an_own_agency_role_without_a_second_factor_can_record_a_concern(client, password_only, without_second_factor):
    from tests.web.conftest import record_form

    without_second_factor("sam")
    password_only("sam")
    response = client.post(reverse("record_concern"), record_form(categories=["neglect"], indicators=[],
                                                                  summary="Often hungry at school."))
    assert response.status_code == 302 and "/recorded/" in response.url
    assert client.get(response.url).status_code == 200


@pytest.mark.parametrize("username", OWN_AGENCY)
def test_an_own_agency_role_with_its_code_gets_its_normal_view(client, password_only, username, school_concern):
    password_only(username)
    assert client.get(reverse("find_child")).status_code == 302
    response = client.post(reverse("second_factor"), {"code": factories.totp_code(), "next": reverse("find_child")})
    assert response.status_code == 302 and response.url == reverse("find_child")
    assert client.get(reverse("find_child")).status_code == 200


def test_entering_the_code_opens_the_page_asked_for(client, password_only):
    response = password_only("alice")
    page = client.get(response.url)
    assert page.status_code == 200 and "Enter your code" in page.content.decode()
    response = client.post(reverse("second_factor"), {"code": factories.totp_code(), "next": reverse("front_door")})
    assert response.url == reverse("front_door")
    assert client.get(reverse("front_door")).status_code == 200


def test_a_wrong_code_is_refused_and_audited(client, password_only, users):
    password_only("alice")
    wrong = "000000" if factories.totp_code() != "000000" else "111111"
    response = client.post(reverse("second_factor"), {"code": wrong})
    assert response.status_code == 200
    assert "The code is not right" in response.content.decode()
    assert client.get(reverse("front_door")).status_code == 302
    assert AuditEvent.objects.filter(event="second_factor_failed", actor=users.alice).count() == 1


def test_a_code_cannot_be_used_twice(client, password_only, users):
    code = factories.totp_code()
    password_only("alice")
    assert client.post(reverse("second_factor"), {"code": code}).status_code == 302
    client.post(reverse("logout"))
    password_only("alice")
    assert client.post(reverse("second_factor"), {"code": code}).status_code == 200  # refused: replayed


def test_a_next_address_elsewhere_is_not_followed(client, password_only):
    password_only("alice")
    response = client.post(reverse("second_factor"), {"code": factories.totp_code(), "next": "https://evil.example/"})
    assert response.url == reverse("home")


def test_setting_up_an_authenticator_app_shows_a_qr_code_and_the_key_and_gives_backup_codes(
        client, password_only, without_second_factor):
    alice = without_second_factor("alice")
    password_only("alice")
    page = client.get(reverse("second_factor_set_up"))
    html = page.content.decode()
    assert page.status_code == 200
    assert '<svg role="img" aria-label="QR code for your authenticator app"' in html
    assert "<path d=" in html and "http" not in html.split("<svg", 1)[1].split("</svg>")[0].replace(
        "http://www.w3.org/2000/svg", "")  # made here: nothing fetched from elsewhere
    device = TOTPDevice.objects.get(user=alice, confirmed=False)
    import base64

    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    assert " ".join(secret[i:i + 4] for i in range(0, len(secret), 4)) in html

    assert "The code is not right" in client.post(reverse("second_factor_set_up"), {"code": "12345"}).content.decode()
    device.refresh_from_db()
    assert not device.confirmed
    time.sleep(1.1)  # after a wrong code the device refuses every code for a second (django-otp throttling)

    response = client.post(reverse("second_factor_set_up"), {"code": code_for(device)})
    html = response.content.decode()
    assert response.status_code == 200 and "Your second factor is set up" in html
    codes = re.findall(r"<li><code>([a-z0-9]+)</code></li>", html)
    assert len(codes) == 10 and len(set(codes)) == 10
    assert client.get(reverse("front_door")).status_code == 200  # verified by setting it up
    assert AuditEvent.objects.filter(event="second_factor_set_up", actor=alice).exists()

    # A backup code works once.
    client.post(reverse("logout"))
    password_only("alice")
    assert client.post(reverse("second_factor"), {"code": codes[0]}).status_code == 302
    assert client.get(reverse("front_door")).status_code == 200
    client.post(reverse("logout"))
    password_only("alice")
    assert client.post(reverse("second_factor"), {"code": codes[0]}).status_code == 200
    assert AuditEvent.objects.filter(event="backup_code_used", actor=alice).count() == 1


def test_a_password_alone_cannot_replace_a_second_factor(client, password_only, users):
    password_only("alice")
    response = client.get(reverse("second_factor_set_up"))
    assert response.status_code == 302 and response.url.startswith(reverse("second_factor"))
    assert client.post(reverse("second_factor_set_up"), {"code": "123456"}).status_code == 302
    assert TOTPDevice.objects.filter(user=users.alice).count() == 1


def test_an_htmx_request_is_sent_to_the_code_page_as_a_whole_page(client, password_only):
    password_only("alice")
    response = client.get(reverse("record_find_child") + "?q=Kay", HTTP_HX_REQUEST="true")
    assert response.status_code == 204
    assert response["HX-Redirect"].startswith(reverse("second_factor"))


def test_the_api_with_a_password_only_session_is_refused(client, password_only):
    password_only("alice")
    response = client.get("/api/concerns/")
    assert response.status_code == 403


def test_the_test_login_fixture_is_a_full_sign_in(login):
    client = login("alice")
    assert client.get(reverse("front_door")).status_code == 200


def test_an_operator_can_reset_a_lost_second_factor_and_it_is_set_up_again(client, password_only, users):
    import io

    from django.core.management import call_command

    users.alice  # noqa: B018  (made, with a second factor)
    out = io.StringIO()
    call_command("reset_second_factor", "alice", stdout=out)
    assert "Removed 1 second-factor device(s) of alice" in out.getvalue()
    assert AuditEvent.objects.filter(event="second_factor_reset", detail__username="alice").exists()
    assert password_only("alice").url.startswith(reverse("second_factor_set_up"))


def test_the_public_reporting_page_stays_open_to_a_password_only_session(client, password_only):
    password_only("alice")
    response = client.get("/report/", follow=True)
    assert response.status_code == 200
    assert not any(reverse("second_factor") in url for url, _ in response.redirect_chain)
