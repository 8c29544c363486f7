from django.conf import settings
from django.db import models

from joinedup.core.models import Stamped


class Requester(models.TextChoices):
    CHILD = "child", "The child"
    PARENT_WITH_AUTHORITY = "parent_with_authority", "A parent, with the child's authority"
    PARENT_CHILD_LACKS_UNDERSTANDING = "parent_lacks_understanding", "A parent: the child lacks the understanding to act"
    PARENT_IN_CHILDS_INTEREST = "parent_in_interest", "A parent: evidently in the child's interest"
    REPRESENTATIVE = "representative", "A representative, with the child's authority (for example a solicitor)"


class SubjectAccessRequest(Stamped):
    child = models.ForeignKey("records.Child", on_delete=models.PROTECT, related_name="+")
    requester_name = models.CharField(max_length=200)
    requester = models.CharField(max_length=30, choices=Requester.choices)
    authority = models.TextField(help_text="How the requester's right to act was established")
    received_at = models.DateTimeField()
    due_at = models.DateTimeField()
    action = models.ForeignKey("casework.Action", on_delete=models.PROTECT, null=True, related_name="+")
    completed_at = models.DateTimeField(null=True, blank=True)
    completed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    completion_note = models.TextField(blank=True)

    @property
    def reference(self) -> str:
        return f"SAR-{self.pk:05d}"


class ItemDecision(Stamped):
    """Withhold (or release again) one item of the export under the serious-harm exemption. Append-only:
    the latest decision for an item stands."""

    request = models.ForeignKey(SubjectAccessRequest, on_delete=models.PROTECT, related_name="decisions")
    item_key = models.CharField(max_length=60)
    withheld = models.BooleanField()
    reason = models.TextField()
