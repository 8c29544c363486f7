"""Recording a characteristic (disability) of a child or an alleged perpetrator: audited in the same
transaction; a child's by anyone who may see the child and records concerns, an adult's only by the roles
that may see intelligence about adults."""

from __future__ import annotations

import dataclasses
from typing import ClassVar

from django.db import transaction

from joinedup.core import audit, clock
from joinedup.core.roles import RECORDS_CONCERNS, SEES_ADULT_INTELLIGENCE
from joinedup.coredata.models import Characteristic, FactStatus, RecordedFact
from joinedup.identity.models import Entity
from joinedup.records.access import children_visible_to
from joinedup.records.models import Child, MentionKind
from joinedup.records.services import RefusedError


@dataclasses.dataclass(frozen=True)
class CharacteristicRecorded(audit.AuditEventData):
    """Someone recorded a characteristic of the core data set (disability) about a child or an adult."""

    name: ClassVar[str] = "characteristic_recorded"
    fact_id: int = 0
    entity_id: int | None = None
    characteristic: str = ""
    status: str = ""

    def object_ref(self):
        return "recorded_fact", str(self.fact_id)


@transaction.atomic
def record_fact(actor, *, characteristic: str, status: str, value: str = "", child: Child | None = None,
                entity: Entity | None = None) -> RecordedFact:
    if (child is None) == (entity is None):
        raise RefusedError("Record a characteristic about one child or one adult.")
    if characteristic not in Characteristic.values:
        raise RefusedError(f"{characteristic!r} is not a characteristic of the core data set.")
    if status not in FactStatus.values:
        raise RefusedError("Choose whether the characteristic was recorded or the person declined to say.")
    value = value.strip()
    if status == FactStatus.RECORDED and not value:
        raise RefusedError("Say what was recorded (for example \"none known\", or the disability as described).")
    if actor.agency_id is None:
        raise RefusedError("Only staff of an agency can record the core data set.")
    if child is not None and (actor.role not in RECORDS_CONCERNS or not children_visible_to(actor).filter(pk=child.pk).exists()):
        raise RefusedError("You cannot record details about this child.")
    if entity is not None and (actor.role not in SEES_ADULT_INTELLIGENCE or entity.kind != MentionKind.PERSON):
        raise RefusedError("You cannot record details about this person.")
    fact = RecordedFact.objects.create(
        child=child, entity=entity, agency_id=actor.agency_id, characteristic=characteristic, status=status,
        value=value if status == FactStatus.RECORDED else "", created_by=actor, created_at=clock.now(),
    )
    audit.record(CharacteristicRecorded(
        child_id=child.pk if child else None, fact_id=fact.pk, entity_id=entity.pk if entity else None,
        characteristic=characteristic, status=status,
    ), actor)
    return fact


def latest_facts(*, child: Child | None = None, entity: Entity | None = None) -> list[RecordedFact]:
    """The latest fact each agency recorded about this child or adult (one query)."""
    rows = RecordedFact.objects.filter(child=child) if child is not None else RecordedFact.objects.filter(entity=entity)
    latest: dict[tuple[int, str], RecordedFact] = {}
    for fact in rows.select_related("agency", "created_by").order_by("created_at", "pk"):
        latest[(fact.agency_id, fact.characteristic)] = fact
    return sorted(latest.values(), key=lambda f: f.created_at, reverse=True)
