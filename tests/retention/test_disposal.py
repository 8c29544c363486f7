"""Approved disposal: the record is erased across every app in one transaction, a tombstone with no
personal data is left, the audit log is kept, and `joinedup verify` still passes (and still catches
tampering) across the gap in the concern-version chain."""

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from joinedup.core import clock
from joinedup.core.models import AuditEvent
from joinedup.integrity.verify import verify_all
from joinedup.records.models import Child, Concern, ConcernVersion
from joinedup.retention import services
from joinedup.retention.models import DisposedChainRow, Tombstone
from tests.integrity.helpers import raw
from tests.retention.conftest import LAST_CONTACT, LILY, SECRETS, SUMMARY, WORDS, at

LATER = dt.datetime(2060, 1, 1, tzinfo=dt.UTC)


def _dispose(users, child_id, proposer="audrey", approver="adam"):
    with clock.frozen(LATER):
        proposal = services.propose(getattr(users, proposer), child_id)
        return services.approve(getattr(users, approver), proposal.pk, "Due and checked.")


def _places_holding(texts, skip=("core_auditevent",)):
    """(table, column, text) for every column of every table (Django's or not) holding one of `texts`."""
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            if table in skip:
                continue
            quoted = connection.ops.quote_name(table)
            for column in connection.introspection.get_table_description(cursor, table):
                name = connection.ops.quote_name(column.name)
                for text in texts:
                    cursor.execute(f"SELECT COUNT(*) FROM {quoted} WHERE CAST({name} AS TEXT) LIKE %s", [f"%{text}%"])  # noqa: S608
                    if cursor.fetchone()[0]:
                        found.append((table, column.name, text))
    return found


def _verify_ok():
    reports = verify_all()
    assert [r.broken for r in reports] == [None, None], [r.broken.describe() for r in reports if r.broken]
    return reports


def test_before_disposal_the_scan_finds_the_childs_data(town):
    """The scan below can fail: before disposal it finds Lily everywhere."""
    tables = {table for table, _column, _text in _places_holding(SECRETS + (SUMMARY[:40], WORDS))}
    assert {"records_concernchild", "records_concernversion", "records_mention", "casework_action",
            "dataprotection_subjectaccessrequest", "outcomes_goal", "restrictions_restriction",
            "sharing_sharingdecision", "coredata_recordedfact", "identity_entity"} <= tables


def test_disposal_leaves_nothing_personal_outside_the_audit_log(users, town):
    _dispose(users, town["lily"])
    assert _places_holding(SECRETS + (SUMMARY[:40], WORDS)) == []
    connection.check_constraints()  # nothing left pointing at a removed row (foreign keys)


def test_disposal_leaves_a_tombstone_with_what_who_and_when(users, town):
    versions = list(ConcernVersion.objects.filter(concern_id__in=town["concerns"]).order_by("id")
                    .values_list("id", "prev_hash", "row_hash"))
    tombstone = _dispose(users, town["lily"])
    assert not Child.objects.filter(pk=town["lily"]).exists()
    assert not Concern.objects.filter(pk__in=town["concerns"]).exists()
    assert (tombstone.child_reference, tombstone.record_type, tombstone.last_contact, tombstone.due_on) == (
        f"C-{town['lily']:05d}", "child_protection", LAST_CONTACT, dt.date(2059, 6, 10))
    assert "35 years" in tombstone.rule
    assert (tombstone.proposed_by, tombstone.approved_by, tombstone.disposed_at) == (users.audrey, users.adam, LATER)
    assert tombstone.counts["records_concern"] == 2 and tombstone.counts["records_concernversion"] == len(versions) == 3
    assert tombstone.counts["records_child"] == 1 and tombstone.counts["casework_action"] >= 2
    for table in ("restrictions_restriction", "dataprotection_subjectaccessrequest", "outcomes_goal", "casework_case",
                  "sharing_sharingdecision", "coredata_recordedfact", "records_mention", "identity_mentionlink"):
        assert tombstone.counts.get(table, 0) >= 1, table
    kept = list(DisposedChainRow.objects.filter(tombstone=tombstone).order_by("row_id")
                .values_list("row_id", "prev_hash", "row_hash"))
    assert [("records_concernversion", *row) for row in kept] == [("records_concernversion", *row) for row in versions]


