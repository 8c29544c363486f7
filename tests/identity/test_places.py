import pytest
from hypothesis import given
from hypothesis import strategies as st

from joinedup.identity.normalise.addresses import address_key, address_similarity, street_key
from joinedup.identity.normalise.places import (
    place_features,
    place_name_key,
    place_name_words,
    place_similarity,
)
from joinedup.identity.normalise.postcodes import postcode_key, postcode_similarity
from joinedup.identity.resolve import PLACE_LINK


@pytest.mark.parametrize(
    "written",
    ["NT1 3AB", "nt13ab", "Nt1  3ab", "NT13AB", " nt1 3ab ", "NT1-3AB", "NTI 3AB", "NTl 3AB", "NT1 3A8", "NT1 3AB (work)"],
)
def test_it_reads_a_postcode_however_it_is_written(written):
    key = postcode_key(written)
    assert (key.postcode, key.district, key.sector, key.area) == ("NT1 3AB", "NT1", "NT1 3", "NT")


@pytest.mark.parametrize(
    ("written", "canonical"),
    [("SW1A 1AA", "SW1A 1AA"), ("sw1a1aa", "SW1A 1AA"), ("M1 1AE", "M1 1AE"), ("B33 8TH", "B33 8TH"),
     ("CR2 6XH", "CR2 6XH"), ("DN55 1PT", "DN55 1PT"), ("EC1A 1BB", "EC1A 1BB"), ("W1A 0AX", "W1A 0AX"),
     ("5W1A 1AA", "SW1A 1AA"),  # 5 where the area letter goes
     ("NT4 ZQP", "NT4 2QP"),  # Z where the inward digit goes
     ("0L1 1AA", "OL1 1AA"), ("NO1 3AB", "NO1 3AB"), ("N01 3AB", "N01 3AB")],  # both shapes exist: as written
)
def test_it_corrects_look_alikes_only_where_position_rules_decide(written, canonical):
    assert postcode_key(written).postcode == canonical


@pytest.mark.parametrize(("written", "district"), [("NT1", "NT1"), ("nt12", "NT12"), ("SW1A", "SW1A"), ("M1", "M1")])
def test_an_outward_part_alone_gives_the_district_only(written, district):
    key = postcode_key(written)
    assert (key.postcode, key.district) == ("", district)


@pytest.mark.parametrize("written", ["", None, "NT", "hello", "123456", "NT1 3A", "Northtown", "not known"])
def test_it_gives_an_empty_postcode_for_anything_else(written):
    assert postcode_key(written).postcode == ""


@pytest.mark.parametrize(
    ("a", "b", "level"),
    [("NT1 3AB", "nt13ab", "exact"), ("NT1 3AB", "NT1 3BA", "sector"), ("NT1 3AB", "NT1 4AB", "district"),
     ("NT1 3AB", "NT2 3AB", "area"), ("NT1 3AB", "M1 1AE", "differs"), ("NT1 3AB", "NT1", "district"),
     ("NT1 3AB", "", "missing")],
)
def test_postcodes_agree_at_the_finest_level_they_share(a, b, level):
    assert postcode_similarity(postcode_key(a), postcode_key(b)) == level


@pytest.mark.parametrize(
    "written",
    ["14 Mill Lane", "14, Mill Ln", "14 mill lane", "14 MILL LANE NORTHTOWN", "14 Mill Lane, Northtown",
     "14, Mill Lane, Northtown", "14 Mill Ln, Northtown, NT4 2QP", "No. 14 Mill Lane", "14 Mill La."],
)
def test_it_keys_an_address_by_house_number_and_street(written):
    key = address_key(written)
    assert (key.key, key.number, key.street, key.flat) == ("14 mill lane", "14", "mill lane", "")


@pytest.mark.parametrize(
    ("written", "flat"),
    [("Flat 2, 14 Mill Lane", "2"), ("2/14 Mill Lane, Northtown", "2"), ("14 Mill Lane, Flat 2", "2"),
     ("FLAT 2 14 MILL LANE NORTHTOWN", "2"), ("Apartment 2, 14 Mill Lane", "2"), ("Flat B, 14 Mill Lane", "b")],
)
def test_it_keeps_a_flat_as_a_sub_key(written, flat):
    key = address_key(written)
    assert (key.key, key.flat) == ("14 mill lane", flat)


@pytest.mark.parametrize(
    "written",
    ["Flat 3, Kestrel House, Fernhollow Estate", "3/Kestrel House Fernhollow Estate",
     "FLAT 3, KESTREL HOUSE FERNHOLLOW ESTATE NORTHTOWN", "Flat 3, Kestrel House Fernhollow Est., Northtown"],
)
def test_a_named_building_without_a_number_is_keyed_by_building_and_street(written):
    key = address_key(written)
    assert (key.key, key.building, key.flat) == ("kestrel house fernhollow estate", "kestrel house", "3")


