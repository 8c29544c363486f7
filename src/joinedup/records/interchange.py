"""The interchange format (shared/spec/INTERCHANGE.md): validating and reading `joinedup.concern/1`.

`parse_line` turns one line of a JSON Lines file into a `ConcernRecord`, or raises `RecordError` with a
message that names the field. Validation is against the normative JSON Schema (compiled with
fastjsonschema for speed; on failure jsonschema explains which field is wrong), plus the rules the
schema cannot say: `received_at` must carry an offset, and dates must be real dates.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import json
import re
from importlib import resources
from typing import Any

import fastjsonschema
import jsonschema

SCHEMA_ID = "joinedup.concern/1"


class RecordError(ValueError):
    """A record that cannot be accepted. `field` is a JSON path such as `children[0].dob`."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.field = field
        self.message = message

    def __str__(self) -> str:
        return f"{self.field}: {self.message}" if self.field else self.message


@functools.cache
def schema(name: str = "concern") -> dict[str, Any]:
    text = resources.files("joinedup.records").joinpath(f"spec/{name}.schema.json").read_text("utf-8")
    return json.loads(text)


@functools.cache
def _fast_validator():
    return fastjsonschema.compile(schema("concern"), formats={"date": r"^\d{4}-\d{2}-\d{2}$"})


@functools.cache
def _explaining_validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema("concern"), format_checker=jsonschema.FormatChecker())


def _path(parts) -> str:
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _explain(data: Any) -> RecordError:
    errors = list(_explaining_validator().iter_errors(data))
    if not errors:
        # Only a format check failed (jsonschema does not check date-time formats by itself).
        try:
            _check_beyond_schema(data)
        except RecordError as exc:
            return exc
        return RecordError("does not match the joinedup.concern/1 schema")
    error = jsonschema.exceptions.best_match(errors)
    # For a mention that matches none of the kinds, say what is wrong with the kind it claims to be.
    if error.validator == "oneOf" and isinstance(error.instance, dict):
        kind = error.instance.get("kind")
        for sub in error.context or []:
            branch = error.validator_value[sub.schema_path[0]]
            if branch.get("properties", {}).get("kind", {}).get("const") == kind:
                error = sub
                break
    path = _path(error.absolute_path)
    if error.validator == "additionalProperties":
        extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        field = f"{path}.{extra[0]}" if path else extra[0]
        return RecordError("unknown field (fields not in the schema are rejected)", field)
    if error.validator == "required":
        missing = error.message.split("'")[1] if "'" in error.message else ""
        field = f"{path}.{missing}" if path else missing
        return RecordError("required field is missing", field)
    if error.validator == "anyOf" and path.startswith("children"):
        return RecordError("each child needs at least one of ref, given_name, family_name, nhs_number, upn, la_id", path)
    return RecordError(error.message, path)


def validate(data: Any) -> None:
    if not isinstance(data, dict):
        raise RecordError("a record must be a JSON object")
    try:
        _fast_validator()(data)
    except fastjsonschema.JsonSchemaException:
        raise _explain(data) from None
    _check_beyond_schema(data)


def parse_datetime(value: str, field: str) -> dt.datetime:
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        raise RecordError(f"not a date and time: {value!r}", field) from None
    if parsed.tzinfo is None:
        raise RecordError(f"needs a UTC offset (for example +00:00): {value!r}", field)
    return parsed


