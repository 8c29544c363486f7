"""The link-and-alert benchmark holds back a town's last concerns to arrive live (benchmarks.link_and_alert)."""

from __future__ import annotations

import json

from benchmarks.link_and_alert import split_town

from joinedup.records.interchange import parse_datetime
from sim import town


def test_the_held_back_concerns_are_the_towns_last_and_nothing_is_lost(tmp_path):
    records, _ = town.generate(seed=3, concerns=300, years=1)
    path = tmp_path / "town.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    first, held = split_town(path, 20, tmp_path)
    replayed = [json.loads(line) for line in first.read_text("utf-8").splitlines()]
    assert len(held) == 20 and len(replayed) + len(held) == len(records)
    at = lambda r: parse_datetime(r["received_at"], "received_at")  # noqa: E731
    assert max(at(r) for r in replayed) <= min(at(r) for r in held)
    key = lambda r: (r["agency"]["name"], r["source_ref"], r["received_at"])  # noqa: E731
    assert sorted(map(key, replayed + held)) == sorted(map(key, records))
