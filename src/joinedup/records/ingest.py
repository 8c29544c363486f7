"""Storing interchange records: the one write path for concerns from forms, the API and imports.

`Ingester.ingest(records)` stores a batch in one transaction: new concerns, new versions of changed
ones (re-sending identical content is a no-op, also when it matches an older version), the children
each names (matched to the children JoinedUp knows), their mentions, possible matches for review, and
the audit events. If a concurrent writer stored the same record first, the batch is rolled back and
tried again against what is now stored, so nothing is duplicated and nothing is lost.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.db.models import Case, F, IntegerField, Min, Q, When
from django.db.models.functions import ExtractYear

from joinedup.core import audit, bulk, clock, workingdays
from joinedup.core.models import Agency
from joinedup.integrity import chain
from joinedup.records import vocabulary
from joinedup.records.interchange import ConcernRecord, RecordError
from joinedup.records.matching import ChildIndex, Description, Outcome, Score
from joinedup.records.models import (
    Child,
    ChildLinkEvent,
    Concern,
    ConcernChild,
    ConcernVersion,
    LinkEventKind,
    MatchCandidate,
    Mention,
    reference_for,
)
from joinedup.records.names import fold


@dataclasses.dataclass(frozen=True)
class Arrival:
    """A concern (or a new version of one) just stored, as other apps' arrival hooks see it."""

    concern_id: int
    version_id: int
    outcome: str  # "created" or "version"
    received_at: dt.datetime
    child_ids: tuple[int, ...]
    categories: tuple[str, ...]
    indicators: tuple[str, ...]
    actor: object = None
    mentions: tuple[Mention, ...] = ()  # the version's mentions as stored (with ids), by position


_ARRIVAL_HOOKS: list[Callable[[list[Arrival], dict], None]] = []


def register_arrival_hook(hook: Callable[[list[Arrival], dict], None]) -> None:
    """Run `hook(arrivals, context)` inside the transaction that stores each batch. `context` is a dict
    that lives as long as the Ingester (a whole bulk import), for a hook's own caches; it is emptied if a
    batch is rolled back. `context["bulk"]` says whether this is a bulk import, `context["replay"]`
    whether each arrival must run on its own record's clock, and `context["batch"]` is a dict for this
    batch only, for what several hooks read about the same arrivals."""
    if hook not in _ARRIVAL_HOOKS:
        _ARRIVAL_HOOKS.append(hook)


@dataclasses.dataclass
class IngestResult:
    outcome: str  # "created", "version" or "unchanged"
    concern_id: int
    version: int
    child_ids: list[int]

    @property
    def reference(self) -> str:
        return reference_for(self.concern_id)


def _codes(values: Iterable[str]) -> str:
    values = list(values)
    return f" {' '.join(values)} " if values else ""


_INDEX_FIELDS = (
    "child_id", "agency_id", "ref", "nhs_number", "upn", "la_id", "given_name", "family_key", "given_key",
    "dob", "approx_age", "sex", "postcode_key", "address", "school", "version__concern__received_at",
)


def _row_description(agency_id, ref, nhs, upn, la_id, given, family_k, given_k, dob, birth_year, sex, pc, address,
                     school) -> Description:
    """A stored description row as the matcher reads it (one place, for both readers below)."""
    return Description(
        agency_id=agency_id, ref=ref, nhs_number=nhs, upn=upn, la_id=la_id, given=fold(given),
        family=family_k, dob=dob, birth_year=birth_year, sex=sex if sex in ("female", "male") else "",
        postcode=pc, address=fold(address), school=fold(school), given_k=given_k, family_k=family_k,
    )


def stored_descriptions(rows) -> Iterator[tuple[int, Description]]:
    """(child id, Description) of stored child descriptions: `rows` is a ConcernChild queryset."""
    for (child_id, agency_id, ref, nhs, upn, la_id, given, family_k, given_k, dob, approx_age, sex, pc,
         address, school, received_at) in rows.values_list(*_INDEX_FIELDS).iterator(chunk_size=5000):
        birth_year = received_at.year - approx_age if dob is None and approx_age is not None else None
        yield child_id, _row_description(agency_id, ref, nhs, upn, la_id, given, family_k, given_k, dob, birth_year,
                                         sex, pc, address, school)


