"""Scoring of network detection against hidden truth (sim/evaluate.py), on hand-made alerts and truth."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path
from xml.etree import ElementTree

import pytest

from sim import evaluate, evaluate_plot

POLICE, SCHOOL, PUBLIC = "Northtown Police", "Northtown Academy", "Public reporting"


def _record(agency: str, source_ref: str, received: str, refs: list[str | None], kinds=("vehicle",)) -> dict:
    return {
        "agency": {"name": agency}, "source_ref": source_ref, "received_at": received,
        "children": [{"ref": r, "given_name": "X"} if r else {"given_name": "X"} for r in refs],
        "mentions": [{"kind": k, "role": "other"} for k in kinds],
    }


# Six concerns, one a day in January 2024 at 10:00 UTC (the third is written as 11:00+01:00,
# to check that instants, not strings, are compared). Victims V1..V3 of network N1; B1, B2 benign.
RECORDS = [
    _record(POLICE, "P1", "2024-01-01T10:00:00+00:00", ["p-v1"]),
    _record(SCHOOL, "S1", "2024-01-02T10:00:00+00:00", ["s-v2"]),
    _record(PUBLIC, "R1", "2024-01-03T11:00:00+01:00", [None]),
    _record(POLICE, "P2", "2024-01-04T10:00:00+00:00", ["p-b1", "p-b2"], kinds=("place",)),
    _record(SCHOOL, "S2", "2024-01-05T10:00:00+00:00", ["s-v1"]),
    _record(POLICE, "P3", "2024-01-06T10:00:00+00:00", ["p-v3"]),
]
TRUTH = {
    "children": {"Northtown Police|P1": ["V1"], "Northtown Academy|S1": ["V2"], "Public reporting|R1": ["V3"],
                 "Northtown Police|P2": ["B1", "B2"], "Northtown Academy|S2": ["V1"], "Northtown Police|P3": ["V3"]},
    "mentions": {"Northtown Police|P1": ["E-car"], "Northtown Academy|S1": ["E-car"], "Public reporting|R1": ["E-car"],
                 "Northtown Police|P2": ["E-park"], "Northtown Academy|S2": [None], "Northtown Police|P3": ["E-car"]},
    "networks": [{"id": "N1", "kind": "boyfriend", "victims": ["V1", "V2", "V3"],
                  "first_alert_possible_at": {"2": "2024-01-02T10:00:00+00:00", "3": "2024-01-03T10:00:00+00:00"}},
                 {"id": "N2", "kind": "landlord", "victims": ["V8", "V9"],
                  "first_alert_possible_at": {"2": None, "3": None}}],
    "child_register": {"B1": {"family": "F1"}, "B2": {"family": "F1"}, "V1": {"family": "F2"}},
    "entities": {"E-car": {"network": "N1"}, "E-park": {"network": None}},
}


def _child(linked: str, *refs: tuple[str, str]) -> dict:
    return {"child_id": "C-1", "linked_at": linked, "refs": [{"agency": a, "ref": r} for a, r in refs]}


def _alert(aid: str, raised: str, children: list[dict], evidence=(), kind="shared_entity", entity=("vehicle", "AB12 CDE")):
    return {"id": aid, "kind": kind, "raised_at": raised, "children": children,
            "entities": [{"entity_id": "E-1", "kind": entity[0], "label": entity[1]}],
            "evidence": [{"agency": a, "source_ref": s} for a, s in evidence]}


@pytest.fixture(scope="module")
def index():
    return evaluate.TownIndex(RECORDS, TRUTH)


def test_refs_map_to_the_true_child_and_arrivals_are_instants(index):
    assert index.ref_to_child[(POLICE, "p-v1")] == {"V1"}
    assert index.ref_to_child[(SCHOOL, "s-v1")] == {"V1"}
    assert index.refless["Public reporting|R1"] == {"V3"}
    assert index.concerns_between(evaluate.when("2024-01-02T10:00:00+00:00"), evaluate.when("2024-01-04T10:00:00+00:00")) == 2
    assert index.concerns_between(evaluate.when("2024-01-04T10:00:00+00:00"), evaluate.when("2024-01-02T10:00:00+00:00")) == -2


def test_a_child_without_refs_maps_through_the_evidence_that_arrived_when_it_linked(index):
    alert = _alert("A1", "2024-01-03T10:00:00+00:00", [
        _child("2024-01-01T10:00:00+00:00", (POLICE, "p-v1")),
        _child("2024-01-03T10:00:00+00:00"),  # the public report (its +01:00 time is the same instant)
    ], evidence=[(POLICE, "P1"), (PUBLIC, "R1")])
    assert evaluate.map_alert(alert, index) == [{"V1"}, {"V3"}]


def test_a_child_without_refs_or_matching_arrival_falls_back_to_the_evidence_less_known_children(index):
    alert = _alert("A1", "2024-01-09T10:00:00+00:00", [
        _child("2024-01-09T10:00:00+00:00", (POLICE, "p-v1")), _child("2024-01-09T10:00:00+00:00"),
    ], evidence=[(POLICE, "P1"), (PUBLIC, "R1")])
    assert evaluate.map_alert(alert, index)[1] == {"V3"}
    assert evaluate.map_alert(_alert("A2", "2024-01-09T10:00:00+00:00", [_child("2024-01-09T10:00:00+00:00")]), index) == [set()]


def test_detection_needs_two_distinct_victims_and_happens_when_the_second_joins(index):
    victims = {"V1", "V2", "V3"}
    alert = _alert("A1", "2024-01-02T10:00:00+00:00", [
        _child("2024-01-01T10:00:00+00:00", (POLICE, "p-v1")), _child("2024-01-02T10:00:00+00:00", (SCHOOL, "s-v2")),
    ])
    seen, moment = evaluate.covered(alert, evaluate.map_alert(alert, index), victims)
    assert seen == {"V1", "V2"} and moment == evaluate.when("2024-01-02T10:00:00+00:00")
    # the same victim twice (not merged across agencies) is not two victims
    twice = _alert("A2", "2024-01-05T10:00:00+00:00", [
        _child("2024-01-01T10:00:00+00:00", (POLICE, "p-v1")), _child("2024-01-05T10:00:00+00:00", (SCHOOL, "s-v1")),
    ])
    assert evaluate.covered(twice, evaluate.map_alert(twice, index), victims) == (set(), None)
    # one record wrongly merging two victims is not a link between two children
    merged = _alert("A3", "2024-01-05T10:00:00+00:00", [
        _child("2024-01-01T10:00:00+00:00", (POLICE, "p-v1"), (SCHOOL, "s-v2")),
        _child("2024-01-04T10:00:00+00:00", (POLICE, "p-b1")),
    ])
    assert evaluate.covered(merged, evaluate.map_alert(merged, index), victims) == (set(), None)


def test_the_moment_is_never_before_the_alert_was_raised(index):
    alert = _alert("A1", "2024-01-06T10:00:00+00:00", [
        _child("2024-01-01T10:00:00+00:00", (POLICE, "p-v1")), _child("2024-01-02T10:00:00+00:00", (SCHOOL, "s-v2")),
    ], kind="network")
    assert evaluate.covered(alert, evaluate.map_alert(alert, index), {"V1", "V2"})[1] == evaluate.when("2024-01-06T10:00:00+00:00")


def test_score_counts_detection_lag_share_and_precision(index):
    late = _alert("A1", "2024-01-05T10:00:00+00:00", [
        _child("2024-01-01T10:00:00+00:00", (POLICE, "p-v1")), _child("2024-01-05T10:00:00+00:00", (SCHOOL, "s-v2")),
    ])
    benign = _alert("A2", "2024-01-04T10:00:00+00:00", [
        _child("2024-01-04T10:00:00+00:00", (POLICE, "p-b1")), _child("2024-01-04T10:00:00+00:00", (POLICE, "p-b2")),
    ], evidence=[(POLICE, "P2")], entity=("place", "The Park"))
    single = _alert("A3", "2024-01-01T10:00:00+00:00", [_child("2024-01-01T10:00:00+00:00", (POLICE, "p-v3"))])
    result = evaluate.score([late, benign, single], index)
    n1, n2 = result["per_network"]
    assert n1["detected"] and n1["alert"] == "A1"
    assert n1["lag_days"] == 3.0 and n1["lag_concerns"] == 3  # S1 possible; R1, P2, S2 arrive by the alert
    assert n1["victims_linked"] == 2 and n1["share_linked"] == pytest.approx(2 / 3)
    assert not n2["detected"] and n2["lag_concerns"] is None
    assert result["alerts"] == 2 and result["true_positives"] == 1 and result["precision"] == 0.5
    assert result["detection_rate"] == 0.5 and result["detectable"] == 1
    assert result["median_lag_concerns"] == 3 and result["share_linked"] == pytest.approx(2 / 5)
    [fa] = result["false_alarm_alerts"]
    assert fa["id"] == "A2" and fa["entities"][0]["true_entities"] == {"E-park": 1}
    assert fa["cause"] == "siblings in one concern" and result["false_alarm_causes"] == {"siblings in one concern": 1}


def test_network_focus_counts_the_hidden_networks_a_network_alert_holds(index):
    nets = TRUTH["networks"]
    one = evaluate.network_focus({"id": "A"}, [{"V1"}, {"V2"}, {"V3"}], evaluate.victims_networks(nets))
    assert one == {"id": "A", "children": 3, "networks_held": 1, "groups_held": 1, "focus": 1.0}
    blob = evaluate.network_focus({"id": "B"}, [{"V1"}, {"V2"}, {"V8"}, {"B1"}], evaluate.victims_networks(nets))
    assert blob["networks_held"] == 2 and blob["groups_held"] == 2 and blob["focus"] == 0.5  # two of four are N1's
    # N1 and N2 sharing a true entity (one takeaway) are one group: joining them is right
    shared = [{**n, "entities": ["E-takeaway"]} for n in nets]
    assert evaluate.network_groups(shared) == {"N1": "N1", "N2": "N1"}
    joined = evaluate.network_focus({"id": "B"}, [{"V1"}, {"V2"}, {"V8"}, {"B1"}], evaluate.victims_networks(shared))
    assert joined["networks_held"] == 2 and joined["groups_held"] == 1 and joined["focus"] == 0.75
    assert evaluate.network_focus({"id": "C"}, [{"B1"}, {"B2"}], evaluate.victims_networks(nets))["focus"] == 0.0
    figures = evaluate.network_alert_figures([one, blob])
    assert figures == {"network_alerts": 2, "largest_network_alert": 4, "most_networks_in_one_alert": 2,
                       "most_groups_in_one_alert": 2, "median_network_focus": 0.75, "lowest_network_focus": 0.5}
    net = _alert("N", "2024-01-06T10:00:00+00:00", [
        _child("2024-01-01T10:00:00+00:00", (POLICE, "p-v1")), _child("2024-01-02T10:00:00+00:00", (SCHOOL, "s-v2")),
        _child("2024-01-04T10:00:00+00:00", (POLICE, "p-b1")),
    ], kind="network")
    closed = {**net, "id": "M", "status": "closed"}  # absorbed into another network: not counted again
    result = evaluate.score([net, closed], index)
    assert [r["id"] for r in result["network_focus"]] == ["N"] and result["median_network_focus"] == pytest.approx(2 / 3)


def test_false_alarm_causes(index):
    park = {"place": Counter({"E-park": 2})}
    assert evaluate.false_alarm_cause([{"V1"}, {"V1"}], 2, park, index) == "one child twice (records not merged)"
    assert evaluate.false_alarm_cause([{"B1"}, {"B2"}], 1, park, index) == "siblings in one concern"
    assert evaluate.false_alarm_cause([{"B1"}, {"B2"}], 2, park, index) == "siblings"
    assert evaluate.false_alarm_cause([{"B1"}, {"V1"}], 2, park, index) == "unrelated children, benign entity"
    car = {"vehicle": Counter({"E-car": 2})}
    assert evaluate.false_alarm_cause([{"B1"}, {"V1"}], 2, car, index) == "network entity, children not its victims"


def test_pooling_and_false_alarm_entities_and_tables(index):
    alert = _alert("A1", "2024-01-02T10:00:00+00:00", [
        _child("2024-01-01T10:00:00+00:00", (POLICE, "p-v1")), _child("2024-01-02T10:00:00+00:00", (SCHOOL, "s-v2")),
    ])
    benign = _alert("A2", "2024-01-04T10:00:00+00:00", [
        _child("2024-01-04T10:00:00+00:00", (POLICE, "p-b1")), _child("2024-01-04T10:00:00+00:00", (POLICE, "p-b2")),
    ], evidence=[(POLICE, "P2")], entity=("place", "The Park"))
    systems = {"joinedup": evaluate.score([alert, benign], index), "silos": evaluate.score([], index),
               "naive": evaluate.score([alert], index)}
    seeds = [{"seed": 1, "concerns": 6, "networks": 2, "systems": systems}] * 2
    pooled = evaluate.pool(seeds)
    assert pooled["joinedup"]["detected"] == 2 and pooled["joinedup"]["networks"] == 4
    assert pooled["joinedup"]["median_lag_concerns"] == 0 and pooled["silos"]["precision"] is None
    assert evaluate.false_alarm_entities(seeds)[0] == {
        "kind": "place", "label": "The Park", "alerts": 2, "cause": "siblings in one concern",
        "true_entities_in_evidence": {"E-park": 2}}
    assert evaluate.false_alarm_causes(seeds)["joinedup"] == {"siblings in one concern": 2}
    text = evaluate_plot.comparison_table(seeds, pooled)
    assert "JoinedUp" in text and "Agency silos" in text and "—" in text and "network alerts" in text
    assert "N1" in evaluate_plot.network_table(seeds[0])
    root = ElementTree.fromstring(evaluate_plot.svg(pooled, [1, 1], 6))
    ns = "{http://www.w3.org/2000/svg}"
    assert root.find(f"{ns}title") is not None and root.find(f"{ns}desc") is not None
    assert len(root.findall(f"{ns}rect")) >= 3 * 3


@pytest.mark.slow
def test_the_whole_command_on_a_small_town(tmp_path: Path):
    result = subprocess.run(
        [sys.executable, "-m", "sim.evaluate", "--seeds", "5", "--concerns", "1500", "--out", str(tmp_path)],
        cwd=evaluate.ROOT, capture_output=True, text=True, timeout=900,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "side by side" in result.stdout
    report = json.loads((tmp_path / "evaluation.json").read_text("utf-8"))
    ElementTree.fromstring((tmp_path / "comparison.svg").read_text("utf-8"))
    [seed] = report["seeds"]
    assert seed["networks"] >= 1
    for system in evaluate.SYSTEMS:
        fig = report["pooled"][system]
        assert fig["networks"] == seed["networks"] and 0 <= fig["detected"] <= fig["networks"]
        for key in ("detection_rate", "precision", "share_linked"):
            assert fig[key] is None or 0.0 <= fig[key] <= 1.0
        assert fig["true_positives"] <= fig["alerts"]
        for row in seed["systems"][system]["per_network"]:
            assert 0 <= row["victims_linked"] <= row["victims"]
            assert (row["lag_concerns"] is None) == (row["lag_days"] is None)


@pytest.mark.parametrize(
    "mention,clear",
    [
        ({"kind": "person", "given_name": "Kevin"}, False),
        ({"kind": "person", "nickname": "Grandad Abdi", "approx_age": 50}, False),
        ({"kind": "person", "given_name": "Kevin", "family_name": "Ironquill"}, True),
        ({"kind": "person", "given_name": "Kevin", "phone": "07700 900111"}, True),
        ({"kind": "vehicle", "plate": "Y?67 H??"}, False),
        ({"kind": "vehicle", "plate": "YY67 HWX"}, True),
        ({"kind": "place", "address": "Church Lane, Northtown"}, False),
        ({"kind": "place", "address": "117 Church Lane"}, True),
        ({"kind": "place", "name": "Golden Spice"}, True),
        ({"kind": "online", "handle": "kev_23"}, True),
        ({"kind": "online", "handle": "@deano..."}, False),
        ({"kind": "online", "handle": "kev…"}, False),
        ({"kind": "place", "name": "the school gate, Nettle Street"}, False),
        ({"kind": "place", "name": "Castle Park", "venue_type": "park"}, False),
    ],
)
def test_what_clearly_identifies_an_entity(mention, clear):
    assert evaluate.clearly_identified(mention) is clear


def test_the_clear_lag_counts_from_the_first_link_through_a_clearly_identified_entity():
    def rec(ref, day, victim_ref, mention):
        return {"agency": {"name": POLICE}, "source_ref": ref, "received_at": f"2024-01-0{day}T10:00:00+00:00",
                "children": [{"ref": victim_ref, "given_name": "X"}], "mentions": [mention]}

    kevin, full = {"kind": "person", "given_name": "Kevin"}, {"kind": "person", "given_name": "Kevin", "family_name": "Ironquill"}
    records = [rec("P1", 1, "v1", kevin), rec("P2", 2, "v2", kevin), rec("P3", 3, "v1", full), rec("P4", 4, "v2", full)]
    keys = [f"{POLICE}|P{i}" for i in range(1, 5)]
    truth = {"children": dict(zip(keys, [["V1"], ["V2"], ["V1"], ["V2"]], strict=True)),
             "mentions": {k: ["E-kevin"] for k in keys},
             "networks": [{"id": "N1", "kind": "boyfriend", "victims": ["V1", "V2"], "concerns": keys,
                           "first_alert_possible_at": {"2": "2024-01-02T10:00:00+00:00", "3": None}}]}
    index = evaluate.TownIndex(records, truth)
    assert index.clear_possible_at(truth["networks"][0]) == "2024-01-04T10:00:00+00:00"
    alert = _alert("A1", "2024-01-04T10:00:00+00:00", [_child("2024-01-03T10:00:00+00:00", (POLICE, "v1")),
                                                      _child("2024-01-04T10:00:00+00:00", (POLICE, "v2"))])
    [row] = evaluate.score([alert], index)["per_network"]
    assert row["lag_concerns"] == 2 and row["lag_concerns_clear"] == 0
