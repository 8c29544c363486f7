"""Characteristics the interchange format does not carry (disability), recorded by a practitioner about a
child or an adult (a person entity). Append-only: the latest fact from each agency stands, and every
earlier one is kept."""

from __future__ import annotations

from django.db import models

from joinedup.core.models import Agency, Stamped


class Characteristic(models.TextChoices):
    DISABILITY = "disability", "Disability"


class FactStatus(models.TextChoices):
    RECORDED = "recorded", "Recorded"
    NOT_STATED = "not_stated", "Not stated (the person declined to say)"


class RecordedFact(Stamped):
    child = models.ForeignKey("records.Child", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    entity = models.ForeignKey("identity.Entity", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    characteristic = models.CharField(max_length=20, choices=Characteristic.choices)
    status = models.CharField(max_length=12, choices=FactStatus.choices)
    value = models.CharField(max_length=300, blank=True)  # "none known", or the disability as described

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(child__isnull=False, entity__isnull=True) | models.Q(child__isnull=True, entity__isnull=False)),
                name="recorded_fact_one_subject",
            ),
        ]
        indexes = [models.Index(fields=["characteristic", "agency", "created_at"])]

    def __str__(self) -> str:
        return f"{self.characteristic}: {self.status} {self.value}".strip()
