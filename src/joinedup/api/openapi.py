"""What the OpenAPI schema says about the API that DRF cannot work out by itself.

- The request body of `POST /api/concerns/` is one `joinedup.concern/1` record. Its schema is the
  normative JSON Schema (records/spec/concern.schema.json), converted to the OpenAPI 3.0 dialect, so
  the documentation can never drift from what the validator enforces.
- Agency systems authenticate with `Authorization: Bearer <token>`.
- Worked examples for each endpoint.
"""

from __future__ import annotations

import copy
import functools
from typing import Any

from drf_spectacular.extensions import OpenApiAuthenticationExtension, OpenApiSerializerExtension
from drf_spectacular.utils import OpenApiExample

from joinedup.records.interchange import schema as interchange_schema

# Keywords of JSON Schema 2020-12 that OpenAPI 3.0 does not know and that say nothing about the data.
_DROPPED = ("$schema", "$id")


def _to_openapi_30(node: Any) -> Any:
    if isinstance(node, list):
        return [_to_openapi_30(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {}
    for key, value in node.items():
        if key in _DROPPED:
            continue
        if key == "const":  # OpenAPI 3.0 has no `const`; a one-value enum says the same
            out["enum"] = [value]
        else:
            out[key] = _to_openapi_30(value)
    return out


@functools.cache
def _concern_record_schema() -> dict[str, Any]:
    converted = _to_openapi_30(interchange_schema("concern"))
    converted["description"] = (
        "One concern record in the JoinedUp interchange format (joinedup.concern/1), exactly as in "
        "spec/INTERCHANGE.md. Fields not in the schema are rejected."
    )
    return converted


def concern_record_schema() -> dict[str, Any]:
    """The OpenAPI 3.0 schema of one `joinedup.concern/1` record (a copy: safe to change)."""
    return copy.deepcopy(_concern_record_schema())


class ConcernRecordSchema(OpenApiSerializerExtension):
    target_class = "joinedup.api.serializers.ConcernRecordSerializer"

    def map_serializer(self, auto_schema, direction):
        return concern_record_schema()


class AgencySystemTokenScheme(OpenApiAuthenticationExtension):
    target_class = "joinedup.api.authentication.AgencySystemTokenAuthentication"
    name = "agencySystemToken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "The token printed once by `joinedup create_api_client` for this agency system.",
        }


EXAMPLE_RECORD: dict[str, Any] = {
    "schema": "joinedup.concern/1",
    "source_ref": "NTP-2024-004512",
    "agency": {"name": "Northtown Police", "type": "police"},
    "reporter": {"name": "PC A. Shah", "role": "response officer"},
    "received_at": "2024-03-02T23:40:00+00:00",
    "occurred_at": "2024-03-02T22:15:00+00:00",
    "children": [
        {"ref": "P-88121", "given_name": "Kayleigh", "family_name": "Dunn", "dob": "2010-07-14",
         "sex": "female", "postcode": "NT4 2QP", "school": "Northtown Academy"}
    ],
    "summary": "Found at 22:15 in a silver Toyota Prius outside the Golden Spice takeaway with two adult men.",
    "child_words": "He said he'd get me a phone if I stayed.",
    "categories": ["missing", "sexual_exploitation"],
    "indicators": ["missing_overnight", "vehicles_unknown_adults"],
    "mentions": [
        {"kind": "vehicle", "role": "transported_child", "plate": "YK62 HBD", "make": "Toyota",
         "colour": "silver"}
    ],
}

# What `warnings` holds for a summary such as "Kayleigh keeps putting herself at risk." (the language check).
WARNING_EXAMPLE: dict[str, Any] = {
    "field": "summary", "phrase": "putting herself at risk", "start": 15, "end": 38,
    "reason": "Puts responsibility on the child.",
    "suggestions": ["the child may have been groomed", "an adult may be exploiting the child's vulnerability",
                    "it is not clear whether the child is under pressure to go missing"],
}

SUBMIT_EXAMPLES = [
    OpenApiExample("A police concern", value=EXAMPLE_RECORD, request_only=True),
    OpenApiExample(
        "Stored",
        value={"reference": "JU-0000012", "outcome": "created", "version": 1, "children": ["C-00412"],
               "warnings": []},
        response_only=True, status_codes=["201"],
    ),
    OpenApiExample(
        "Stored, with a language warning",
        value={"reference": "JU-0000013", "outcome": "created", "version": 1, "children": ["C-00412"],
               "warnings": [WARNING_EXAMPLE]},
        response_only=True, status_codes=["201"],
    ),
    OpenApiExample(
        "Already stored (no change)",
        value={"reference": "JU-0000012", "outcome": "unchanged", "version": 1, "children": ["C-00412"],
               "warnings": []},
        response_only=True, status_codes=["200"],
    ),
    OpenApiExample(
        "Invalid",
        value={"errors": [{"field": "children[0].dob", "message": "not a real date (YYYY-MM-DD): '2010-02-30'"}]},
        response_only=True, status_codes=["400"],
    ),
]

LIST_EXAMPLES = [
    OpenApiExample(
        "Concerns",
        value={"reference": "JU-0000012", "agency": "Northtown Police", "source_ref": "NTP-2024-004512",
               "received_at": "2024-03-02T23:40:00Z", "status": "open", "version": 1},
        response_only=True, status_codes=["200"],
    ),
]

DETAIL_EXAMPLES = [
    OpenApiExample(
        "A concern",
        value={"reference": "JU-0000012", "agency": "Northtown Police", "source_ref": "NTP-2024-004512",
               "received_at": "2024-03-02T23:40:00Z", "status": "open", "withdrawn_reason": "",
               "withdrawn_at": None, "version": 1, "versions": [1], "children": ["C-00412"],
               "record": EXAMPLE_RECORD},
        response_only=True, status_codes=["200"],
    ),
]

CHILD_EXAMPLES = [
    OpenApiExample(
        "A child",
        value={
            "reference": "C-00412",
            "known_as": [
                {"agency": "Northtown Police", "concern": "JU-0000012", "received_at": "2024-03-02T23:40:00Z",
                 "ref": "P-88121", "given_name": "Kayleigh", "family_name": "Dunn", "other_names": [],
                 "dob": "2010-07-14", "approx_age": None, "sex": "female", "ethnicity": "", "nationality": "",
                 "address": "", "postcode": "NT4 2QP", "school": "Northtown Academy", "nhs_number": "",
                 "upn": "", "la_id": ""}
            ],
            "concerns": ["JU-0000012"],
        },
        response_only=True, status_codes=["200"],
    ),
]
