"""The child's plan as the child's page shows it: the goals in force, the reviews (newest first) with
the child's view, and small charts of the measures the child chose, each with the table behind it."""

from __future__ import annotations

import dataclasses
import datetime as dt

from joinedup.outcomes import charts
from joinedup.outcomes.access import may_read_plan, may_write_plan, open_case
from joinedup.outcomes.models import Goal, Review
from joinedup.records.access import descriptions_visible_to

CHART_REVIEWS = 12  # the charts show the latest reviews


def child_name(user, child) -> str:
    newest = descriptions_visible_to(user, child).order_by("-version__concern__received_at", "-pk").first()
    return newest.display_name if newest else child.reference


@dataclasses.dataclass
class Referral:
    referred_on: dt.date
    first_seen_on: dt.date | None
    waited_days: int
    waiting: bool


@dataclasses.dataclass
class Plan:
    goals: list[Goal]
    earlier_versions: int
    reviews: list[Review]
    charts: list[charts.Chart]
    referrals: list[Referral]
    may_write: bool
    has_case: bool


def _date(day: dt.date) -> str:
    return f"{day:%-d %b %Y}"


def safe_text(review: Review) -> str:
    if review.safe_score is None:
        return "not asked"
    return f"{review.safe_score} out of {review.safe_scale_top}"


def _charts(reviews: list[Review]) -> list[charts.Chart]:
    recent = sorted(reviews, key=lambda r: (r.held_on, r.pk))[-CHART_REVIEWS:]
    out = []
    missing = [(_date(r.held_on), r.missing_episodes, f"{r.missing_episodes} time{'' if r.missing_episodes == 1 else 's'}") for r in recent if r.missing_episodes is not None]
    if missing:
        out.append(charts.bars("plan-missing", "Times missing since the review before, at each review", missing))
    school = [(_date(r.held_on), r.attendance_percent, f"{r.attendance_percent}%") for r in recent if r.attendance_percent is not None]
    if school:
        out.append(charts.bars("plan-school", "School attendance, percent, at each review", school, top=100))
    safe = [(_date(r.held_on), r.safe_score / r.safe_scale_top * 100, safe_text(r)) for r in recent if r.safe_score is not None]
    if safe:
        out.append(charts.bars("plan-safe", "How safe the child feels, as a share of the scale they chose, at each review", safe, top=100))
    return out


def referrals(reviews: list[Review], today: dt.date) -> list[Referral]:
    seen: dict[dt.date, dt.date | None] = {}
    for r in reviews:
        if r.mental_health_referred_on is None:
            continue
        first, current = r.mental_health_first_seen_on, seen.get(r.mental_health_referred_on)
        if first is not None and (current is None or first < current):
            seen[r.mental_health_referred_on] = first
        else:
            seen.setdefault(r.mental_health_referred_on, None)
    return [
        Referral(referred, first, ((first or today) - referred).days, first is None)
        for referred, first in sorted(seen.items())
    ]


def plan_for(user, child, today: dt.date) -> Plan | None:
    """The plan for someone who may read it (None otherwise)."""
    if not may_read_plan(user):
        return None
    versions = list(Goal.objects.filter(child=child).select_related("created_by").order_by("created_at", "pk"))
    replaced = {g.replaces_id for g in versions if g.replaces_id}
    reviews = list(Review.objects.filter(child=child).select_related("created_by").order_by("-held_on", "-pk"))
    return Plan(
        goals=[g for g in versions if g.pk not in replaced],
        earlier_versions=len(replaced),
        reviews=reviews,
        charts=_charts(reviews),
        referrals=referrals(reviews, today),
        may_write=may_write_plan(user),
        has_case=open_case(child) is not None,
    )
