"""Bulk relinking with the saved model: Splink predict on DuckDB, then connected components."""

from __future__ import annotations

import importlib
import itertools
from collections import defaultdict

import pytest

from joinedup.identity.linkage import MODEL_PATH, person_record, relink
from joinedup.identity.linkage import engine as linkage_engine

RECEIVED = "2024-03-02T23:40:00+00:00"


def _records():
    kayleigh = [
        {"given_name": "Kayleigh", "family_name": "Dunn", "dob": "2010-07-14", "sex": "female", "postcode": "NT4 2QP",
         "address": "14 Mill Lane"},
        {"given_name": "Kayley", "family_name": "Dunn", "dob": "14/07/2010", "sex": "female", "postcode": "NT4 2QP"},
        {"given_name": "Kayleigh", "family_name": "Dunn", "dob": "2010-07-14", "address": "14 Mill Lane, Northtown"},
    ]
    mo = [
        {"given_name": "Mohammed", "family_name": "Khan", "approx_age": 35, "sex": "male", "phone": "07700 900461"},
        {"given_name": "Mo", "family_name": "Khan", "approx_age": "mid 30s", "sex": "male", "phone": "07700900461"},
    ]
    other = [{"given_name": "Jordan", "family_name": "Dunn", "dob": "2012-01-03", "sex": "male", "postcode": "NT4 2QP"},
             {"given_name": "Mohammed", "family_name": "Khan", "approx_age": 60, "sex": "male", "postcode": "NT9 1AA"}]
    people = [("k", kayleigh), ("m", mo), ("o", other)]
    return [person_record(f"{tag}{i}", mention, RECEIVED) for tag, group in people for i, mention in enumerate(group)]


def test_relink_clusters_each_person_and_keeps_others_apart():
    stages = []
    result = relink(_records(), MODEL_PATH, progress=lambda stage, done, total: stages.append(stage))
    pairs = result.pair_list()
    assert result.groups() == [["k0", "k1", "k2"], ["m0", "m1"]]
    assert len({result.clusters["o0"], result.clusters["o1"], result.clusters["k0"]}) == 3
    assert all(p.match_probability >= 0.95 for p in pairs)
    assert {(p.id_l, p.id_r) for p in pairs} >= {("m0", "m1")}
    assert stages[0] == "load" and "predict" in stages and stages[-1] == "done"


def test_a_higher_threshold_links_less():
    low, high = relink(_records(), threshold=0.5), relink(_records(), threshold=0.999999)
    assert high.pairs.num_rows < low.pairs.num_rows
    assert all(p.match_probability >= 0.999999 for p in high.pair_list())


def test_relink_on_a_small_town_is_mostly_right(small_town, small_model):
    records, truth = small_town
    result = relink(records, small_model[1], chunk_records=1000)  # 3 x 3 chunks
    predicted = defaultdict(list)
    for record, cluster in result.clusters.items():
        predicted[cluster].append(record)
    assert len(result.clusters) == len(records)
    linked = [(a, b) for members in predicted.values() for a, b in itertools.combinations(members, 2)]
    right = sum(truth[a] == truth[b] for a, b in linked)
    assert len(linked) > 1000 and right / len(linked) > 0.9


def test_relink_opens_duckdb_without_extension_autoloading(monkeypatch):
    opened = []

    def spy(**options):
        con = linkage_engine.connect(**options)
        opened.append(dict(con.execute("SELECT name, value FROM duckdb_settings() "
                                       "WHERE name LIKE 'auto%_known_extensions'").fetchall()))
        return con

    # the package exports the function `relink`, which hides the module of the same name from getattr
    monkeypatch.setattr(importlib.import_module("joinedup.identity.linkage.relink"), "connect", spy)
    relink(_records()[:2])
    assert opened == [{"autoinstall_known_extensions": "false", "autoload_known_extensions": "false"}]


def test_the_prior_is_the_models_below_the_size_where_it_is_estimated_from_the_data():
    import json

    from joinedup.identity.linkage.relink import prior_from_data

    saved = json.loads(MODEL_PATH.read_text())["probability_two_random_records_match"]
    assert relink(_records()).prior == pytest.approx(saved)
    assert relink(_records(), prior="model").prior == pytest.approx(saved)
    assert not prior_from_data("auto", 99_999) and prior_from_data("auto", 100_000)
    assert prior_from_data("data", 5) and not prior_from_data("model", 10**7)
    with pytest.raises(ValueError, match="prior must be"):
        prior_from_data("guess", 10)


def test_a_prior_estimated_from_the_records_falls_as_the_population_grows(small_town):
    """The chance that two random records are one person is about 1/N: a town and a second town of
    other people just like it (every family name changed) give half the prior of the first alone."""
    records, _ = small_town
    twin = [{**r, "unique_id": "twin|" + r["unique_id"], "family": r["family"] + "z" if r["family"] else "",
             "family_key": r["family_key"] + "z" if r["family_key"] else ""} for r in records]
    one, two = relink(records, prior="data"), relink(records + twin, prior="data")
    assert two.prior == pytest.approx(one.prior / 2, rel=0.02)
    alone = {(p.id_l, p.id_r) for p in one.pair_list()}
    among_the_first = {(p.id_l, p.id_r) for p in two.pair_list() if not p.id_l.startswith("twin|") and not p.id_r.startswith("twin|")}
    assert among_the_first < alone, "a smaller prior links fewer of the same pairs, never new ones"
