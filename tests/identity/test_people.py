import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from joinedup.identity.normalise.ages import birth_range, parse_age, parse_date
from joinedup.identity.normalise.given_names import given_groups, given_key
from joinedup.identity.normalise.people import family_key, nickname_core, person_features, person_similarity

RECEIVED = "2024-03-02T23:40:00+00:00"


def _levels(outcomes):
    return {o.field: o.level for o in outcomes}


@pytest.mark.parametrize(
    ("a", "b"),
    [("mo", "mohammed"), ("muhammad", "mohammed"), ("mohammad", "mohamed"), ("dave", "david"), ("kasia", "katarzyna"),
     ("gosia", "malgorzata"), ("kayley", "kayleigh"), ("becky", "rebecca"), ("liam", "william"), ("yousef", "yusuf"),
     ("tasha", "natasha"), ("aisha", "ayesha"), ("baz", "barry"), ("tommo", "thomas"), ("sam", "samuel"),
     ("sam", "samantha")],
)
def test_given_name_variants_and_nicknames_share_a_group(a, b):
    assert given_groups(a) & given_groups(b)


def test_the_child_matcher_uses_the_same_variant_table():
    from joinedup.records.names import given_key as child_given_key

    assert child_given_key("Kayley") == child_given_key("Kayleigh") == given_key("kayleigh")
    assert child_given_key("Mo") == given_key("mohammed")


def test_a_shared_short_form_is_keyed_by_the_persons_sex_when_known():
    assert given_key("sam", "m") == "samuel"
    assert given_key("sam", "f") == "samantha"
    assert given_key("mo") == "mohammed"
    assert given_key("zebedee") == "zebedee"


@pytest.mark.parametrize(
    ("written", "key"),
    [("McDonald", "mcdonald"), ("MacDonald", "mcdonald"), ("Mc Donald", "mcdonald"), ("mcdonald", "mcdonald"),
     ("O'Neill", "oneill"), ("O’Neill", "oneill"), ("ONeill", "oneill"), ("Smith-Jones", "smithjones"),
     ("Smith Jones", "smithjones"), ("St John", "stjohn"), ("Saint John", "stjohn"), ("St. John", "stjohn"),
     ("Mack", "mack"), ("Macey", "macey"), ("Kowalczyk", "kowalczyk"), ("Wiśniewski", "wisniewski"),
     ("Łukasz", "lukasz"), ("", "")],
)
def test_family_names_fold_case_punctuation_and_mac(written, key):
    assert family_key(written) == key


@pytest.mark.parametrize(
    ("written", "core"),
    [("Big Dave", "dave"), ("Mo", "mo"), ("Lil' J", "j"), ("Uncle D", "d"), ("Shifty", "shifty"), ("the Boss", "boss"),
     ("Big Mo", "mo")],
)
def test_a_nickname_is_reduced_to_its_core(written, core):
    assert nickname_core(written) == core


def test_a_nickname_written_inside_the_given_name_is_moved_to_the_nickname():
    for written in ('Mohammed "Mo"', "Mohammed (Mo)", "Mohammed aka Mo", "Mohammed known as Mo"):
        features = person_features({"given_name": written}, RECEIVED)
        assert (features.given, features.nickname, features.nickname_key) == ("mohammed", "mo", "mohammed")


@pytest.mark.parametrize(
    ("written", "expected"),
    [("2010-07-14", (dt.date(2010, 7, 14),) * 2), ("14/07/2010", (dt.date(2010, 7, 14),) * 2),
     ("14.7.2010", (dt.date(2010, 7, 14),) * 2), ("14-07-10", (dt.date(2010, 7, 14),) * 2),
     ("14 July 2010", (dt.date(2010, 7, 14),) * 2), ("14th Jul 2010", (dt.date(2010, 7, 14),) * 2),
     ("07/2010", (dt.date(2010, 7, 1), dt.date(2010, 7, 31))), ("July 2010", (dt.date(2010, 7, 1), dt.date(2010, 7, 31))),
     ("2010", (dt.date(2010, 1, 1), dt.date(2010, 12, 31))), (dt.date(2010, 7, 14), (dt.date(2010, 7, 14),) * 2),
     ("31/02/2010", None), ("not known", None), ("", None), (None, None), ("2099-01-01", None)],
)
def test_dates_of_birth_are_read_day_first_and_partial_dates_as_ranges(written, expected):
    assert parse_date(written, dt.date(2024, 3, 2)) == expected


