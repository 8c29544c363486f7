"""Give the demo town a working history: decisions, sign-offs and completed actions on older concerns,
made through JoinedUp's own services on the records' clock, so the demo opens on a believable front
door (recent concerns waiting, a little overdue work) rather than years of undecided referrals.

    .venv/bin/python -m sim.demo_casework [--leave-days 7] [--seed 7]

Synthetic: the decisions are chosen by simple rules from each concern's categories, not by anyone's
judgement. Idempotent: concerns that already have a decision are skipped.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--leave-days", type=int, default=7, help="leave concerns newer than this undecided")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "joinedup.settings")
    import django

    django.setup()
    run(args.leave_days, random.Random(args.seed))


def _kind(categories: list[str], rng: random.Random) -> str:
    from joinedup.casework.models import DecisionKind

    if {"sexual_exploitation", "sexual_abuse", "criminal_exploitation"} & set(categories):
        return DecisionKind.STRATEGY_DISCUSSION
    if {"physical_abuse", "neglect", "domestic_abuse"} & set(categories):
        return rng.choice([DecisionKind.CHILD_IN_NEED, DecisionKind.EARLY_HELP, DecisionKind.LINKED_CASE])
    return rng.choice([DecisionKind.NO_FURTHER_ACTION, DecisionKind.INFORMATION_ADVICE, DecisionKind.EARLY_HELP])


RATIONALE = {
    "no_further_action": "Checked with the school and the family; needs met by universal services.",
    "information_and_advice": "Advice given to the referrer and the parent; no statutory role.",
    "early_help": "Family agreed to early help; passed to the early help hub.",
    "child_in_need_assessment": "Needs assessment under section 17 to understand the child's needs.",
    "strategy_discussion": "Reasonable cause to suspect significant harm: strategy discussion with police and health.",
    "linked_to_open_case": "Linked to the open case; allocated worker informed.",
}


def run(leave_days: int, rng: random.Random) -> None:
    from tqdm import tqdm

    from joinedup.casework import services
    from joinedup.casework.models import Action, ActionKind, ActionStatus, Case, Decision, DecisionStatus
    from joinedup.core import clock
    from joinedup.core.demo import ensure_demo_users
    from joinedup.records.models import Concern, ConcernStatus

    users = ensure_demo_users()
    decider, manager, worker = users["frontdoor"], users["manager"], users["socialworker"]
    cutoff = clock.now() - dt.timedelta(days=leave_days)
    decided = Decision.objects.values("concern_id")
    concerns = (
        Concern.objects.filter(received_at__lt=cutoff, status=ConcernStatus.OPEN)
        .exclude(pk__in=decided)
        .select_related("current_version")
        .order_by("received_at")
    )
    total = concerns.count()
    for concern in tqdm(concerns.iterator(500), total=total, desc="demo decisions", file=sys.stderr):
        at = concern.received_at + dt.timedelta(hours=rng.randint(1, 20))
        kind = _kind(concern.current_version.categories, rng)
        with clock.frozen(at):
            try:
                decision = services.record_decision(decider, concern, kind, RATIONALE[kind])
            except services.RefusedError:
                continue
        if decision.status == DecisionStatus.AWAITING_SIGN_OFF:
            with clock.frozen(at + dt.timedelta(hours=3)):
                services.sign_off(manager, decision, True, "Reviewed the history; agree.")
    skipped: set[int] = set()
    for round_number in range(1, 9):  # completing a step can start the next (conference after strategy...)
        due = (
            Action.objects.filter(status=ActionStatus.OPEN, due_at__lt=cutoff)
            .exclude(kind__in=[ActionKind.SIGN_OFF, ActionKind.ALERT_TRIAGE])
            .exclude(pk__in=skipped)
        )
        batch = list(due)
        if not batch:
            break
        for action in tqdm(batch, desc=f"demo actions, round {round_number}", file=sys.stderr):
            if rng.random() < 0.03:
                skipped.add(action.pk)  # a little overdue work, as in any real service
                continue
            done_at = max(action.created_at + dt.timedelta(minutes=5), action.due_at - dt.timedelta(hours=rng.randint(2, 72)))
            with clock.frozen(done_at):
                try:
                    if action.owner_id != worker.pk:
                        services.reassign_action(manager, action, to_owner=worker, reason="Allocated to the child's social worker")
                    services.complete_action(worker, action, "Done; recorded on the child's file.")
                except services.RefusedError:
                    skipped.add(action.pk)
    for case in Case.objects.filter(closed_at__isnull=True, allocated_worker__isnull=True)[:40]:
        services.allocate_case(manager, case, worker)
    print(f"decided {total} older concerns; the {Concern.objects.exclude(pk__in=decided).count()} newest wait at the front door")
    from sim.demo_outcomes import add_outcomes

    add_outcomes(users, rng)


if __name__ == "__main__":
    main()