def test_the_other_childs_record_is_untouched(users, town):
    from joinedup.retention import contact

    before = (Concern.objects.get(pk=town["oscar_concern"]).current_version.summary, contact.of(town["oscar"]))
    _dispose(users, town["lily"])
    after = (Concern.objects.get(pk=town["oscar_concern"]).current_version.summary, contact.of(town["oscar"]))
    assert before == after and Child.objects.filter(pk=town["oscar"]).exists()


def test_the_audit_log_is_kept_and_records_the_disposal(users, town):
    events_before = AuditEvent.objects.filter(child_id=town["lily"]).count()
    tombstone = _dispose(users, town["lily"])
    kept = AuditEvent.objects.filter(child_id=town["lily"])
    assert kept.count() == events_before + 2  # + proposed, disposed
    disposed = kept.get(event="retention_disposed")
    assert disposed.actor == users.adam and disposed.detail["tombstone_id"] == tombstone.pk
    assert disposed.detail["chain_digest"] == tombstone.chain_digest and disposed.detail["chain_rows"] == 3
    assert disposed.detail["counts"] == tombstone.counts


def test_verify_passes_after_disposal(users, town):
    _verify_ok()
    _dispose(users, town["lily"])
    reports = _verify_ok()
    assert reports[1].rows == ConcernVersion.objects.count()
    out = io.StringIO()
    call_command("verify", "--no-progress", stdout=out)
    assert "chain intact" in out.getvalue()


def test_verify_passes_when_the_newest_rows_were_disposed_and_more_were_written(users, town, submit):
    from tests.retention.conftest import OSCAR

    with at("2024-06-01"):  # Lily's newest concern is now the newest row of the chain
        submit("police", received_at="2024-06-01T09:00:00+00:00", children=[LILY], mentions=[], summary="Lilyanne again.",
               child_words="", categories=["neglect"], indicators=[])
    newest = ConcernVersion.objects.order_by("-id").first()
    tombstone = _dispose(users, town["lily"])
    assert DisposedChainRow.objects.get(tombstone=tombstone, row_id=newest.pk).resume_hash != ""
    _verify_ok()
    with clock.frozen(LATER):
        submit("police", received_at=LATER.isoformat(), children=[OSCAR], mentions=[], summary="Oscarino again.",
               child_words="", categories=["neglect"], indicators=[])
    _verify_ok()


def test_verify_catches_a_tampered_tombstone_hash(users, town):
    _dispose(users, town["lily"])
    row = DisposedChainRow.objects.order_by("row_id").first()
    raw("UPDATE retention_disposedchainrow SET row_hash = %s WHERE id = %s", ["f" * 64, row.pk])
    broken = verify_all()[1].broken
    assert broken is not None and broken.problem == "tombstone"
    with pytest.raises(CommandError, match="hash chain is broken"):
        call_command("verify", "--no-progress", stdout=io.StringIO())


def test_verify_catches_a_tampered_tombstone_even_with_its_digest_recomputed(users, town):
    from joinedup.retention import chainrows

    tombstone = _dispose(users, town["lily"])
    row = DisposedChainRow.objects.order_by("row_id").first()
    raw("UPDATE retention_disposedchainrow SET row_hash = %s WHERE id = %s", ["e" * 64, row.pk])
    rows = DisposedChainRow.objects.filter(tombstone=tombstone).order_by("table", "row_id").values_list(
        "table", "row_id", "prev_hash", "row_hash", "resume_hash")
    raw("UPDATE retention_tombstone SET chain_digest = %s WHERE id = %s", [chainrows.digest(rows), tombstone.pk])
    broken = verify_all()[1].broken
    assert broken is not None and broken.problem == "tombstone"  # the audit event still says otherwise


def test_verify_catches_a_version_deleted_without_an_approved_tombstone(users, town, submit):
    from tests.retention.conftest import OSCAR

    _dispose(users, town["lily"])
    with clock.frozen(LATER):  # so the version deleted below is not the newest
        submit("police", received_at=LATER.isoformat(), children=[OSCAR], mentions=[], summary="Oscarino again.",
               child_words="", categories=["neglect"], indicators=[])
    _verify_ok()
    oscar = ConcernVersion.objects.get(concern_id=town["oscar_concern"])
    raw("DELETE FROM records_concernchild WHERE version_id = %s", [oscar.pk])
    raw("DELETE FROM records_mention WHERE version_id = %s", [oscar.pk])
    raw("UPDATE records_concern SET current_version_id = NULL WHERE id = %s", [town["oscar_concern"]])
    raw("DELETE FROM records_concernversion WHERE id = %s", [oscar.pk])
    broken = verify_all()[1].broken
    assert broken is not None and broken.problem == "link" and broken.found == oscar.row_hash  # the row after it


