"""API test helpers: callers (named users signed in, or agency systems with real tokens) that speak JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.test import Client

from tests import factories

# Agency systems, by the agency key in tests/factories.py.
SYSTEMS = {
    "police_system": "police",
    "school_system": "school",
    "other_school_system": "other_school",
    "health_system": "health",
    "youth_system": "youth",
}


@pytest.fixture(autouse=True)
def api_only_urls(settings):
    settings.ROOT_URLCONF = "tests.api.urls"


@pytest.fixture(autouse=True, scope="session")
def static_root_exists():
    """WhiteNoise warns on every request when STATIC_ROOT (under JOINEDUP_VAR_DIR) does not exist yet."""
    from django.conf import settings

    Path(settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)


class Caller:
    """A test client for one user or system. `get`/`post` return the response; `.json()` reads it."""

    def __init__(self, client: Client, name: str, user=None, token: str = "") -> None:
        self.client = client
        self.name = name
        self.user = user
        self.token = token

    def get(self, path: str, params: dict | None = None, **headers):
        return self.client.get(path, params or {}, headers=headers or None)

    def post(self, path: str, data, **headers):
        return self.client.post(path, json.dumps(data), content_type="application/json", headers=headers or None)

    def post_raw(self, path: str, body: bytes, content_type: str = "application/json"):
        return self.client.post(path, body, content_type=content_type)

    def __repr__(self) -> str:
        return f"<Caller {self.name}>"


def issue_token(agency_key: str, name: str) -> tuple[object, str]:
    from joinedup.api.services import issue_api_client

    agency_name, agency_type = factories.AGENCIES[agency_key]
    return issue_api_client(agency_name=agency_name, agency_type=agency_type, name=name)


@pytest.fixture
def callers(users):
    """`callers.peter` is Peter signed in; `callers.police_system` is the police records system with a
    token. Each is created on first use."""

    class Callers:
        def __init__(self) -> None:
            self._made: dict[str, Caller] = {}

        def __getattr__(self, name: str) -> Caller:
            if name not in SYSTEMS and name not in factories.USERS and name != "nobody":
                raise AttributeError(name)
            if name not in self._made:
                self._made[name] = self._make(name)
            return self._made[name]

        def _make(self, name: str) -> Caller:
            if name in SYSTEMS:
                client_row, token = issue_token(SYSTEMS[name], name.replace("_", " "))
                return Caller(Client(headers={"Authorization": f"Bearer {token}"}), name, client_row.user, token)
            if name == "nobody":
                return Caller(Client(), name)
            user = getattr(users, name)
            client = Client()
            client.force_login(user)
            return Caller(client, name, user)

    return Callers()

