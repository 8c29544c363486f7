"""Linking on arrival and alerts, through the real ingest path."""

import datetime as dt
import json

import jsonschema
import pytest

from joinedup.core import clock
from joinedup.identity.export import alerts_as_spec
from joinedup.identity.models import Alert, Entity, MentionLink
from joinedup.records.interchange import schema
from tests.factories import concern_data

pytestmark = pytest.mark.django_db

GROOMING = {"categories": ["sexual_exploitation"], "indicators": ["vehicles_unknown_adults"]}


def child(n):
    return [{"ref": f"K-{n}", "given_name": f"Childname{n}", "family_name": f"Testfamily{n}", "dob": f"2010-0{n}-1{n}"}]


def car(plate, role="transported_child", **extra):
    return {"kind": "vehicle", "role": role, "plate": plate, **extra}


def arrive(submit, n, mentions, agency="police", day=1, **overrides):
    """A concern arriving live at 10:00 on the given day of March 2024 (the clock set to then)."""
    fields = {**GROOMING, **overrides}
    at = f"2024-03-{day:02d}T10:00:00+00:00"
    with clock.frozen(dt.datetime.fromisoformat(at)):
        return submit(agency, children=child(n), mentions=mentions, received_at=at, **fields)


def test_two_children_linked_to_one_car_raise_an_alert_when_the_second_arrives(submit):
    arrive(submit, 1, [car("YK62 HBD")], day=1)
    assert not Alert.objects.exists()
    arrive(submit, 2, [car("yk62hbd")], agency="school", day=5)
    alert = Alert.objects.get()
    assert alert.kind == "shared_entity"
    exported = next(alerts_as_spec())
    assert exported["raised_at"].startswith("2024-03-05T10:00")
    assert sorted(c["linked_at"][:10] for c in exported["children"]) == ["2024-03-01", "2024-03-05"]
    assert "2 children linked to vehicle YK62 HBD" in exported["summary"]
    assert "police and education" in exported["summary"]


def test_an_alert_grows_as_more_children_link(submit):
    for n, day in ((1, 1), (2, 2), (3, 9)):
        arrive(submit, n, [car("YK62 HBD")], day=day)
    alert = Alert.objects.get(kind="shared_entity")
    assert alert.children.count() == 3
    assert alert.summary.startswith("3 children")
    assert {e["source_ref"] for e in next(alerts_as_spec())["evidence"]} == set(
        alert.evidence.values_list("concern__source_ref", flat=True)
    )


def test_a_partial_plate_with_agreeing_make_and_colour_matches_a_full_plate(submit):
    arrive(submit, 1, [car("YK62 HBD", make="Toyota", colour="silver")], day=1)
    arrive(submit, 2, [car("YK6? H?D", make="toyota", colour="Silver")], day=2)
    assert Entity.objects.filter(kind="vehicle").count() == 1
    assert MentionLink.objects.filter(method="partial").exists()
    assert Alert.objects.count() == 1


def test_two_different_full_plates_never_match(submit):
    arrive(submit, 1, [car("YK62 HBD", make="Toyota", colour="silver")], day=1)
    arrive(submit, 2, [car("YK62 HBO", make="Toyota", colour="silver")], day=2)
    assert Entity.objects.filter(kind="vehicle").count() == 2
    assert not Alert.objects.exists()


def test_phone_numbers_in_any_format_are_one_phone(submit):
    arrive(submit, 1, [{"kind": "phone", "role": "contacted_child", "number": "07700 900461"}], day=1)
    arrive(submit, 2, [{"kind": "phone", "role": "contacted_child", "number": "+44 7700 900461"}], day=2)
    assert Entity.objects.filter(kind="phone").count() == 1
    assert Alert.objects.count() == 1


def test_contact_alone_without_harm_signals_does_not_alert(submit):
    gamer = {"kind": "online", "role": "contacted_child", "platform": "Roblox", "handle": "big247"}
    arrive(submit, 1, [gamer], day=1, categories=["online_harm"], indicators=["concerning_phone_internet"])
    arrive(submit, 2, [gamer], day=2, categories=["online_harm"], indicators=["concerning_phone_internet"])
    assert Entity.objects.filter(kind="online").count() == 1
    assert not Alert.objects.exists()