def _distinct_descriptions(rows) -> Iterator[tuple[int, Description]]:
    """As `stored_descriptions`, but each child's identical descriptions once (in the order each was
    first written): a child the agencies wrote about 300 times the same way is 300 rows, but one
    description to match against. The birth year from an approximate age is worked out in SQL."""
    fields = [f for f in _INDEX_FIELDS if f not in ("version__concern__received_at", "approx_age")]
    birth_year = Case(
        When(dob__isnull=True, approx_age__isnull=False,
             then=ExtractYear("version__concern__received_at", tzinfo=dt.UTC) - F("approx_age")),
        default=None, output_field=IntegerField(),
    )
    grouped = rows.values(*fields).annotate(birth_year=birth_year).values(*fields, "birth_year").annotate(
        first=Min("id")).order_by("first").values_list(*fields, "birth_year")
    for (child_id, agency_id, ref, nhs, upn, la_id, given, family_k, given_k, dob, sex, pc, address, school,
         year) in grouped:
        yield child_id, _row_description(agency_id, ref, nhs, upn, la_id, given, family_k, given_k, dob, year, sex,
                                         pc, address, school)


def _add_rows(index: ChildIndex, rows) -> None:
    for child_id, description in stored_descriptions(rows):
        index.add(description, child_id)


def load_full_index() -> ChildIndex:
    """Every child description (for bulk imports)."""
    index = ChildIndex()
    _add_rows(index, ConcernChild.objects.order_by("id"))
    return index


def load_index_for(descriptions: list[Description]) -> ChildIndex:
    """Only the stored descriptions that could match these (for a single concern)."""
    query = Q()
    for d in descriptions:
        for field, value in (("nhs_number", d.nhs_number), ("upn", d.upn), ("la_id", d.la_id), ("dob", d.dob)):
            if value:
                query |= Q(**{field: value})
        if d.ref:
            query |= Q(agency_id=d.agency_id, ref=d.ref)
        if d.family_k and d.given_k:
            query |= Q(family_key=d.family_k, given_key=d.given_k)
        if d.postcode and d.family_k:
            query |= Q(postcode_key=d.postcode, family_key=d.family_k)
        if d.postcode and d.given_k:
            query |= Q(postcode_key=d.postcode, given_key=d.given_k)
    index = ChildIndex()
    if query:
        # Every description of every candidate child, so identifier conflicts are seen whole.
        child_ids = set(ConcernChild.objects.filter(query).values_list("child_id", flat=True)[:2000])
        rows = ConcernChild.objects.filter(child_id__in=child_ids)
        for child_id, description in itertools.islice(_distinct_descriptions(rows), 10000):
            index.add(description, child_id)
    return index


class _NewChild:
    """A child created in the batch being stored (hashable by identity until it has a primary key)."""

    __slots__ = ("child",)

    def __init__(self, child: Child) -> None:
        self.child = child

    @property
    def pk(self) -> int | None:
        return self.child.pk


def _child_pk(key) -> int | None:
    return key if isinstance(key, int) else key.pk


