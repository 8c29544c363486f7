"""Signing in through the pages, as a person does: the password form, then (maybe) the code."""

import pytest
from django.urls import reverse

from tests import factories
from tests.web.conftest import login, school_concern, static_root_exists  # noqa: F401  (shared fixtures)


@pytest.fixture
def password_only(client, users):
    """`password_only("alice")` signs in with the password form only (no code yet); returns the response."""

    def _sign_in(username, *, password=factories.PASSWORD, ip="127.0.0.1"):
        if username in factories.USERS:
            getattr(users, username)
        return client.post(reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=ip)

    return _sign_in


@pytest.fixture
def without_second_factor(users):
    """`without_second_factor("alice")`: the named user, with no second factor set up."""
    from django_otp.plugins.otp_static.models import StaticDevice
    from django_otp.plugins.otp_totp.models import TOTPDevice

    def _user(username):
        user = getattr(users, username)
        TOTPDevice.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()
        return user

    return _user
