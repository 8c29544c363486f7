"""Retention's writes: classifying a record, placing and lifting a legal hold, proposing disposal of what
is due, refusing a proposal, and approving one (a different person), which erases the record and leaves
a tombstone. Each is one transaction with its audit event."""

from __future__ import annotations

import datetime as dt

from django.db import DEFAULT_DB_ALIAS, transaction

from joinedup.core import audit, clock
from joinedup.core.roles import Role
from joinedup.integrity import chain
from joinedup.records.models import Child, ConcernChild
from joinedup.records.services import RefusedError
from joinedup.retention import chainrows, dispose, events, queries, rules
from joinedup.retention.models import (
    Classification,
    DisposedChainRow,
    LegalHold,
    Proposal,
    ProposalStatus,
    Tombstone,
)

# Records officers: information governance (the auditor role, which also answers subject-access
# requests) and administrators. Disposal always needs two of them.
MANAGES_RETENTION = frozenset({Role.AUDITOR, Role.ADMINISTRATOR})


def _check(actor) -> None:
    if actor is None or not actor.is_active or actor.role not in MANAGES_RETENTION:
        raise RefusedError("Only records officers (information governance, administrators) manage retention.")


def _live_child(child_id: int) -> Child:
    child = Child.objects.filter(pk=child_id).first()
    if child is None:
        raise RefusedError(f"There is no child record C-{child_id:05d} (it may have been disposed of).")
    if child.merged_into_id is not None:
        raise RefusedError(f"C-{child_id:05d} was merged into C-{child.merged_into_id:05d}: use that record.")
    return child


_DATES = {
    "date_of_birth": "the child's date of birth",
    "event_date": "the date of the event (for example the adoption order)",
    "subject_date_of_birth": "the date of birth of the person the record is about",
}


@transaction.atomic
def classify(actor, child_id: int, record_type: str, *, reason: str, date_of_birth: dt.date | None = None,
             date_of_death: dt.date | None = None, event_date: dt.date | None = None,
             subject_date_of_birth: dt.date | None = None) -> Classification:
    _check(actor)
    child = _live_child(child_id)
    reason = reason.strip()
    rule = rules.current().get(record_type)
    if rule is None:
        raise RefusedError(f"Choose a record type ({', '.join(rules.current())}).")
    if not reason:
        raise RefusedError("Give the reason for the classification.")
    given = {"date_of_birth": date_of_birth, "event_date": event_date, "subject_date_of_birth": subject_date_of_birth}
    if rule.basis in given and given[rule.basis] is None:
        raise RefusedError(f"A {rule.label.lower()} record is kept from {_DATES[rule.basis]}: give that date.")
    if date_of_death is not None and date_of_birth is not None and date_of_death < date_of_birth:
        raise RefusedError("The date of death is before the date of birth.")
    today = queries.local_date(clock.now())
    if any(d is not None and d > today for d in (date_of_birth, date_of_death, event_date, subject_date_of_birth)):
        raise RefusedError("A date cannot be in the future.")
    row = Classification.objects.create(
        child=child, record_type=record_type, date_of_birth=date_of_birth, date_of_death=date_of_death,
        event_date=event_date, subject_date_of_birth=subject_date_of_birth, reason=reason,
        created_by=actor, created_at=clock.now(),
    )
    audit.record(events.RecordClassified(child_id=child.pk, classification_id=row.pk, record_type=record_type,
                                         reason=reason), actor)
    return row


@transaction.atomic
def place_hold(actor, child_id: int, reason: str) -> LegalHold:
    _check(actor)
    child = _live_child(child_id)
    reason = reason.strip()
    if not reason:
        raise RefusedError("Give the reason for the legal hold (for example the inquiry or proceedings).")
    if LegalHold.objects.select_for_update().filter(child=child, lifted_at__isnull=True).exists():
        raise RefusedError(f"{child.reference} is already on legal hold.")
    hold = LegalHold.objects.create(child=child, reason=reason, created_by=actor, created_at=clock.now())
    audit.record(events.LegalHoldPlaced(child_id=child.pk, hold_id=hold.pk, reason=reason), actor)
    return hold


