"""Concerns an agency raised, and what became of each: the page that lets a partner (a youth project, a
voluntary group, a school) see the outcome of its own concerns without asking.

What the raising agency is entitled to is what the concern's own page shows it: whether a decision has
been made, its kind and when, and whether it waits for a manager's sign-off; never the rationale, the
actions or the other agencies told (those are for the safeguarding roles).
"""

from __future__ import annotations

from django.db.models import OuterRef, Prefetch, QuerySet, Subquery

from joinedup.casework.models import Decision, DecisionKind, DecisionStatus
from joinedup.core.roles import OWN_AGENCY_ONLY
from joinedup.records.models import Concern, ConcernChild, ConcernStatus

LIVE = (DecisionStatus.EFFECTIVE, DecisionStatus.AWAITING_SIGN_OFF)


def concerns_raised_by(user) -> QuerySet[Concern]:
    """The user's own agency's concerns, newest first, each annotated with its live decision (if any)."""
    if user.agency_id is None:
        return Concern.objects.none()
    live = Decision.objects.filter(concern=OuterRef("pk"), status__in=LIVE).order_by("-created_at", "-pk")
    return (
        Concern.objects.filter(agency_id=user.agency_id)
        .annotate(
            decision_kind=Subquery(live.values("kind")[:1]),
            decision_status=Subquery(live.values("status")[:1]),
            decided_at=Subquery(live.values("created_at")[:1]),
        )
        .select_related("current_version")
        .prefetch_related(Prefetch("current_version__children", queryset=ConcernChild.objects.order_by("position")))
        .order_by("-received_at", "-pk")
    )


def outcome(concern: Concern) -> dict[str, object]:
    """Where a concern stands, for the agency that raised it."""
    if concern.status == ConcernStatus.WITHDRAWN:
        return {"state": "withdrawn", "label": "Withdrawn", "at": concern.withdrawn_at}
    if concern.decision_kind:
        label = DecisionKind(concern.decision_kind).label
        if concern.decision_status == DecisionStatus.AWAITING_SIGN_OFF:
            return {"state": "awaiting_sign_off", "label": label, "at": concern.decided_at}
        return {"state": "decided", "label": label, "at": concern.decided_at}
    return {"state": "waiting", "label": "Waiting for a decision", "at": concern.decision_due_at}


def raised_navigation(user) -> list[tuple[str, str]]:
    """The menu entry for partners (own-agency roles); the safeguarding roles work from the front door."""
    return [("Concerns we raised", "concerns_raised")] if user.role in OWN_AGENCY_ONLY else []
