"""Agency systems that submit concerns by API, each with its own token."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from joinedup.core.models import Stamped


class ApiClient(Stamped):
    """One agency system. It acts as a user of role `agency_system` in its agency, so the same access
    rules apply to it as to that agency's staff."""

    name = models.CharField(max_length=200)
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="api_client")
    token_hash = models.CharField(max_length=64, unique=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return self.name
