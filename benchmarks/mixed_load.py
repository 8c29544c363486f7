"""JoinedUp under a working day's load: locust against a local production-style server (`joinedup serve`:
gunicorn, DEBUG off, the second factor on) holding a replayed synthetic town, mixing:

- agency systems submitting concerns through the API (a token each);
- practitioners (front door), signed in with a password and a real time-based code, opening the front-door
  queue, children's pages, alert pages and My work.

    .venv/bin/python -m benchmarks.mixed_load                        # 60 seconds, SQLite, 5,000 concerns
    .venv/bin/python -m benchmarks.mixed_load --minutes 10           # the longer run
    .venv/bin/python -m benchmarks.mixed_load --engine postgres      # POSTGRES_URL names the server

Prints requests per second, latency (median, 95th percentile, max) and errors per kind of request, then
checks that every concern the API acknowledged (HTTP 201) is in the database exactly once. Exits non-zero
if one is missing or duplicated, or if any request failed with a server error.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import gevent

# locust patches the standard library with gevent on import: import it before anything else.
from locust import HttpUser, between, task
from locust.env import Environment

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.common import JOINEDUP, FreshDatabase, town  # noqa: E402
from benchmarks.public_load import _free_port, _wait_for  # noqa: E402

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
SETUP = """
import json, os, secrets
import django; django.setup()
from django_otp.plugins.otp_totp.models import TOTPDevice
from joinedup.api.services import issue_api_client
from joinedup.core.models import Agency, Team, User
from joinedup.core.roles import Role
from joinedup.identity.models import Alert
from joinedup.records.models import Child
n = int(os.environ["BENCH_USERS"])
agency, _ = Agency.objects.get_or_create(name="Northtown Children's Social Care", defaults={"type": "social_care"})
team, _ = Team.objects.get_or_create(agency=agency, name="Front door (MASH)")
people = []
for i in range(n):
    user, _ = User.objects.get_or_create(username=f"bench{i}", defaults={"role": Role.FRONT_DOOR, "agency": agency, "team": team,
                                                                      "first_name": "Bench", "last_name": f"Tester{i}"})
    user.set_password(os.environ["BENCH_PASSWORD"]); user.save()
    key = secrets.token_hex(20)
    TOTPDevice.objects.filter(user=user).delete()
    TOTPDevice.objects.create(user=user, name="bench", key=key, confirmed=True)
    people.append([user.username, key])
