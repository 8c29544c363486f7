"""Last contact: the latest recorded activity for a child, worked out by the database.

Last contact is the latest of:
- a concern naming the child received (`Concern.received_at`) or corrected (a version's `created_at`);
- a decision recorded on one of those concerns;
- an action for the child, or on one of their concerns, opened or closed;
- the child's case opened or closed;
- a goal or review written in the child's plan.

Sources are data (model label, the lookup from that model to the child, the date column), read through
the app registry, so retention imports no other app; another app may add one with `register_source`.
Reads of the record (audit events) are not contact: looking at a record does not extend its life.
"""

from __future__ import annotations

import datetime as dt

from django.apps import apps
from django.db.models import DateTimeField, Max, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce, Greatest

SOURCES: list[tuple[str, str, str]] = [
    ("records.ConcernChild", "child", "version__concern__received_at"),
    ("records.ConcernChild", "child", "version__created_at"),
    ("casework.Decision", "concern__versions__children__child", "created_at"),
    ("casework.Action", "child", "created_at"),
    ("casework.Action", "child", "closed_at"),
    ("casework.Action", "concern__versions__children__child", "closed_at"),
    ("casework.Case", "child", "created_at"),
    ("casework.Case", "child", "closed_at"),
    ("outcomes.Goal", "child", "created_at"),
    ("outcomes.Review", "child", "created_at"),
]

# Stands for "no activity" inside the query (NULLs would make GREATEST null on SQLite).
NEVER = dt.datetime(1900, 1, 1, tzinfo=dt.UTC)


def register_source(model_label: str, child_lookup: str, date_field: str) -> None:
    source = (model_label, child_lookup, date_field)
    if source not in SOURCES:
        SOURCES.append(source)


def _latest(model_label: str, child_lookup: str, date_field: str) -> Coalesce:
    model = apps.get_model(model_label)
    latest = (model._default_manager.filter(**{child_lookup: OuterRef("pk")}).order_by()
              .values(child_lookup).annotate(latest=Max(date_field)).values("latest")[:1])
    return Coalesce(Subquery(latest, output_field=DateTimeField()), Value(NEVER, output_field=DateTimeField()))


def with_last_contact(children: QuerySet) -> QuerySet:
    """`children` annotated with `last_contact_or_never` (NEVER when nothing is recorded: read it through
    `last_contact`)."""
    latest = [_latest(*source) for source in SOURCES]
    value = latest[0] if len(latest) == 1 else Greatest(*latest, output_field=DateTimeField())
    return children.annotate(last_contact_or_never=value)


def last_contact(child) -> dt.datetime | None:
    value = getattr(child, "last_contact_or_never", None)
    if value is None:
        return None
    if isinstance(value, str):  # SQLite may hand back text for an expression
        value = dt.datetime.fromisoformat(value)
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return None if value <= NEVER else value


def of(child_id: int) -> dt.datetime | None:
    """The last contact of one child."""
    child_model = apps.get_model("records.Child")
    child = with_last_contact(child_model.objects.filter(pk=child_id)).first()
    return last_contact(child) if child is not None else None
