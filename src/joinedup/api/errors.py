"""One shape for every API error: `{"errors": [{"field": "children[0].dob", "message": "..."}]}`.

`field` is a path into the request (a record field such as `children[0].dob`, or a query parameter
such as `since`); it is empty when the error is about the request as a whole (not JSON, too large, not
signed in, not found).
"""

from __future__ import annotations

from typing import Any

from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler


class InvalidRequest(exceptions.APIException):
    """400 naming the field that is wrong."""

    status_code = status.HTTP_400_BAD_REQUEST
    default_code = "invalid"

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(detail=message)
        self.field = field
        self.message = message


def error_body(message: str, field: str = "") -> dict[str, Any]:
    return {"errors": [{"field": field, "message": message}]}


def _flatten(detail: Any, prefix: str = "") -> list[dict[str, str]]:
    if isinstance(detail, dict):
        out = []
        for key, value in detail.items():
            name = "" if key == "non_field_errors" else str(key)
            out.extend(_flatten(value, f"{prefix}.{name}" if prefix and name else prefix or name))
        return out
    if isinstance(detail, list):
        return [error for item in detail for error in _flatten(item, prefix)]
    return [{"field": prefix, "message": str(detail)}]


def api_exception_handler(exc, context) -> Response | None:
    """DRF's handler (status codes, WWW-Authenticate), with the body in the one error shape."""
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, InvalidRequest):
        response.data = error_body(exc.message, exc.field)
    else:
        data = response.data
        if isinstance(data, dict) and set(data) == {"detail"}:
            data = data["detail"]
        response.data = {"errors": _flatten(data) or [{"field": "", "message": "error"}]}
    return response
