"""Headers on every page: a strict Content Security Policy (no inline script or style), frame denial,
referrer policy, HSTS over HTTPS; and passwords hashed with Argon2."""

import importlib

import pytest
from django.urls import reverse

from tests import factories


def _policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


@pytest.mark.parametrize("path", ["/my-work/", "/front-door/", "/api/docs/"])
def test_every_page_has_a_strict_content_security_policy(login, path):
    response = login("sunita").get(path)
    assert response.status_code == 200
    policy = _policy(response)
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"] and policy["style-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"] and policy["object-src"] == ["'none'"]
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert "unsafe-eval" not in response["Content-Security-Policy"]


def test_pages_refuse_framing_and_keep_the_referrer_on_site(client):
    response = client.get(reverse("login"))
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_https_responses_carry_hsts(client, settings):
    response = client.get(reverse("login"), secure=True)
    assert settings.SECURE_HSTS_SECONDS >= 31536000
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"


def test_plain_http_is_redirected_to_https_when_configured(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    response = client.get(reverse("login"))
    assert response.status_code == 301 and response.url.startswith("https://")


def test_passwords_are_hashed_with_argon2(db, settings):
    real = importlib.import_module("joinedup.settings")  # the tests themselves use a fast hasher
    assert real.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"
    settings.PASSWORD_HASHERS = real.PASSWORD_HASHERS
    user = factories.user("alice")
    user.set_password(factories.PASSWORD)
    user.save()
    assert user.password.startswith("argon2$argon2id$")
    assert user.check_password(factories.PASSWORD)
