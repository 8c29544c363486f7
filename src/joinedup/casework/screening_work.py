"""Follow-through from the exploitation screening, run as each concern arrives (inside the transaction
that stores it; on the record's clock during a replay): a child screened at the top two levels, or a
concern filed as "missing" or "substance misuse" while significant exploitation indicators are present,
is due a decision on a strategy discussion within one working day. Rotherham's victims were recorded as
missing, drinking or "out of control" and the exploitation was not seen; this makes someone decide.

One open decision per child at a time: a second concern while one is open adds nothing new to do.
"""

from __future__ import annotations

import contextlib

from joinedup.casework.models import Action, ActionKind, ActionStatus
from joinedup.casework.services import create_due_work_many, due_work, owners_for_arrivals
from joinedup.core import clock
from joinedup.records.ingest import Arrival
from joinedup.screening.queries import facts_for_children, youngest_age
from joinedup.screening.rules import current
from joinedup.screening.score import Screening, screen


def reason_for_work(screening: Screening, categories, rules) -> str | None:
    """Why this screening, on the arrival of a concern with these categories, needs a decision (None: it
    does not). Pure: the tests call it with named cases."""
    level = screening.level.number
    if level >= rules.follow_through_level:
        return f"exploitation screening: {screening.level.title.lower()}"
    masked = sorted(rules.masking_categories.intersection(categories))
    if masked and screening.significant:
        words = " and ".join(c.replace("_", " ") for c in masked)
        return f"recorded as {words} while significant signs of exploitation are present"
    return None


def on_concerns_arrived(arrivals: list[Arrival], context: dict) -> None:
    created = [a for a in arrivals if a.outcome in ("created", "version") and a.child_ids]
    if not created:
        return
    rules = current()
    child_ids = {c for a in created for c in a.child_ids}
    waiting = set(
        Action.objects.filter(child_id__in=child_ids, kind=ActionKind.STRATEGY_DECISION, status=ActionStatus.OPEN)
        .values_list("child_id", flat=True)
    )
    facts = facts_for_children(child_ids - waiting)  # a waiting child is not screened again (below)
    owners, front_door = owners_for_arrivals(arrivals, context)
    work = []
    for arrival in created:
        with clock.frozen(arrival.received_at) if context.get("replay") else contextlib.nullcontext():
            for child_id in arrival.child_ids:
                if child_id in waiting:
                    continue
                mine = facts[child_id]
                at = arrival.received_at
                screening = screen(mine.observations, at=at, age=youngest_age(mine.dobs, mine.approx_ages, at), rules=rules)
                why = reason_for_work(screening, arrival.categories, rules)
                if why is None:
                    continue
                owner = owners.get(child_id)
                work.append(due_work(
                    kind=ActionKind.STRATEGY_DECISION,
                    title=f"Decide whether to hold a strategy discussion: {why}"[:300],
                    concern=arrival.concern_id, rule="strategy_discussion", start=at, actor=arrival.actor,
                    child_id=child_id, owner=owner, owner_team=None if owner else front_door(),
                ))
                waiting.add(child_id)
    create_due_work_many(work)
