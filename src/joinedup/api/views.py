"""The API for agency systems: submit concerns in the interchange format, read what the caller may see.

Every endpoint gets its objects through records/access.py (via api/queries.py), so a system sees what
its agency's staff would see; an object the caller may not see is a 404, never a 403. Every read of a
concern or child record is audited (channel "api"); the concern list shows no child's details, so it
is not a read of anyone's record.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.http import Http404
from django.urls import reverse
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import generics, permissions, status
from rest_framework.pagination import LimitOffsetPagination
from rest_framework.response import Response
from rest_framework.views import APIView

from joinedup.api import queries
from joinedup.api.body import read_json_body
from joinedup.api.errors import InvalidRequest, api_exception_handler, error_body
from joinedup.api.limits import check_storable
from joinedup.api.openapi import CHILD_EXAMPLES, DETAIL_EXAMPLES, LIST_EXAMPLES, SUBMIT_EXAMPLES
from joinedup.api.serializers import (
    ChildDetailSerializer,
    ConcernDetailSerializer,
    ConcernRecordSerializer,
    ConcernSummarySerializer,
    ErrorsSerializer,
    SubmitResultSerializer,
)
from joinedup.core.roles import RECORDS_CONCERNS
from joinedup.language.models import RecordKind
from joinedup.language.services import check_text, context_from_record, record_check
from joinedup.records.access import get_child_for_user, get_concern_for_user
from joinedup.records.interchange import read_record
from joinedup.records.models import Channel
from joinedup.records.services import RecordError, record_child_view, record_concern_view, submit_concern

ERRORS = {
    400: OpenApiResponse(ErrorsSerializer, description="Invalid request; `field` says where."),
    401: OpenApiResponse(ErrorsSerializer, description="No token, or an unknown or revoked one."),
    403: OpenApiResponse(ErrorsSerializer, description="The caller's role may not do this."),
    404: OpenApiResponse(ErrorsSerializer, description="No such record, or none the caller may see."),
}


def errors(*codes: int) -> dict:
    return {code: ERRORS[code] for code in codes}


def warning(field: str, finding) -> dict:
    """A language finding as the API reports it."""
    return {"field": field, "phrase": finding.phrase, "start": finding.start, "end": finding.end,
            "reason": finding.reason, "suggestions": list(finding.suggestions)}


class ApiView(APIView):
    """Base for every endpoint: errors in the one shape (api/errors.py)."""

    def get_exception_handler(self):
        return api_exception_handler


class RecordsConcerns(permissions.BasePermission):
    """Submitting needs a role that records concerns (not, say, an auditor)."""

    message = "Your role cannot submit concerns."

    def has_permission(self, request, view):
        return request.method != "POST" or request.user.role in RECORDS_CONCERNS


class ConcernPagination(LimitOffsetPagination):
    default_limit = 50
    max_limit = 500


class ConcernsView(ApiView, generics.GenericAPIView):
    permission_classes = [permissions.IsAuthenticated, RecordsConcerns]
    pagination_class = ConcernPagination
    serializer_class = ConcernSummarySerializer

    @extend_schema(
        operation_id="concerns_list",
        summary="List the concerns the caller may see",
        description="Newest `received_at` first. A system sees its own agency's concerns.",
        parameters=[
            OpenApiParameter("source_ref", str, description="Only the concern with this source_ref."),
            OpenApiParameter(
                "since", dt.datetime,
                description="Only concerns received at or after this time (ISO 8601 with an offset).",
            ),
        ],
        responses={200: ConcernSummarySerializer(many=True), **errors(400, 401)},
        examples=LIST_EXAMPLES,
    )
    def get(self, request):
        source_ref = request.query_params.get("source_ref")
        since = request.query_params.get("since")
        for name, value in (("source_ref", source_ref), ("since", since)):
            if value is not None and "\x00" in value:
                raise InvalidRequest("must not contain NUL characters", name)
        rows = queries.concern_rows(
            request.user, source_ref=source_ref, since=queries.parse_since(since) if since is not None else None
        )
        page = self.paginate_queryset(rows)
        return self.get_paginated_response(ConcernSummarySerializer(page, many=True).data)

    @extend_schema(
        operation_id="concerns_submit",
        summary="Submit one concern record",
        description=(
            "The body is one `joinedup.concern/1` record (spec/INTERCHANGE.md). A system may only submit "
            "for its own agency. Re-sending the same `source_ref` with identical content changes nothing "
            "(200); with different content it stores a new version (201). At most "
            "JOINEDUP_MAX_LINE_BYTES (1 MiB by default) per body. The summary is checked for language that may "
            "blame the child: `warnings` lists each phrase with why and what to write instead. Warnings never "
            "stop a record being stored."
        ),
        request={"application/json": ConcernRecordSerializer},
        responses={
            201: OpenApiResponse(SubmitResultSerializer, description="Stored: a new concern or a new version."),
            200: OpenApiResponse(SubmitResultSerializer, description="Identical content was already stored."),
            **errors(400, 401, 403),
        },
        examples=SUBMIT_EXAMPLES,
    )
    def post(self, request):
        data = read_json_body(request)
        try:
            read_record(data)  # validated first, so the schema's errors come before the checks below
            check_storable(data)
            findings = check_text(data["summary"], context_from_record(data))
            with transaction.atomic():
                result = submit_concern(request.user, data, channel=Channel.API)
                if result.outcome != "unchanged":
                    record_check(request.user, RecordKind.CONCERN, result.concern_id, findings,
                                 child_ids=result.child_ids, channel=Channel.API)
        except RecordError as exc:
            raise InvalidRequest(exc.message, exc.field) from None
        created = result.outcome != "unchanged"
        children = [queries.child_reference(pk) for pk in result.child_ids] if created else (
            queries.version_children(result.concern_id, result.version)
        )
        body = {"reference": result.reference, "outcome": result.outcome, "version": result.version,
                "children": children, "warnings": [warning("summary", f) for f in findings]}
        headers = {"Location": reverse("api-concern", kwargs={"reference": result.reference})}
        return Response(
            SubmitResultSerializer(body).data,
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
            headers=headers,
        )


class ConcernDetailView(ApiView):
    @extend_schema(
        operation_id="concerns_retrieve",
        summary="One concern: its current version as received, and its history",
        parameters=[
            OpenApiParameter(
                "reference", str, OpenApiParameter.PATH, description="e.g. JU-0000012", pattern=r"^[Jj][Uu]-\d{1,15}$"
            )
        ],
        responses={200: ConcernDetailSerializer, **errors(401, 404)},
        examples=DETAIL_EXAMPLES,
    )
    def get(self, request, reference: str):
        pk = queries.concern_pk(reference)
        if pk is None:
            raise Http404("No such concern")
        concern = get_concern_for_user(request.user, pk)
        record_concern_view(request.user, concern, channel=Channel.API)
        return Response(ConcernDetailSerializer(queries.concern_detail(concern)).data)


class ChildDetailView(ApiView):
    @extend_schema(
        operation_id="children_retrieve",
        summary="One child, as the agencies the caller may see know them",
        description="A system sees its own agency's descriptions of the child; safeguarding-wide roles see "
        "every agency's. A merged child's old reference leads to the record it was merged into.",
        parameters=[
            OpenApiParameter(
                "reference", str, OpenApiParameter.PATH, description="e.g. C-00412", pattern=r"^[Cc]-\d{1,15}$"
            )
        ],
        responses={200: ChildDetailSerializer, **errors(401, 404)},
        examples=CHILD_EXAMPLES,
    )
    def get(self, request, reference: str):
        pk = queries.child_pk(reference)
        if pk is None:
            raise Http404("No such child")
        child = get_child_for_user(request.user, pk)
        record_child_view(request.user, child, channel=Channel.API)
        body = {
            "child": child,
            "descriptions": list(queries.child_descriptions(request.user, child)),
            "concerns": queries.child_concerns(request.user, child),
        }
        return Response(ChildDetailSerializer(body).data)


@extend_schema(exclude=True)
class NoSuchEndpointView(ApiView):
    """Anything else under /api/: a JSON 404 rather than the web app's HTML page."""

    permission_classes = [permissions.AllowAny]
    authentication_classes: list = []

    def _not_found(self, request, *args, **kwargs):
        return Response(
            error_body("No such endpoint (API paths end with a slash, e.g. /api/concerns/)."),
            status=status.HTTP_404_NOT_FOUND,
        )

    get = post = put = patch = delete = head = options = _not_found
