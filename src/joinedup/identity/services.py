"""Use cases that write entities and links: a person's judgement on a link."""

from __future__ import annotations

import dataclasses
from typing import ClassVar

from django.db import transaction

from joinedup.core import audit, clock
from joinedup.core.roles import Role
from joinedup.identity.models import Entity, Judgement, LinkKind, MentionLink
from joinedup.records.services import RefusedError

JUDGES_LINKS = frozenset({Role.ANALYST, Role.POLICE_OFFICER, Role.FRONT_DOOR})


@dataclasses.dataclass(frozen=True)
class LinkJudged(audit.AuditEventData):
    """A person confirmed or rejected the link between a mention and an entity."""

    name: ClassVar[str] = "link_judged"
    link_id: int = 0
    judgement: str = ""
    reason: str = ""

    def object_ref(self):
        return "mention_link", str(self.link_id)


@transaction.atomic
def judge_link(actor, link: MentionLink, confirm: bool, reason: str) -> MentionLink:
    """Confirm a link (or a possible match, which then becomes the link), or reject it (the mention
    moves to an entity of its own). Either way the judgement sticks through every relink."""
    if actor.role not in JUDGES_LINKS:
        raise RefusedError("Only analysts, police and the front door can judge links.")
    if not reason.strip():
        raise RefusedError("Give a reason for your judgement.")
    link = MentionLink.objects.select_for_update().get(pk=link.pk)
    now = clock.now()
    judgement = Judgement.CONFIRMED if confirm else Judgement.REJECTED
    if confirm and link.kind == LinkKind.POSSIBLE:
        MentionLink.objects.filter(mention_id=link.mention_id, kind=LinkKind.LINKED, method__in=["key", "score", "partial", "new", "relink"]).exclude(
            pk=link.pk
        ).update(kind=LinkKind.POSSIBLE)
        MentionLink.objects.filter(pk=link.pk).update(kind=LinkKind.LINKED)
    if not confirm and link.kind == LinkKind.LINKED:
        own = Entity.objects.create(kind=link.entity.kind, label=link.entity.label, created_at=now)
        MentionLink.objects.filter(pk=link.pk).update(kind=LinkKind.POSSIBLE)
        MentionLink.objects.create(
            mention_id=link.mention_id, entity=own, kind=LinkKind.LINKED, method="judged", score=None,
            explanation=[["judgement", "moved to its own entity after a person rejected a link"]],
            counts=link.counts, created_at=now,
        )
    MentionLink.objects.filter(pk=link.pk).update(judgement=judgement, judged_by=actor, judged_at=now, judgement_reason=reason.strip())
    audit.record(LinkJudged(link_id=link.pk, judgement=judgement, reason=reason), actor)
    link.refresh_from_db()
    return link
