import json

import pytest
from django.core.management import call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from joinedup.core.models import AuditEvent
from joinedup.records.models import Concern, ConcernVersion
from tests.factories import concern_data
from tests.records.helpers import counts, jsonl, run_import

pytestmark = pytest.mark.django_db


def test_it_imports_good_records_and_counts_them():
    report = run_import(jsonl(concern_data(), concern_data("school")))
    assert (report.created, report.versions, report.unchanged, report.rejected) == (2, 0, 0, [])
    assert counts()["concerns"] == 2


def test_reimporting_the_same_file_changes_nothing():
    data = jsonl(concern_data(), concern_data("school"), concern_data("health"))
    run_import(data)
    before = counts()
    audit_before = AuditEvent.objects.count()
    report = run_import(data)
    assert report.unchanged == 3 and report.created == 0 and report.versions == 0
    assert counts() == before
    assert AuditEvent.objects.count() == audit_before


def test_a_changed_record_becomes_a_new_version_and_the_old_one_is_kept():
    original = concern_data(source_ref="NTP-1")
    corrected = {**original, "summary": "Corrected: seen getting into a blue car."}
    run_import(jsonl(original))
    report = run_import(jsonl(corrected))
    assert report.versions == 1
    concern = Concern.objects.get(source_ref="NTP-1")
    versions = list(concern.versions.order_by("number").values_list("number", "summary"))
    assert versions == [(1, original["summary"]), (2, corrected["summary"])]
    assert concern.current_version.number == 2


def test_resending_an_older_version_is_not_a_new_version():
    a = concern_data(source_ref="NTP-2")
    b = {**a, "summary": "Second account."}
    data = jsonl(a, b)
    run_import(data)
    report = run_import(data)
    assert report.unchanged == 2
    assert ConcernVersion.objects.filter(concern__source_ref="NTP-2").count() == 2


def test_a_duplicate_source_ref_with_different_content_in_one_file_is_a_second_version():
    a = concern_data(source_ref="NTP-3")
    b = {**a, "summary": "A different account of the same referral."}
    report = run_import(jsonl(a, b))
    assert (report.created, report.versions) == (1, 1)


BAD_LINES = [
    (b"{not json", "not valid JSON"),
    (b"\xff\xfe\x00garbage", "not valid UTF-8"),
    (json.dumps([1, 2]).encode(), "must be a JSON object"),
    (json.dumps({**concern_data(), "colour": "red"}).encode(), "colour: unknown field"),
    (json.dumps({k: v for k, v in concern_data().items() if k != "summary"}).encode(), "summary: required field is missing"),
    (json.dumps({**concern_data(), "received_at": "2024-03-02T23:40:00"}).encode(), "received_at: needs a UTC offset"),
    (json.dumps({**concern_data(), "children": []}).encode(), "children"),
    (json.dumps({**concern_data(), "children": [{"sex": "female"}]}).encode(), "children[0]: each child needs"),
    (json.dumps({**concern_data(), "children": [{"given_name": "Amy", "dob": "2010-02-30"}]}).encode(), "children[0].dob: not a real date"),
    (json.dumps({**concern_data(), "categories": ["naughtiness"]}).encode(), "categories[0]"),
    (json.dumps({**concern_data(), "summary": 42}).encode(), "summary"),
    (json.dumps({**concern_data(), "mentions": [{"kind": "vehicle", "role": "driver"}]}).encode(), "mentions[0].role"),
    (json.dumps({**concern_data(), "mentions": [{"kind": "vehicle", "role": "seen_with", "colr": "red"}]}).encode(), "mentions[0].colr: unknown field"),
    (json.dumps({**concern_data(), "schema": "joinedup.concern/2"}).encode(), "schema"),
    (json.dumps({**concern_data(), "summary": "x" * (5 * 1024 * 1024)}).encode(), "longer than the limit"),
    (json.dumps({**concern_data(), "received_at": "0001-01-01T00:00:00+14:00"}).encode(), "received_at: must be between"),
    (json.dumps({**concern_data(), "children": [{"ref": "R" * 201}]}).encode(), "children[0].ref: is 201 characters long"),
    (json.dumps({**concern_data(), "children": [{"nhs_number": "9" * 21}]}).encode(), "children[0].nhs_number"),
    (json.dumps({**concern_data(), "agency": {"name": "A" * 201, "type": "police"}}).encode(), "agency.name"),
    (json.dumps({**concern_data(), "summary": "nul \u0000 here"}).encode(), "summary: contains a character"),
    (json.dumps({**concern_data(), "child_words": "lone \ud800"}).encode(), "child_words: contains a character"),
    (json.dumps(concern_data()).replace('"K-1"', "NaN").encode(), "NaN is not allowed"),
]


@pytest.mark.parametrize("line,reason", BAD_LINES, ids=[r for _, r in BAD_LINES])
def test_a_bad_line_is_reported_with_its_number_and_reason_and_the_good_ones_are_kept(line, reason):
    good_before, good_after = concern_data(), concern_data("school")
    report = run_import(jsonl(good_before, line, good_after))
    assert report.created == 2
    assert len(report.rejected) == 1
    number, message = report.rejected[0]
    assert number == 2
    assert reason in message
    assert counts()["concerns"] == 2


