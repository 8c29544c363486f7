"""The API's named queries, built on the access functions in records/access.py, with their
`select_related` fixed here so no endpoint grows an N+1. Nothing here decides who may see what: every
queryset starts from `concerns_visible_to`, `descriptions_visible_to` or an object already fetched
through `get_*_for_user`.
"""

from __future__ import annotations

import datetime as dt
import re

from django.db.models import F, QuerySet

from joinedup.api.errors import InvalidRequest
from joinedup.records.access import concerns_visible_to, descriptions_visible_to
from joinedup.records.models import Child, Concern, ConcernChild

_CONCERN_REF = re.compile(r"JU-(\d{1,15})", re.ASCII | re.IGNORECASE)
_CHILD_REF = re.compile(r"C-(\d{1,15})", re.ASCII | re.IGNORECASE)


def _pk(pattern: re.Pattern, reference: str) -> int | None:
    match = pattern.fullmatch(reference.strip())
    return int(match.group(1)) if match else None


def concern_pk(reference: str) -> int | None:
    """The primary key in a concern reference ("JU-0000012"), or None if it is not one."""
    return _pk(_CONCERN_REF, reference)


def child_pk(reference: str) -> int | None:
    """The primary key in a child reference ("C-00012"), or None if it is not one."""
    return _pk(_CHILD_REF, reference)


def child_reference(pk: int) -> str:
    return Child(pk=pk).reference


def parse_since(value: str) -> dt.datetime:
    """`?since=`: an ISO 8601 date and time with an offset (a `+` left unencoded in the URL arrives as
    a space, and is read as the `+` it was)."""
    text = value.strip()
    if re.search(r"\d \d{2}(:?\d{2})?$", text):
        head, _, offset = text.rpartition(" ")
        text = f"{head}+{offset}"
    try:
        parsed = dt.datetime.fromisoformat(text)
        if parsed.tzinfo is None:
            raise InvalidRequest(f"needs a UTC offset, for example 2024-03-04T10:00:00Z: {value!r}", "since")
        return parsed.astimezone(dt.UTC)
    except (ValueError, OverflowError):
        raise InvalidRequest(f"not an ISO 8601 date and time: {value!r}", "since") from None


def concern_rows(user, *, source_ref: str | None = None, since: dt.datetime | None = None) -> QuerySet[Concern]:
    """The caller's concerns for the list endpoint: newest first, a stable order on every database."""
    rows = concerns_visible_to(user).select_related("agency", "current_version")
    if source_ref is not None:
        rows = rows.filter(source_ref=source_ref)
    if since is not None:
        rows = rows.filter(received_at__gte=since)
    return rows.order_by("-received_at", "-pk")


def concern_detail(concern: Concern) -> dict:
    """What the detail endpoint shows of a concern the caller may see."""
    concern = Concern.objects.select_related("agency", "current_version").get(pk=concern.pk)
    return {
        "concern": concern,
        "versions": list(concern.versions.order_by("number").values_list("number", flat=True)),
        "children": version_children(concern.pk, concern.current_version.number),
    }


def version_children(concern_id: int, number: int) -> list[str]:
    """The references of the children a version of a concern names, in the order it names them."""
    ids = ConcernChild.objects.filter(version__concern_id=concern_id, version__number=number).order_by(
        "position"
    ).values_list("child_id", flat=True)
    return [child_reference(pk) for pk in ids]


def child_descriptions(user, child: Child) -> QuerySet[ConcernChild]:
    """The child as each agency the caller may see describes them, in the current version of each
    concern (corrected descriptions are history, not what the agency now says)."""
    return (
        descriptions_visible_to(user, child)
        .filter(version__concern__current_version_id=F("version_id"))
        .select_related("agency", "version__concern")
        .order_by("version__concern__received_at", "version__concern_id", "position")
    )


def child_concerns(user, child: Child) -> list[str]:
    """References of the concerns the caller may see whose current version names the child."""
    rows = (
        concerns_visible_to(user)
        .filter(current_version__children__child=child)
        .order_by("received_at", "pk")
        .values_list("pk", flat=True)
    )
    seen: list[int] = []
    for pk in rows:
        if pk not in seen:
            seen.append(pk)
    return [Concern(pk=pk).reference for pk in seen]
