"""Link-and-alert per arriving concern at town scale: one concern at a time through the same service the
API and the form use (validation, child matching, entity resolution, alert rules, follow-through hooks,
audit), against a database holding a replayed synthetic town.

    .venv/bin/python -m benchmarks.link_and_alert --concerns 100000 [--engine sqlite|postgres] [--requests 200]
    .venv/bin/python -m benchmarks.link_and_alert --database postgres://.../kept --town FILE [--profile]

Two kinds of arrival, each timed on its own:

- **the town's own**: the town's last `--requests` concerns (by received_at) are held back from the replay
  and then arrive one at a time, each on its own clock: the real mix of children, people, cars, phones
  and places, of which only some link to anything already known;
- **stress**: concerns that each name a child already in the town (or a new one) and a car, a phone and
  often a person and a place already in it, drawn at random (`--draw`), so nearly every arrival grows or
  raises an alert.

`--database` reuses a database that already holds the town less its held-back concerns (the arrivals are
added to it: copy it first). Target (issue: see the pattern): p95 under 50 ms at 100,000 stored concerns.
Prints the figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import random
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from benchmarks.common import JOINEDUP, FreshDatabase, town


def _arrival(rng: random.Random, i: int, officer, town_data: dict) -> dict:
    child = rng.choice(town_data["children"]) if rng.random() < 0.7 else {
        "given_name": rng.choice(["Amy", "Leah", "Chloe", "Jade"]), "family_name": "Benchmarkby",
        "dob": f"2011-0{rng.randrange(1, 9)}-1{rng.randrange(0, 9)}", "sex": "female",
    }
    mentions = [{"kind": "vehicle", "role": "transported_child", "plate": rng.choice(town_data["plates"])},
                {"kind": "phone", "role": "contacted_child", "number": rng.choice(town_data["phones"])}]
    if town_data["people"] and rng.random() < 0.5:
        mentions.append({"kind": "person", "role": "suspected_abuser", **rng.choice(town_data["people"])})
    if town_data["places"] and rng.random() < 0.5:
        mentions.append({"kind": "place", "role": "found_at", "name": rng.choice(town_data["places"])})
    return {
        "schema": "joinedup.concern/1", "source_ref": f"BENCH-{i}-{rng.randrange(10**9)}",
        "agency": {"name": officer.agency.name, "type": "police"},
        "received_at": "2026-11-28T22:00:00+00:00",
        "children": [child],
        "summary": "Found in a car with two adult men late at night.",
        "categories": ["sexual_exploitation"], "indicators": ["vehicles_unknown_adults"],
        "mentions": mentions,
    }


def _town_data(rng: random.Random) -> dict:
    """Identifiers already in the town, as the arrivals will write them: 500 of each, drawn at random."""
    from joinedup.records.models import ConcernChild, Mention

    def sample(queryset, n=500):
        rows = list(queryset)
        return rng.sample(rows, min(n, len(rows)))

    def written(row: dict) -> dict:  # the fields a record would carry: those given, a date as text
        return {k: v.isoformat() if hasattr(v, "isoformat") else v for k, v in row.items() if v}

    children = [written(row) for row in sample(
        ConcernChild.objects.exclude(given_name="").exclude(family_name="").order_by("pk")
        .values("given_name", "family_name", "dob", "sex"))]
    people = [written(row) for row in sample(
        Mention.objects.filter(kind="person").exclude(given_name="").exclude(family_name="")
        .order_by("pk").values("given_name", "family_name"))]
    return {
        "children": children,
        "plates": sample(Mention.objects.filter(kind="vehicle").exclude(plate="").order_by("pk")
                         .values_list("plate", flat=True)) or ["YK62 HBD"],
        "phones": sample(Mention.objects.filter(kind="phone").exclude(number="").order_by("pk")
                         .values_list("number", flat=True)) or ["07700 900123"],
        "people": people,
        "places": sample(Mention.objects.filter(kind="place").exclude(name="").order_by("pk")
                         .values_list("name", flat=True)),
    }


def split_town(path: Path, held_back: int, workdir: Path) -> tuple[Path, list[dict]]:
    """The town less its last `held_back` concerns by received_at (a file to replay), and those concerns."""
    import json

    from joinedup.records.interchange import parse_datetime

    records = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    records.sort(key=lambda r: parse_datetime(r["received_at"], "received_at"))
    first = workdir / "town-less-arrivals.jsonl"
    first.write_text("".join(json.dumps(r) + "\n" for r in records[:-held_back]), "utf-8")
    return first, records[-held_back:]


def _timed(label: str, arrivals, profile: bool) -> None:
    """Submit each (user, record) as the API does, on the record's clock; print p50/p95/max."""
    import datetime as dt

    from joinedup.core import clock
    from joinedup.records.models import Channel
    from joinedup.records.services import submit_concern

    profiler = cProfile.Profile() if profile else None
    times = []
    for user, record in arrivals:
        at = dt.datetime.fromisoformat(record["received_at"])
        with clock.frozen(at):
            start = time.perf_counter()
            if profiler:
                profiler.enable()
            submit_concern(user, record, channel=Channel.API)
            if profiler:
                profiler.disable()
            times.append((time.perf_counter() - start) * 1000)
    slowest = sorted(zip(times, (r for _, r in arrivals), strict=True), key=lambda tr: -tr[0])[:5]
    times.sort()
    p95 = times[max(0, int(len(times) * 0.95) - 1)]
    if profile:
        for ms, record in slowest:
            named = ", ".join(f"{m['kind']} {m.get('name') or m.get('plate') or m.get('number') or m.get('given_name') or ''}"
                              for m in record.get("mentions", []))
            print(f"  slow: {ms:6.1f} ms  {len(record['children'])} children; {named}")
    print(f"{label:34} p50 {statistics.median(times):6.1f} ms  p95 {p95:6.1f} ms  max {times[-1]:6.1f} ms  "
          f"({len(times)} arrivals, load {os.getloadavg()[0]:.1f})", flush=True)
    if profiler:
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(45)
        print(out.getvalue())


