import pytest
from hypothesis import given
from hypothesis import strategies as st

from joinedup.identity.normalise.vehicles import (
    colour_family,
    colour_key,
    firm_key,
    make_key,
    model_key,
    vehicle_description_key,
)


@pytest.mark.parametrize(
    ("written", "make"),
    [("VW", "volkswagen"), ("Volkswagen", "volkswagen"), ("volkswagon", "volkswagen"), ("V.W.", "volkswagen"),
     ("Merc", "mercedes"), ("Mercedes-Benz", "mercedes"), ("MERCEDES BENZ", "mercedes"), ("Mercedes", "mercedes"),
     ("Beemer", "bmw"), ("B.M.W", "bmw"), ("Vauxhal", "vauxhall"), ("Škoda", "skoda"), ("Toyta", "toyota"),
     ("Range Rover", "landrover"), ("", ""), ("Zastava", "zastava")],
)
def test_it_folds_the_ways_people_write_a_make(written, make):
    assert make_key(written) == make


@pytest.mark.parametrize(
    ("model", "make", "key"),
    [("C-Class", "Mercedes", "cclass"), ("c class", "Merc", "cclass"), ("3 Series", "BMW", "3series"),
     ("VW Golf", "VW", "golf"), ("Golf", "Volkswagen", "golf"), ("Prius", "", "prius")],
)
def test_it_folds_models_and_drops_a_make_written_into_the_model(model, make, key):
    assert model_key(model, make) == key


@pytest.mark.parametrize(
    ("colour", "key", "family"),
    [("grey", "grey", "grey"), ("Gray", "grey", "grey"), ("silver", "silver", "silver"),
     ("metallic silver", "silver", "silver"), ("light grey", "light grey", "grey"),
     ("dark grey", "dark grey", "grey"), ("Navy", "navy", "blue"), ("navy blue", "navy", "blue"),
     ("dark blue", "dark blue", "blue"), ("silver/grey", "silver", "silver"), ("maroon", "maroon", "red"),
     ("burgundy", "maroon", "red"), ("", "", "")],
)
def test_it_folds_colours_into_a_key_and_a_family(colour, key, family):
    assert (colour_key(colour), colour_family(colour)) == (key, family)


def test_silver_and_grey_are_different_colours():
    assert colour_key("silver") != colour_key("grey")
    assert colour_family("silver") != colour_family("grey")
    assert vehicle_description_key("Toyota", "Prius", "silver") != vehicle_description_key("Toyota", "Prius", "grey")


@pytest.mark.parametrize(
    ("a", "b"),
    [(("VW", "Golf", "gray"), ("Volkswagen", "golf", "Grey")),
     (("Merc", "C-Class", "black"), ("Mercedes-Benz", "C Class", "Black")),
     (("Vauxhal", "Astra", "navy"), ("Vauxhall", "ASTRA", "dark blue"))],
)
def test_the_same_car_described_differently_has_one_description_key(a, b):
    assert vehicle_description_key(*a) == vehicle_description_key(*b)


def test_a_description_key_says_which_parts_are_unknown():
    assert vehicle_description_key("VW", "Golf", "gray") == "volkswagen|golf|grey"
    assert vehicle_description_key(None, None, "silver") == "||silver"


@pytest.mark.parametrize("written", ["Star Cars", "STAR TAXIS", "star taxi", "Star Private Hire", "Star Cabs Ltd"])
def test_a_taxi_firm_is_keyed_by_its_name_without_the_trade_words(written):
    assert firm_key(written) == "star"


@given(st.text(max_size=30), st.text(max_size=30), st.text(max_size=30))
def test_vehicle_descriptions_never_raise_and_ignore_case(make, model, colour):
    key = vehicle_description_key(make, model, colour)
    assert key.count("|") == 2
    assert vehicle_description_key(make.upper(), model.upper(), colour.upper()) == vehicle_description_key(
        make.lower(), model.lower(), colour.lower())
