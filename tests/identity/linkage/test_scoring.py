"""The pure-Python scorer gives exactly Splink's match weight, explains itself, and is fast."""

from __future__ import annotations

import random
import time

import pytest

from joinedup.identity.linkage import MODEL_PATH, load_model, score_pair, score_records
from joinedup.identity.linkage.engine import connect, make_linker
from joinedup.identity.linkage.records import COLUMNS, to_arrow
from joinedup.identity.normalise import person_features

RECEIVED = "2024-03-02T23:40:00+00:00"


def _splink_weights(records, path):
    """Splink's own match weight for every blocked pair, and for a sample of random pairs."""
    con = connect()
    linker = make_linker(to_arrow(records, ["unique_id", *COLUMNS]), path, con)
    predicted = linker.inference.predict(warning_mode="never")
    rows = con.execute(f"SELECT unique_id_l, unique_id_r, match_weight FROM {predicted.physical_name}").fetchall()
    sample = [{k: v or None for k, v in r.items()} for r in random.Random(1).sample(records, 40)]  # "" is NULL
    scored = linker.inference.score_pairs(sample[:20], sample[20:])
    rows += con.execute(f"SELECT unique_id_l, unique_id_r, match_weight FROM {scored.physical_name}").fetchall()
    return rows


@pytest.mark.parametrize("which", ["trained here", "committed"])
def test_python_scores_equal_splinks_predicted_match_weights(which, small_town, small_model):
    records, _ = small_town
    path = small_model[1] if which == "trained here" else MODEL_PATH
    model = load_model(path)
    by_id = {r["unique_id"]: r for r in records}
    rows = _splink_weights(records, path)
    assert len(rows) > 1000
    for left, right, weight in rows:
        assert score_records(by_id[left], by_id[right], model)[0] == pytest.approx(weight, abs=1e-6), (left, right)


def _person(**fields):
    return person_features(fields, RECEIVED)


def test_the_same_person_written_two_ways_scores_high():
    a = _person(given_name="Kayleigh", family_name="Dunn", dob="2010-07-14", sex="female", postcode="NT4 2QP",
                address="14 Mill Lane, Northtown")
    b = _person(given_name="Kayley", family_name="Dunn", dob="14/07/2010", sex="f", postcode="NT4 2QP",
                address="14 Mill Ln")
    weight, probability, _ = score_pair(a, b)
    assert probability > 0.99 and weight > 10


def test_different_people_score_low():
    a = _person(given_name="Kayleigh", family_name="Dunn", dob="2010-07-14", sex="female", postcode="NT4 2QP")
    b = _person(given_name="Mohammed", family_name="Khan", approx_age=35, sex="male", postcode="NT1 3AB")
    weight, probability, _ = score_pair(a, b)
    assert probability < 0.001 and weight < -10


def test_twins_score_lower_than_the_same_child():
    kayleigh = _person(given_name="Kayleigh", family_name="Dunn", dob="2010-07-14", sex="female", postcode="NT4 2QP")
    again = _person(given_name="Kayleigh", family_name="Dunn", dob="2010-07-14", sex="female")
    twin = _person(given_name="Jordan", family_name="Dunn", dob="2010-07-14", sex="male", postcode="NT4 2QP")
    assert score_pair(kayleigh, again)[0] > score_pair(kayleigh, twin)[0] + 10


def test_the_waterfall_starts_with_the_prior_and_adds_up_to_the_match_weight():
    a = _person(given_name="Mo", family_name="Khan", approx_age=35, sex="male", phone="07700 900461")
    b = _person(given_name="Mohammed", family_name="Khan", dob="1989-02-01", sex="male", phone="07700900461")
    weight, probability, steps = score_pair(a, b)
    assert steps[0].comparison == "prior"
    assert [s.comparison for s in steps[1:]] == [c.name for c, _ in load_model().comparisons]
    assert dict((s.comparison, s.level) for s in steps)["given_name"] == "known_variant"
    assert dict((s.comparison, s.level) for s in steps)["phone"] == "exact"
    assert sum(s.match_weight for s in steps) == pytest.approx(weight)
    assert probability == pytest.approx(2 ** weight / (1 + 2 ** weight))
    assert steps[1].bayes_factor == pytest.approx(2 ** steps[1].match_weight)


def test_scoring_a_pair_takes_well_under_a_millisecond(small_town):
    records, _ = small_town
    people = [person_features({"given_name": r["given"], "family_name": r["family"], "dob": r["dob"],
                               "sex": r["sex"], "postcode": r["postcode"]}, RECEIVED) for r in records[:200]]
    model = load_model()
    began = time.perf_counter()
    for a, b in zip(people, reversed(people), strict=True):
        score_pair(a, b, model)
    assert (time.perf_counter() - began) / len(people) < 0.0005


def test_a_floor_changes_no_probability_that_reaches_it(small_town):
    # Resolving a person mention scores hundreds of candidates with floor=PERSON_POSSIBLE: a pair stops
    # being scored once it cannot reach the floor, and every pair that can reach it is scored in full.
    from joinedup.identity.linkage import match_probability

    records, truth = small_town
    model = load_model()
    rng = random.Random(5)
    by_truth = {}
    for r in records:
        by_truth.setdefault(truth[r["unique_id"]], []).append(r)
    same = [group[:2] for group in by_truth.values() if len(group) > 1][:300]
    pairs = same + [rng.sample(records, 2) for _ in range(1000)]
    reached = 0
    for floor in (0.6, 0.97):
        for a, b in pairs:
            full = match_probability(a, b, model)
            floored = match_probability(a, b, model, floor=floor)
            if full >= floor:
                reached += 1
                assert floored == full
            else:
                assert floored == 0.0 or floored == full
    assert reached > 100  # the same people are mostly above both floors
