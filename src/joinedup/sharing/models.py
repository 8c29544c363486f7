from django.db import models

from joinedup.core.models import Agency, Stamped


class SharingDecision(Stamped):
    """Shared with an agency, or deliberately not shared, and why. Append-only: a changed mind is a new row."""

    concern = models.ForeignKey("records.Concern", on_delete=models.PROTECT, related_name="sharing_decisions")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    shared = models.BooleanField()
    what = models.TextField(blank=True)  # what was shared (or would have been)
    reason = models.TextField()

    class Meta:
        indexes = [models.Index(fields=["concern", "created_at"])]

    def __str__(self) -> str:
        return f"{'Shared with' if self.shared else 'Not shared with'} {self.agency_id}"
