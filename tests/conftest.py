import pytest

from tests import factories


@pytest.fixture
def users(db):
    """Every named test user (see tests/factories.py), created on first use."""

    class Users:
        def __getattr__(self, name):
            return factories.user(name)

    return Users()


@pytest.fixture
def submit(db):
    """Store an interchange record as its agency's system would (returns the IngestResult)."""
    from joinedup.records.models import Channel
    from joinedup.records.services import submit_concern

    def _submit(agency_key="police", actor=None, **overrides):
        return submit_concern(actor, factories.concern_data(agency_key, **overrides), channel=Channel.API)

    return _submit


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Real hashing is deliberately slow; tests only need it to work."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True, scope="session")
def plain_http():
    """The test client and the live server speak plain HTTP; outside debug JoinedUp would redirect every
    request to HTTPS (tests/security/test_settings.py checks that default in a real process)."""
    from django.conf import settings

    settings.SECURE_SSL_REDIRECT = False


@pytest.fixture(autouse=True)
def force_login_is_a_full_sign_in(monkeypatch):
    """`client.force_login(user)` stands for a complete sign-in: password and second factor (the user's
    test authenticator app, made if missing). Tests of the second factor itself sign in through the
    pages (tests/security/)."""
    from django.test import Client

    original = Client.force_login

    def force_login(self, user, backend=None):
        original(self, user, backend)
        factories.verify_second_factor(self, user)

    monkeypatch.setattr(Client, "force_login", force_login)
