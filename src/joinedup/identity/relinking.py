"""The full relink: every person mention re-linked with the Splink model in one pass (DuckDB by default),
entities updated to match its clusters, human judgements kept, and alerts re-evaluated.

- A link a person confirmed stays as it is.
- A mention is never put back into an entity a person rejected for it.
- Every change is recorded (the link's method becomes "relink", with its score), and an audit event
  counts what moved.
"""

from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict
from typing import ClassVar

from django.db import transaction

from joinedup.core import audit, clock
from joinedup.identity.linkage import person_record, relink
from joinedup.identity.models import Judgement, LinkKind, MentionLink
from joinedup.identity.resolve import mention_data


@dataclasses.dataclass
class RelinkReport:
    mentions: int = 0
    clusters: int = 0
    moved: int = 0
    kept_by_judgement: int = 0
    new_entities: int = 0
    alerts_before: int = 0
    alerts_after: int = 0


@dataclasses.dataclass(frozen=True)
class PeopleRelinked(audit.AuditEventData):
    """A full relink of people ran (counts of mentions and links moved)."""

    name: ClassVar[str] = "people_relinked"
    mentions: int = 0
    moved: int = 0
    kept_by_judgement: int = 0


def person_links():
    return (
        MentionLink.objects.filter(kind=LinkKind.LINKED, mention__kind="person")
        .exclude(method="phone_of_person")
        .select_related("mention__version__concern")
    )


def relink_people(threshold: float = 0.95, progress=None) -> RelinkReport:
    from joinedup.identity.models import Alert

    report = RelinkReport(alerts_before=Alert.objects.count())
    links = list(person_links())
    report.mentions = len(links)
    if not links:
        return report
    records = [person_record(str(link.mention_id), mention_data(link.mention), link.mention.version.concern.received_at) for link in links]
    result = relink(records, threshold=threshold, progress=progress)
    clusters = defaultdict(list)
    for link in links:
        clusters[result.clusters.get(str(link.mention_id), f"solo-{link.mention_id}")].append(link)
    report.clusters = len(clusters)
    rejected = set(
        MentionLink.objects.filter(judgement=Judgement.REJECTED).values_list("mention_id", "entity_id")
    )
    now = clock.now()
    with transaction.atomic():
        for members in clusters.values():
            _settle_cluster(members, rejected, now, report)
        audit.record(PeopleRelinked(mentions=report.mentions, moved=report.moved, kept_by_judgement=report.kept_by_judgement))
    _reevaluate_alerts()
    report.alerts_after = Alert.objects.count()
    return report


def _settle_cluster(members: list[MentionLink], rejected: set, now, report: RelinkReport) -> None:
    confirmed = [link for link in members if link.judgement == Judgement.CONFIRMED]
    if confirmed:
        target = Counter(link.entity_id for link in confirmed).most_common(1)[0][0]
    else:
        target = Counter(link.entity_id for link in members).most_common(1)[0][0]
    for link in members:
        if link.entity_id == target:
            continue
        if link.judgement == Judgement.CONFIRMED:
            report.kept_by_judgement += 1
            continue
        if (link.mention_id, target) in rejected:
            report.kept_by_judgement += 1
            continue
        # Entities left with no linked mention stay (nothing is deleted); they simply link nothing now.
        possible = MentionLink.objects.filter(mention_id=link.mention_id, entity_id=target, kind=LinkKind.POSSIBLE)
        if possible.exists():
            # It was offered as a possible match before: that row becomes the link, the old link a possibility.
            MentionLink.objects.filter(pk=link.pk).update(kind=LinkKind.POSSIBLE)
            possible.update(kind=LinkKind.LINKED, method="relink", created_at=now)
        else:
            MentionLink.objects.filter(pk=link.pk).update(entity_id=target, method="relink", created_at=now)
        report.moved += 1


def _reevaluate_alerts() -> None:
    """Re-run alert rules over the relinked graph (new alerts are raised now, on the wall clock)."""
    from joinedup.identity.linking import LinkState

    state = LinkState(full=True)
    now = clock.now()
    with transaction.atomic():
        for entity_id, edges in list(state.graph.items()):
            if len(edges) >= 2:
                state.alerts.entity_grew(entity_id, edges, state.concerns_of[entity_id], now)
