"""Deadlines: statutory and local clocks as configuration (shared/product/DOMAIN.md): when each kind of due work
falls due. Plain functions; the rules are data, and an operator may replace any of them with a TOML
file named by JOINEDUP_CLOCK_RULES_FILE.

A rule is {"unit": "working_days" | "calendar_days" | "hours" | "months", "amount": n,
"end_of_day": true|false}. `end_of_day` puts the deadline at 23:59:59 local time of the day reached.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import tomllib
from pathlib import Path
from zoneinfo import ZoneInfo

from django.conf import settings

from joinedup.core import workingdays

DEFAULT_RULES: dict[str, dict] = {
    # Working Together: a decision on the type of response within 1 working day of the referral.
    "referral_decision": {"unit": "working_days", "amount": 1, "end_of_day": True},
    # Working Together: assessment within 45 working days of the referral.
    "assessment": {"unit": "working_days", "amount": 45, "end_of_day": True},
    # Working Together: initial child protection conference within 15 working days of the strategy discussion.
    "initial_conference": {"unit": "working_days", "amount": 15, "end_of_day": True},
    # Working Together: first review conference within 3 months of the plan, then at most every 6 months.
    "first_review_conference": {"unit": "months", "amount": 3, "end_of_day": True},
    "review_conference": {"unit": "months", "amount": 6, "end_of_day": True},
    # Local: a strategy discussion (when significant harm is suspected) within 1 working day.
    "strategy_discussion": {"unit": "working_days", "amount": 1, "end_of_day": True},
    # DfE 2014: independent return-home interview within 72 hours of a missing child's return.
    "return_home_interview": {"unit": "hours", "amount": 72, "end_of_day": False},
    # Local: a JoinedUp alert is triaged within 1 working day.
    "alert_triage": {"unit": "working_days", "amount": 1, "end_of_day": True},
    # Local: a notified agency acknowledges within 2 working days.
    "acknowledgement": {"unit": "working_days", "amount": 2, "end_of_day": True},
    # Local: a manager signs off a decision that needs it within 1 working day.
    "sign_off": {"unit": "working_days", "amount": 1, "end_of_day": True},
    # Local: the whole history is reviewed within 5 working days of a child's third concern in a year.
    "history_review": {"unit": "working_days", "amount": 5, "end_of_day": True},
    # UK GDPR Article 12(3): a subject-access request is answered within one month of receipt.
    "subject_access": {"unit": "months", "amount": 1, "end_of_day": True},
    # Local: other actions from a decision, unless the decision-maker sets a date.
    "action": {"unit": "working_days", "amount": 10, "end_of_day": True},
}

UNITS = {"working_days", "calendar_days", "hours", "months"}


class RuleError(ValueError):
    pass


def _validate(name: str, rule: dict) -> dict:
    if rule.get("unit") not in UNITS:
        raise RuleError(f"clock rule {name!r}: unit must be one of {sorted(UNITS)}")
    if not isinstance(rule.get("amount"), int) or rule["amount"] < 0:
        raise RuleError(f"clock rule {name!r}: amount must be a whole number of at least 0")
    return {"unit": rule["unit"], "amount": rule["amount"], "end_of_day": bool(rule.get("end_of_day", False))}


@functools.cache
def _rules_from(path: str) -> dict[str, dict]:
    rules = {name: dict(rule) for name, rule in DEFAULT_RULES.items()}
    if path:
        with open(Path(path), "rb") as f:
            overrides = tomllib.load(f)
        for name, rule in overrides.items():
            rules[name] = _validate(name, {**rules.get(name, {}), **rule})
    return rules


def rules() -> dict[str, dict]:
    return _rules_from(settings.JOINEDUP_CLOCK_RULES_FILE)


def rule(name: str) -> dict:
    try:
        return rules()[name]
    except KeyError:
        raise RuleError(f"no clock rule named {name!r}") from None


def _add_months(day: dt.date, months: int) -> dt.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def due(name: str, start: dt.datetime, *, rule_override: dict | None = None) -> dt.datetime:
    """When work under rule `name` that started at `start` falls due."""
    r = rule_override or rule(name)
    zone = ZoneInfo(settings.JOINEDUP_LOCAL_TIME_ZONE)
    local = start.astimezone(zone)
    unit, amount = r["unit"], r["amount"]
    if unit == "hours":
        result = start + dt.timedelta(hours=amount)
        if r["end_of_day"]:
            return dt.datetime.combine(result.astimezone(zone).date(), dt.time(23, 59, 59), tzinfo=zone)
        return result
    if unit == "working_days":
        day = workingdays.add_working_days(
            local.date(), amount, settings.JOINEDUP_HOLIDAY_COUNTRY, settings.JOINEDUP_HOLIDAY_SUBDIVISION
        )
    elif unit == "calendar_days":
        day = local.date() + dt.timedelta(days=amount)
    else:
        day = _add_months(local.date(), amount)
    if r["end_of_day"]:
        return dt.datetime.combine(day, dt.time(23, 59, 59), tzinfo=zone)
    return dt.datetime.combine(day, local.timetz())