def test_one_concern_about_two_siblings_naming_one_adult_is_not_a_pattern_until_another_concern_links_them(submit):
    man = {"kind": "person", "role": "suspected_abuser", "given_name": "Gary", "family_name": "Uncleton", "phone": "07700 900111"}
    siblings = [{"ref": "S-1", "given_name": "Amy", "family_name": "Siblingham", "dob": "2011-01-01"},
                {"ref": "S-2", "given_name": "Bea", "family_name": "Siblingham", "dob": "2013-05-05"}]
    with clock.frozen(dt.datetime(2024, 3, 1, 10, tzinfo=dt.UTC)):
        submit("police", children=siblings, mentions=[man], received_at="2024-03-01T10:00:00+00:00", **GROOMING)
    assert not Alert.objects.exists()
    with clock.frozen(dt.datetime(2024, 3, 8, 10, tzinfo=dt.UTC)):
        submit("school", children=siblings[:1], mentions=[man], received_at="2024-03-08T10:00:00+00:00", **GROOMING)
    assert Alert.objects.filter(kind="shared_entity").count() == 1


def test_a_persons_phone_links_to_the_same_phone_mentioned_on_its_own(submit):
    arrive(submit, 1, [{"kind": "person", "role": "described_as_partner", "given_name": "Dave", "phone": "07700900613"}], day=1)
    arrive(submit, 2, [{"kind": "phone", "role": "contacted_child", "number": "07700 900613"}], day=2)
    alert = Alert.objects.get()
    assert alert.entity.kind == "phone"


@pytest.mark.parametrize(
    "mention,fields",
    [
        (car("SK19 BUS", "transported_child"), {"categories": ["physical_abuse"], "indicators": []}),
        ({"kind": "person", "role": "professional", "given_name": "Dana", "family_name": "Nurseworth"}, GROOMING),
        ({"kind": "place", "role": "found_at", "name": "Northtown Park", "venue_type": "park"}, GROOMING),
        ({"kind": "place", "role": "attends", "name": "Northtown Academy"}, GROOMING),
        ({"kind": "person", "role": "parent_or_carer", "given_name": "Pat", "family_name": "Samefamily"},
         {"categories": ["neglect"], "indicators": []}),
    ],
    ids=["school transport", "professional", "park", "school", "parent in a neglect concern"],
)
def test_benign_hubs_do_not_raise_alerts_by_themselves(submit, mention, fields):
    arrive(submit, 1, [mention], day=1, **fields)
    arrive(submit, 2, [mention], day=2, **fields)
    assert not Alert.objects.exists()


def test_intra_familial_abuse_raises_an_alert(submit):
    uncle = {"kind": "person", "role": "relative", "given_name": "Gary", "family_name": "Uncleton", "approx_age": 45, "phone": "07700 900111"}
    arrive(submit, 1, [uncle], day=1, categories=["sexual_abuse"], indicators=[])
    arrive(submit, 2, [uncle], day=3, categories=["sexual_abuse"], indicators=[])
    assert Alert.objects.filter(kind="shared_entity", entity__kind="person").count() == 1


def test_a_first_name_alone_never_links_two_people(submit):
    arrive(submit, 1, [{"kind": "person", "role": "suspected_abuser", "given_name": "Lee"}], day=1)
    arrive(submit, 2, [{"kind": "person", "role": "suspected_abuser", "given_name": "Lee"}], day=2)
    assert Entity.objects.filter(kind="person").count() == 2
    assert not Alert.objects.exists()


def test_a_street_alone_is_not_one_place_but_a_numbered_address_is(submit):
    # Two networks' flats on one street, each written once as the street alone: not one place.
    street = {"kind": "place", "role": "found_at", "address": "Oak Avenue, Northtown", "postcode": "NT2 1DW", "venue_type": "flat"}
    arrive(submit, 1, [street], day=1)
    arrive(submit, 2, [{**street, "postcode": ""}], day=2)
    assert not Alert.objects.exists()
    assert Entity.objects.filter(kind="place").count() == 2
    home = {"kind": "place", "role": "taken_to", "address": "Flat 2, 104 Oak Avenue", "venue_type": "flat"}
    arrive(submit, 3, [home], day=3)
    arrive(submit, 4, [{**home, "address": "flat 2, 104 oak ave", "postcode": "NT2 1DW"}], day=4)
    assert Alert.objects.get().children.count() == 2


def test_children_tied_through_several_entities_raise_a_network_alert(submit):
    flat = {"kind": "place", "role": "taken_to", "name": "Flat 7", "address": "133 Hawthorn Road", "postcode": "NT1 1AA", "venue_type": "flat"}
    arrive(submit, 1, [car("YK62 HBD")], day=1)
    arrive(submit, 2, [car("YK62 HBD"), flat], day=2)
    arrive(submit, 3, [flat], day=3)
    network = Alert.objects.get(kind="network")
    assert network.children.count() == 3 and network.entities.count() == 2
    assert network.raised_at.day == 3


