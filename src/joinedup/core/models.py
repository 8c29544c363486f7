"""Agencies, teams, people and the audit trail."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone

from joinedup.core import clock
from joinedup.core.roles import Role


class AgencyType(models.TextChoices):
    POLICE = "police", "Police"
    SOCIAL_CARE = "social_care", "Children's social care"
    EDUCATION = "education", "Education"
    HEALTH = "health", "Health"
    YOUTH_SERVICE = "youth_service", "Youth service"
    VOLUNTARY = "voluntary", "Voluntary group"
    HOUSING = "housing", "Housing"
    PUBLIC = "public", "Public reporting"
    OTHER = "other", "Other"


def clock_now():
    return clock.now()


class Agency(models.Model):
    name = models.CharField(max_length=200, unique=True)
    type = models.CharField(max_length=20, choices=AgencyType.choices)
    created_at = models.DateTimeField(default=clock_now)

    class Meta:
        verbose_name_plural = "agencies"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Team(models.Model):
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="teams")
    name = models.CharField(max_length=200)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["agency", "name"], name="team_unique_per_agency")]
        ordering = ["agency__name", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.agency.name})"


class User(AbstractUser):
    """A person (or an agency system) using JoinedUp. Every user belongs to an agency and a team."""

    role = models.CharField(max_length=30, choices=Role.choices)
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="users", null=True)
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="members", null=True, blank=True)

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.username


class Stamped(models.Model):
    """Who and when on every record. Case data is never hard-deleted (see services)."""

    created_at = models.DateTimeField(default=clock_now, db_index=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        abstract = True


class AuditEvent(models.Model):
    """One audited read or write. Written only by `core.audit.record`, in the same transaction as the
    write it describes. Never updated or deleted."""

    at = models.DateTimeField(db_index=True)
    # The wall-clock time of writing (not the replay clock). Set when the instance is made, not by
    # auto_now_add at insert, so the hash chain can hash it before the row is inserted.
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    actor_label = models.CharField(max_length=200)
    event = models.CharField(max_length=60, db_index=True)
    # No database constraint: the audit log outlives a child's record disposed of under the retention
    # rules (docs/decisions/0011), so child_id may name a record that no longer exists.
    child = models.ForeignKey("records.Child", on_delete=models.PROTECT, null=True, related_name="+",
                              db_constraint=False)
    object_type = models.CharField(max_length=60, blank=True)
    object_id = models.CharField(max_length=60, blank=True)
    reason = models.TextField(blank=True)
    detail = models.JSONField(default=dict)
    # Hash chain (joinedup.integrity.chain): the row_hash of the event before, and this event's own.
    prev_hash = models.CharField(max_length=64, default="", editable=False)
    row_hash = models.CharField(max_length=64, default="", editable=False)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["child", "at"]), models.Index(fields=["actor", "at"])]
        # Two events can never follow the same one: a fork of the chain fails at the database.
        constraints = [models.UniqueConstraint(fields=["prev_hash"], name="auditevent_chain_unique_prev")]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label}: {self.event}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise RuntimeError("audit events are append-only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise RuntimeError("audit events are append-only")
