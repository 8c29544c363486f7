"""The audit log and concern versions are hash chains; `joinedup verify` finds the first altered row."""

import datetime as dt
import io

import pytest
from django.core.management import CommandError, call_command

from joinedup.core.models import AuditEvent
from joinedup.integrity import chain
from joinedup.integrity.verify import verify_all, verify_model
from joinedup.records.models import ConcernVersion
from tests.integrity.helpers import raw, record_events

pytestmark = pytest.mark.django_db


def _verify() -> tuple[int, str]:
    out = io.StringIO()
    try:
        call_command("verify", "--no-progress", stdout=out)
    except CommandError as exc:
        return 1, out.getvalue() + str(exc)
    return 0, out.getvalue()


def test_every_column_of_a_chained_table_is_hashed_or_deliberately_left_out():
    for model in chain.chained_models():
        columns = {f.attname for f in model._meta.concrete_fields}
        assert columns == set(chain.CHAINS[model._meta.db_table]) | set(chain.NOT_HASHED), model


def test_the_canonical_form_is_fixed():
    when = dt.datetime(2024, 5, 1, 10, 30, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    values = [when, when, None, "Ann Example", "child_searched", None, "", "", "", {"b": [1.0, 2.5], "a": "é"}]
    assert chain.canonical("core_auditevent", values) == (
        b'{"actor_id":null,"actor_label":"Ann Example","at":"2024-05-01T09:30:00.000000Z","child_id":null,'
        b'"detail":{"a":"\\u00e9","b":[1,2.5]},"event":"child_searched","object_id":"","object_type":"",'
        b'"reason":"","recorded_at":"2024-05-01T09:30:00.000000Z"}'
    )
    assert chain.row_hash("core_auditevent", chain.GENESIS, values) != chain.row_hash("core_auditevent", "1" * 64, values)


@pytest.mark.parametrize(
    ("written", "read_back"),
    [
        ({"b": [1.0, 2.5], "a": "x"}, {"a": "x", "b": [1, 2.5]}),  # jsonb: keys reordered, 1.0 may come back as 1
        ({"n": 1e20, "t": (1, 2)}, {"n": 100000000000000000000, "t": [1, 2]}),
        ({"s": "version 2.0, e+mail"}, {"s": "version 2.0, e+mail"}),
    ],
)
def test_json_hashes_the_same_however_the_database_returns_it(written, read_back):
    def values(detail):
        return [dt.datetime(2024, 5, 1, tzinfo=dt.UTC)] * 2 + [None, "system", "x", None, "", "", "", detail]

    assert chain.canonical("core_auditevent", values(written)) == chain.canonical("core_auditevent", values(read_back))


def test_a_clean_chain_verifies(submit):
    record_events(3)
    submit(source_ref="CHAIN-1")
    submit(source_ref="CHAIN-2")
    submit(source_ref="CHAIN-1", summary="A corrected summary for the chain test.")
    reports = verify_all()
    assert [r.ok for r in reports] == [True, True]
    assert reports[1].rows == ConcernVersion.objects.count() == 3
    assert reports[0].rows == AuditEvent.objects.count() >= 6
    code, out = _verify()
    assert code == 0, out
    assert "core_auditevent" in out and "records_concernversion" in out and "chain intact" in out


def test_each_row_carries_the_hash_of_the_one_before():
    ids = record_events(3)
    rows = list(AuditEvent.objects.filter(pk__in=ids).order_by("id"))
    assert rows[0].prev_hash == chain.GENESIS
    assert rows[1].prev_hash == rows[0].row_hash and rows[2].prev_hash == rows[1].row_hash
    assert len({r.row_hash for r in rows}) == 3


def test_an_edited_audit_detail_is_caught_at_that_row():
    ids = record_events(4)
    raw("UPDATE core_auditevent SET detail = %s WHERE id = %s", ['{"query": "someone else", "results": 1}', ids[2]])
    report = verify_model(AuditEvent)
    assert report.broken.row_id == ids[2] and report.broken.problem == "content"
    code, out = _verify()
    assert code == 1 and f"core_auditevent id {ids[2]}" in out


def test_an_edited_concern_payload_is_caught_at_that_version(submit):
    results = [submit(source_ref=f"EDIT-{i}") for i in range(3)]
    version = ConcernVersion.objects.get(concern_id=results[1].concern_id)
    raw("UPDATE records_concernversion SET summary = %s WHERE id = %s", ["Nothing happened.", version.pk])
    report = verify_model(ConcernVersion)
    assert (report.broken.row_id, report.broken.problem) == (version.pk, "content")
    assert report.broken.found == version.row_hash and report.broken.expected != version.row_hash
    code, out = _verify()
    assert code == 1 and f"records_concernversion id {version.pk}" in out


def test_an_edited_payload_json_is_caught(submit):
    results = [submit(source_ref=f"JSON-{i}") for i in range(2)]
    version = ConcernVersion.objects.get(concern_id=results[0].concern_id)
    payload = dict(version.payload, summary="Altered behind the application's back.")
    import json

    raw("UPDATE records_concernversion SET payload = %s WHERE id = %s", [json.dumps(payload), version.pk])
    assert verify_model(ConcernVersion).broken.row_id == version.pk


def test_a_deleted_middle_row_is_caught_at_the_row_after_it():
    ids = record_events(5)
    raw("DELETE FROM core_auditevent WHERE id = %s", [ids[2]])
    report = verify_model(AuditEvent)
    assert (report.broken.row_id, report.broken.problem) == (ids[3], "link")
    rows = {r.pk: r for r in AuditEvent.objects.filter(pk__in=ids)}
    assert report.broken.expected == rows[ids[1]].row_hash and report.broken.found == rows[ids[3]].prev_hash


def test_a_deleted_first_row_is_caught():
    ids = record_events(3)
    raw("DELETE FROM core_auditevent WHERE id = %s", [ids[0]])
    report = verify_model(AuditEvent)
    assert (report.broken.row_id, report.broken.problem, report.broken.expected) == (ids[1], "link", chain.GENESIS)


def test_an_inserted_row_without_a_valid_hash_is_caught_at_that_row():
    ids = record_events(3)
    last = AuditEvent.objects.get(pk=ids[-1])
    raw(
        "INSERT INTO core_auditevent (at, recorded_at, actor_label, event, object_type, object_id, reason, detail,"
        " prev_hash, row_hash) VALUES (%s, %s, 'system', 'child_searched', '', '', '', '{}', %s, %s)",
        [last.at, last.recorded_at, last.row_hash, "f" * 64],
    )
    inserted = AuditEvent.objects.order_by("-id").first()
    report = verify_model(AuditEvent)
    assert (report.broken.row_id, report.broken.problem) == (inserted.pk, "content")


def test_a_row_replaced_with_a_correctly_hashed_forgery_is_caught_at_the_next_row():
    """Someone who knows the algorithm deletes an event and inserts their own in its place, with hashes
    that are right for its content and its predecessor: the next event no longer follows it."""
    ids = record_events(4)
    before = AuditEvent.objects.get(pk=ids[0])
    original = AuditEvent.objects.get(pk=ids[1])
    raw("DELETE FROM core_auditevent WHERE id = %s", [ids[1]])
    values = [original.at, original.recorded_at, None, "system", "child_searched", None, "", "", "",
              {"query": "nobody", "results": 0}]
    forged = chain.row_hash("core_auditevent", before.row_hash, values)
    raw(
        "INSERT INTO core_auditevent (id, at, recorded_at, actor_label, event, object_type, object_id, reason,"
        " detail, prev_hash, row_hash) VALUES (%s, %s, %s, 'system', 'child_searched', '', '', '', %s, %s, %s)",
        [ids[1], original.at, original.recorded_at, '{"query": "nobody", "results": 0}', before.row_hash, forged],
    )
    report = verify_model(AuditEvent)
    assert (report.broken.row_id, report.broken.problem) == (ids[2], "link")
    assert report.broken.expected == forged and report.broken.found == original.row_hash


def test_the_migration_chains_existing_rows_in_id_order():
    """The data migration's function, run over rows whose hashes are missing or wrong, gives the chain
    the application would have written."""
    ids = record_events(4)
    expected = list(AuditEvent.objects.filter(pk__in=ids).order_by("id").values_list("prev_hash", "row_hash"))
    for n, row_id in enumerate(ids):
        raw("UPDATE core_auditevent SET prev_hash = %s, row_hash = %s WHERE id = %s", [f"old-{n}", "", row_id])
    assert not verify_model(AuditEvent).ok
    assert chain.chain_existing(AuditEvent, chunk_size=3) == AuditEvent.objects.count()
    assert verify_model(AuditEvent).ok
    assert list(AuditEvent.objects.filter(pk__in=ids).order_by("id").values_list("prev_hash", "row_hash")) == expected
