"""The one clock every time-dependent rule asks.

Live, `now()` is the wall clock. During a replay import, `now()` is the `received_at` of the record
being processed, so a year of history replays with its deadlines, links and alerts as they would have
been. Tests use `frozen(...)` instead of sleeping.
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
from collections.abc import Iterator

_override: contextvars.ContextVar[dt.datetime | None] = contextvars.ContextVar("joinedup_clock", default=None)


def now() -> dt.datetime:
    """The current time: the record's clock during a replay, otherwise the wall clock (aware, UTC)."""
    fixed = _override.get()
    if fixed is not None:
        return fixed
    return dt.datetime.now(dt.UTC)


def is_replaying() -> bool:
    return _override.get() is not None


@contextlib.contextmanager
def frozen(at: dt.datetime) -> Iterator[None]:
    """Run the block as if the time were `at` (an aware datetime)."""
    if at.tzinfo is None:
        raise ValueError("the clock needs an aware datetime (with an offset)")
    token = _override.set(at)
    try:
        yield
    finally:
        _override.reset(token)
