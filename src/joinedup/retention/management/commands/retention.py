"""`joinedup retention`: what is due for disposal under the retention rules (--dry-run), proposing it
(--propose --user U), and approving or refusing a proposal (--approve ID / --refuse ID --user U)."""

from __future__ import annotations

import csv
import datetime as dt
import json

from django.core.management.base import BaseCommand, CommandError

from joinedup.core import clock
from joinedup.core.models import User
from joinedup.core.spreadsheet import safe_cell
from joinedup.records.services import RefusedError
from joinedup.retention import queries, services

COLUMNS = ("child", "record_type", "rule", "last_contact", "due_on", "held", "blocked", "proposal")


def _as_of(text: str | None) -> dt.datetime:
    if not text:
        return clock.now()
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError as problem:
        raise CommandError(f"--as-of: not an ISO date or time: {text!r}") from problem
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment


def _row(p: queries.Position) -> dict:
    return {
        "child": p.reference, "record_type": p.record_type, "rule": p.rule.describe(),
        "last_contact": p.last_contact.isoformat() if p.last_contact else "", "due_on": p.due_on.isoformat(),
        "held": p.held, "blocked": p.blocked, "proposal": p.proposal.reference if p.proposal else "",
    }


class Command(BaseCommand):
    help = ("Retention: list the records due for disposal (--dry-run), propose them (--propose), or approve or "
            "refuse a proposal (--approve ID / --refuse ID); proposing and deciding need --user.")

    def add_arguments(self, parser):
        action = parser.add_mutually_exclusive_group(required=True)
        action.add_argument("--dry-run", action="store_true", help="list what is due; change nothing")
        action.add_argument("--propose", action="store_true", help="record a disposal proposal for each record due now")
        action.add_argument("--approve", type=int, metavar="ID", help="approve proposal ID (disposes of the record)")
        action.add_argument("--refuse", type=int, metavar="ID", help="refuse proposal ID (give --reason)")
        parser.add_argument("--as-of", help="for --dry-run: what is due at this ISO date or time (default now)")
        parser.add_argument("--format", choices=("text", "csv", "json"), default="text", help="--dry-run output format")
        parser.add_argument("--user", help="the records officer proposing or deciding (username)")
        parser.add_argument("--reason", default="", help="the reason for a decision")

    def handle(self, *args, dry_run, propose, approve, refuse, as_of, format, user, reason, **options):
        if dry_run:
            return self._dry_run(_as_of(as_of), format)
        if as_of:
            raise CommandError("--as-of is only for --dry-run: proposals and approvals are for what is due now")
        actor = User.objects.filter(username=user or "").first()
        if actor is None:
            raise CommandError("give --user: the username of the records officer")
        try:
            if propose:
                self._propose(actor)
            elif approve is not None:
                tombstone = services.approve(actor, approve, reason)
                removed = sum(tombstone.counts.values())
                self.stdout.write(f"Disposed of {tombstone.child_reference}: {removed} rows erased; tombstone {tombstone.pk} left.")
            else:
                proposal = services.refuse(actor, refuse, reason)
                self.stdout.write(f"Refused {proposal.reference}.")
        except RefusedError as refusal:
            raise CommandError(str(refusal)) from refusal

    def _dry_run(self, as_of: dt.datetime, form: str) -> None:
        rows = [_row(p) for p in queries.due(as_of)]
        if form == "json":
            self.stdout.write(json.dumps({"as_of": as_of.isoformat(), "count": len(rows), "due": rows}, indent=2))
            return
        if form == "csv":
            writer = csv.DictWriter(self.stdout, fieldnames=COLUMNS, lineterminator="\n")
            writer.writeheader()
            writer.writerows({key: safe_cell(value) for key, value in row.items()} for row in rows)
            return
        self.stdout.write(f"Due for disposal at {as_of:%Y-%m-%d %H:%M %Z} (dry run: nothing changed)")
        for row in rows:
            state = "HELD" if row["held"] else (f"blocked: {row['blocked']}" if row["blocked"] else "due")
            if row["proposal"]:
                state += f", proposed {row['proposal']}"
            self.stdout.write(f"{row['child']}  {row['record_type']} ({row['rule']})  last contact "
                              f"{row['last_contact'][:10] or 'none'}  due {row['due_on']}  {state}")
        held = sum(1 for row in rows if row["held"])
        self.stdout.write(f"{len(rows)} record(s) due, {held} on legal hold.")

    def _propose(self, actor) -> None:
        proposed, skipped = services.propose_all_due(actor)
        for proposal in proposed:
            self.stdout.write(f"Proposed {proposal.reference}: dispose of {proposal.child_reference} (due {proposal.due_on}).")
        for position, why in skipped:
            self.stdout.write(f"Not proposed {position.reference}: {why}")
        self.stdout.write(f"{len(proposed)} proposal(s) recorded; a different records officer must approve each.")