@transaction.atomic
def lift_hold(actor, hold_id: int, reason: str) -> LegalHold:
    _check(actor)
    reason = reason.strip()
    hold = LegalHold.objects.select_for_update().filter(pk=hold_id).first()
    if hold is None or hold.lifted_at is not None:
        raise RefusedError("There is no such legal hold in force.")
    if not reason:
        raise RefusedError("Give the reason for lifting the legal hold.")
    hold.lifted_at, hold.lifted_by, hold.lift_reason = clock.now(), actor, reason
    hold.save(update_fields=["lifted_at", "lifted_by", "lift_reason"])
    audit.record(events.LegalHoldLifted(child_id=hold.child_id, hold_id=hold.pk, reason=reason), actor)
    return hold


def _refuse_unless_disposable(position: queries.Position | None, child_id: int, as_of: dt.datetime) -> queries.Position:
    if position is None:
        raise RefusedError(f"There is no child record C-{child_id:05d} to dispose of.")
    if position.held:
        raise RefusedError(f"{position.reference} is on legal hold: it cannot be disposed of.")
    if not position.is_due(as_of):
        when = f"on {position.due_on:%-d %B %Y}" if position.due_on else "never (a date its rule needs is not recorded)"
        raise RefusedError(f"{position.reference} is not yet due for disposal: it is due {when}.")
    if position.shared_concerns:
        raise RefusedError(f"{position.reference}: {position.shared_concerns} of its concerns also name another child. "
                           "Those concerns are part of the other child's record too; they cannot be disposed of with this one.")
    return position


@transaction.atomic
def propose(actor, child_id: int) -> Proposal:
    """Propose disposing of one child's record, which must be due now, not held, and not already proposed."""
    _check(actor)
    now = clock.now()
    position = _refuse_unless_disposable(queries.position_of(child_id), child_id, now)
    if Proposal.objects.select_for_update().filter(child_id_number=child_id, status=ProposalStatus.AWAITING).exists():
        raise RefusedError(f"{position.reference} already has a disposal proposal awaiting approval.")
    proposal = Proposal.objects.create(
        child_id_number=child_id, record_type=position.record_type, rule=position.rule.describe(),
        last_contact=position.last_contact, due_on=position.due_on, created_by=actor, created_at=now,
    )
    audit.record(events.DisposalProposed(child_id=child_id, proposal_id=proposal.pk, record_type=position.record_type,
                                         due_on=position.due_on.isoformat()), actor)
    return proposal


def propose_all_due(actor) -> tuple[list[Proposal], list[tuple[queries.Position, str]]]:
    """Propose each record due now (one transaction each); (proposed, [(position, why skipped)])."""
    _check(actor)
    proposed, skipped = [], []
    for position in queries.due(clock.now()):
        if position.proposal is not None:
            skipped.append((position, f"already proposed ({position.proposal.reference})"))
            continue
        try:
            proposed.append(propose(actor, position.child_id))
        except RefusedError as refusal:
            skipped.append((position, str(refusal)))
    return proposed, skipped


def _awaiting(proposal_id: int) -> Proposal:
    proposal = Proposal.objects.select_for_update().filter(pk=proposal_id).first()
    if proposal is None:
        raise RefusedError("There is no such disposal proposal.")
    if proposal.status != ProposalStatus.AWAITING:
        raise RefusedError(f"Proposal {proposal.reference} has already been decided ({proposal.get_status_display().lower()}).")
    return proposal


@transaction.atomic
def refuse(actor, proposal_id: int, reason: str) -> Proposal:
    _check(actor)
    proposal = _awaiting(proposal_id)
    reason = reason.strip()
    if not reason:
        raise RefusedError("Give the reason for refusing the disposal.")
    proposal.status, proposal.decided_by, proposal.decided_at, proposal.decision_reason = (
        ProposalStatus.REFUSED, actor, clock.now(), reason)
    proposal.save(update_fields=["status", "decided_by", "decided_at", "decision_reason"])
    audit.record(events.DisposalRefused(child_id=proposal.child_id_number, proposal_id=proposal.pk, reason=reason), actor)
    return proposal


