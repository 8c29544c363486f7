"""Entities (people, vehicles, phones, places, online accounts) resolved from mentions across agencies,
and the alerts raised when evidence links several children to the same entity.

A mention is linked to exactly one entity (its own, if nothing matches); uncertain matches are kept as
possible links for a person to confirm or reject, and that judgement sticks through relinking.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from joinedup.core.models import Stamped
from joinedup.records.models import Child, Concern, Mention, MentionKind


class Entity(models.Model):
    kind = models.CharField(max_length=10, choices=MentionKind.choices)
    label = models.CharField(max_length=300)
    created_at = models.DateTimeField()
    merged_into = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True, related_name="+")

    class Meta:
        verbose_name_plural = "entities"

    def __str__(self) -> str:
        return f"{self.reference} {self.label}"

    @property
    def reference(self) -> str:
        return f"E-{self.pk:05d}"


class LinkKind(models.TextChoices):
    LINKED = "linked", "Linked"
    POSSIBLE = "possible", "Possible match"


class Judgement(models.TextChoices):
    NONE = "", "Not reviewed"
    CONFIRMED = "confirmed", "Confirmed by a person"
    REJECTED = "rejected", "Rejected by a person"


class MentionLink(models.Model):
    """How a mention relates to an entity, with the score and which fields agreed."""

    mention = models.ForeignKey(Mention, on_delete=models.PROTECT, related_name="entity_links")
    entity = models.ForeignKey(Entity, on_delete=models.PROTECT, related_name="links")
    kind = models.CharField(max_length=10, choices=LinkKind.choices)
    method = models.CharField(max_length=20)  # key | partial | score | new | naive | judged
    score = models.FloatField(null=True)
    explanation = models.JSONField(default=list)
    counts = models.BooleanField(default=False)  # counts as evidence towards alerts (identity.harm)
    created_at = models.DateTimeField()
    judgement = models.CharField(max_length=10, choices=Judgement.choices, blank=True, default="")
    judged_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    judged_at = models.DateTimeField(null=True, blank=True)
    judgement_reason = models.TextField(blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["mention", "entity"], name="one_link_per_mention_entity")]
        indexes = [models.Index(fields=["entity", "kind"]), models.Index(fields=["mention", "kind"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: mention {self.mention_id} -> {self.entity_id}"


class MentionKey(models.Model):
    """A normalised key of a mention, for finding candidate matches (blocking)."""

    mention = models.ForeignKey(Mention, on_delete=models.PROTECT, related_name="keys")
    key = models.CharField(max_length=300)

    class Meta:
        indexes = [models.Index(fields=["key"])]

    def __str__(self) -> str:
        return self.key


class AlertStatus(models.TextChoices):
    OPEN = "open", "Open"
    ACTIONED = "actioned", "Actioned"
    CLOSED = "closed", "Closed"


class Alert(Stamped):
    """Several children linked through the same entity (or a network of entities)."""

    kind = models.CharField(max_length=20)  # shared_entity | network
    status = models.CharField(max_length=10, choices=AlertStatus.choices, default=AlertStatus.OPEN)
    raised_at = models.DateTimeField(db_index=True)
    summary = models.TextField()
    entity = models.OneToOneField(Entity, on_delete=models.PROTECT, null=True, blank=True, related_name="alert")
    merged_into = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    updated_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.reference}: {self.summary}"

    @property
    def reference(self) -> str:
        return f"A-{self.pk:06d}"


class AlertChild(models.Model):
    alert = models.ForeignKey(Alert, on_delete=models.PROTECT, related_name="children")
    child = models.ForeignKey(Child, on_delete=models.PROTECT, related_name="+")
    linked_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["alert", "child"], name="alert_child_once")]

    def __str__(self) -> str:
        return f"child {self.child_id} in alert {self.alert_id}"


class AlertEntity(models.Model):
    alert = models.ForeignKey(Alert, on_delete=models.PROTECT, related_name="entities")
    entity = models.ForeignKey(Entity, on_delete=models.PROTECT, related_name="+")
    linked_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["alert", "entity"], name="alert_entity_once")]

    def __str__(self) -> str:
        return f"entity {self.entity_id} in alert {self.alert_id}"


class AlertEvidence(models.Model):
    """A concern behind a link in an alert: which child, which entity, which mention."""

    alert = models.ForeignKey(Alert, on_delete=models.PROTECT, related_name="evidence")
    concern = models.ForeignKey(Concern, on_delete=models.PROTECT, related_name="+")
    child = models.ForeignKey(Child, on_delete=models.PROTECT, related_name="+")
    entity = models.ForeignKey(Entity, on_delete=models.PROTECT, related_name="+")
    mention = models.ForeignKey(Mention, on_delete=models.PROTECT, related_name="+")
    linked_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["alert", "concern", "child", "entity"], name="alert_evidence_once")]

    def __str__(self) -> str:
        return f"concern {self.concern_id} in alert {self.alert_id}"


class TriageDecision(models.TextChoices):
    INVESTIGATION = "investigation", "Open an investigation"
    STRATEGY_DISCUSSION = "strategy_discussion", "Hold a strategy discussion"
    SHARE = "share", "Share with an agency"
    NO_ACTION = "no_action", "No action"
    SIGNED_OFF = "signed_off", "No action signed off by a manager"
    SIGN_OFF_REFUSED = "sign_off_refused", "No action not signed off by a manager"


class AlertTriage(Stamped):
    """A decision on an alert, with its rationale; append-only. "No action" waits for a different
    person, a team manager, to sign it off (a later row that `signs_off` it) before the alert closes."""

    alert = models.ForeignKey(Alert, on_delete=models.PROTECT, related_name="triages")
    decision = models.CharField(max_length=20, choices=TriageDecision.choices)
    rationale = models.TextField()
    share_with = models.ForeignKey("core.Agency", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    signs_off = models.OneToOneField("self", on_delete=models.PROTECT, null=True, blank=True, related_name="sign_off")

    class Meta:
        indexes = [models.Index(fields=["alert", "created_at"])]

    def __str__(self) -> str:
        return f"{self.get_decision_display()} on alert {self.alert_id}"
