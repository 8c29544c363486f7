"""The OpenAPI schema: it is served, it describes the records the validator accepts, and the live API
keeps to it (schemathesis, with a real token)."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from joinedup.api.openapi import EXAMPLE_RECORD, concern_record_schema
from joinedup.records.interchange import schema as interchange_schema
from joinedup.records.interchange import validate
from tests.api.conftest import issue_token

pytestmark = pytest.mark.django_db


def _schema():
    return Client().get("/api/schema/", {"format": "json"}).json()


def test_the_schema_documents_every_endpoint_with_examples():
    schema = _schema()
    operations = {(path, method) for path, item in schema["paths"].items() for method in item}
    assert operations == {
        ("/api/concerns/", "get"), ("/api/concerns/", "post"),
        ("/api/concerns/{reference}/", "get"), ("/api/children/{reference}/", "get"),
    }
    for path, method in operations:
        responses = schema["paths"][path][method]["responses"]
        assert "401" in responses
        assert any("examples" in body for r in responses.values() for body in r.get("content", {}).values())
    assert schema["components"]["securitySchemes"]["agencySystemToken"]["scheme"] == "bearer"


def test_the_request_body_is_the_interchange_schema():
    schema = _schema()
    body = schema["paths"]["/api/concerns/"]["post"]["requestBody"]["content"]["application/json"]
    assert body["schema"] == {"$ref": "#/components/schemas/ConcernRecord"}
    record = schema["components"]["schemas"]["ConcernRecord"]
    assert record["required"] == interchange_schema("concern")["required"]
    assert set(record["properties"]) == set(interchange_schema("concern")["properties"])
    assert "const" not in str(concern_record_schema())


def test_the_documented_example_is_a_valid_record():
    validate(EXAMPLE_RECORD)


def test_the_swagger_ui_is_served_without_a_cdn():
    html = Client().get("/api/docs/").content.decode()
    assert "swagger-ui" in html and "cdn.jsdelivr" not in html and "unpkg.com" not in html


@pytest.fixture
def live_schema(db):
    """The schema as the running app serves it, with requests sent straight to the WSGI app. As Django's
    test client does, stop the app closing the database connection after each request (it would close
    the test's transaction on PostgreSQL)."""
    from joinedup.wsgi import application

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi("/api/schema/?format=json", application)
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.fixture
def stored(submit):
    return submit("police")  # something to list and read


@pytest.fixture
def police_token(stored):
    return issue_token("police", "Police records system")[1]


CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
OPERATIONS = ["GET /api/concerns/", "POST /api/concerns/", "GET /api/concerns/{reference}/",
              "GET /api/children/{reference}/"]


@pytest.mark.slow
@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
@pytest.mark.parametrize("label", OPERATIONS)
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_the_live_api_keeps_to_its_schema(live_schema, police_token, label, mode, data):
    """Generated requests (valid and invalid, per the schema) get no server error and a documented
    response. (schemathesis' own pytest plugin is not used: its lazy loader does not run on pytest 9.)"""
    method, path = label.split(" ")
    operation = live_schema[path][method]
    case = data.draw(operation.as_strategy(generation_mode=mode))
    case.call_and_validate(headers={"Authorization": f"Bearer {police_token}"}, checks=CHECKS)


def test_the_documented_example_is_accepted_as_documented(live_schema, police_token):
    operation = live_schema["/api/concerns/"]["POST"]
    case = operation.Case(body=EXAMPLE_RECORD, media_type="application/json")
    response = case.call_and_validate(headers={"Authorization": f"Bearer {police_token}"}, checks=CHECKS)
    assert response.status_code == 201


@pytest.mark.parametrize(
    ("path", "reference"),
    [("/api/concerns/{reference}/", lambda r: r.reference), ("/api/children/{reference}/", lambda r: f"C-{r.child_ids[0]:05d}")],
)
def test_reading_a_record_answers_as_documented(live_schema, police_token, stored, path, reference):
    case = live_schema[path]["GET"].Case(path_parameters={"reference": reference(stored)})
    response = case.call_and_validate(headers={"Authorization": f"Bearer {police_token}"}, checks=CHECKS)
    assert response.status_code == 200


def test_the_api_is_mounted_at_api_in_the_real_app(settings):
    from django.urls import clear_url_caches, reverse

    settings.ROOT_URLCONF = "joinedup.urls"
    clear_url_caches()
    assert reverse("api-concerns") == "/api/concerns/"
    response = Client().get("/api/no-such-thing/")
    assert response.status_code == 404 and response.json()["errors"]