class Ingester:
    """Stores batches of validated records. Keep one per import run (it caches agencies and, for bulk
    runs, the child index)."""

    def __init__(
        self, *, channel: str, actor=None, bulk: bool = False, correction_reason: str = "",
        known_children: dict[int, int] | None = None,
    ) -> None:
        """`known_children` maps a child's position in the record to the JoinedUp child the person
        recording picked (after searching); those are linked as picked, not matched."""
        self.known_children = known_children or {}
        self.hook_context: dict = {"bulk": bulk}
        self.channel = channel
        self.actor = actor
        self.bulk = bulk
        self.correction_reason = correction_reason
        self._agencies: dict[str, Agency] = {}
        self._index: ChildIndex | None = None

    # -- public -------------------------------------------------------------------------------------

    def ingest(self, records: list[ConcernRecord], *, replay: bool = False) -> list[IngestResult]:
        """Store `records` (in order) in one transaction; retried if a concurrent writer got there first."""
        for attempt in range(5):
            try:
                with transaction.atomic():
                    if self.bulk:
                        _commit_without_waiting()
                    return self._ingest(records, replay=replay)
            except IntegrityError:
                # Another writer stored one of these records first. Forget what we cached and retry
                # against what is now in the database.
                self._agencies.clear()
                self._index = None
                self.hook_context = {"bulk": self.bulk}
                if attempt == 4:
                    raise
        raise AssertionError("unreachable")

    # -- internals ----------------------------------------------------------------------------------

    def _agency(self, record: ConcernRecord) -> Agency:
        name = record.agency_name
        agency = self._agencies.get(name)
        if agency is None:
            agency = Agency.objects.filter(name=name).first()
            if agency is None:
                agency = Agency.objects.create(name=name, type=record.agency_type, created_at=clock.now())
            self._agencies[name] = agency
        return agency

    def _child_index(self, records: list[ConcernRecord], agencies: list[Agency]) -> ChildIndex:
        if self.bulk:
            if self._index is None:
                self._index = load_full_index()
            return self._index
        descriptions = [
            Description.from_child_data(agency.pk, child, record.received_at)
            for record, agency in zip(records, agencies, strict=True)
            for child in record.data["children"]
        ]
        return load_index_for(descriptions)

    def _ingest(self, records: list[ConcernRecord], *, replay: bool) -> list[IngestResult]:
        agencies = [self._agency(r) for r in records]
        index = self._child_index(records, agencies)
        existing = self._existing(records, agencies)
        batch = _Batch()
        results = []
        for record, agency in zip(records, agencies, strict=True):
            if replay:
                with clock.frozen(record.received_at):
                    results.append(self._one(record, agency, existing, index, batch))
            else:
                results.append(self._one(record, agency, existing, index, batch))
        batch.flush(self.actor, self.channel)
        resolved = [r.resolve() for r in results]
        version_ids = {(v.concern_id, v.number): v.pk for v in batch.versions}
        mentions = defaultdict(list)  # handed to the hooks, so they need not read back what was just written
        for mention in batch.mentions:
            mentions[mention.version_id].append(mention)
        arrivals = []
        for result, record in zip(resolved, records, strict=True):
            if result.outcome != "unchanged":
                version_id = version_ids[(result.concern_id, result.version)]
                arrivals.append(Arrival(
                    concern_id=result.concern_id, version_id=version_id, outcome=result.outcome,
                    received_at=record.received_at, child_ids=tuple(result.child_ids),
                    categories=tuple(record.data.get("categories", [])),
                    indicators=tuple(record.data.get("indicators", [])), actor=self.actor,
                    mentions=tuple(mentions[version_id]),
                ))
        if arrivals:
            self.hook_context["replay"] = replay
            self.hook_context["batch"] = {}
            for hook in _ARRIVAL_HOOKS:
                hook(arrivals, self.hook_context)
        return resolved

    def _existing(self, records, agencies) -> dict[tuple[int, str], _State]:
        keys = {(a.pk, r.source_ref) for r, a in zip(records, agencies, strict=True)}
        query = Q()
        for agency_id in {k[0] for k in keys}:
            query |= Q(agency_id=agency_id, source_ref__in=[k[1] for k in keys if k[0] == agency_id])
        states: dict[tuple[int, str], _State] = {}
        for concern in Concern.objects.filter(query):
            states[(concern.agency_id, concern.source_ref)] = _State(concern)
        if states:
            by_id = {s.concern.pk: s for s in states.values()}
            for concern_id, content_hash, number in ConcernVersion.objects.filter(
                concern_id__in=list(by_id)
            ).values_list("concern_id", "content_hash", "number"):
                state = by_id[concern_id]
                state.hashes[content_hash] = number
                state.last_number = max(state.last_number, number)
        existing = states
        return existing

    def _one(self, record, agency, existing, index, batch) -> _Pending:
        key = (agency.pk, record.source_ref)
        state = existing.get(key)
        now = clock.now()
        if state is not None and record.content_hash in state.hashes:
            return _Pending("unchanged", state, state.hashes[record.content_hash], [])
        if state is None:
            concern = Concern(
                agency=agency,
                source_ref=record.source_ref,
                received_at=record.received_at,
                decision_due_at=workingdays.referral_decision_due(record.received_at),
                created_at=now,
                created_by=self.actor,
            )
            state = existing[key] = _State(concern)
            batch.concerns.append(concern)
            outcome = "created"
        else:
            outcome = "version"
        state.last_number += 1
        state.hashes[record.content_hash] = state.last_number
        version = self._version(record, state, now, outcome)
        batch.versions.append(version)
        batch.pointers.append((state.concern, version))
        children = self._children(record, agency, version, index, batch, now)
        batch.mentions.extend(_mentions(record, version))
        pending = _Pending(outcome, state, state.last_number, children)
        event = audit.ConcernRecorded if outcome == "created" else audit.ConcernCorrected
        batch.audit.append((pending, event, now))
        return pending

    def _version(self, record, state, now, outcome) -> ConcernVersion:
        data = record.data
        reporter = data.get("reporter", {})
        categories = data.get("categories", [])
        indicators = data.get("indicators", [])
        return ConcernVersion(
            concern=state.concern,
            number=state.last_number,
            content_hash=record.content_hash,
            channel=self.channel,
            payload=data,
            reporter_name=reporter.get("name", "")[:200],
            reporter_role=reporter.get("role", "")[:200],
            occurred_at=data.get("occurred_at", "")[:64],
            summary=data["summary"],
            child_words=data.get("child_words", ""),
            category_codes=_codes(categories),
            indicator_codes=_codes(indicators),
            urgency=vocabulary.urgency(categories, indicators),
            correction_reason=self.correction_reason if outcome == "version" else "",
            created_at=now,
            created_by=self.actor,
        )

    def _children(self, record, agency, version, index, batch, now) -> list:
        keys = []
        for position, child in enumerate(record.data["children"]):
            d = Description.from_child_data(agency.pk, child, record.received_at)
            if position in self.known_children:
                picked = self.known_children[position]
                outcome = Outcome(picked, "picked", Score(100.0, [("child", "picked by the person recording", 100.0)], True), [])
            else:
                outcome = index.resolve(d, settings.JOINEDUP_MATCH_AUTO_LINK, settings.JOINEDUP_MATCH_REVIEW)
            key = outcome.child_key
            if key is None:
                key = _NewChild(Child(created_at=now))
                batch.new_children.append(key.child)
            index.add(d, key)
            for other in outcome.merge:
                batch.merges.append((key, other, d, now))
                index.merge(key, other)
            row = _concern_child(child, d, agency, version, position, outcome)
            row.child = key.child if isinstance(key, _NewChild) else None
            if isinstance(key, int):
                row.child_id = key
            batch.descriptions.append(row)
            for candidate_key, candidate_score in outcome.possible:
                batch.candidates.append((row, key, candidate_key, candidate_score, now))
            keys.append(key)
        return keys


