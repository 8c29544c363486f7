"""A real server (`joinedup serve`: gunicorn, several workers) taking API submissions from agency systems
at once, and an importer beside it; then kill -9 of the whole server in the middle of the work, and a
restart. Every concern the API acknowledged (HTTP 201) is stored exactly once, nothing is half-written,
no writer saw "database is locked", and the hash chains verify. Run on SQLite and (with
JOINEDUP_DATABASE_URL set to PostgreSQL) on PostgreSQL."""

import json
import os
import signal
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request

import pytest

from tests.factories import concern_data
from tests.records.test_import_processes import JOINEDUP, _assert_chains_verify, _records, database  # noqa: F401

pytestmark = pytest.mark.slow


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(db, port: int) -> subprocess.Popen:
    env = {**db.env(), "JOINEDUP_DEBUG": "false", "JOINEDUP_SSL_REDIRECT": "false", "JOINEDUP_SECURE_COOKIES": "false",
           "JOINEDUP_LOG_LEVEL": "ERROR"}
    server = subprocess.Popen([JOINEDUP, "serve", "--plain-http", "--bind", f"127.0.0.1:{port}", "--workers", "3",
                               "--threads", "2"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              start_new_session=True)
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/sign-in/", timeout=5)  # noqa: S310 (our own server)
            return server
        except OSError:
            time.sleep(0.3)
    server.kill()
    raise AssertionError("the server did not start: " + server.stderr.read().decode()[-2000:])


def _token(db) -> str:
    out = subprocess.run([JOINEDUP, "create_api_client", "--agency", "Northtown Police", "--agency-type", "police",
                          "--name", "Faults test system"], env=db.env(), check=True, capture_output=True, text=True).stdout
    return next(word for line in out.splitlines() for word in line.split() if len(word) >= 32)


def _submit(port: int, token: str, ref: str) -> int:
    record = concern_data("police", source_ref=ref, categories=["neglect"], indicators=[], mentions=[],
                          children=[{"ref": f"F-{ref}", "given_name": "Faultchild", "family_name": ref.replace("-", "")}])
    request = urllib.request.Request(  # noqa: S310 (our own server)
        f"http://127.0.0.1:{port}/api/concerns/", data=json.dumps(record).encode(), method="POST",
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return 0  # the server went away mid-request: not acknowledged


def test_kill_9_of_the_server_mid_work_loses_no_acknowledged_concern(database, tmp_path):  # noqa: F811
    port = _port()
    token = _token(database)
    server = _serve(database, port)
    acked: list[str] = []
    statuses: list[int] = []
    stop = threading.Event()

    def writer(n: int) -> None:
        i = 0
        while not stop.is_set():
            ref = f"FAULT-{n}-{i:05d}"
            status = _submit(port, token, ref)
            statuses.append(status)
            if status == 201:
                acked.append(ref)
            i += 1

    path = tmp_path / "beside.jsonl"
    path.write_bytes(_records(4000, "BESIDE"))
    importer = subprocess.Popen([JOINEDUP, "import", str(path), "--no-progress"], env=database.env(),
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + 120
    while len(acked) < 60 and time.monotonic() < deadline:
        time.sleep(0.05)
    os.killpg(server.pid, signal.SIGKILL)  # the master and every worker, mid-request
    server.wait()
    time.sleep(0.5)
    stop.set()
    for thread in threads:
        thread.join(timeout=60)
    _out, importer_err = importer.communicate(timeout=600)
    assert importer.returncode == 0, importer_err
    assert "database is locked" not in importer_err
    assert len(acked) >= 60
    assert 500 not in statuses and 503 not in statuses, sorted(set(statuses))

    server = _serve(database, port)  # restart: the database opens cleanly and takes new work
    try:
        assert _submit(port, token, "FAULT-AFTER-00001") == 201
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)
    stored = [ref for (ref,) in database.query("select source_ref from records_concern where source_ref like 'FAULT-%'")]
    missing = [ref for ref in acked if stored.count(ref) != 1]
    assert missing == [], f"{len(missing)} acknowledged concerns missing or duplicated"
    assert len(stored) == len(set(stored))
    assert database.query("select count(*) from records_concern where current_version_id is null")[0][0] == 0
    assert database.query("select count(*) from records_concern where source_ref like 'BESIDE-%'")[0][0] == 4000
    _assert_chains_verify(database)
