"""What a concern's arrival starts, run inside the transaction that stores it (records.ingest calls
this once per batch): a review of the whole history on a child's third concern in twelve months, and a
return-home interview when a child was missing. During a replay each runs on the record's clock."""

from __future__ import annotations

import bisect
import contextlib
import datetime as dt
from collections import defaultdict

from django.db.models import F

from joinedup.casework import policy
from joinedup.casework.models import Action, ActionKind, ActionStatus
from joinedup.casework.services import create_due_work_many, due_work, owners_for_arrivals
from joinedup.core import clock
from joinedup.records.ingest import Arrival
from joinedup.records.models import ConcernChild, ConcernStatus


def _history(child_ids: set[int], since: dt.datetime, until: dt.datetime) -> dict[int, list[tuple[dt.datetime, int]]]:
    rows = (
        ConcernChild.objects.filter(
            child_id__in=child_ids,
            version__concern__current_version_id=F("version_id"),
            version__concern__received_at__gt=since,
            version__concern__received_at__lte=until,
        )
        .exclude(version__concern__status=ConcernStatus.WITHDRAWN)
        .values_list("child_id", "version__concern__received_at", "version__concern_id")
    )
    history: dict[int, list[tuple[dt.datetime, int]]] = defaultdict(list)
    for child_id, received_at, concern_id in rows:
        history[child_id].append((received_at, concern_id))
    for concerns in history.values():
        concerns.sort()
    return history


def _received_within(history: list[tuple[dt.datetime, int]], start: dt.datetime, end: dt.datetime) -> set[int]:
    """The concerns of a child's time-ordered history received in (start, end]: found by bisection, as a
    child with a long history otherwise costs a scan of all of it for each of its concerns in a batch."""
    first = bisect.bisect_right(history, start, key=lambda row: row[0])
    last = bisect.bisect_right(history, end, key=lambda row: row[0])
    return {concern_id for _, concern_id in history[first:last]}


def on_concerns_arrived(arrivals: list[Arrival], context: dict) -> None:
    created = [a for a in arrivals if a.outcome == "created"]
    if not created:
        return
    child_ids = {c for a in created for c in a.child_ids}
    window = dt.timedelta(days=policy.REPEAT_WINDOW_DAYS)
    reviewing = set(
        Action.objects.filter(child_id__in=child_ids, kind=ActionKind.HISTORY_REVIEW, status=ActionStatus.OPEN)
        .values_list("child_id", flat=True)
    )
    history = _history(  # not for children already under review: nothing more to start for them
        child_ids - reviewing, min(a.received_at for a in created) - window, max(a.received_at for a in created)
    )
    owners, front_door = owners_for_arrivals(arrivals, context)
    work = []
    for arrival in created:
        with clock.frozen(arrival.received_at) if context.get("replay") else contextlib.nullcontext():
            concern = arrival.concern_id
            for child_id in arrival.child_ids:
                if child_id in reviewing:
                    recent = set()
                else:
                    recent = _received_within(history.get(child_id, []), arrival.received_at - window, arrival.received_at)
                if len(recent) >= policy.REPEAT_THRESHOLD:
                    owner = owners.get(child_id)
                    work.append(due_work(
                        kind=ActionKind.HISTORY_REVIEW,
                        title=f"Review the whole history: concern number {len(recent)} in twelve months",
                        concern=concern, rule="history_review", start=arrival.received_at, actor=arrival.actor,
                        child_id=child_id, owner=owner, owner_team=None if owner else front_door(),
                    ))
                    reviewing.add(child_id)
                if "missing" in arrival.categories:
                    work.append(due_work(
                        kind=ActionKind.RETURN_HOME_INTERVIEW,
                        title="Independent return-home interview", concern=concern, rule="return_home_interview",
                        start=arrival.received_at, actor=arrival.actor, child_id=child_id,
                        owner=owners.get(child_id), owner_team=None if owners.get(child_id) else front_door(),
                    ))
    create_due_work_many(work)

