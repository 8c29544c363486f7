"""Classifications (which retention rule a child's record falls under), legal holds, disposal proposals
and the tombstones disposal leaves.

Classifications and holds point at the child and go with the record when it is disposed of. Proposals
and tombstones hold the child's internal id as a plain number (not a foreign key): they outlive the
record, and hold no personal data."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from joinedup.core.models import Stamped


class Classification(Stamped):
    """The record type of a child's record, with the dates its rule needs. Append-only: the newest stands."""

    child = models.ForeignKey("records.Child", on_delete=models.PROTECT, related_name="+")
    record_type = models.CharField(max_length=40)
    date_of_birth = models.DateField(null=True, blank=True)
    date_of_death = models.DateField(null=True, blank=True)
    event_date = models.DateField(null=True, blank=True)
    subject_date_of_birth = models.DateField(null=True, blank=True)
    reason = models.TextField()

    class Meta:
        indexes = [models.Index(fields=["child", "-id"])]


class LegalHold(Stamped):
    """A legal hold: while it is in force the record is never due for disposal. Lifting is recorded on the
    row with its reason (never deleted)."""

    child = models.ForeignKey("records.Child", on_delete=models.PROTECT, related_name="+")
    reason = models.TextField()
    lifted_at = models.DateTimeField(null=True, blank=True)
    lifted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    lift_reason = models.TextField(blank=True)

    class Meta:
        indexes = [models.Index(fields=["child", "lifted_at"])]


class ProposalStatus(models.TextChoices):
    AWAITING = "awaiting", "Awaiting approval"
    APPROVED = "approved", "Approved: disposed of"
    REFUSED = "refused", "Refused"


class Proposal(Stamped):
    """A proposal to dispose of one child's record, as the dry run saw it; a different person approves."""

    child_id_number = models.PositiveBigIntegerField(db_index=True)
    record_type = models.CharField(max_length=40)
    rule = models.CharField(max_length=300)
    last_contact = models.DateTimeField(null=True, blank=True)
    due_on = models.DateField()
    status = models.CharField(max_length=10, choices=ProposalStatus.choices, default=ProposalStatus.AWAITING)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_reason = models.TextField(blank=True)

    @property
    def reference(self) -> str:
        return f"DP-{self.pk:05d}"

    @property
    def child_reference(self) -> str:
        return f"C-{self.child_id_number:05d}"


class Tombstone(models.Model):
    """What was disposed of, by whom and when: no personal data. `counts` is rows removed per table."""

    proposal = models.OneToOneField(Proposal, on_delete=models.PROTECT, related_name="tombstone")
    child_id_number = models.PositiveBigIntegerField(unique=True)
    record_type = models.CharField(max_length=40)
    rule = models.CharField(max_length=300)
    last_contact = models.DateTimeField(null=True, blank=True)
    due_on = models.DateField()
    counts = models.JSONField(default=dict)
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    disposed_at = models.DateTimeField()
    # sha256 over the chained rows removed (see chainrows.digest); the disposal audit event holds the same.
    chain_digest = models.CharField(max_length=64)

    def __str__(self) -> str:
        return f"Tombstone of {self.child_reference}"

    @property
    def child_reference(self) -> str:
        return f"C-{self.child_id_number:05d}"


class DisposedChainRow(models.Model):
    """A row of a hash-chained table that disposal removed: its id and hashes only, so `joinedup verify`
    can check the links across the gap without the erased content."""

    tombstone = models.ForeignKey(Tombstone, on_delete=models.PROTECT, related_name="chain_rows")
    table = models.CharField(max_length=60)
    row_id = models.BigIntegerField()
    prev_hash = models.CharField(max_length=64)
    row_hash = models.CharField(max_length=64)
    # On the newest row removed when it was the newest row of the table: the hash the next row written
    # links to instead (the table's head after disposal). Blank otherwise.
    resume_hash = models.CharField(max_length=64, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["table", "row_id"], name="disposed_chain_row_unique")]

    def __str__(self) -> str:
        return f"{self.table} id {self.row_id} (disposed)"
