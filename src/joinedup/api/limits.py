"""Checks on a valid record that the interchange validator does not make (yet), each of which would
otherwise fail as a server error when the record is stored instead of being refused with a 400:

- identifiers longer than their database columns (PostgreSQL refuses them; the ingester truncates
  free text, but cutting an identifier short would change which child it names);
- an agency name longer than its column (a front-door worker may record for a new agency);
- a `received_at` so near the ends of the calendar that working out its decision deadline overflows.

These belong in records/interchange.py, where the importer would get them too; when they are there,
this module can go.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from joinedup.api.errors import InvalidRequest
from joinedup.core.models import Agency
from joinedup.records.matching import normalise_id
from joinedup.records.models import ConcernChild

# Far enough from year 1 and year 9999 that converting to any offset or time zone and adding working
# days cannot leave the calendar.
EARLIEST_YEAR = 2
LATEST_YEAR = 9998

_IDENTIFIERS = {"ref": str.strip, "nhs_number": normalise_id, "upn": normalise_id, "la_id": normalise_id}


def _max_length(model, field: str) -> int:
    return model._meta.get_field(field).max_length


def check_storable(data: dict[str, Any]) -> None:
    """`data` has passed `interchange.validate`; raise InvalidRequest for what still cannot be stored."""
    received_at = dt.datetime.fromisoformat(data["received_at"])
    if not EARLIEST_YEAR <= received_at.year <= LATEST_YEAR:
        raise InvalidRequest(
            f"out of range: the year must be between {EARLIEST_YEAR} and {LATEST_YEAR}", "received_at"
        )
    if len(data["agency"]["name"].strip()) > _max_length(Agency, "name"):
        raise InvalidRequest(f"longer than {_max_length(Agency, 'name')} characters", "agency.name")
    for i, child in enumerate(data["children"]):
        for field, normalise in _IDENTIFIERS.items():
            limit = _max_length(ConcernChild, field)
            if field in child and len(normalise(child[field])) > limit:
                raise InvalidRequest(f"longer than {limit} characters", f"children[{i}].{field}")