@pytest.mark.parametrize(
    ("written", "expected"),
    [(35, (35, 35, False)), ("35", (35, 35, False)), ("about 35", (35, 35, False)), ("35ish", (35, 35, False)),
     ("30-35", (30, 35, True)), ("30 to 35", (30, 35, True)), ("30s", (30, 39, True)), ("mid 30s", (33, 37, True)),
     ("early 20s", (20, 23, True)), ("late 40's", (47, 49, True)), ("late teens", (17, 19, True)),
     ("teenager", (13, 19, True)), ("40+", (40, 55, True)), ("over 40", (40, 55, True)), ("under 18", (11, 17, True)),
     ("old", None), (None, None), (True, None), (-3, None)],
)
def test_approximate_ages_are_read_as_ranges(written, expected):
    assert parse_age(written) == expected


def test_an_approximate_age_becomes_a_birth_range_as_of_when_the_concern_was_received():
    dates, source = birth_range(None, 35, dt.date(2024, 3, 2))
    assert source == "age"
    assert dates[0] < dt.date(1989, 3, 2) < dates[1]  # exactly 35
    assert dates[0] <= dt.date(1984, 3, 3) and dates[1] >= dt.date(1993, 3, 2)  # give or take 5 years
    assert birth_range(None, 35, None) == (None, "")  # no date, no range
    assert birth_range("1988-05-01", 35, dt.date(2024, 3, 2))[1] == "dob"  # a date of birth wins


def test_ages_given_years_apart_are_compared_as_of_their_own_dates():
    then = person_features({"given_name": "Mo", "approx_age": 30}, "2019-03-02")
    now = person_features({"given_name": "Mo", "approx_age": 35}, "2024-03-02")
    stale = person_features({"given_name": "Mo", "approx_age": 30}, "2024-03-02")
    assert _levels(person_similarity(then, now)[1])["birth"] == "overlaps"
    assert person_similarity(then, now)[0] >= person_similarity(stale, then)[0]


def test_an_age_that_cannot_fit_a_date_of_birth_counts_against():
    child = person_features({"given_name": "Mo", "dob": "2010-07-14"}, RECEIVED)
    adult = person_features({"given_name": "Mo", "approx_age": 40}, RECEIVED)
    assert _levels(person_similarity(child, adult)[1])["birth"] == "differs"


def test_features_are_plain_columns():
    features = person_features({"given_name": "Kayleigh", "family_name": "McDonald-Jones", "dob": "14/07/2010",
                                "sex": "Female", "phone": "07700 900461", "address": "Flat 2, 14 Mill Ln",
                                "postcode": "nt42qp"}, RECEIVED)
    assert all(isinstance(value, str) for value in features)
    assert features._asdict() == {
        "given": "kayleigh", "given_key": "kayleigh", "middle": "", "family": "mcdonald jones",
        "family_key": "mcdonaldjones", "nickname": "", "nickname_key": "", "sex": "f", "dob": "2010-07-14",
        "birth_min": "2010-07-14", "birth_max": "2010-07-14", "age_source": "dob", "phone": "+447700900461",
        "postcode": "NT4 2QP", "district": "NT4", "address": "14 mill lane", "flat": "2"}


def test_the_same_man_written_up_by_two_agencies_matches_with_every_field_explained():
    police = person_features({"given_name": "Mohammed", "family_name": "Khan", "dob": "1988-05-01", "sex": "male",
                              "phone": "07700 900461"}, "2022-01-01")
    school = person_features({"given_name": "Muhammad", "family_name": "Khan", "dob": "01/05/1988",
                              "phone": "+44 7700 900461"}, "2023-06-01")
    score, outcomes = person_similarity(police, school)
    assert score > 0.99
    assert [o.field for o in outcomes] == ["given_name", "family_name", "nickname", "sex", "birth", "phone", "address"]
    assert _levels(outcomes) == {"given_name": "variant", "family_name": "exact", "nickname": "missing",
                                 "sex": "missing", "birth": "exact", "phone": "exact", "address": "missing"}


