"""Fixtures for the outcomes tests: the pages' signed-in clients and a followed-up concern come from
tests/web/conftest.py (so sign-in stays whatever the web tests use)."""

from tests.web.conftest import followed, login, school_concern  # noqa: F401
