"""The audit event for reading an entity's page (a vehicle, phone, person, place or online account and
every child and concern linked to it): intelligence about adults, so every view is recorded with the
reader's role as the reason."""

from __future__ import annotations

import dataclasses
from typing import ClassVar

from django.db import transaction

from joinedup.core import audit
from joinedup.identity.models import Entity
from joinedup.identity.triage import role_reason


@dataclasses.dataclass(frozen=True)
class EntityViewed(audit.AuditEventData):
    """Someone opened an entity's page; `reason` is their role."""

    name: ClassVar[str] = "entity_viewed"
    entity_id: int = 0
    reference: str = ""
    reason: str = ""

    def object_ref(self):
        return "entity", str(self.entity_id)


@transaction.atomic
def record_entity_view(user, entity: Entity) -> None:
    audit.record(EntityViewed(entity_id=entity.pk, reference=entity.reference, reason=role_reason(user)), user)


@dataclasses.dataclass(frozen=True)
class PathSearched(audit.AuditEventData):
    """Someone searched for a path between two children or entities (what they asked and what was found;
    the children and adults on the path are intelligence); `reason` is their role."""

    name: ClassVar[str] = "path_searched"
    from_reference: str = ""
    to_reference: str = ""
    time_order: bool = False
    every_link: bool = False
    found: tuple[str, ...] = ()
    reason: str = ""

    def object_ref(self):
        return "path", f"{self.from_reference}>{self.to_reference}"


@transaction.atomic
def record_path_search(user, from_reference: str, to_reference: str, *, time_order: bool, every_link: bool,
                       found: tuple[str, ...]) -> None:
    audit.record(PathSearched(from_reference=from_reference, to_reference=to_reference, time_order=time_order,
                              every_link=every_link, found=found, reason=role_reason(user)), user)
