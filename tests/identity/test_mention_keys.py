import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from joinedup.identity.normalise import KINDS, mention_keys

RECEIVED = "2024-03-02T23:40:00+00:00"


def _shared(kind, a, b):
    return set(mention_keys(kind, a, RECEIVED)["block_keys"]) & set(mention_keys(kind, b, RECEIVED)["block_keys"])


def test_the_interchange_example_mentions_get_their_keys():
    vehicle = mention_keys("vehicle", {"kind": "vehicle", "role": "transported_child", "plate": "YK62 HBD",
                                       "make": "Toyota", "model": "Prius", "colour": "silver",
                                       "taxi_firm": "Star Cars"}, RECEIVED)
    assert (vehicle["plate"], vehicle["vehicle_key"], vehicle["taxi_firm"]) == ("YK62 HBD", "toyota|prius|silver", "star")
    person = mention_keys("person", {"kind": "person", "role": "seen_with", "given_name": "Mo", "approx_age": 35,
                                     "sex": "male"}, RECEIVED)
    assert (person["given_key"], person["age_source"]) == ("mohammed", "age")
    place = mention_keys("place", {"kind": "place", "role": "found_at", "name": "Golden Spice",
                                   "venue_type": "takeaway", "postcode": "NT1 3AB"}, RECEIVED)
    assert (place["name"], place["postcode"], place["district"]) == ("golden spice", "NT1 3AB", "NT1")
    phone = mention_keys("phone", {"kind": "phone", "role": "contacted_child", "number": "07700 900461"}, RECEIVED)
    assert phone["phone"] == "+447700900461"


@pytest.mark.parametrize(
    ("kind", "a", "b", "key"),
    [("vehicle", {"plate": "YK62 HBD"}, {"plate": "yk62h8d"}, "plate:YK62HBD"),
     ("vehicle", {"plate": "YK62 HBD"}, {"plate": "YK62 H??"}, "plate_head:YK62"),
     ("vehicle", {"plate": "YK62 HBD"}, {"plate": "YK?? HBD"}, "plate_tail:HBD"),
     ("vehicle", {"make": "VW", "model": "Golf", "colour": "gray"}, {"make": "Volkswagen", "model": "golf",
                                                                      "colour": "grey"}, "vehicle:volkswagen|golf|grey"),
     ("phone", {"number": "07700 900461"}, {"number": "+44 7700 900461"}, "phone:+447700900461"),
     ("online", {"platform": "Snap", "handle": "@Jay_Dee.99"}, {"platform": "snapchat", "handle": "jaydee99"},
      "handle:jaydee99"),
     ("online", {"platform": "Snap", "handle": "jay_de..."}, {"platform": "snapchat", "handle": "jaydee99"},
      "handle_head:jayd"),
     ("place", {"name": "the Golden Spice, Wellgate"}, {"name": "GOLDEN SPICE takeaway"}, "place:golden spice"),
     ("place", {"address": "Flat 2, 14 Mill Lane"}, {"address": "2/14 Mill Ln, Northtown"}, "address:14 mill lane"),
     ("person", {"given_name": "Kayleigh", "family_name": "Dunn"}, {"given_name": "Kayley", "family_name": "DUNN"},
      "name:kayleigh|dunn"),
     ("person", {"nickname": "Big Mo"}, {"nickname": "big mo"}, "nickname:mohammed"),
     ("person", {"given_name": "Mo", "approx_age": 35}, {"given_name": "Mohammed"}, "given:mohammed")],
)
def test_mentions_of_one_thing_written_differently_share_a_block_key(kind, a, b, key):
    assert key in _shared(kind, a, b)


def test_a_whatsapp_number_and_a_phone_mention_share_a_block_key():
    whatsapp = mention_keys("online", {"platform": "WhatsApp", "handle": "07700 900461"}, RECEIVED)
    phone = mention_keys("phone", {"number": "0044 7700 900461"}, RECEIVED)
    assert "phone:+447700900461" in set(whatsapp["block_keys"]) & set(phone["block_keys"])


def test_a_persons_address_and_a_place_at_that_address_share_a_block_key():
    person = mention_keys("person", {"given_name": "Mo", "address": "Flat 2, 14 Mill Ln, Northtown"}, RECEIVED)
    place = mention_keys("place", {"venue_type": "flat", "address": "2/14 Mill Lane"}, RECEIVED)
    assert "address:14 mill lane" in set(person["block_keys"]) & set(place["block_keys"])


def test_different_full_plates_share_no_plate_key():
    assert not {k for k in _shared("vehicle", {"plate": "YK62 HBD"}, {"plate": "YK62 HBE"}) if k.startswith("plate:")}


@pytest.mark.parametrize("kind", KINDS)
def test_every_column_is_a_plain_value(kind):
    keys = mention_keys(kind, {"given_name": "Mo", "plate": "YK62 HBD", "number": "07700 900461", "name": "Golden Spice",
                               "handle": "jaydee99", "platform": "snap"}, dt.datetime(2024, 3, 2, 23, 40))
    assert isinstance(keys.pop("block_keys"), list)
    assert keys and all(isinstance(value, str | int | bool) for value in keys.values())


@pytest.mark.parametrize("kind", [*KINDS, "spaceship", ""])
@pytest.mark.parametrize("mention", [{}, None, {"plate": None, "number": 7700900461, "given_name": ["x"]}])
def test_it_never_raises_on_an_empty_or_odd_mention(kind, mention):
    assert isinstance(mention_keys(kind, mention, None)["block_keys"], list)


values = st.one_of(st.none(), st.text(max_size=25), st.integers(-10, 10**12), st.floats(allow_nan=True),
                   st.booleans(), st.lists(st.text(max_size=3), max_size=2))
fields = st.sampled_from(["plate", "make", "model", "colour", "taxi_firm", "number", "phone", "platform", "handle",
                          "name", "address", "postcode", "venue_type", "given_name", "family_name", "nickname", "dob",
                          "approx_age", "sex"])


@given(st.sampled_from(KINDS), st.dictionaries(fields, values, max_size=8),
       st.one_of(st.none(), st.text(max_size=25), st.datetimes()))
def test_it_never_raises_on_arbitrary_mentions_and_is_deterministic(kind, mention, received_at):
    keys = mention_keys(kind, mention, received_at)
    assert keys == mention_keys(kind, dict(mention), received_at)
