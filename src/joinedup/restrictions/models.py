from django.conf import settings
from django.db import models

from joinedup.core.models import Stamped


class Restriction(Stamped):
    """A child's record open only to the named people (and to those who break the glass, for a time)."""

    child = models.ForeignKey("records.Child", on_delete=models.PROTECT, related_name="+")
    reason = models.TextField()
    members = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="+")
    review_due_at = models.DateTimeField()
    lifted_at = models.DateTimeField(null=True, blank=True)
    lifted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    lift_reason = models.TextField(blank=True)

    class Meta:
        indexes = [models.Index(fields=["lifted_at", "child"])]

    def __str__(self) -> str:
        return f"Restriction of child {self.child_id}"


class RestrictionReview(Stamped):
    """A scheduled review: the restriction kept (until the next review) or lifted, and why."""

    restriction = models.ForeignKey(Restriction, on_delete=models.PROTECT, related_name="reviews")
    kept = models.BooleanField()
    note = models.TextField()


class BreakGlass(Stamped):
    """Someone not named opened a restricted record, giving a reason; access lasts until `expires_at`."""

    restriction = models.ForeignKey(Restriction, on_delete=models.PROTECT, related_name="breaks")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reason = models.TextField()
    expires_at = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["user", "expires_at"])]
