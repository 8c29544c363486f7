"""What the public reporting page keeps beside the concern it stores: the reporter's reference and the
hash of their passphrase, and the counters that limit how often one address may use the page.

The report itself is a concern (records.Concern) from the public reporting agency; nothing a reporter
says is kept only here. No client address is stored: the rate counters hold a keyed hash of it.
"""

from __future__ import annotations

from django.db import models

from joinedup.core.models import clock_now
from joinedup.records.models import Concern


class PublicReport(models.Model):
    """A concern made on the public page, and how its reporter follows it up."""

    concern = models.OneToOneField(Concern, on_delete=models.PROTECT, related_name="public_report")
    reference = models.CharField(max_length=20, unique=True)
    passphrase_hash = models.CharField(max_length=200)
    language = models.CharField(max_length=10)
    created_at = models.DateTimeField(default=clock_now)

    def __str__(self) -> str:
        return self.reference


class RateCount(models.Model):
    """How many times one (hashed) client address used one part of the page in one time window."""

    bucket = models.CharField(max_length=20)
    client = models.CharField(max_length=64)
    window_start = models.DateTimeField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["bucket", "client", "window_start"], name="ratecount_unique_window")
        ]
        indexes = [models.Index(fields=["window_start"])]

    def __str__(self) -> str:
        return f"{self.bucket} {self.client[:8]} {self.window_start:%Y-%m-%d %H:%M}: {self.count}"
