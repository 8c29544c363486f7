"""The child matcher as plain functions (no database)."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from joinedup.records.matching import ChildIndex, Description, score

AUTO, REVIEW = 13, 6
RECEIVED = dt.datetime(2024, 3, 4, tzinfo=dt.UTC)


def desc(agency=1, **child):
    return Description.from_child_data(agency, child, RECEIVED)


def resolve(existing, new):
    index = ChildIndex()
    for key, d in existing.items():
        index.add(d, key)
    return index.resolve(new, AUTO, REVIEW)


KAYLEIGH = dict(given_name="Kayleigh", family_name="Testwood", dob="2010-07-14", sex="female", postcode="NT4 2QP")


def test_an_equal_nhs_number_is_the_same_child_whatever_the_names():
    outcome = resolve({7: desc(nhs_number="999 123 4567", given_name="Kay")},
                      desc(agency=2, nhs_number="9991234567", given_name="Someone"))
    assert (outcome.child_key, outcome.method) == (7, "identifier")


def test_the_same_agencys_own_reference_is_the_same_child():
    outcome = resolve({7: desc(ref="P-88121", given_name="Kayleigh")}, desc(ref="P-88121", given_name="K"))
    assert (outcome.child_key, outcome.method) == (7, "agency_ref")


def test_another_agencys_equal_reference_is_not_an_identifier():
    outcome = resolve({7: desc(agency=1, ref="X-1", given_name="Amy")}, desc(agency=2, ref="X-1", given_name="Zoe"))
    assert outcome.child_key is None


def test_a_nickname_and_the_same_date_of_birth_link_across_agencies():
    outcome = resolve({7: desc(**KAYLEIGH)}, desc(agency=2, **{**KAYLEIGH, "given_name": "Kayley", "postcode": ""}))
    assert outcome.child_key == 7
    assert outcome.score.points >= AUTO
    assert ("given name", "known variant", 4.0) in outcome.score.explanation


def test_a_typo_in_the_family_name_and_a_swapped_day_and_month_still_link():
    other = {**KAYLEIGH, "family_name": "Testwod", "dob": "2010-07-04", "postcode": "NT4 2QP"}
    outcome = resolve({7: desc(**KAYLEIGH)}, desc(agency=2, **other))
    assert outcome.child_key == 7


def test_twins_are_not_linked_automatically():
    twin = {**KAYLEIGH, "given_name": "Jordan"}
    outcome = resolve({7: desc(**KAYLEIGH)}, desc(agency=2, **twin))
    assert outcome.child_key is None


def test_an_uncertain_match_is_offered_for_review_not_linked():
    # Same name and postcode, no date of birth: probably the same child, but a person should decide.
    partial = {"given_name": "Kayleigh", "family_name": "Testwood", "approx_age": 13}
    outcome = resolve({7: desc(**KAYLEIGH)}, desc(agency=2, **partial))
    assert outcome.child_key is None
    assert [key for key, _ in outcome.possible] == [7]


def test_a_different_date_of_birth_is_a_different_child():
    other = {**KAYLEIGH, "dob": "2013-01-30", "postcode": "NT9 1AA"}
    outcome = resolve({7: desc(**KAYLEIGH)}, desc(agency=2, **other))
    assert outcome.child_key is None and outcome.possible == []


def test_conflicting_nhs_numbers_never_link():
    a = desc(nhs_number="9990000001", **KAYLEIGH)
    b = desc(agency=2, nhs_number="9990000002", **KAYLEIGH)
    assert score(a, b).points < 0


def test_every_score_explains_itself_field_by_field():
    s = score(desc(**KAYLEIGH), desc(agency=2, **KAYLEIGH))
    fields = {field for field, _, _ in s.explanation}
    assert {"given name", "family name", "date of birth", "postcode", "sex"} <= fields
    assert s.points == sum(points for _, _, points in s.explanation)


names = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=12)


@given(names, names, st.dates(min_value=dt.date(2005, 1, 1), max_value=dt.date(2022, 12, 31)))
def test_scoring_is_symmetric_and_identical_descriptions_link(given_name, family_name, dob):
    a = desc(given_name=given_name, family_name=family_name, dob=dob.isoformat())
    b = desc(agency=2, given_name=given_name, family_name=family_name, dob=dob.isoformat())
    assert score(a, b).points == score(b, a).points >= AUTO


@pytest.mark.django_db
def test_a_single_arrival_loads_each_way_a_child_was_written_once(submit):
    """load_index_for reads a candidate child's descriptions grouped in the database: the same
    descriptions as reading every row, each once (a birth year from an approximate age included)."""
    import dataclasses

    from joinedup.records.ingest import _distinct_descriptions, stored_descriptions
    from joinedup.records.models import ConcernChild

    kay = {"ref": "P-1", "given_name": "Kayleigh", "family_name": "Testwood", "dob": "2010-07-14", "sex": "female"}
    for _ in range(3):
        submit("police", children=[kay])
    submit("police", children=[{k: v for k, v in kay.items() if k != "dob"} | {"approx_age": 13}])
    submit("school", children=[{**kay, "ref": "NA-1", "given_name": "Kayley"}])
    rows = ConcernChild.objects.all()
    every = [dataclasses.astuple(d) for _, d in stored_descriptions(rows.order_by("pk"))]
    once = [dataclasses.astuple(d) for _, d in _distinct_descriptions(rows)]
    assert len(every) == 5 and len(once) == 3
    assert once == list(dict.fromkeys(every))  # in the order each was first written
    assert any(d[7] is None and d[8] == 2011 for d in once)  # birth year 2024 - 13