@transaction.atomic
def approve(actor, proposal_id: int, reason: str = "") -> Tombstone:
    """A second person approves: re-check everything as it is now, then erase the record and leave the
    tombstone, in this one transaction, with the audit event."""
    _check(actor)
    proposal = _awaiting(proposal_id)
    if proposal.created_by_id == actor.pk:
        raise RefusedError("You proposed this disposal: a different records officer must approve it.")
    now = clock.now()
    child_id = proposal.child_id_number
    child = Child.objects.select_for_update().filter(pk=child_id).first()
    position = _refuse_unless_disposable(queries.position_of(child_id) if child else None, child_id, now)
    if position.last_contact != proposal.last_contact:
        raise RefusedError(f"{position.reference} has had contact since the proposal (last contact now "
                           f"{position.last_contact:%-d %B %Y}): propose it again when it is due.")
    if position.record_type != proposal.record_type or position.due_on != proposal.due_on:
        raise RefusedError(f"{position.reference} was classified again since the proposal: propose it again.")
    return _dispose(actor, proposal, position, reason.strip(), now, DEFAULT_DB_ALIAS)


def _merged_ids(child_id: int) -> set[int]:
    ids, frontier = {child_id}, {child_id}
    while frontier:
        frontier = set(Child.objects.filter(merged_into_id__in=frontier).values_list("pk", flat=True)) - ids
        ids |= frontier
    return ids


def _dispose(actor, proposal: Proposal, position: queries.Position, reason: str, now, using: str) -> Tombstone:
    child_ids = _merged_ids(position.child_id)
    concern_ids = set(ConcernChild.objects.filter(child_id__in=child_ids).values_list("version__concern_id", flat=True))
    chain.lock(using)  # no chained row may be written while we read the heads and remove rows
    collected = dispose.collect(child_ids, concern_ids)
    for model, pks in dispose.orphans_left(collected).items():
        collected.setdefault(model, set()).update(pks)
    removed = dispose.chained_rows(collected)
    proposal.status, proposal.decided_by, proposal.decided_at, proposal.decision_reason = (
        ProposalStatus.APPROVED, actor, now, reason)
    proposal.save(update_fields=["status", "decided_by", "decided_at", "decision_reason"])
    tombstone = Tombstone.objects.create(
        proposal=proposal, child_id_number=position.child_id, record_type=position.record_type,
        rule=position.rule.describe(), last_contact=position.last_contact, due_on=position.due_on,
        proposed_by_id=proposal.created_by_id, approved_by=actor, disposed_at=now, chain_digest="",
    )
    kept = _kept_chain_rows(tombstone, removed, collected, using)
    tombstone.counts = dispose.erase(collected, using)
    tombstone.chain_digest = chainrows.digest(
        (row.table, row.row_id, row.prev_hash, row.row_hash, row.resume_hash) for row in kept)
    tombstone.save(update_fields=["counts", "chain_digest"])
    audit.record(events.RecordDisposed(
        child_id=position.child_id, proposal_id=proposal.pk, tombstone_id=tombstone.pk,
        proposed_by_id=proposal.created_by_id, record_type=position.record_type, due_on=position.due_on.isoformat(),
        counts=tombstone.counts, chain_rows=len(kept), chain_digest=tombstone.chain_digest, reason=reason,
    ), actor)
    return tombstone


def _kept_chain_rows(tombstone, removed, collected, using) -> list[DisposedChainRow]:
    """The hashes of the chained rows about to be removed. When the newest rows of a table go, the newest
    one removed records the hash the chain resumes from: the newest row left (the table's head after
    disposal, which the next row written links to), or GENESIS if none is left."""
    from django.apps import apps

    rows = [DisposedChainRow(tombstone=tombstone, table=table, row_id=row_id, prev_hash=prev, row_hash=this)
            for table, row_id, prev, this in removed]
    by_table = {model._meta.db_table: model for model in apps.get_models()}
    for table in {row.table for row in rows}:
        model = by_table[table]
        newest_gone = [row for row in rows if row.table == table][-1]
        newest_left = (model._base_manager.using(using).exclude(pk__in=collected[model]).order_by("-pk")
                       .values_list("pk", "row_hash").first())
        if newest_left is None:
            newest_gone.resume_hash = chain.GENESIS
        elif newest_left[0] < newest_gone.row_id:
            newest_gone.resume_hash = newest_left[1]
    DisposedChainRow.objects.using(using).bulk_create(rows)
    return rows