def test_blank_lines_are_skipped_and_line_numbers_stay_true():
    report = run_import(jsonl(concern_data()) + b"\n\n" + b"oops\n" + jsonl(concern_data()))
    assert report.created == 2
    assert report.rejected[0][0] == 4


def test_the_command_prints_counts_and_exits_non_zero_when_a_line_was_rejected(tmp_path, capsys):
    path = tmp_path / "in.jsonl"
    path.write_bytes(jsonl(concern_data(), b"{broken", concern_data()))
    with pytest.raises(SystemExit) as exit_info:
        call_command("import", str(path), "--no-progress")
    assert exit_info.value.code == 1
    out, err = capsys.readouterr()
    assert "2 new concerns" in out and "1 rejected" in out
    assert "line 2: not valid JSON" in err


def test_the_command_exits_zero_when_everything_was_imported(tmp_path, capsys):
    path = tmp_path / "in.jsonl"
    path.write_bytes(jsonl(concern_data(), concern_data()))
    call_command("import", str(path), "--no-progress")
    assert "0 rejected" in capsys.readouterr().out
    assert AuditEvent.objects.filter(event="import_run").count() == 1


def test_a_replay_stores_records_in_received_at_order_on_the_records_clock():
    late = concern_data(source_ref="LATE", received_at="2024-05-01T09:00:00+01:00")
    early = concern_data(source_ref="EARLY", received_at="2024-01-10T09:00:00+00:00")
    run_import(jsonl(late, early), replay=True)
    first, second = Concern.objects.order_by("pk")
    assert (first.source_ref, second.source_ref) == ("EARLY", "LATE")
    assert first.created_at.isoformat() == "2024-01-10T09:00:00+00:00"
    events = AuditEvent.objects.filter(event="concern_recorded").order_by("at")
    assert [e.at.isoformat() for e in events] == ["2024-01-10T09:00:00+00:00", "2024-05-01T08:00:00+00:00"]


def test_without_replay_records_are_stamped_with_the_wall_clock():
    run_import(jsonl(concern_data(source_ref="LIVE", received_at="2020-01-01T09:00:00+00:00")))
    concern = Concern.objects.get(source_ref="LIVE")
    assert concern.received_at.year == 2020
    assert concern.created_at.year >= 2026


def test_every_stored_concern_is_whole():
    run_import(jsonl(*[concern_data(agency) for agency in ("police", "school", "health", "youth")]))
    for concern in Concern.objects.all():
        assert concern.current_version is not None
        assert concern.current_version.children.exists()
        assert concern.decision_due_at > concern.received_at


junk = st.one_of(
    st.binary(max_size=200),
    st.text(max_size=200).map(str.encode),
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=20),
        lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
        max_leaves=12,
    ).map(lambda v: json.dumps(v).encode()),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(junk, min_size=1, max_size=5))
def test_junk_never_stops_the_good_records_and_never_half_stores_anything(lines):
    lines = [line.replace(b"\n", b" ").replace(b"\r", b" ") for line in lines]
    good = concern_data()
    before = counts()["concerns"]
    report = run_import(jsonl(good, *lines, concern_data()))
    non_blank = sum(1 for line in lines if line.strip())
    assert report.created + report.unchanged >= 2
    assert report.accepted + len(report.rejected) == 2 + non_blank
    assert counts()["concerns"] == before + report.created
    for concern in Concern.objects.filter(current_version__isnull=True):
        raise AssertionError(f"half-stored concern {concern.pk}")


def test_a_large_import_brings_the_planner_statistics_up_to_date(monkeypatch):
    from django.db import connection

    from joinedup.core import bulk
    from joinedup.records import importer

    calls = []
    real = bulk.refresh_statistics
    monkeypatch.setattr(bulk, "refresh_statistics", lambda: (calls.append(1), real()))
    run_import(jsonl(concern_data(), concern_data("school")))
    assert calls == []  # a small import leaves it to the database's own schedule
    monkeypatch.setattr(importer, "REFRESH_STATISTICS_AFTER", 3)
    run_import(jsonl(concern_data("health"), concern_data("police"), concern_data()))
    assert calls == [1]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT reltuples FROM pg_class WHERE relname = 'records_concern'")
            assert cursor.fetchone()[0] == Concern.objects.count()


def test_arrival_hooks_share_one_dict_per_batch_and_a_fresh_one_each_batch(monkeypatch):
    from joinedup.casework.services import owners_for_arrivals
    from joinedup.records import ingest

    seen = []

    def hook(arrivals, context):
        owners, _ = owners_for_arrivals(arrivals, context)
        seen.append((context["batch"], owners, {c for a in arrivals for c in a.child_ids}))

    monkeypatch.setattr(ingest, "_ARRIVAL_HOOKS", [*ingest._ARRIVAL_HOOKS, hook, hook])
    other = [{"ref": "K-9", "given_name": "Zuzanna", "family_name": "Otherbatchley", "dob": "2012-01-02"}]
    run_import(jsonl(concern_data(), concern_data("school"), concern_data("health", children=other)), batch_size=2)
    (b1, o1, c1), (b2, o2, c2), (b3, o3, c3), (b4, o4, c4) = seen
    assert b1 is b2 and o1 is o2 and c1 == c2  # two hooks, one batch: one read of the children's owners
    assert b3 is b4 and o3 is o4 and b3 is not b1 and o3 is not o1 and c3 != c1  # the next batch: its own
