"""A small synthetic town's person records and a model trained on them, made once per test session."""

from __future__ import annotations

import json
import socket

import pytest

from joinedup.identity.linkage import save_model, train
from joinedup.identity.linkage.records import records_of
from sim import town as sim_town


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """Linkage never reaches the network: any socket connection from Python fails the test."""

    def refuse(*args, **kwargs):
        raise AssertionError("linkage tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.fixture(scope="session")
def small_town():
    """(person records, truth id of each record) of a 1,500-concern town: about 2,700 records."""
    concerns, truth = sim_town.generate(seed=3, concerns=1500, years=2)
    records = records_of(concerns)

    def true_id(record_id: str) -> str:
        key, _, position = record_id.rpartition("|")
        listed = truth["mentions" if position[0] == "m" else "children"].get(key) or []
        index = int(position[1:])
        return (listed[index] if index < len(listed) else None) or record_id

    return records, {r["unique_id"]: true_id(r["unique_id"]) for r in records}


@pytest.fixture(scope="session")
def small_model(small_town, tmp_path_factory):
    """(model dict, path of its saved JSON) trained by EM on the small town."""
    records, _ = small_town
    model = train(records, max_pairs=1e6)
    path = save_model(model, tmp_path_factory.mktemp("linkage") / "person_model.json")
    return json.loads(path.read_text()), path
