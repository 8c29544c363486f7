"""Issuing and revoking agency systems' API tokens. Each runs in one transaction with its audit event.

A token is shown once, when it is issued; only its SHA-256 hash is kept, so a lost token is revoked and
a new one issued, never recovered.
"""

from __future__ import annotations

import dataclasses
import secrets
from typing import ClassVar

from django.db import transaction
from django.utils.text import slugify

from joinedup.api.authentication import hash_token
from joinedup.api.models import ApiClient
from joinedup.core import audit, clock
from joinedup.core.models import Agency, AgencyType, User
from joinedup.core.roles import Role
from joinedup.records.services import RefusedError

TOKEN_PREFIX = "ju_"


@dataclasses.dataclass(frozen=True)
class ApiClientIssued(audit.AuditEventData):
    """An agency system was given an API token (it acts as a user of role agency_system)."""

    name: ClassVar[str] = "api_client_issued"
    client_id: int = 0
    client_name: str = ""
    agency: str = ""

    def object_ref(self) -> tuple[str, str]:
        return "api_client", str(self.client_id)


@dataclasses.dataclass(frozen=True)
class ApiClientRevoked(audit.AuditEventData):
    """An agency system's API token was revoked; the system can no longer sign in."""

    name: ClassVar[str] = "api_client_revoked"
    client_id: int = 0
    client_name: str = ""
    agency: str = ""

    def object_ref(self) -> tuple[str, str]:
        return "api_client", str(self.client_id)


def new_token() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def _username(name: str) -> str:
    base = f"api-{slugify(name)[:120] or 'system'}"
    username, n = base, 1
    while User.objects.filter(username=username).exists():
        n += 1
        username = f"{base}-{n}"
    return username


def _agency(name: str, agency_type: str | None) -> Agency:
    agency = Agency.objects.filter(name=name).first()
    if agency is None:
        if not agency_type:
            raise RefusedError(f"There is no agency called {name!r}; give its type to create it.")
        if agency_type not in AgencyType.values:
            raise RefusedError(f"Unknown agency type {agency_type!r}.")
        return Agency.objects.create(name=name, type=agency_type, created_at=clock.now())
    if agency_type and agency.type != agency_type:
        raise RefusedError(f"{name} is already registered as {agency.get_type_display()} ({agency.type}).")
    return agency


@transaction.atomic
def issue_api_client(
    *, agency_name: str, name: str, agency_type: str | None = None, actor=None
) -> tuple[ApiClient, str]:
    """A new agency system and its service user; returns the client and its token (shown once)."""
    agency_name, name = agency_name.strip(), name.strip()
    if not agency_name or not name:
        raise RefusedError("Give the agency and a name for the system.")
    if ApiClient.objects.filter(name=name, revoked_at__isnull=True).exists():
        raise RefusedError(f"There is already an API client called {name!r}; revoke it first or choose another name.")
    agency = _agency(agency_name, agency_type)
    user = User(username=_username(name), role=Role.AGENCY_SYSTEM, agency=agency, first_name=name[:150])
    user.set_unusable_password()
    user.save()
    token = new_token()
    client = ApiClient.objects.create(
        name=name, user=user, token_hash=hash_token(token), created_by=actor, created_at=clock.now()
    )
    audit.record(ApiClientIssued(client_id=client.pk, client_name=name, agency=agency.name), actor)
    return client, token


@transaction.atomic
def revoke_api_client(name: str, *, actor=None) -> ApiClient:
    """Revoke the active API client called `name`; its service user is deactivated too."""
    client = ApiClient.objects.select_for_update().filter(name=name.strip(), revoked_at__isnull=True).first()
    if client is None:
        raise RefusedError(f"There is no active API client called {name!r}.")
    now = clock.now()
    ApiClient.objects.filter(pk=client.pk).update(revoked_at=now)
    User.objects.filter(pk=client.user_id).update(is_active=False)
    agency = client.user.agency.name if client.user.agency else ""
    audit.record(ApiClientRevoked(client_id=client.pk, client_name=client.name, agency=agency), actor)
    client.refresh_from_db()
    return client
