"""The public reporting page under load: locust against a local production-style server (`joinedup
serve`: gunicorn, DEBUG off) with the rate limits on.

    .venv/bin/python -m benchmarks.public_load                    # 60 seconds, SQLite
    .venv/bin/python -m benchmarks.public_load --minutes 10       # the longer run
    .venv/bin/python -m benchmarks.public_load --engine postgres  # POSTGRES_URL names the server

Simulated reporters (locust users) open the form, send a report and read the reference off the
confirmation page, each request from one of `--addresses` client addresses (sent as X-Forwarded-For,
which the server is told to trust, as it would be behind its own reverse proxy). Each address may send
JOINEDUP_PUBLIC_REPORT_LIMIT reports an hour (5 by default), so once the addresses have used their
allowance the server refuses (429) - both figures are printed. At the end every accepted report (a
reference returned to the reporter) is looked up in the database: it must be there exactly once, as a
public report and as a concern from the public reporting agency. Prints figures; exits non-zero if an
accepted report is missing or duplicated.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import gevent

# locust patches the standard library with gevent on import: import it before anything else.
from locust import HttpUser, constant, task
from locust.env import Environment

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.common import JOINEDUP, FreshDatabase  # noqa: E402

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
REFERENCE = re.compile(r"data-reference>([^<]+)<")
ACCEPTED: list[str] = []
REFUSED: list[int] = []
ADDRESSES: list[str] = []


class Reporter(HttpUser):
    wait_time = constant(0)

    @task
    def report(self) -> None:
        address = random.choice(ADDRESSES)  # noqa: S311 (a load pattern, not a secret)
        headers = {"X-Forwarded-For": address}
        form = self.client.get("/report/en/", headers=headers, name="GET /report/en/")
        match = TOKEN.search(form.text)
        if match is None:
            return
        data = {
            "csrfmiddlewaretoken": match.group(1), "reporter_role": "neighbour",
            "what_happened": f"Load test report {random.random():.12f}: a girl is collected late at night.",  # noqa: S311
            "child_name": "Loadtest Fictional", "child_age": "14", "where": "", "when": "", "your_name": "",
            "your_contact": "", "leave_this_empty": "",
        }
        with self.client.post("/report/en/", data=data, headers=headers, allow_redirects=False,
                              name="POST /report/en/", catch_response=True) as response:
            if response.status_code == 429:
                REFUSED.append(1)
                response.success()
                return
            if response.status_code != 302:
                response.failure(f"status {response.status_code}")
                return
            response.success()
        sent = self.client.get("/report/en/sent/", headers=headers, name="GET /report/en/sent/")
        found = REFERENCE.search(sent.text)
        if found:
            ACCEPTED.append(found.group(1))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(url: str, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 (our own local server)
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"the server did not answer {url} within {seconds:.0f} s")


def _stored(db: FreshDatabase) -> tuple[list[str], list[str]]:
    """Every public report's reference, and every public-agency concern's source_ref (duplicates kept)."""
    reports = "SELECT reference FROM public_publicreport"
    concerns = ("SELECT c.source_ref FROM records_concern c JOIN core_agency a ON a.id = c.agency_id "
                "WHERE a.type = 'public'")
    if db.engine == "postgres":
        import psycopg

        with psycopg.connect(db.url) as conn:
            return ([r[0] for r in conn.execute(reports)], [r[0] for r in conn.execute(concerns)])
    import sqlite3

    conn = sqlite3.connect(db.url.removeprefix("sqlite:///"))
    try:
        return ([r[0] for r in conn.execute(reports)], [r[0] for r in conn.execute(concerns)])
    finally:
        conn.close()


class _GivenDatabase:
    """A database named on the command line (kept afterwards)."""

    def __init__(self, url: str, workdir: Path) -> None:
        self.url = url
        self.workdir = workdir
        self.engine = "postgres" if url.startswith(("postgres://", "postgresql://")) else "sqlite"

    def env(self) -> dict[str, str]:
        return {**os.environ, "JOINEDUP_DATABASE_URL": self.url, "JOINEDUP_VAR_DIR": str(self.workdir)}

    def drop(self) -> None:
        pass


def _tables_exist(db) -> bool:
    try:
        _stored(db)
    except Exception:  # noqa: BLE001 (a database not migrated yet)
        return False
    return True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=60.0, help="how long to run (default 60)")
    parser.add_argument("--minutes", type=float, help="how long to run, in minutes (overrides --seconds)")
    parser.add_argument("--users", type=int, default=20, help="simulated reporters at once (default 20)")
    parser.add_argument("--addresses", type=int, default=10, help="distinct client addresses, up to 250 (default 10)")
    parser.add_argument("--limit", type=int, default=5, help="reports per address per hour (default 5)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--engine", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--database-url", help="use this (migrated or empty) database instead of a fresh one; "
                        "only reports made during the run are checked")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    seconds = args.minutes * 60 if args.minutes else args.seconds
    random.seed(args.seed)
    # Fresh addresses each run (from the benchmarking range 198.18.0.0/15), so a database kept between
    # runs does not carry one run's used-up allowances into the next.
    block = random.SystemRandom().randrange(0, 500)
    ADDRESSES.extend(f"198.{18 + block // 250}.{block % 250}.{i + 1}" for i in range(min(args.addresses, 250)))

    workdir = Path(tempfile.mkdtemp(prefix="ju-public-load-"))
    db = _GivenDatabase(args.database_url, workdir) if args.database_url else FreshDatabase(args.engine, workdir)
    before_references, before_refs = _stored(db) if args.database_url and _tables_exist(db) else ([], [])
    port = _free_port()
    env = {
        **db.env(), "JOINEDUP_DEBUG": "false", "JOINEDUP_SSL_REDIRECT": "false", "JOINEDUP_SECURE_COOKIES": "false",
        "JOINEDUP_PUBLIC_CLIENT_IP_HEADER": "X-Forwarded-For", "JOINEDUP_PUBLIC_REPORT_LIMIT": str(args.limit),
        "JOINEDUP_PUBLIC_RATE_WINDOW_SECONDS": "3600", "JOINEDUP_LOG_LEVEL": "ERROR",
    }
    log = open(workdir / "server.log", "w")  # noqa: SIM115 (closed below)
    print(f"starting `joinedup serve` on 127.0.0.1:{port} ({args.workers} workers x {args.threads} threads, "
          f"{db.engine}, limit {args.limit} reports/hour/address)...", flush=True)
    server = subprocess.Popen(
        [JOINEDUP, "serve", "--bind", f"127.0.0.1:{port}", "--workers", str(args.workers),
         "--threads", str(args.threads)],
        env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    try:
        _wait_for(f"http://127.0.0.1:{port}/report/en/", 180)
        print(f"running {args.users} reporters from {args.addresses} addresses for {seconds:.0f} s...", flush=True)
        environment = Environment(user_classes=[Reporter], host=f"http://127.0.0.1:{port}")
        runner = environment.create_local_runner()
        runner.start(args.users, spawn_rate=args.users)
        started = time.monotonic()
        gevent.spawn_later(seconds, runner.quit)
        runner.greenlet.join()
        elapsed = time.monotonic() - started
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)
        log.close()

    stats = environment.stats
    posts = stats.get("POST /report/en/", "POST")
    total = stats.total
    print()
    print(f"duration                 {elapsed:.0f} s")
    print(f"requests (all pages)     {total.num_requests} ({total.num_requests / elapsed:.1f}/s), "
          f"{total.num_failures} failed")
    print(f"reports sent             {posts.num_requests} ({posts.num_requests / elapsed:.1f}/s)")
    print(f"  accepted (reference)   {len(ACCEPTED)} ({len(ACCEPTED) / elapsed:.2f}/s)")
    print(f"  refused (rate limit)   {len(REFUSED)} ({len(REFUSED) / elapsed:.2f}/s)")
    print(f"  failed                 {posts.num_failures}")
    for name, method in (("GET /report/en/", "GET"), ("POST /report/en/", "POST"), ("GET /report/en/sent/", "GET")):
        entry = stats.get(name, method)
        if entry.num_requests:
            print(f"latency {name:<22} median {entry.get_response_time_percentile(0.5):.0f} ms, "
                  f"95th {entry.get_response_time_percentile(0.95):.0f} ms, max {entry.max_response_time:.0f} ms")

    references, source_refs = _stored(db)
    if before_references:  # a given database: only what this run added
        references = [r for r in references if r not in set(before_references)]
        source_refs = [r for r in source_refs if r not in set(before_refs)]
    missing = [r for r in ACCEPTED if references.count(r) != 1 or source_refs.count(r) != 1]
    duplicated = len(ACCEPTED) != len(set(ACCEPTED))
    print(f"stored public reports    {len(references)} (concerns from the public agency: {len(source_refs)}); "
          f"{len(set(references) - set(ACCEPTED))} of them were in flight when the run stopped (their "
          "confirmation pages were not read)")
    print(f"every accepted report stored exactly once: {'yes' if not missing and not duplicated else 'NO'}"
          + (f" ({len(missing)} missing or duplicated)" if missing else ""))
    max_accepted = args.addresses * args.limit
    print(f"accepted within the limits ({args.addresses} addresses x {args.limit}): "
          f"{'yes' if len(references) <= max_accepted else 'NO'} ({len(references)} <= {max_accepted})")
    db.drop()
    return 1 if missing or duplicated or len(references) > max_accepted else 0


if __name__ == "__main__":
    sys.exit(main())
