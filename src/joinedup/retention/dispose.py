"""Erasing a child's record across every app, generically.

What belongs to the record is found by following foreign keys backwards from the child (and the child
records merged into it) and from the concerns that name the child: every row of any installed model
that points at a row being erased is erased too, and so on until nothing new is found. No app has to be
imported or remember to register; a new table that points at a child, a concern, or anything hanging
from them, is covered the day it is added. Two kinds of table are not followed:

- KEPT: the audit log (the record of who saw and did what, kept under its own rule and hash-chained:
  see docs/decisions/0011) and retention's own proposals and tombstones;
- rows a removed row pointed *at* are left alone, except ORPHANS: a row of such a model that only
  existed because of the removed rows (e.g. an identity entity made from a mention in the child's
  concerns, now linked from nothing) is erased too.

Some rows name a record by kind and id without a foreign key (language checks name the concern,
decision, action or sign-off whose text was checked): LOOSE lists them, as data, and they go too.

Concerns that also name another child are not erased with this one (disposal refuses; see services).
Chained rows (concern versions) are deleted with their hashes kept in the tombstone (chainrows.py).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.apps import apps
from django.db import connections, models

from joinedup.integrity import chain

KEPT = {"core.AuditEvent", "retention.Proposal", "retention.Tombstone", "retention.DisposedChainRow"}
ORPHANS = {"identity.Entity"}
# (model, {field: value}, id field, model the id is of): rows that name a record without a foreign key.
LOOSE: list[tuple[str, dict, str, str]] = [
    ("language.LanguageCheck", {"kind": "concern"}, "record_id", "records.Concern"),
    ("language.LanguageCheck", {"kind": "withdrawal"}, "record_id", "records.Concern"),
    ("language.LanguageCheck", {"kind": "decision"}, "record_id", "casework.Decision"),
    ("language.LanguageCheck", {"kind": "action_note"}, "record_id", "casework.Action"),
    ("language.LanguageCheck", {"kind": "sign_off_note"}, "record_id", "casework.SignOff"),
]
CHUNK = 900


def register_kept(model_label: str) -> None:
    KEPT.add(model_label)


def register_orphan(model_label: str) -> None:
    ORPHANS.add(model_label)


def register_loose(model_label: str, where: dict, id_field: str, target_label: str) -> None:
    reference = (model_label, where, id_field, target_label)
    if reference not in LOOSE:
        LOOSE.append(reference)


def _loose(frontier: dict) -> dict:
    found: dict = defaultdict(set)
    for label, where, id_field, target_label in LOOSE:
        try:
            model, target = apps.get_model(label), apps.get_model(target_label)
        except LookupError:
            continue
        pks = frontier.get(target)
        for chunk in _chunks(pks or ()):
            found[model] |= set(model._base_manager.filter(**where, **{f"{id_field}__in": chunk}).values_list("pk", flat=True))
    return found


def _chunks(values: Iterable, size: int = CHUNK):
    values = list(values)
    for i in range(0, len(values), size):
        yield values[i:i + size]


def _foreign_keys() -> list[tuple[type[models.Model], models.Field]]:
    out = []
    for model in apps.get_models(include_auto_created=True):
        if model._meta.label in KEPT or model._meta.proxy or not model._meta.managed:
            continue
        for field in model._meta.concrete_fields:
            if field.is_relation and (field.many_to_one or field.one_to_one):
                out.append((model, field))
    return out


def _referencing(model, field, pks: set) -> set:
    found: set = set()
    for chunk in _chunks(pks):
        found |= set(model._base_manager.filter(**{f"{field.attname}__in": chunk}).values_list("pk", flat=True))
    return found


def collect(child_ids: set[int], concern_ids: set[int]) -> dict[type[models.Model], set]:
    """Every row that belongs to the record: {model: primary keys}."""
    child_model, concern_model = apps.get_model("records.Child"), apps.get_model("records.Concern")
    fks = _foreign_keys()
    collected: dict[type[models.Model], set] = defaultdict(set)
    frontier: dict[type[models.Model], set] = {child_model: set(child_ids), concern_model: set(concern_ids)}
    while frontier:
        for model, pks in frontier.items():
            collected[model] |= pks
        found: dict[type[models.Model], set] = defaultdict(set)
        for model, field in fks:
            pks = frontier.get(field.related_model._meta.concrete_model)
            if pks:
                found[model] |= _referencing(model, field, pks) - collected[model]
        for model, pks in _loose(frontier).items():
            found[model] |= pks - collected[model]
        frontier = {model: pks for model, pks in found.items() if pks}
    return {model: pks for model, pks in collected.items() if pks}


def orphans_left(collected: dict[type[models.Model], set]) -> dict[type[models.Model], set]:
    """Rows of ORPHANS models that removed rows point at and that nothing else will point at."""
    fks = _foreign_keys()
    out: dict[type[models.Model], set] = {}
    for label in ORPHANS:
        try:
            target = apps.get_model(label)
        except LookupError:
            continue
        candidates: set = set()
        for model, field in fks:
            if field.related_model._meta.concrete_model is target and collected.get(model):
                for chunk in _chunks(collected[model]):
                    candidates |= set(model._base_manager.filter(pk__in=chunk).exclude(**{f"{field.attname}": None})
                                      .values_list(field.attname, flat=True))
        candidates -= collected.get(target, set())
        for model, field in fks + _kept_foreign_keys():
            if field.related_model._meta.concrete_model is not target or not candidates:
                continue
            for chunk in _chunks(candidates):
                rows = model._base_manager.filter(**{f"{field.attname}__in": chunk})
                if collected.get(model):
                    rows = rows.exclude(pk__in=collected[model])
                candidates -= set(rows.values_list(field.attname, flat=True))
        if candidates:
            out[target] = candidates
    return out


def _kept_foreign_keys():
    out = []
    for label in KEPT:
        model = apps.get_model(label)
        out += [(model, f) for f in model._meta.concrete_fields if f.is_relation and f.many_to_one]
    return out


def chained_rows(collected: dict[type[models.Model], set]) -> list[tuple[str, int, str, str]]:
    """(table, id, prev_hash, row_hash) of the hash-chained rows among `collected`, in table and id order."""
    out = []
    for model, pks in collected.items():
        table = model._meta.db_table
        if table not in chain.CHAINS:
            continue
        for chunk in _chunks(sorted(pks)):
            out += [(table, *row) for row in model._base_manager.filter(pk__in=chunk).order_by("pk")
                    .values_list("pk", "prev_hash", "row_hash")]
    return sorted(out)


def erase(collected: dict[type[models.Model], set], using: str) -> dict[str, int]:
    """Delete the rows (inside the caller's transaction: foreign keys are checked at commit). Rows removed
    per table."""
    counts: dict[str, int] = {}
    connection = connections[using]
    for model, pks in collected.items():
        table, pk = connection.ops.quote_name(model._meta.db_table), connection.ops.quote_name(model._meta.pk.column)
        done = 0
        with connection.cursor() as cursor:
            for chunk in _chunks(sorted(pks)):
                # Plain DELETE: the rows are already collected (no cascade to follow, no signals to send).
                cursor.execute(f"DELETE FROM {table} WHERE {pk} IN ({', '.join(['%s'] * len(chunk))})", list(chunk))
                done += cursor.rowcount
        counts[model._meta.db_table] = counts.get(model._meta.db_table, 0) + done
    return dict(sorted(counts.items()))