def _concern_child(child, d: Description, agency, version, position, outcome: Outcome) -> ConcernChild:
    return ConcernChild(
        version=version,
        agency=agency,
        position=position,
        ref=d.ref,
        nhs_number=d.nhs_number,
        upn=d.upn,
        la_id=d.la_id,
        given_name=child.get("given_name", "")[:200],
        family_name=child.get("family_name", "")[:200],
        other_names=child.get("other_names", []),
        dob=d.dob,
        approx_age=child.get("approx_age"),
        sex=child.get("sex", ""),
        ethnicity=child.get("ethnicity", "")[:200],
        nationality=child.get("nationality", "")[:200],
        address=child.get("address", "")[:500],
        postcode=child.get("postcode", "")[:20],
        school=child.get("school", "")[:200],
        given_key=d.given_k[:200],
        family_key=d.family_k[:200],
        postcode_key=d.postcode[:10],
        link_method=outcome.method,
        link_score=outcome.score.points if outcome.score else None,
    )


_MENTION_TEXT_LIMITS = {f.name: f.max_length for f in Mention._meta.get_fields() if getattr(f, "max_length", None)}


def _mentions(record: ConcernRecord, version: ConcernVersion) -> list[Mention]:
    out = []
    for position, data in enumerate(record.data.get("mentions", [])):
        fields = {}
        for name, value in data.items():
            if name == "dob":
                from datetime import date

                fields["dob"] = date.fromisoformat(value)
            elif name == "approx_age":
                fields["approx_age"] = value
            else:
                limit = _MENTION_TEXT_LIMITS.get(name)
                fields[name] = value[:limit] if limit else value
        out.append(Mention(version=version, position=position, **fields))
    return out


def _commit_without_waiting() -> None:
    """PostgreSQL, bulk imports: this transaction's commit does not wait for its WAL to reach the disk, so
    a batch costs no flush of its own. A kill of the import loses nothing committed (the server has it);
    a crash of the server itself could lose the last moment's batches, so a bulk import ends with
    `wait_for_commits` before it counts anything as stored."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit = off")


def wait_for_commits() -> None:
    """PostgreSQL: return once everything committed so far is on disk. A transaction that has an id
    commits with a WAL flush, which takes every earlier commit's WAL with it."""
    if connection.vendor == "postgresql":
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SELECT pg_current_xact_id()")


def _point_to_versions(concerns: list[Concern]) -> None:
    """Write each concern's current version pointer and urgency: far cheaper than bulk_update's CASE. On
    PostgreSQL one statement over arrays (one round trip, planned once); elsewhere one parameterised
    statement per row, sent together."""
    table = connection.ops.quote_name(Concern._meta.db_table)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                f"UPDATE {table} AS c SET current_version_id = v.version_id, urgency = v.urgency "
                "FROM UNNEST(%s::bigint[], %s::bigint[], %s::smallint[]) AS v(id, version_id, urgency) WHERE c.id = v.id",
                [[c.pk for c in concerns], [c.current_version_id for c in concerns], [c.urgency for c in concerns]],
            )
        else:
            cursor.executemany(
                f"UPDATE {table} SET current_version_id = %s, urgency = %s WHERE id = %s",
                [(c.current_version_id, c.urgency, c.pk) for c in concerns],
            )


