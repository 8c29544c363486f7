"""Follow-through policy as data: which decisions need a manager's sign-off, which agencies a decision
must notify, and which actions it starts. No database: callers pass what is known."""

from __future__ import annotations

import dataclasses

from joinedup.casework.models import ActionKind, DecisionKind, NotificationPurpose
from joinedup.records.vocabulary import HARM_CATEGORIES, INDICATORS, significant

REPEAT_WINDOW_DAYS = 365
REPEAT_THRESHOLD = 3  # a child's third concern within the window forces a review of the whole history


def sign_off_reasons(kind: str, categories: list[str], indicators: list[str], concerns_in_year: int) -> list[str]:
    """Why a decision must wait for a manager's sign-off (empty: it takes effect at once)."""
    if kind != DecisionKind.NO_FURTHER_ACTION:
        return []
    reasons = []
    harm = sorted(HARM_CATEGORIES.intersection(categories))
    if harm:
        reasons.append("the concern is about " + " and ".join(c.replace("_", " ") for c in harm))
    signs = significant(indicators)
    if signs:
        labels = ", ".join(INDICATORS[code][0].lower() for code in signs)
        reasons.append(f"the concern has significant exploitation indicators ({labels})")
    if concerns_in_year >= REPEAT_THRESHOLD:
        reasons.append(f"this is concern number {concerns_in_year} about the child in twelve months")
    return reasons


# Decisions that need other agencies, by agency type.
NOTIFY_TYPES: dict[str, tuple[str, ...]] = {
    DecisionKind.STRATEGY_DISCUSSION: ("police", "health"),
    DecisionKind.IMMEDIATE_PROTECTION: ("police",),
}


@dataclasses.dataclass(frozen=True)
class PlannedAction:
    kind: str
    title: str
    rule: str
    anchor: str  # "decision" (from when it takes effect) or "received" (from the referral)


ACTIONS_FOR_DECISION: dict[str, tuple[PlannedAction, ...]] = {
    DecisionKind.CHILD_IN_NEED: (
        PlannedAction(ActionKind.ASSESSMENT, "Complete the child-in-need assessment", "assessment", "received"),
    ),
    DecisionKind.STRATEGY_DISCUSSION: (
        PlannedAction(ActionKind.STRATEGY_DISCUSSION, "Hold the strategy discussion (social care, police, health)", "strategy_discussion", "decision"),
    ),
    DecisionKind.IMMEDIATE_PROTECTION: (
        PlannedAction(ActionKind.STRATEGY_DISCUSSION, "Hold the strategy discussion after immediate protection", "strategy_discussion", "decision"),
    ),
}

# What completing an action starts next (the statutory sequence).
NEXT_ACTION: dict[str, PlannedAction] = {
    ActionKind.STRATEGY_DISCUSSION: PlannedAction(
        ActionKind.INITIAL_CONFERENCE, "Hold the initial child protection conference", "initial_conference", "completed"
    ),
    ActionKind.INITIAL_CONFERENCE: PlannedAction(
        ActionKind.REVIEW_CONFERENCE, "Hold the first review conference", "first_review_conference", "completed"
    ),
    ActionKind.REVIEW_CONFERENCE: PlannedAction(
        ActionKind.REVIEW_CONFERENCE, "Hold the next review conference", "review_conference", "completed"
    ),
}

PURPOSE_FOR_DECISION = {
    DecisionKind.STRATEGY_DISCUSSION: NotificationPurpose.STRATEGY_DISCUSSION,
    DecisionKind.IMMEDIATE_PROTECTION: NotificationPurpose.STRATEGY_DISCUSSION,
    DecisionKind.REFERRAL: NotificationPurpose.REFERRAL,
}

# A decision that opens (or keeps open) a case with children's social care.
OPENS_CASE = frozenset({
    DecisionKind.CHILD_IN_NEED, DecisionKind.STRATEGY_DISCUSSION, DecisionKind.IMMEDIATE_PROTECTION,
    DecisionKind.LINKED_CASE,
})
