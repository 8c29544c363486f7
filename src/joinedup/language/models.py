"""What the language checker found in each saved text, and what the writer did about it.

One `LanguageCheck` row per saved free text (a concern's summary, a decision's rationale, an action's
completion note, a sign-off note, a withdrawal reason), written in the same transaction as the text by
`language.services.record_check`. No extra data entry: the rows are the by-product of checking as people
write, and the only source of the "see writing improve" figures (`language.queries`). They hold rule
names and the flagged phrases, never the text itself. Never updated or deleted.
"""

from __future__ import annotations

from django.db import models

from joinedup.core.models import Agency, Stamped, Team


class RecordKind(models.TextChoices):
    CONCERN = "concern", "Concern summaries"
    DECISION = "decision", "Decision rationales"
    ACTION_NOTE = "action_note", "Action completion notes"
    SIGN_OFF_NOTE = "sign_off_note", "Sign-off notes"
    WITHDRAWAL = "withdrawal", "Withdrawal reasons"


class LanguageCheck(Stamped):
    """`created_by` is the writer and `created_at` when the text was saved (`core.clock.now()`); the
    writer's team and agency are kept as they were then."""

    kind = models.CharField(max_length=20, choices=RecordKind.choices)
    record_id = models.PositiveBigIntegerField(help_text="The concern, decision, action or sign-off's id.")
    channel = models.CharField(max_length=10, default="web", help_text="web (a page) or api (an agency system).")
    team = models.ForeignKey(Team, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    findings = models.PositiveIntegerField(
        default=0, help_text="How many phrases were flagged while the text was written (0: none)."
    )
    rules = models.JSONField(default=list, blank=True, help_text="The rules flagged, sorted (checker rule ids).")
    kept = models.BooleanField(default=False, help_text="The text was saved with flagged phrases in it.")
    kept_phrases = models.JSONField(default=list, blank=True, help_text="The flagged phrases the saved text keeps.")

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["kind", "record_id"]),
            models.Index(fields=["team", "created_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.record_id}: {self.findings} flagged{', kept' if self.kept else ''}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise RuntimeError("language checks are append-only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise RuntimeError("language checks are append-only")