_client, token = issue_api_client(agency_name="Northtown Police", agency_type="police", name=f"Bench system {secrets.token_hex(3)}")
children = list(Child.objects.filter(merged_into=None).order_by("?").values_list("pk", flat=True)[:500])
alerts = list(Alert.objects.values_list("pk", flat=True)[:200])
print(json.dumps({"people": people, "token": token, "children": children, "alerts": alerts}))
"""

STATE: dict = {}
ACKED: list[str] = []
SERVER_ERRORS: list[str] = []
_refs = itertools.count(1)


def totp(key_hex: str) -> str:
    """The current code an authenticator app would show for this key (RFC 6238, as django-otp checks it)."""
    from django_otp.oath import totp as oath_totp

    return f"{oath_totp(bytes.fromhex(key_hex), step=30, t0=0, digits=6, drift=0):06d}"


def _check(response, name: str) -> None:
    if response.status_code >= 500:
        SERVER_ERRORS.append(f"{name}: {response.status_code}")


class Practitioner(HttpUser):
    weight = 3
    wait_time = between(0.5, 2.0)

    def on_start(self) -> None:
        username, key = STATE["people"].pop()
        page = self.client.get("/sign-in/", name="sign in")
        self.client.post("/sign-in/", {"csrfmiddlewaretoken": TOKEN.search(page.text).group(1), "username": username,
                                       "password": STATE["password"]}, headers={"Referer": page.url}, name="sign in")
        page = self.client.get("/sign-in/code/", name="sign in")
        done = self.client.post("/sign-in/code/", {"csrfmiddlewaretoken": TOKEN.search(page.text).group(1), "code": totp(key)},
                                headers={"Referer": page.url}, name="sign in")
        if "/sign-in/" in done.url:
            raise RuntimeError(f"{username} could not sign in with the second factor")

    @task(3)
    def front_door(self) -> None:
        _check(self.client.get("/front-door/", name="front door"), "front door")

    @task(3)
    def child_page(self) -> None:
        _check(self.client.get(f"/children/{random.choice(STATE['children'])}/", name="child page"), "child page")  # noqa: S311

    @task(1)
    def alert_page(self) -> None:
        if STATE["alerts"]:
            _check(self.client.get(f"/alerts/{random.choice(STATE['alerts'])}/", name="alert page"), "alert page")  # noqa: S311

    @task(1)
    def my_work(self) -> None:
        _check(self.client.get("/my-work/", name="my work"), "my work")


class AgencySystem(HttpUser):
    weight = 1
    wait_time = between(0.2, 1.0)

    @task
    def submit(self) -> None:
        n = next(_refs)
        ref = f"LOAD-{STATE['run']}-{n:06d}"
        record = {
            "schema": "joinedup.concern/1", "source_ref": ref,
            "agency": {"name": "Northtown Police", "type": "police"},
            "reporter": {"name": "PC Loadtest", "role": "officer"},
            "received_at": time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime()),
            "children": [{"ref": f"LC-{n % 700}", "given_name": f"Loadchild{n % 700}", "family_name": "Benchworth",
                          "dob": f"201{n % 8}-0{1 + n % 9}-1{n % 9}"}],
            "summary": "Seen late at night in a car with an older man; the child said she was fine.",
            "categories": ["sexual_exploitation"] if n % 3 == 0 else ["neglect"],
            "indicators": ["vehicles_unknown_adults"] if n % 3 == 0 else [],
            "mentions": [{"kind": "vehicle", "role": "transported_child", "plate": f"LD{n % 50:02d} BEN"}] if n % 3 == 0 else [],
        }
        response = self.client.post("/api/concerns/", data=json.dumps(record), name="API submit",
                                    headers={"Authorization": f"Bearer {STATE['token']}", "Content-Type": "application/json"})
        _check(response, "API submit")
        if response.status_code == 201:
            ACKED.append(ref)


def _stored(db, run: str) -> list[str]:
    sql = "SELECT source_ref FROM records_concern WHERE source_ref LIKE %s"
    if db.engine == "postgres":
        import psycopg

        with psycopg.connect(db.url) as conn:
            return [r[0] for r in conn.execute(sql, (f"LOAD-{run}-%",))]
    import sqlite3

    conn = sqlite3.connect(db.url.removeprefix("sqlite:///"))
    try:
        return [r[0] for r in conn.execute(sql.replace("%s", "?"), (f"LOAD-{run}-%",))]
    finally:
        conn.close()


def main() -> int:  # noqa: PLR0915 (a script: set up, run, report)
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--minutes", type=float, help="overrides --seconds")
    parser.add_argument("--concerns", type=int, default=5000, help="size of the replayed town (default 5000)")
    parser.add_argument("--users", type=int, default=16, help="simulated people and systems at once (default 16)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--engine", choices=["sqlite", "postgres"], default="sqlite")
    args = parser.parse_args()
    seconds = args.minutes * 60 if args.minutes else args.seconds
    workdir = Path(tempfile.mkdtemp(prefix="ju-mixed-load-"))
    db = FreshDatabase(args.engine, workdir)
    path = town(args.concerns)
    print(f"importing {path} ({args.concerns} concerns) into a fresh {args.engine} database...", flush=True)
    started = time.monotonic()
    subprocess.run([JOINEDUP, "import", str(path), "--replay", "--no-progress"], env=db.env(), check=False, stdout=subprocess.DEVNULL)
    print(f"imported in {time.monotonic() - started:.0f} s", flush=True)
    password = f"Bench-{random.SystemRandom().randrange(10**9)}-password"
    env = {**db.env(), "BENCH_USERS": str(args.users + 4), "BENCH_PASSWORD": password, "DJANGO_SETTINGS_MODULE": "joinedup.settings"}
    setup = subprocess.run([sys.executable, "-c", SETUP], env=env, check=True, capture_output=True, text=True)
    STATE.update(json.loads(setup.stdout.strip().splitlines()[-1]), password=password, run=f"{random.SystemRandom().randrange(10**6):06d}")
    port = _free_port()
    server_env = {**db.env(), "JOINEDUP_DEBUG": "false", "JOINEDUP_SSL_REDIRECT": "false", "JOINEDUP_SECURE_COOKIES": "false",
                  "JOINEDUP_LOG_LEVEL": "ERROR", "JOINEDUP_LOCKOUT_FAILURES": "1000"}
    log = open(workdir / "server.log", "w")  # noqa: SIM115 (closed below)
    print(f"starting `joinedup serve` on 127.0.0.1:{port} ({args.workers} workers x {args.threads} threads)...", flush=True)
    server = subprocess.Popen(
        [JOINEDUP, "serve", "--plain-http", "--bind", f"127.0.0.1:{port}", "--workers", str(args.workers), "--threads", str(args.threads)],
        env=server_env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    try:
        _wait_for(f"http://127.0.0.1:{port}/sign-in/", 180)
        print(f"running {args.users} people and systems for {seconds:.0f} s...", flush=True)
        environment = Environment(user_classes=[Practitioner, AgencySystem], host=f"http://127.0.0.1:{port}")
        runner = environment.create_local_runner()
        runner.start(args.users, spawn_rate=max(1, args.users // 4))
        started = time.monotonic()
        gevent.spawn_later(seconds, runner.quit)
        runner.greenlet.join()
        elapsed = time.monotonic() - started
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)
        log.close()
    stats = environment.stats
    total = stats.total
    print()
    print(f"duration                 {elapsed:.0f} s ({db.engine}, {args.concerns} concerns, {args.workers}x{args.threads} server)")
    print(f"requests                 {total.num_requests} ({total.num_requests / elapsed:.1f}/s), {total.num_failures} failed, "
          f"{len(SERVER_ERRORS)} server errors")
    for name in ("front door", "child page", "alert page", "my work", "API submit", "sign in"):
        for method in ("GET", "POST"):
            entry = stats.get(name, method)
            if entry.num_requests:
                print(f"  {method:<4} {name:<12} {entry.num_requests:6d} ({entry.num_requests / elapsed:5.1f}/s)  median "
                      f"{entry.get_response_time_percentile(0.5):5.0f} ms  95th {entry.get_response_time_percentile(0.95):5.0f} ms  "
                      f"max {entry.max_response_time:6.0f} ms  failed {entry.num_failures}")
    stored = _stored(db, STATE["run"])
    missing = [r for r in ACKED if stored.count(r) != 1]
    print(f"concerns acknowledged by the API (201): {len(ACKED)}; in the database exactly once: "
          f"{'yes' if not missing else f'NO ({len(missing)} missing or duplicated)'}; stored in all {len(stored)}")
    db.drop()
    return 1 if missing or SERVER_ERRORS else 0


if __name__ == "__main__":
    sys.exit(main())
