"""Reading one JSON record from a request body, strictly and within a size limit.

The body is read by hand rather than through DRF's parsers so that every malformed body is a 400
naming what is wrong (whatever the Content-Type says), an over-long body is refused before it is read
into memory, and JSON that Python would accept but a database cannot store (NaN, a NUL character, half
of a surrogate pair) is refused here rather than failing as a server error later.
"""

from __future__ import annotations

import json
from collections import deque
from typing import Any

from django.conf import settings

from joinedup.api.errors import InvalidRequest


def max_body_bytes() -> int:
    """The largest body accepted: the same limit as one line of an import file."""
    return settings.JOINEDUP_MAX_LINE_BYTES


def _reject_constant(name: str) -> Any:
    raise InvalidRequest(f"not valid JSON: {name} is not a JSON number")


def read_json_body(request) -> Any:
    """The decoded JSON body of `request` (a DRF request), or InvalidRequest."""
    limit = max_body_bytes()
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = 0
    if declared > limit:
        raise InvalidRequest(f"the body is {declared:,} bytes; the limit is {limit:,}")
    stream = request.stream
    raw = stream.read(limit + 1) if stream is not None else b""
    if len(raw) > limit:
        raise InvalidRequest(f"the body is over the limit of {limit:,} bytes")
    if not raw.strip():
        raise InvalidRequest("the body is empty; send one joinedup.concern/1 record as JSON")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidRequest(f"not valid UTF-8 (byte {exc.start})") from None
    try:
        data = json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise InvalidRequest(f"not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from None
    except (ValueError, RecursionError) as exc:  # integers of thousands of digits; absurd nesting
        raise InvalidRequest(f"not acceptable JSON: {exc.__class__.__name__}") from None
    check_text(data)
    return data


def _bad_text(value: str) -> str:
    if "\x00" in value:
        return "text must not contain NUL (\\u0000) characters"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return "text must be valid Unicode (an unpaired surrogate escape was sent)"
    return ""


def check_text(data: Any) -> None:
    """Refuse keys and strings that no database can store, naming where they are."""
    queue: deque[tuple[Any, str]] = deque([(data, "")])
    while queue:  # iterative, as the nesting may be deep; breadth first, so the shallowest error is named
        node, path = queue.popleft()
        if isinstance(node, str):
            problem = _bad_text(node)
            if problem:
                raise InvalidRequest(problem, path)
        elif isinstance(node, dict):
            for key, value in node.items():
                child_path = f"{path}.{key}" if path else key
                problem = _bad_text(key)
                if problem:
                    raise InvalidRequest(problem, path)
                queue.append((value, child_path))
        elif isinstance(node, list):
            queue.extend((value, f"{path}[{i}]") for i, value in enumerate(node))
