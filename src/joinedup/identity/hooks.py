"""What other apps may hook onto: an alert raised, an alert triaged (follow-through uses both for the
one-working-day triage clock). Hooks run inside the transaction that raised or triaged the alert."""

from __future__ import annotations

from collections.abc import Callable

_RAISED: list[Callable] = []
_TRIAGED: list[Callable] = []


def on_alert_raised(hook: Callable) -> None:
    """`hook(alert, concern_id)`: a new alert, and the concern whose arrival raised it."""
    if hook not in _RAISED:
        _RAISED.append(hook)


def on_alert_triaged(hook: Callable) -> None:
    """`hook(alert, actor, decision)`: someone decided what happens about an alert."""
    if hook not in _TRIAGED:
        _TRIAGED.append(hook)


def alert_raised(alert, concern_id: int) -> None:
    for hook in _RAISED:
        hook(alert, concern_id)


def alert_triaged(alert, actor, decision: str) -> None:
    for hook in _TRIAGED:
        hook(alert, actor, decision)
