"""Overdue work as of any moment, on a replayed history (spec: joinedup.overdue/1)."""

import datetime as dt
import io
import json

import jsonschema
import pytest
from django.core.management import call_command

from joinedup.casework import services
from joinedup.casework.models import DecisionKind
from joinedup.core import clock
from joinedup.records.interchange import schema
from joinedup.records.models import Concern
from tests.factories import concern_data
from tests.records.helpers import jsonl, run_import

pytestmark = pytest.mark.django_db

NEUTRAL = {"categories": ["neglect"], "indicators": [], "mentions": []}


def export(as_of: str) -> list[dict]:
    out = io.StringIO()
    call_command("export", "overdue", "--as-of", as_of, stdout=out)
    return [json.loads(line) for line in out.getvalue().splitlines()]


@pytest.fixture
def christmas(db):
    """Three referrals around Christmas 2024, replayed."""
    records = [
        concern_data("school", source_ref="NA-A", received_at="2024-12-20T10:00:00+00:00", **NEUTRAL),
        concern_data("school", source_ref="NA-B", received_at="2024-12-24T10:00:00+00:00", **NEUTRAL),
        concern_data("school", source_ref="NA-C", received_at="2024-12-27T10:00:00+00:00", **NEUTRAL),
    ]
    run_import(jsonl(*records), replay=True)


def refs(items):
    return [(i["kind"], i["concern"]["source_ref"]) for i in items]


def test_nothing_is_overdue_before_its_deadline(christmas):
    assert export("2024-12-23T12:00:00+00:00") == []


def test_a_referral_is_overdue_from_the_end_of_the_next_working_day(christmas):
    assert refs(export("2024-12-24T00:00:00+00:00")) == [("referral_decision", "NA-A")]
    # B was received on Christmas Eve: Christmas and Boxing Day are skipped, so it is due on the 27th.
    assert refs(export("2024-12-27T12:00:00+00:00")) == [("referral_decision", "NA-A")]
    assert refs(export("2024-12-31T00:00:00+00:00")) == [
        ("referral_decision", "NA-A"), ("referral_decision", "NA-B"), ("referral_decision", "NA-C"),
    ]


def test_the_spec_example_deadline(christmas):
    item = [i for i in export("2024-12-31T00:00:00+00:00") if i["concern"]["source_ref"] == "NA-C"][0]
    assert item == {
        "schema": "joinedup.overdue/1", "kind": "referral_decision",
        "concern": {"agency": "Northtown Academy", "source_ref": "NA-C"},
        "due_at": "2024-12-30T23:59:59+00:00", "assigned_to": None,
    }


def test_a_decision_stops_the_clock_from_the_moment_it_was_made(christmas, users):
    with clock.frozen(dt.datetime(2024, 12, 27, 9, 0, tzinfo=dt.UTC)):
        services.record_decision(users.alice, Concern.objects.get(source_ref="NA-A"), DecisionKind.EARLY_HELP, "Early help.")
    assert refs(export("2024-12-26T12:00:00+00:00")) == [("referral_decision", "NA-A")]
    assert ("referral_decision", "NA-A") not in refs(export("2024-12-31T00:00:00+00:00"))


def test_overdue_actions_and_acknowledgements_are_exported_with_their_owner(christmas, users):
    assert users.peter  # the police agency exists
    concern = Concern.objects.get(source_ref="NA-B")
    with clock.frozen(dt.datetime(2024, 12, 27, 9, 0, tzinfo=dt.UTC)):
        services.record_decision(users.alice, concern, DecisionKind.STRATEGY_DISCUSSION, "Significant harm suspected.")
    items = export("2025-01-06T12:00:00+00:00")
    kinds = {(i["kind"], i["assigned_to"]) for i in items if i["concern"]["source_ref"] == "NA-B"}
    assert ("strategy_discussion", "Front door (MASH)") in kinds
    assert ("acknowledgement", "Northtown Police") in kinds
    validator = jsonschema.Draft202012Validator(schema("overdue"))
    for item in items:
        validator.validate(item)


def test_the_as_of_time_needs_an_offset(christmas):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="offset"):
        export("2024-12-31T00:00:00")
