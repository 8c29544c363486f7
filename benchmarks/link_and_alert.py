"""Link-and-alert per arriving concern at town scale: one concern at a time through the same service the
API and the form use (validation, child matching, entity resolution, alert rules, follow-through hooks,
audit), against a database holding a replayed synthetic town.

    .venv/bin/python -m benchmarks.link_and_alert --concerns 100000 [--engine sqlite|postgres] [--requests 200]
    .venv/bin/python -m benchmarks.link_and_alert --database postgres://.../kept [--profile]

Each arrival names a child already in the town (so the child matcher finds them) or a new one, and a
vehicle, a phone, a person and a place already in the town (so resolution, the graph and the alerts all
have work to do), drawn at random. `--database` reuses a database that already holds a town (the
arrivals are added to it). Target (issue: see the pattern): p95 under 50 ms at 100,000 stored concerns.
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


def _town_data() -> dict:
    """Identifiers already in the town, as the arrivals will write them."""
    from joinedup.records.models import ConcernChild, Mention

    def sample(queryset, n=500):
        return list(queryset[:n])

    children = [
        {k: v for k, v in row.items() if v} | {"dob": row["dob"].isoformat()} if row["dob"] else
        {k: v for k, v in row.items() if v}
        for row in ConcernChild.objects.exclude(given_name="").exclude(family_name="").order_by("pk")
        .values("given_name", "family_name", "dob", "sex")[:500]
    ]
    people = [
        {k: v for k, v in row.items() if v}
        for row in sample(Mention.objects.filter(kind="person").exclude(given_name="").exclude(family_name="")
                          .order_by("pk").values("given_name", "family_name"))
    ]
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


def _run(requests: int, profile: bool) -> None:
    from joinedup.core.demo import ensure_demo_users
    from joinedup.identity.models import Alert
    from joinedup.records.models import Channel, Concern
    from joinedup.records.services import submit_concern

    officer = ensure_demo_users()["police"]
    data = _town_data()
    print(f"{Concern.objects.count():,} concerns stored, {Alert.objects.count():,} alerts; "
          f"{requests} arrivals", flush=True)
    rng = random.Random(1)
    profiler = cProfile.Profile() if profile else None
    times = []
    for i in range(requests):
        record = _arrival(rng, i, officer, data)
        start = time.perf_counter()
        if profiler:
            profiler.enable()
        submit_concern(officer, record, channel=Channel.API)
        if profiler:
            profiler.disable()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    p95 = times[max(0, int(len(times) * 0.95) - 1)]
    print(f"link and alert per arriving concern: p50 {statistics.median(times):6.1f} ms  p95 {p95:6.1f} ms  "
          f"max {times[-1]:6.1f} ms  (load {os.getloadavg()[0]:.1f})")
    if profiler:
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(45)
        print(out.getvalue())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--concerns", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--engine", default="sqlite", choices=["sqlite", "postgres"])
    parser.add_argument("--database", help="a database URL that already holds a replayed town (reused)")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--profile", action="store_true", help="print where the time goes (cProfile)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = None
        if args.database:
            os.environ.update({"JOINEDUP_DATABASE_URL": args.database, "JOINEDUP_VAR_DIR": tmp})
        else:
            db = FreshDatabase(args.engine, Path(tmp))
            path = town(args.concerns, args.seed)
            print(f"importing {path} into a fresh {args.engine} database...", flush=True)
            start = time.perf_counter()
            subprocess.run([JOINEDUP, "import", str(path), "--replay", "--no-progress"], env=db.env(), check=True,
                           stdout=subprocess.DEVNULL)
            print(f"imported in {time.perf_counter() - start:.0f} s", flush=True)
            os.environ.update(db.env())
        os.environ["DJANGO_SETTINGS_MODULE"] = "joinedup.settings"
        import django

        django.setup()
        try:
            _run(args.requests, args.profile)
        finally:
            from django.db import connections

            connections.close_all()
            if db is not None:
                db.drop()


if __name__ == "__main__":
    main()