def test_verify_catches_a_forged_tombstone_for_a_deleted_version(users, town):
    """Someone deletes Oscar's version and writes a tombstone for it by hand: no audit event attests it."""
    from joinedup.retention import chainrows
    from joinedup.retention.models import Proposal, ProposalStatus

    _dispose(users, town["lily"])
    oscar = ConcernVersion.objects.get(concern_id=town["oscar_concern"])
    proposal = Proposal.objects.create(child_id_number=town["oscar"], record_type="child_protection", rule="x",
                                       due_on=dt.date(2059, 3, 20), status=ProposalStatus.APPROVED, created_by=users.audrey,
                                       decided_by=users.adam)
    line = ("records_concernversion", oscar.pk, oscar.prev_hash, oscar.row_hash, "")
    forged = Tombstone.objects.create(proposal=proposal, child_id_number=town["oscar"], record_type="child_protection",
                                      rule="x", due_on=dt.date(2059, 3, 20), proposed_by=users.audrey, approved_by=users.adam,
                                      disposed_at=LATER, chain_digest=chainrows.digest([line]))
    DisposedChainRow.objects.create(tombstone=forged, table=line[0], row_id=line[1], prev_hash=line[2], row_hash=line[3])
    raw("DELETE FROM records_concernchild WHERE version_id = %s", [oscar.pk])
    raw("UPDATE records_concern SET current_version_id = NULL WHERE id = %s", [town["oscar_concern"]])
    raw("DELETE FROM records_concernversion WHERE id = %s", [oscar.pk])
    broken = verify_all()[1].broken
    assert broken is not None and broken.problem == "tombstone" and broken.row_id == forged.pk


def test_verify_still_catches_a_version_blanked_without_a_tombstone(users, town):
    _dispose(users, town["lily"])
    oscar = ConcernVersion.objects.get(concern_id=town["oscar_concern"])
    raw("UPDATE records_concernversion SET summary = '', child_words = '', payload = '{}', reporter_name = '' WHERE id = %s",
        [oscar.pk])
    broken = verify_all()[1].broken
    assert broken is not None and (broken.problem, broken.row_id) == ("content", oscar.pk)


def test_a_merged_away_record_goes_with_the_child(users, town, submit):
    from joinedup.records.services import merge_children

    with at("2024-02-01"):
        other = submit("health", received_at="2024-02-01T09:00:00+00:00", mentions=[], summary="Lilyanne seen at clinic.",
                       child_words="", categories=["neglect"], indicators=[],
                       children=[{"given_name": "Lilyanne", "family_name": "Disposable-Smith"}])
        merge_children(users.maria, Child.objects.get(pk=town["lily"]), Child.objects.get(pk=other.child_ids[0]),
                       "Same girl: Lilyanne's double-barrelled name.")
    tombstone = _dispose(users, town["lily"])
    assert tombstone.counts["records_child"] == 2 and tombstone.counts["records_childlinkevent"] == 1
    assert _places_holding(SECRETS + ("Disposable-Smith",)) == []
    _verify_ok()


def test_language_checks_of_the_records_texts_go_with_it(users, town):
    """They name the concern, decision or action by id, without a foreign key."""
    from joinedup.casework.models import Action, Decision
    from joinedup.language.models import LanguageCheck

    lily_concern = town["concerns"][0]
    decision = Decision.objects.get(concern_id=lily_concern)
    action = Action.objects.get(title="Visit Lilyanne at home")
    for kind, record_id in (("concern", lily_concern), ("decision", decision.pk), ("action_note", action.pk),
                            ("concern", town["oscar_concern"])):
        LanguageCheck.objects.create(kind=kind, record_id=record_id, findings=1, kept=True, created_by=users.alice,
                                     kept_phrases=[f"Quarrymoor: put herself at risk ({kind} {record_id})"])
    tombstone = _dispose(users, town["lily"])
    assert tombstone.counts["language_languagecheck"] == 3
    assert list(LanguageCheck.objects.values_list("kind", "record_id")) == [("concern", town["oscar_concern"])]
