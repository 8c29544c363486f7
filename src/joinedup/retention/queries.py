"""Named reads: each child's retention position (record type, rule, last contact, due date, hold), what is
due at a given time, holds in force and proposals awaiting approval."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict

from django.db.models import Exists, OuterRef, Q, Subquery
from django.utils import timezone

from joinedup.records.models import Child, ConcernChild
from joinedup.retention import contact, rules
from joinedup.retention.models import Classification, LegalHold, Proposal, ProposalStatus


@dataclasses.dataclass(frozen=True)
class Position:
    """Where one child's record stands for retention."""

    child_id: int
    record_type: str
    rule: rules.Rule
    last_contact: dt.datetime | None
    due_on: dt.date | None
    held: bool
    shared_concerns: int = 0  # concerns that also name another child (disposal would take theirs)
    proposal: Proposal | None = None

    @property
    def reference(self) -> str:
        return f"C-{self.child_id:05d}"

    def is_due(self, as_of: dt.datetime) -> bool:
        return self.due_on is not None and self.due_on <= local_date(as_of)

    @property
    def blocked(self) -> str:
        if self.held:
            return "legal hold"
        if self.shared_concerns:
            return f"{self.shared_concerns} concern(s) also name another child"
        return ""


def local_date(moment: dt.datetime) -> dt.date:
    return timezone.localtime(moment).date()


def held_child_ids(child_ids=None) -> set[int]:
    rows = LegalHold.objects.filter(lifted_at__isnull=True)
    if child_ids is not None:
        rows = rows.filter(child_id__in=child_ids)
    return set(rows.values_list("child_id", flat=True))


def latest_classifications(child_ids) -> dict[int, Classification]:
    newest = Classification.objects.filter(child=OuterRef("child")).order_by("-id").values("id")[:1]
    rows = Classification.objects.filter(child_id__in=child_ids).filter(id=Subquery(newest))
    return {row.child_id: row for row in rows}


def _facts(classification: Classification | None, last: dt.datetime | None) -> rules.Facts:
    return rules.Facts(
        last_contact=local_date(last) if last else None,
        date_of_birth=classification.date_of_birth if classification else None,
        date_of_death=classification.date_of_death if classification else None,
        event_date=classification.event_date if classification else None,
        subject_date_of_birth=classification.subject_date_of_birth if classification else None,
    )


def shared_concern_counts(child_ids) -> dict[int, int]:
    """For each child, how many concerns naming them also name another child."""
    concerns = ConcernChild.objects.filter(child_id__in=child_ids).values("version__concern_id")
    pairs = set(ConcernChild.objects.filter(version__concern_id__in=concerns)
                .values_list("version__concern_id", "child_id").distinct())
    children_of: dict[int, set[int]] = defaultdict(set)
    for concern_id, child_id in pairs:
        children_of[concern_id].add(child_id)
    counts: dict[int, int] = defaultdict(int)
    for named in children_of.values():
        if len(named) > 1:
            for child_id in named:
                counts[child_id] += 1
    return counts


def _positions(children, with_proposals: bool = True) -> list[Position]:
    children = list(children)
    ids = [child.pk for child in children]
    classified = latest_classifications(ids)
    held = held_child_ids(ids)
    shared = shared_concern_counts(ids)
    awaiting = {}
    if with_proposals:
        awaiting = {p.child_id_number: p for p in Proposal.objects.filter(child_id_number__in=ids, status=ProposalStatus.AWAITING)}
    out = []
    for child in children:
        classification = classified.get(child.pk)
        record_type = classification.record_type if classification else rules.DEFAULT_TYPE
        rule = rules.rule_for(record_type)
        last = contact.last_contact(child)
        out.append(Position(child.pk, record_type, rule, last, rules.due_on(rule, _facts(classification, last)),
                            child.pk in held, shared.get(child.pk, 0), awaiting.get(child.pk)))
    return out


def position_of(child_id: int) -> Position | None:
    children = contact.with_last_contact(Child.objects.filter(pk=child_id, merged_into__isnull=True))
    found = _positions(children)
    return found[0] if found else None


def due(as_of: dt.datetime) -> list[Position]:
    """Every child's record due for disposal at `as_of` (held ones included, marked held), oldest due first.

    The database narrows the search: a child never classified is a candidate only if its last contact is
    at least the default rule's years before `as_of`; classified children (few) are all worked out."""
    default = rules.rule_for(rules.DEFAULT_TYPE)
    children = contact.with_last_contact(Child.objects.filter(merged_into__isnull=True))
    classified = Exists(Classification.objects.filter(child=OuterRef("pk")))
    if default.basis == "last_contact":
        cutoff = rules.add_years(local_date(as_of), -default.years) + dt.timedelta(days=1)
        cutoff_at = timezone.make_aware(dt.datetime.combine(cutoff, dt.time.min))
        # Cheap first: a child whose last contact is before the cutoff had a concern received before it
        # (an index range on received_at), or has no concern at all (then casework alone is contact).
        old = ConcernChild.objects.filter(version__concern__received_at__lt=cutoff_at).values("child_id")
        no_concern = ~Exists(ConcernChild.objects.filter(child=OuterRef("pk")))
        children = children.filter(Q(classified) | Q(pk__in=old) | no_concern).filter(
            Q(classified) | Q(last_contact_or_never__gt=contact.NEVER, last_contact_or_never__lt=cutoff_at))
    rows = [p for p in _positions(children.order_by("pk")) if p.is_due(as_of)]
    return sorted(rows, key=lambda p: (p.due_on, p.child_id))


def holds_in_force():
    return LegalHold.objects.filter(lifted_at__isnull=True).select_related("created_by").order_by("child_id", "id")


def awaiting_proposals():
    return Proposal.objects.filter(status=ProposalStatus.AWAITING).select_related("created_by").order_by("due_on", "id")


def recent_decisions(limit: int = 20):
    return (Proposal.objects.exclude(status=ProposalStatus.AWAITING).select_related("created_by", "decided_by")
            .order_by("-decided_at", "-id")[:limit])
