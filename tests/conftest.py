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
