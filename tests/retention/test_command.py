"""`joinedup retention`: the dry run lists what is due (held ones marked) with a count and changes
nothing; --propose records proposals; --approve by a different officer disposes."""

import csv
import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from joinedup.core import clock
from joinedup.core.models import AuditEvent
from joinedup.retention import services
from joinedup.retention.models import Proposal, ProposalStatus, Tombstone
from tests.retention.conftest import at
from tests.retention.test_due_and_holds import LATER


def run(*args) -> str:
    out = io.StringIO()
    call_command("retention", *args, stdout=out)
    return out.getvalue()


def test_the_dry_run_lists_what_is_due_with_held_records_marked(users, town):
    with at("2030-01-01"):
        services.place_hold(users.audrey, town["lily"], "Quarrymoor inquiry.")
    events = AuditEvent.objects.count()
    text = run("--dry-run", "--as-of", "2060-01-01")
    lily, oscar = f"C-{town['lily']:05d}", f"C-{town['oscar']:05d}"
    lines = text.splitlines()
    lily_line = next(line for line in lines if line.startswith(lily))
    oscar_line = next(line for line in lines if line.startswith(oscar))
    assert "due 2059-06-10" in lily_line and "last contact 2024-06-10" in lily_line and "HELD" in lily_line
    assert "due 2059-03-20" in oscar_line and "HELD" not in oscar_line and "child_protection" in oscar_line
    assert lines[-1] == "2 record(s) due, 1 on legal hold."
    assert "Lilyanne" not in text  # references only, never names
    assert AuditEvent.objects.count() == events and not Proposal.objects.exists()  # a dry run changes nothing


def test_the_dry_run_as_of_an_earlier_time_lists_less(town):
    assert run("--dry-run", "--as-of", "2059-04-01").splitlines()[-1] == "1 record(s) due, 0 on legal hold."
    assert run("--dry-run", "--as-of", "2040-01-01T00:00:00+00:00").splitlines()[-1] == "0 record(s) due, 0 on legal hold."


def test_the_dry_run_in_csv_and_json(town):
    rows = list(csv.DictReader(io.StringIO(run("--dry-run", "--as-of", "2060-01-01", "--format", "csv"))))
    assert [(r["child"], r["due_on"], r["held"]) for r in rows] == [
        (f"C-{town['oscar']:05d}", "2059-03-20", "False"), (f"C-{town['lily']:05d}", "2059-06-10", "False")]
    data = json.loads(run("--dry-run", "--as-of", "2060-01-01", "--format", "json"))
    assert data["count"] == 2 and data["due"][1]["last_contact"].startswith("2024-06-10")


def test_propose_then_approve_by_another_officer(users, town):
    with clock.frozen(LATER):
        text = run("--propose", "--user", "audrey")
        assert "2 proposal(s) recorded" in text
        proposal = Proposal.objects.get(child_id_number=town["lily"])
        with pytest.raises(CommandError, match="different records officer"):
            run("--approve", str(proposal.pk), "--user", "audrey")
        text = run("--approve", str(proposal.pk), "--user", "adam", "--reason", "Checked the file.")
    assert f"Disposed of C-{town['lily']:05d}" in text
    assert Tombstone.objects.get().approved_by == users.adam
    assert Proposal.objects.get(pk=proposal.pk).status == ProposalStatus.APPROVED


def test_propose_needs_a_records_officer(users, town):
    with clock.frozen(LATER):
        with pytest.raises(CommandError, match="--user"):
            run("--propose")
        with pytest.raises(CommandError, match="records officers"):
            run("--propose", "--user", "alice")


def test_a_bad_as_of_is_refused(town):
    with pytest.raises(CommandError, match="--as-of"):
        run("--dry-run", "--as-of", "next year")