@pytest.mark.parametrize(
    ("a", "b", "field", "level"),
    [({"given_name": "Mo"}, {"nickname": "Big Mo"}, "given_name", "nickname_matches_given"),
     ({"given_name": "Mohammed"}, {"given_name": "Mo"}, "given_name", "variant"),
     ({"given_name": "Kayleigh"}, {"given_name": "Kayleihg"}, "given_name", "typo"),
     ({"given_name": "J"}, {"given_name": "Jay"}, "given_name", "initial"),
     ({"given_name": "Mohammed", "family_name": "Khan"}, {"given_name": "Khan", "family_name": "Mohammed"},
      "family_name", "swapped_with_given"),
     ({"family_name": "Smith-Jones"}, {"family_name": "Jones"}, "family_name", "part"),
     ({"family_name": "McDonald"}, {"family_name": "MacDonald"}, "family_name", "exact"),
     ({"family_name": "Dunn"}, {"family_name": "Dunne"}, "family_name", "typo"),
     ({"family_name": "Dunn"}, {"family_name": "Patel"}, "family_name", "differs"),
     ({"nickname": "Shifty"}, {"nickname": "shifty"}, "nickname", "exact"),
     ({"nickname": "Smithy"}, {"family_name": "Smith"}, "nickname", "from_family_name"),
     ({"sex": "male"}, {"sex": "f"}, "sex", "differs"),
     ({"dob": "1980-03-04"}, {"dob": "1980-04-03"}, "birth", "day_month_swapped"),
     ({"dob": "1980-03-04"}, {"dob": "1980-03-05"}, "birth", "one_digit"),
     ({"phone": "900461"}, {"phone": "07700 900461"}, "phone", "fragment"),
     ({"phone": "07700 900462"}, {"phone": "07700 900461"}, "phone", "differs"),
     ({"address": "14 Mill Lane"}, {"address": "Flat 2, 14 Mill Ln"}, "address", "same_building"),
     ({"postcode": "NT4 2QP"}, {"postcode": "nt42qp"}, "address", "postcode_exact")],
)
def test_each_field_reports_its_own_outcome(a, b, field, level):
    _, outcomes = person_similarity(person_features(a, RECEIVED), person_features(b, RECEIVED))
    assert _levels(outcomes)[field] == level


def test_evidence_adds_up():
    mo = person_features({"given_name": "Mo", "approx_age": 35, "sex": "male"}, RECEIVED)
    mohammed = person_features({"given_name": "Mohammed", "dob": "1988-05-01", "sex": "m"}, RECEIVED)
    with_phone = mo._replace(phone="+447700900461")
    assert person_similarity(mo, mohammed)[0] < person_similarity(with_phone, mohammed._replace(phone="+447700900461"))[0]
    other_sex = mohammed._replace(sex="f")
    assert person_similarity(mo, other_sex)[0] < person_similarity(mo, mohammed)[0]


names = st.sampled_from(["Mo", "Mohammed", "Kayleigh", "Kayley", "Dave", "J", "", "Smith", "O'Neill"])
people = st.fixed_dictionaries({}, optional={
    "given_name": st.one_of(names, st.text(max_size=12)), "family_name": st.one_of(names, st.text(max_size=12)),
    "nickname": st.one_of(names, st.text(max_size=10)), "sex": st.sampled_from(["male", "female", "m", "x", ""]),
    "dob": st.one_of(st.dates().map(str), st.text(max_size=10)),
    "approx_age": st.one_of(st.integers(-5, 130), st.text(max_size=8), st.none()),
    "phone": st.one_of(st.sampled_from(["07700 900461", "900461"]), st.text(max_size=12)),
    "address": st.text(max_size=20), "postcode": st.text(max_size=8),
})
received = st.one_of(st.none(), st.datetimes().map(lambda d: d.isoformat()), st.text(max_size=12))


@given(people, people, received)
def test_person_similarity_never_raises_is_symmetric_and_a_probability(a, b, when):
    fa, fb = person_features(a, when), person_features(b, when)
    score, outcomes = person_similarity(fa, fb)
    assert 0.0 <= score <= 1.0
    assert score == pytest.approx(person_similarity(fb, fa)[0])
    assert [o.level for o in outcomes] == [o.level for o in person_similarity(fb, fa)[1]]


@given(people, received)
def test_a_person_is_always_at_least_as_similar_to_themselves_as_to_nobody(a, when):
    features = person_features(a, when)
    assert person_similarity(features, features)[0] >= person_similarity(features, person_features({}, when))[0]


def test_an_age_of_infinity_or_not_a_number_is_no_age():
    from joinedup.identity.normalise.ages import parse_age

    assert parse_age(float("inf")) is None and parse_age(float("nan")) is None and parse_age(-float("inf")) is None
