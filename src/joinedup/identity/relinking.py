"""The full relink: every person mention re-linked with the Splink model in one pass (DuckDB by default),
entities updated to match its clusters, human judgements kept, and alerts re-evaluated.

- A link a person confirmed stays as it is.
- A mention is never put back into an entity a person rejected for it.
- Every change is recorded (the link's method becomes "relink", with its score), and an audit event
  counts what moved.

The same relink can run on Apache Spark, away from the app: `export_people` writes the person records
this module would score to Parquet, `joinedup.identity.spark_relink` clusters them, and `import_relinked`
applies its clusters here, through the same code as the DuckDB relink.
"""

from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict
from pathlib import Path
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
    unscored: int = 0  # mentions the clusters did not cover (arrived after a Parquet export): left as they are


@dataclasses.dataclass(frozen=True)
class PeopleRelinked(audit.AuditEventData):
    """A full relink of people ran (counts of mentions and links moved; the engine that clustered them:
    duckdb, or spark for clusters imported from Parquet)."""

    name: ClassVar[str] = "people_relinked"
    mentions: int = 0
    moved: int = 0
    kept_by_judgement: int = 0
    engine: str = "duckdb"


def person_links():
    return (
        MentionLink.objects.filter(kind=LinkKind.LINKED, mention__kind="person")
        .exclude(method="phone_of_person")
        .select_related("mention__version__concern")
    )


def _records(links) -> list[dict[str, str]]:
    """The linkage record of each person link's mention, its id the mention's id."""
    return [person_record(str(link.mention_id), mention_data(link.mention), link.mention.version.concern.received_at)
            for link in links]


def relink_people(threshold: float = 0.95, progress=None) -> RelinkReport:
    from joinedup.identity.models import Alert

    report = RelinkReport(alerts_before=Alert.objects.count())
    links = list(person_links())
    report.mentions = len(links)
    if not links:
        return report
    result = relink(_records(links), threshold=threshold, progress=progress)
    return _apply(links, result.clusters, report)


def export_people(directory: str | Path) -> int:
    """Write every person mention's linkage record (the records `relink_people` scores) to
    `directory`/records.parquet, for `python -m joinedup.identity.spark_relink`. Returns the count."""
    import pyarrow.parquet as pq

    from joinedup.identity.linkage.records import COLUMNS, to_arrow
    from joinedup.identity.spark_relink import RECORDS

    records = _records(person_links())
    Path(directory).mkdir(parents=True, exist_ok=True)
    pq.write_table(to_arrow(records, ["unique_id", *COLUMNS]), Path(directory) / RECORDS)
    return len(records)


def read_run(directory: str | Path) -> dict:
    """The summary row a Spark relink wrote (engine, threshold, model digest, counts)."""
    import pyarrow.parquet as pq

    from joinedup.identity.spark_relink import RUN

    rows = pq.read_table(Path(directory) / RUN).to_pylist()
    if len(rows) != 1:
        raise ValueError(f"{Path(directory) / RUN} should hold one row, not {len(rows)}")
    return rows[0]


def import_relinked(directory: str | Path) -> RelinkReport:
    """Apply the clusters of a Spark relink (`directory`/clusters.parquet) exactly as `relink_people`
    applies its own: judgements kept, every change recorded, alerts re-evaluated. A mention not in the
    file (it arrived after the export) is left where it is, as a cluster of its own."""
    import pyarrow.parquet as pq

    from joinedup.identity.models import Alert
    from joinedup.identity.spark_relink import CLUSTERS

    read_run(directory)  # a run that did not finish has no summary: refuse it
    table = pq.read_table(Path(directory) / CLUSTERS, columns=["unique_id", "cluster_id"]).to_pydict()
    clusters = dict(zip(table["unique_id"], table["cluster_id"], strict=True))
    report = RelinkReport(alerts_before=Alert.objects.count())
    links = list(person_links())
    report.mentions = len(links)
    if not links:
        return report
    return _apply(links, clusters, report, engine="spark")


def _apply(links: list[MentionLink], found: dict[str, str], report: RelinkReport, engine: str = "duckdb") -> RelinkReport:
    """Move links to follow the clusters `found` ({mention id: cluster id}), keeping judgements."""
    from joinedup.identity.models import Alert

    report.unscored = sum(str(link.mention_id) not in found for link in links)
    clusters = defaultdict(list)
    for link in links:
        clusters[found.get(str(link.mention_id), f"solo-{link.mention_id}")].append(link)
    report.clusters = len(clusters)
    rejected = set(
        MentionLink.objects.filter(judgement=Judgement.REJECTED).values_list("mention_id", "entity_id")
    )
    now = clock.now()
    with transaction.atomic():
        for members in clusters.values():
            _settle_cluster(members, rejected, now, report)
        audit.record(PeopleRelinked(mentions=report.mentions, moved=report.moved, kept_by_judgement=report.kept_by_judgement,
                                    engine=engine))
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