def _merge_matched(keep_pk: int, other_pk: int, d: Description, actor) -> None:
    """One description matched two child records confidently: they are the same child. Merge them the
    way a person would (recorded, reversible), saying why."""
    while True:  # follow earlier merges in the same batch
        target = Child.objects.filter(pk=keep_pk).values_list("merged_into_id", flat=True).first()
        if target is None:
            break
        keep_pk = target
    if keep_pk == other_pk or Child.objects.filter(pk=other_pk, merged_into__isnull=False).exists():
        return
    moved = list(ConcernChild.objects.filter(child_id=other_pk).order_by("pk").values_list("pk", flat=True))
    ConcernChild.objects.filter(pk__in=moved).update(child_id=keep_pk)
    Child.objects.filter(pk=other_pk).update(merged_into_id=keep_pk)
    known = ", ".join(f for f, v in (("NHS number", d.nhs_number), ("pupil number", d.upn),
                                     ("local-authority id", d.la_id), ("agency reference", d.ref)) if v)
    reason = "automatic: a new description matched both records" + (f" ({known})" if known else "")
    event = ChildLinkEvent.objects.create(
        kind=LinkEventKind.MERGE, from_child_id=other_pk, to_child_id=keep_pk, moved=moved, reason=reason,
        created_by=actor, created_at=clock.now(),
    )
    audit.record(audit.ChildrenMerged(child_id=keep_pk, merged_child_id=other_pk, link_event_id=event.pk, reason=reason), actor)


class _State:
    def __init__(self, concern: Concern) -> None:
        self.concern = concern
        self.hashes: dict[str, int] = {}
        self.last_number = 0


@dataclasses.dataclass
class _Pending:
    outcome: str
    state: _State
    version: int
    child_keys: list

    def resolve(self) -> IngestResult:
        return IngestResult(
            self.outcome, self.state.concern.pk, self.version, [_child_pk(k) for k in self.child_keys]
        )


@dataclasses.dataclass
class _Batch:
    concerns: list = dataclasses.field(default_factory=list)
    versions: list = dataclasses.field(default_factory=list)
    pointers: list = dataclasses.field(default_factory=list)
    new_children: list = dataclasses.field(default_factory=list)
    descriptions: list = dataclasses.field(default_factory=list)
    candidates: list = dataclasses.field(default_factory=list)
    mentions: list = dataclasses.field(default_factory=list)
    audit: list = dataclasses.field(default_factory=list)
    merges: list = dataclasses.field(default_factory=list)

    def flush(self, actor, channel: str) -> None:
        bulk.insert_rows_returning(Concern, self.concerns)
        bulk.insert_rows_returning(Child, self.new_children)
        for version in self.versions:
            version.concern_id = version.concern.pk
        chain.chain_rows(ConcernVersion, self.versions)  # the hash chain (takes the chain lock until commit)
        bulk.insert_rows_returning(ConcernVersion, self.versions)
        newest: dict[int, Concern] = {}
        for concern, version in self.pointers:  # in order, so the last version of a concern wins
            concern.current_version_id = version.pk
            concern.urgency = version.urgency
            newest[id(concern)] = concern
        _point_to_versions(list(newest.values()))
        for row in self.descriptions:
            row.version_id = row.version.pk
            if row.child is not None:
                row.child_id = row.child.pk
        bulk.insert_rows_returning(ConcernChild, self.descriptions)
        MatchCandidate.objects.bulk_create(
            [
                MatchCandidate(
                    description=row, child_id=_child_pk(key), candidate_id=_child_pk(other),
                    score=s.points, explanation=s.as_json(), created_at=now,
                )
                for row, key, other, s, now in self.candidates
            ]
        )
        for mention in self.mentions:
            mention.version_id = mention.version.pk
        bulk.insert_rows_returning(Mention, self.mentions)
        for keep, other, description, now in self.merges:
            with clock.frozen(now):  # on the record's clock during a replay, like everything it caused
                _merge_matched(_child_pk(keep), _child_pk(other), description, actor)
        events = []
        for pending, event_class, now in self.audit:
            concern = pending.state.concern
            for key in pending.child_keys or [None]:
                events.append(
                    (
                        event_class(
                            child_id=_child_pk(key) if key is not None else None,
                            concern_id=concern.pk,
                            reference=concern.reference,
                            channel=channel,
                            **({"version": pending.version} if event_class is audit.ConcernCorrected else {}),
                        ),
                        actor,
                        now,
                    )
                )
        audit.record_many(events)


__all__ = ["IngestResult", "Ingester", "RecordError", "load_full_index", "load_index_for", "wait_for_commits"]
