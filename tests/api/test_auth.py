"""Token authentication, and issuing and revoking tokens with `joinedup create_api_client`."""

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from joinedup.api.authentication import hash_token
from joinedup.api.models import ApiClient
from joinedup.api.services import revoke_api_client
from joinedup.core.models import AuditEvent
from joinedup.core.roles import Role
from tests.api.conftest import issue_token

pytestmark = pytest.mark.django_db

LIST = "/api/concerns/"


def test_a_valid_token_is_accepted():
    _, token = issue_token("police", "Police records system")
    response = Client().get(LIST, headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200


def test_the_token_scheme_may_also_be_written_token():
    _, token = issue_token("police", "Police records system")
    assert Client().get(LIST, headers={"Authorization": f"Token {token}"}).status_code == 200


def test_no_token_is_401_with_a_bearer_challenge():
    response = Client().get(LIST)
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"
    assert response.json()["errors"][0]["field"] == ""


@pytest.mark.parametrize(
    "header",
    ["Bearer not-a-token", "Basic dXNlcjpwYXNz", "Bearer", "Bearer   ", "bearer ju_lowercase_scheme", "ju_no_scheme"],
)
def test_a_wrong_or_unknown_credential_is_401(header):
    issue_token("police", "Police records system")
    response = Client().get(LIST, headers={"Authorization": header})
    assert response.status_code == 401
    assert "errors" in response.json()


def test_a_revoked_token_is_401():
    client, token = issue_token("police", "Police records system")
    revoke_api_client(client.name)
    response = Client().get(LIST, headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 401


def test_the_token_of_a_deactivated_service_user_is_401():
    client, token = issue_token("police", "Police records system")
    client.user.is_active = False
    client.user.save()
    assert Client().get(LIST, headers={"Authorization": f"Bearer {token}"}).status_code == 401


def test_the_command_prints_the_token_once_and_keeps_only_its_hash(capsys):
    call_command(
        "create_api_client", "--agency", "Northtown Police", "--agency-type", "police",
        "--name", "Police records system",
    )
    token = capsys.readouterr().out.strip().splitlines()[-1]
    client = ApiClient.objects.get(name="Police records system")
    assert client.token_hash == hash_token(token) and token not in client.token_hash
    assert client.user.role == Role.AGENCY_SYSTEM and client.user.agency.name == "Northtown Police"
    assert not client.user.has_usable_password()
    assert Client().get(LIST, headers={"Authorization": f"Bearer {token}"}).status_code == 200
    assert AuditEvent.objects.filter(event="api_client_issued", object_id=str(client.pk)).exists()


def test_the_command_revokes_a_client_by_name(capsys):
    client, token = issue_token("school", "School MIS")
    call_command("create_api_client", "--revoke", "School MIS")
    assert "Revoked" in capsys.readouterr().out
    client.refresh_from_db()
    assert client.revoked_at is not None and not client.user.is_active
    assert Client().get(LIST, headers={"Authorization": f"Bearer {token}"}).status_code == 401
    assert AuditEvent.objects.filter(event="api_client_revoked", object_id=str(client.pk)).exists()


def test_the_command_refuses_a_second_active_client_with_the_same_name():
    issue_token("police", "Police records system")
    with pytest.raises(CommandError, match="already"):
        call_command("create_api_client", "--agency", "Northtown Police", "--name", "Police records system")


def test_the_command_refuses_to_revoke_an_unknown_client():
    with pytest.raises(CommandError, match="no active API client"):
        call_command("create_api_client", "--revoke", "Nothing by this name")


def test_the_command_needs_the_type_of_a_new_agency():
    with pytest.raises(CommandError, match="give its type"):
        call_command("create_api_client", "--agency", "Brand New Agency", "--name", "New system")


def test_the_command_refuses_a_type_that_contradicts_the_agency():
    issue_token("police", "Police records system")
    with pytest.raises(CommandError, match="already registered"):
        call_command(
            "create_api_client", "--agency", "Northtown Police", "--agency-type", "health", "--name", "Other"
        )


def test_two_systems_of_one_agency_get_different_service_users():
    first, _ = issue_token("police", "Custody system")
    second, _ = issue_token("police", "Custody-system")
    assert first.user_id != second.user_id and first.user.username != second.user.username