def test_a_growing_network_gains_each_new_childs_evidence_once(submit):
    from joinedup.identity.models import AlertEvidence

    flat = {"kind": "place", "role": "taken_to", "name": "Flat 7", "address": "133 Hawthorn Road", "postcode": "NT1 1AA", "venue_type": "flat"}
    arrive(submit, 1, [car("YK62 HBD")], day=1)
    arrive(submit, 2, [car("YK62 HBD"), flat], day=2)
    arrive(submit, 3, [flat], day=3)
    arrive(submit, 4, [car("YK62 HBD")], day=4)
    arrive(submit, 5, [flat], day=5)
    network = Alert.objects.get(kind="network")
    assert sorted(network.children.values_list("linked_at__day", flat=True)) == [1, 2, 3, 4, 5]
    shared = set(AlertEvidence.objects.filter(alert__kind="shared_entity").values_list("concern_id", "child_id", "entity_id"))
    mine = list(AlertEvidence.objects.filter(alert=network).values_list("concern_id", "child_id", "entity_id"))
    assert len(mine) == len(set(mine)) == len(shared) == 6 and set(mine) == shared


def test_the_export_matches_the_alert_schema(submit):
    arrive(submit, 1, [car("YK62 HBD")], day=1)
    arrive(submit, 2, [car("YK62 HBD")], day=2)
    validator = jsonschema.Draft202012Validator(schema("alert"))
    for row in alerts_as_spec():
        validator.validate(json.loads(json.dumps(row)))
        assert row["children"][0]["refs"] == [{"agency": "Northtown Police", "ref": "K-1"}]


def test_the_naive_baseline_links_only_identifiers_exactly_as_written(submit, settings):
    settings.JOINEDUP_LINKAGE = "exact"
    arrive(submit, 1, [car("YK62 HBD")], day=1)
    arrive(submit, 2, [car("yk62hbd")], day=2)
    assert Entity.objects.filter(kind="vehicle").count() == 2
    arrive(submit, 3, [car("YK62 HBD")], day=3)
    assert Alert.objects.count() == 1


def test_a_replay_raises_alerts_on_the_records_clock(db):
    from tests.records.helpers import jsonl, run_import

    first = concern_data("police", children=child(1), mentions=[car("YK62 HBD")], received_at="2024-01-19T16:02:00+00:00", **GROOMING)
    second = concern_data("school", children=child(2), mentions=[car("YK62HBD")], received_at="2024-03-02T23:40:00+00:00", **GROOMING)
    run_import(jsonl(second, first), replay=True)
    exported = next(alerts_as_spec())
    assert exported["raised_at"] == "2024-03-02T23:40:00+00:00"
    assert [c["linked_at"] for c in exported["children"]] == ["2024-01-19T16:02:00+00:00", "2024-03-02T23:40:00+00:00"]


def test_a_second_import_grows_the_alerts_it_finds_already_stored(db):
    from tests.records.helpers import jsonl, run_import

    rows = [concern_data("police", children=child(n), mentions=[car("YK62 HBD")], received_at=f"2024-01-0{n}T10:00:00+00:00", **GROOMING)
            for n in (1, 2, 3)]
    run_import(jsonl(rows[0], rows[1]), replay=True)
    run_import(jsonl(rows[2]), replay=True)
    alert = Alert.objects.get()
    assert alert.children.count() == 3


@pytest.mark.parametrize("written", ["Cluckres Chicken", "Cluckers hicken"])
def test_a_takeaway_written_with_a_typo_is_the_same_takeaway(submit, written):
    takeaway = {"kind": "place", "role": "found_at", "name": "Cluckers Chicken", "venue_type": "takeaway"}
    arrive(submit, 1, [takeaway], day=1)
    arrive(submit, 2, [{**takeaway, "name": written}], agency="school", day=2)
    assert Entity.objects.filter(kind="place").count() == 1
    assert Alert.objects.get().children.count() == 2


def test_a_replay_joins_a_takeaway_written_with_a_typo_too(db):
    from tests.records.helpers import jsonl, run_import

    def record(agency, n, day, name):
        place = {"kind": "place", "role": "found_at", "name": name, "venue_type": "takeaway"}
        return concern_data(agency, children=child(n), mentions=[place], received_at=f"2024-03-0{day}T10:00:00+00:00", **GROOMING)

    run_import(jsonl(record("police", 1, 1, "Cluckers Chicken"), record("school", 2, 2, "Cluckres Chicken")), replay=True)
    assert Alert.objects.get().children.count() == 2
