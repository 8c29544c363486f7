"""How a deadline reads on a page, GOV.UK style: "Overdue by 2 days", "Due today", "Due in 3 days";
and what rule set it, in plain English. No database: callers pass the time."""

from __future__ import annotations

import dataclasses
import datetime as dt

from django.utils import timezone

# Where each clock rule comes from (core/deadlines.py holds the rules themselves).
RULE_NAMES = {
    "referral_decision": ("Decision on a referral", "Working Together"),
    "assessment": ("Child-in-need assessment", "Working Together"),
    "initial_conference": ("Initial child protection conference, from the strategy discussion", "Working Together"),
    "first_review_conference": ("First review conference", "Working Together"),
    "review_conference": ("Review conference", "Working Together"),
    "strategy_discussion": ("Strategy discussion", "local rule"),
    "return_home_interview": ("Return-home interview after a missing episode", "DfE guidance, 2014"),
    "alert_triage": ("Triage of an alert", "local rule"),
    "acknowledgement": ("Acknowledgement by a notified agency", "local rule"),
    "sign_off": ("Manager's sign-off of a decision", "local rule"),
    "history_review": ("Review of the whole history after a third concern in a year", "local rule"),
    "action": ("Action from a decision", "local rule"),
}

_UNITS = {"working_days": "working day", "calendar_days": "day", "hours": "hour", "months": "month"}


@dataclasses.dataclass(frozen=True)
class Due:
    overdue: bool
    soon: bool  # due today or tomorrow
    text: str

    @property
    def tag(self) -> str:
        if self.overdue:
            return "govuk-tag--red"
        return "govuk-tag--yellow" if self.soon else "govuk-tag--grey"


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def due_state(due_at: dt.datetime, now: dt.datetime) -> Due:
    """Days are counted in local calendar days, so "Due tomorrow" means tomorrow on the wall calendar."""
    due_day = timezone.localtime(due_at).date()
    today = timezone.localtime(now).date()
    days = (due_day - today).days
    if due_at < now:
        if days == 0:
            hours = int((now - due_at).total_seconds() // 3600)
            return Due(True, False, f"Overdue by {_plural(hours, 'hour')}" if hours else "Overdue by less than an hour")
        return Due(True, False, f"Overdue by {_plural(-days, 'day')}")
    if days == 0:
        return Due(False, True, "Due today")
    if days == 1:
        return Due(False, True, "Due tomorrow")
    return Due(False, False, f"Due in {days} days")


def rule_text(rule: str, params: dict | None, set_by: str = "") -> str:
    """ "Child-in-need assessment: 45 working days (Working Together)", or who set the date."""
    if not rule:
        return f"Due date set by {set_by} when deciding" if set_by else "Due date set when the action was added"
    name, source = RULE_NAMES.get(rule, (rule.replace("_", " ").capitalize(), "local rule"))
    params = params or {}
    unit, amount = params.get("unit"), params.get("amount")
    if unit in _UNITS and isinstance(amount, int):
        return f"{name}: within {_plural(amount, _UNITS[unit])} ({source})"
    return f"{name} ({source})"