@pytest.mark.parametrize(
    ("written", "street"),
    [("Mill Ln", "mill lane"), ("Station Rd", "station road"), ("Cross St", "cross street"),
     ("St Hilda's Rd", "saint hildas road"), ("Moorside Ave", "moorside avenue"), ("Heron Cl", "heron close"),
     ("Larch Dr", "larch drive"), ("Albert Terr", "albert terrace"), ("Rowan Cres", "rowan crescent"),
     ("Weavers Ct", "weavers court"), ("Orchard Gr", "orchard grove"), ("Prospect Pl", "prospect place"),
     ("Spring Gdns", "spring gardens")],
)
def test_it_expands_street_abbreviations(written, street):
    assert street_key(written) == street


@pytest.mark.parametrize(
    ("a", "b", "level"),
    [("Flat 2, 14 Mill Lane", "Flat 2, 14 Mill Ln", "exact"), ("Flat 2, 14 Mill Lane", "14 Mill Lane", "same_building"),
     ("Flat 2, 14 Mill Lane", "Flat 3, 14 Mill Lane", "other_flat"), ("14 Mill Lane", "16 Mill Lane", "same_street"),
     ("14 Mill Lane", "14 Church Lane", "differs"), ("14 Mill Lane", "", "missing")],
)
def test_addresses_agree_at_the_finest_level_they_share(a, b, level):
    assert address_similarity(address_key(a), address_key(b)) == level


@pytest.mark.parametrize(
    "written",
    ["Golden Spice", "the Golden Spice", "GOLDEN SPICE", "Golden Spice, Wellgate", "Golden Spice takeaway",
     "Golden Spice Take-Away", "The Golden Spice Takeaway", "golden spice ltd", "Golden Spice Restaurant",
     "Golden Spice on Wellgate", "Golden  Spice."],
)
def test_it_folds_the_ways_people_write_a_venue_name(written):
    assert place_name_key(written).key == "golden spice"


@pytest.mark.parametrize(
    ("written", "key", "street", "venue"),
    [("Golden Spice, Wellgate", "golden spice", "wellgate", ""), ("takeaway on Mill Lane", "", "mill lane", "takeaway"),
     ("The Beacon Hotel", "beacon", "", "hotel"), ("Moorview Guest House", "moorview", "", "hotel"),
     ("Tikka Hut Takeaway & Restaurant", "tikka hut", "", "takeaway"), ("Mr Chips", "mr chips", "", ""),
     ("St Hilda's", "st hildas", "", "")],
)
def test_it_keeps_the_street_and_kind_of_place_said_with_a_name(written, key, street, venue):
    assert tuple(place_name_key(written)) == (key, street, venue)


def test_an_address_written_in_the_name_field_is_read_as_an_address():
    features = place_features({"name": "Flat 2, 14 Mill Lane", "venue_type": "flat"})
    assert (features.name, features.address, features.flat) == ("", "14 mill lane", "2")


def test_a_postcode_inside_the_address_is_used_when_the_postcode_field_is_empty():
    features = place_features({"address": "14 Mill Lane, Northtown, nt4 2qp"})
    assert (features.postcode, features.district) == ("NT4 2QP", "NT4")


def _levels(outcomes):
    return {o.field: o.level for o in outcomes}


def test_the_same_takeaway_written_differently_is_the_same_place_and_the_explanation_says_why():
    score, outcomes = place_similarity({"name": "Golden Spice", "venue_type": "takeaway", "postcode": "NT1 3AB"},
                                       {"name": "the Golden Spice, Wellgate", "postcode": "nt13ab"})
    assert score > 0.95
    assert _levels(outcomes)["name"] == "exact"
    assert _levels(outcomes)["postcode"] == "exact"


def test_a_misspelt_name_still_agrees_but_less_than_an_exact_one():
    exact, _ = place_similarity({"name": "Golden Spice"}, {"name": "GOLDEN SPICE"})
    typo, outcomes = place_similarity({"name": "Golden Spice"}, {"name": "Goldn Spice"})
    assert _levels(outcomes)["name"] == "typo"
    assert 0.5 < typo < exact


def test_two_businesses_at_one_postcode_are_different_places():
    score, outcomes = place_similarity({"name": "Golden Spice", "postcode": "NT1 3AB"},
                                       {"name": "Sunrise Grill", "postcode": "NT1 3AB"})
    assert _levels(outcomes) | {} == _levels(outcomes)
    assert _levels(outcomes)["name"] == "differs"
    assert score < 0.5


def test_another_flat_at_the_same_number_is_a_different_home():
    same, _ = place_similarity({"address": "Flat 2, 14 Mill Lane"}, {"address": "14 Mill Ln", "venue_type": "home"})
    other, outcomes = place_similarity({"address": "Flat 2, 14 Mill Lane"}, {"address": "Flat 3, 14 Mill Lane"})
    assert _levels(outcomes)["address"] == "other_flat"
    assert same > 0.5 > other


def test_nothing_in_common_is_not_evidence_either_way_and_every_part_is_explained():
    score, outcomes = place_similarity({"name": "Golden Spice"}, {"postcode": "NT1 3AB"})
    assert {o.field for o in outcomes} == {"name", "postcode", "address", "street", "venue_type"}
    assert all(o.level == "missing" and o.weight == 0 for o in outcomes)
    assert score < 0.1


