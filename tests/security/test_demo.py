"""The demo still works with a second factor: demo_setup says how to get past it, demo_code gives a code
the sign-in accepts."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from joinedup.core.demo import demo_password


def _run(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_demo_setup_explains_the_code_and_demo_code_gives_one_that_works(db, client):
    printed = _run("demo_setup")
    assert "joinedup demo_code frontdoor" in printed and demo_password() in printed
    response = client.post(reverse("login"), {"username": "frontdoor", "password": demo_password()})
    assert response.url.startswith(reverse("second_factor"))
    code = _run("demo_code", "frontdoor").strip()
    assert len(code) == 6 and code.isdigit()
    response = client.post(reverse("second_factor"), {"code": code, "next": reverse("front_door")})
    assert response.status_code == 302 and response.url == reverse("front_door")
    assert client.get(reverse("front_door")).status_code == 200
    # A code works once: asked again at once, demo_code gives the next one, which is accepted.
    client.post(reverse("logout"))
    client.post(reverse("login"), {"username": "frontdoor", "password": demo_password()})
    again = _run("demo_code", "frontdoor").strip()
    assert again != code
    assert client.post(reverse("second_factor"), {"code": again}).status_code == 302


def test_demo_code_is_only_for_demo_users(db, users):
    users.alice  # noqa: B018
    with pytest.raises(CommandError):
        _run("demo_code", "alice")