def _run(requests: int, profile: bool, seed: int, held: list[dict]) -> None:
    from joinedup.core.demo import ensure_demo_users
    from joinedup.identity.models import Alert
    from joinedup.records.models import Concern

    users = ensure_demo_users()
    officer = users["police"]
    print(f"{Concern.objects.count():,} concerns stored, {Alert.objects.count():,} alerts", flush=True)
    if held:  # recorded at the front door, which may record for any agency
        _timed("the town's own next concerns", [(users["frontdoor"], r) for r in held], profile)
    rng = random.Random(seed)
    data = _town_data(rng)
    _timed("stress: known car, phone, person", [(officer, _arrival(rng, i, officer, data)) for i in range(requests)], profile)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--concerns", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7, help="the town's seed")
    parser.add_argument("--draw", type=int, default=1, help="seed for drawing the arrivals' identifiers")
    parser.add_argument("--engine", default="sqlite", choices=["sqlite", "postgres"])
    parser.add_argument("--database", help="a database URL that already holds a replayed town (reused)")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--profile", action="store_true", help="print where the time goes (cProfile)")
    parser.add_argument("--town", help="with --database: the town file whose last concerns are held back")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db, held = None, []
        if args.database:
            os.environ.update({"JOINEDUP_DATABASE_URL": args.database, "JOINEDUP_VAR_DIR": tmp})
            if args.town:
                _, held = split_town(Path(args.town), args.requests, Path(tmp))
        else:
            db = FreshDatabase(args.engine, Path(tmp))
            path, held = split_town(town(args.concerns, args.seed), args.requests, Path(tmp))
            print(f"importing {path} ({args.concerns - args.requests:,} concerns) into a fresh {args.engine} "
                  f"database...", flush=True)
            start = time.perf_counter()
            subprocess.run([JOINEDUP, "import", str(path), "--replay", "--no-progress"], env=db.env(), check=True,
                           stdout=subprocess.DEVNULL)
            print(f"imported in {time.perf_counter() - start:.0f} s", flush=True)
            os.environ.update(db.env())
        os.environ["DJANGO_SETTINGS_MODULE"] = "joinedup.settings"
        import django

        django.setup()
        try:
            _run(args.requests, args.profile, args.draw, held)
        finally:
            from django.db import connections

            connections.close_all()
            if db is not None:
                db.drop()


if __name__ == "__main__":
    main()