postcodes = st.builds(
    lambda area, district, sector, unit: f"{area}{district} {sector}{unit}",
    st.sampled_from(["NT", "M", "B", "SW", "LS", "S", "YO", "BD"]), st.integers(1, 29), st.integers(0, 9),
    st.text("ABDEFGHJLNPQRSTUWXYZ", min_size=2, max_size=2),
)


@given(postcodes)
def test_a_canonical_postcode_normalises_to_itself_in_any_case_or_spacing(postcode):
    key = postcode_key(postcode)
    assert key.postcode == postcode
    assert postcode_key(postcode.lower().replace(" ", "")) == key
    assert postcode_key(key.postcode) == key


@given(st.text(max_size=40))
def test_postcodes_and_place_names_never_raise_and_are_idempotent_on_any_text(text):
    postcode = postcode_key(text)
    assert postcode_key(postcode.postcode or postcode.district) == postcode
    name = place_name_key(text)
    assert place_name_key(name.key).key == name.key
    assert address_key(text).key == address_key(text + " ").key  # addresses never raise either


streets = st.builds(lambda name, kind: f"{name} {kind}", st.sampled_from(["Mill", "Station", "Cross", "Ash", "Wellgate"]),
                    st.sampled_from(["Lane", "Ln", "Road", "Rd", "St", "Street", "Ave", "Grove", "Close", "Row"]))


def _address(flat, number, street, town, postcode):
    parts = [f"Flat {flat}"] * bool(flat) + [f"{number} {street}"] + ["Northtown"] * town + [postcode] * bool(postcode)
    return ", ".join(parts)


addresses = st.builds(_address, st.one_of(st.none(), st.integers(1, 60)), st.integers(1, 300), streets,
                      st.booleans(), st.one_of(st.none(), st.sampled_from(["NT4 2QP", "nt13ab"])))
addresses = st.one_of(addresses, addresses.map(str.upper), addresses.map(lambda a: a.replace(",", "")))


@given(addresses)
def test_an_address_key_is_its_own_key_whatever_the_case_flat_town_or_postcode(address):
    key = address_key(address)
    assert key.number and key.street
    assert address_key(key.key).key == key.key
    assert address_key(address.lower()).key == key.key


place_dicts = st.fixed_dictionaries({}, optional={
    "name": st.one_of(st.text(max_size=20), st.sampled_from(["Golden Spice", "the Golden Spice, Wellgate", "Tikka Hut"])),
    "address": st.one_of(st.text(max_size=20), st.sampled_from(["14 Mill Lane", "Flat 2, 14 Mill Ln"])),
    "postcode": st.one_of(st.text(max_size=8), st.sampled_from(["NT1 3AB", "nt13ab", "NT1"])),
    "venue_type": st.sampled_from(["takeaway", "home", "flat", "other", "nonsense"]),
})


@given(place_dicts, place_dicts)
def test_place_similarity_is_symmetric_and_a_probability(a, b):
    score, outcomes = place_similarity(a, b)
    assert 0.0 <= score <= 1.0
    assert score == pytest.approx(place_similarity(b, a)[0])
    assert [o.level for o in outcomes] == [o.level for o in place_similarity(b, a)[1]]


def test_a_place_name_keeps_the_words_a_typo_elsewhere_leaves_intact():
    assert place_name_words("cluckers chicken") == ["chicken", "cluckers"]
    assert set(place_name_words("cluckers hicken")) & set(place_name_words("cluckers chicken")) == {"cluckers"}
    assert place_name_words("the inn") == []


def test_a_typo_in_a_name_with_the_venue_agreeing_is_the_same_place_but_a_typo_alone_is_only_possible():
    both, _ = place_similarity({"name": "Cluckres Chicken", "venue_type": "takeaway"}, {"name": "Cluckers Chicken", "venue_type": "takeaway"})
    alone, _ = place_similarity({"name": "Cluckres Chicken"}, {"name": "Cluckers Chicken"})
    assert both >= PLACE_LINK > alone >= 0.5


def _index_with(*names, venue="takeaway"):
    from joinedup.identity.normalise import mention_keys
    from joinedup.identity.resolve import EntityIndex

    index = EntityIndex()
    for entity_id, name in enumerate(names, start=1):
        data = {"name": name, "venue_type": venue}
        index.add("place", entity_id, mention_keys("place", data), [], place_features(data))
    return index


def test_a_typo_is_compared_through_a_word_of_the_name_but_not_through_a_word_too_common():
    from joinedup.identity.resolve import PLACE_WORD_CAP

    index = _index_with("Cluckers Chicken")
    assert index.resolve("place", {"name": "Cluckres Chicken", "venue_type": "takeaway"}, None).entity_id == 1
    crowded = _index_with("Cluckers Chicken", *[f"Chicken Place{n}" for n in range(PLACE_WORD_CAP + 1)])
    resolution = crowded.resolve("place", {"name": "Cluckres Chicken", "venue_type": "takeaway"}, None)
    assert resolution.entity_id is None and resolution.possible == []  # "chicken" names too many places