def parse_date(value: str, field: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise RecordError(f"not a real date (YYYY-MM-DD): {value!r}", field) from None


# Longest values the database columns hold; longer ones are refused, never cut short.
_LIMITS = {"source_ref": 200, "agency.name": 200, "reporter.name": 200, "reporter.role": 200, "occurred_at": 64}
_CHILD_LIMITS = {
    "ref": 200, "nhs_number": 20, "upn": 20, "la_id": 60, "given_name": 200, "family_name": 200,
    "ethnicity": 200, "nationality": 200, "address": 500, "postcode": 20, "school": 200,
}
_MENTION_LIMITS = {
    "given_name": 200, "family_name": 200, "nickname": 200, "ethnicity": 200, "nationality": 200, "phone": 60,
    "address": 500, "postcode": 20, "plate": 60, "make": 100, "model": 100, "colour": 60, "taxi_firm": 200,
    "number": 60, "name": 200, "platform": 100, "handle": 200,
}
EARLIEST_YEAR, LATEST_YEAR = 1970, 2100


_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def _unstorable(value: str) -> bool:
    return _UNSTORABLE.search(value) is not None


def _may_hold_unstorable(data: Any) -> bool:
    """One pass of the C JSON encoder instead of a walk in Python, for the common case of nothing to find:
    it writes NUL as the escape \\u0000 and an unpaired surrogate as itself (`ensure_ascii=False`)."""
    try:
        text = json.dumps(data, ensure_ascii=False)
    except (TypeError, ValueError):
        return True
    return "\\u0000" in text or _unstorable(text)


def _check_strings(value: Any, path: str) -> None:
    """Refuse characters no database can store (NUL, unpaired surrogates), wherever they are."""
    if isinstance(value, str):
        if _unstorable(value):
            raise RecordError("contains a character that cannot be stored (NUL or an unpaired surrogate)", path)
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_strings(key, path)
            _check_strings(item, f"{path}.{key}" if path else key)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            _check_strings(item, f"{path}[{i}]")


def _check_lengths(data: dict[str, Any]) -> None:
    def check(value: Any, limit: int, field: str) -> None:
        if isinstance(value, str) and len(value) > limit:
            raise RecordError(f"is {len(value):,} characters long; the limit is {limit:,}", field)

    for dotted, limit in _LIMITS.items():
        head, _, tail = dotted.partition(".")
        value = data.get(head, {}).get(tail) if tail else data.get(head)
        check(value, limit, dotted)
    for i, child in enumerate(data["children"]):
        for name, limit in _CHILD_LIMITS.items():
            check(child.get(name), limit, f"children[{i}].{name}")
    for i, mention in enumerate(data.get("mentions", [])):
        for name, limit in _MENTION_LIMITS.items():
            check(mention.get(name), limit, f"mentions[{i}].{name}")


def _check_beyond_schema(data: dict[str, Any]) -> None:
    if _may_hold_unstorable(data):
        _check_strings(data, "")  # finds where
    received = parse_datetime(data["received_at"], "received_at")
    if not EARLIEST_YEAR <= received.year <= LATEST_YEAR:
        raise RecordError(f"must be between {EARLIEST_YEAR} and {LATEST_YEAR}: {data['received_at']!r}", "received_at")
    _check_lengths(data)
    for i, child in enumerate(data["children"]):
        if "dob" in child:
            parse_date(child["dob"], f"children[{i}].dob")
    for i, mention in enumerate(data.get("mentions", [])):
        if "dob" in mention:
            parse_date(mention["dob"], f"mentions[{i}].dob")
    if not data["summary"].strip():
        raise RecordError("must not be blank", "summary")
    if not data["source_ref"].strip():
        raise RecordError("must not be blank", "source_ref")
    if not data["agency"]["name"].strip():
        raise RecordError("must not be blank", "agency.name")


def canonical_json(data: dict[str, Any]) -> str:
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def content_hash(data: dict[str, Any]) -> str:
    return hashlib.sha256(canonical_json(data).encode("utf-8")).hexdigest()


@dataclasses.dataclass
class ConcernRecord:
    """A validated concern record, with its parsed times and content hash."""

    data: dict[str, Any]
    received_at: dt.datetime

    @functools.cached_property
    def content_hash(self) -> str:
        # On first use: a replay's first pass validates every line and never needs it.
        return content_hash(self.data)

    @property
    def agency_name(self) -> str:
        return self.data["agency"]["name"].strip()

    @property
    def agency_type(self) -> str:
        return self.data["agency"]["type"]

    @property
    def source_ref(self) -> str:
        return self.data["source_ref"]


def read_record(data: Any) -> ConcernRecord:
    """Validate an already-decoded record."""
    validate(data)
    return ConcernRecord(data=data, received_at=parse_datetime(data["received_at"], "received_at"))


def _refuse_constant(name: str):
    raise json.JSONDecodeError(f"{name} is not allowed in JSON", name, 0)


def reread_line(raw: bytes) -> ConcernRecord:
    """Decode a line that `parse_line` has already accepted (the second pass of a replay)."""
    data = json.loads(raw.decode("utf-8"))
    return ConcernRecord(data=data, received_at=dt.datetime.fromisoformat(data["received_at"]))


def parse_line(raw: bytes, max_bytes: int) -> ConcernRecord:
    """Decode and validate one line of a JSON Lines file."""
    if len(raw) > max_bytes:
        raise RecordError(f"line is {len(raw):,} bytes; the limit is {max_bytes:,}")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise RecordError(f"not valid UTF-8 (byte {exc.start})") from None
    try:
        data = json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        raise RecordError(f"not valid JSON: {exc.msg} at column {exc.colno}") from None
    return read_record(data)
