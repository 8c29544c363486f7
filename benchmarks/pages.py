"""Page speed at town scale: the child page, the front-door queue (and, when follow-through pages
exist, My work and the team page), timed in-process with Django's test client against a database
holding a replayed synthetic town.

    .venv/bin/python -m benchmarks.pages --concerns 100000 [--engine sqlite|postgres] [--requests 200]

Prints p50/p95/max milliseconds and the number of SQL queries per page (which must not grow with the
chronology's length). Targets (foundation issue): p95 under 100 ms. Asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.common import JOINEDUP, FreshDatabase, town


def _prepare(args, workdir: Path) -> FreshDatabase:
    db = FreshDatabase(args.engine, workdir)
    path = town(args.concerns, args.seed)
    print(f"importing {path} into a fresh {args.engine} database...", flush=True)
    start = time.perf_counter()
    subprocess.run([JOINEDUP, "import", str(path), "--replay", "--no-progress"], env=db.env(), check=False,
                   stdout=subprocess.DEVNULL)
    print(f"imported in {time.perf_counter() - start:.0f} s", flush=True)
    return db


def _measure(client, url: str, n: int):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times, queries = [], []
    for _ in range(n):
        with CaptureQueriesContext(connection) as ctx:
            start = time.perf_counter()
            response = client.get(url, secure=True)  # production settings redirect plain HTTP
            times.append((time.perf_counter() - start) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{url}: HTTP {response.status_code}")
        queries.append(len(ctx.captured_queries))
    return times, queries


def _report(label: str, times: list[float], queries: list[int]) -> None:
    times = sorted(times)
    p95 = times[max(0, int(len(times) * 0.95) - 1)]
    print(f"{label:48} p50 {statistics.median(times):6.1f} ms  p95 {p95:6.1f} ms  max {times[-1]:6.1f} ms  "
          f"queries {min(queries)}-{max(queries)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--concerns", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--engine", default="sqlite", choices=["sqlite", "postgres"])
    parser.add_argument("--requests", type=int, default=100)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = _prepare(args, Path(tmp))
        try:
            os.environ.update(db.env())
            os.environ["DJANGO_SETTINGS_MODULE"] = "joinedup.settings"
            import django

            django.setup()
            _run(args)
        finally:
            from django.db import connections

            connections.close_all()
            db.drop()


def _signed_in(user):
    """A test client signed in as `user` with the second factor passed, as the code page records it."""
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY, devices_for_user

    client = Client()
    client.force_login(user)
    device = next(devices_for_user(user), None)
    if device is not None:
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client


def _run(args) -> None:
    from django.db.models import Count

    from joinedup.core.demo import ensure_demo_users
    from joinedup.records.models import Child

    users = ensure_demo_users()
    client = _signed_in(users["frontdoor"])
    by_size = Child.objects.annotate(n=Count("descriptions")).order_by("-n")
    biggest = list(by_size.values_list("pk", "n")[:5])
    typical = list(by_size.filter(n__lte=3).values_list("pk", "n")[:20])
    print(f"{Child.objects.count():,} children; longest chronologies: {[n for _, n in biggest]}")
    from django.urls import reverse

    for pk, n in biggest[:3]:
        _report(f"child page, {n} descriptions", *_measure(client, reverse("child_detail", args=[pk]), args.requests))
    times, queries = [], []
    for pk, _ in typical:
        t, q = _measure(client, reverse("child_detail", args=[pk]), max(1, args.requests // len(typical)))
        times += t
        queries += q
    _report("child page, typical (1-3 descriptions)", times, queries)
    _report("front door, first page", *_measure(client, reverse("front_door"), args.requests))
    _report("front door, page 50", *_measure(client, reverse("front_door") + "?page=50", args.requests))
    _report("front door, filtered (sexual exploitation)",
            *_measure(client, reverse("front_door") + "?category=sexual_exploitation", args.requests))
    manager = _signed_in(users["manager"])
    _report("team page (manager)", *_measure(manager, reverse("team"), args.requests))
    worker = _signed_in(users["socialworker"])
    _report("my work (social worker)", *_measure(worker, reverse("my_work"), args.requests))
    _overdue_export(args.requests)
    # Link-and-alert per arriving concern: benchmarks.link_and_alert.


def _overdue_export(n: int) -> None:
    """`joinedup export overdue --as-of T` in-process (the same function the command calls)."""
    import datetime as dt

    from joinedup.casework.overdue import overdue_as_of
    from joinedup.core import clock

    times, count = [], 0
    for i in range(max(3, n // 10)):
        at = clock.now() - dt.timedelta(days=30 * i)
        start = time.perf_counter()
        count = sum(1 for _ in overdue_as_of(at))
        times.append((time.perf_counter() - start) * 1000)
    _report(f"overdue export ({count:,} items at the last moment)", times, [0])


if __name__ == "__main__":
    sys.exit(main())
