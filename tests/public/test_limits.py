"""Rate limits per client address, counted in the database (so every gunicorn worker shares them)."""

import datetime as dt
import threading

import pytest

from joinedup.core import clock
from joinedup.public import ratelimit
from joinedup.public.models import RateCount
from joinedup.records.models import Concern


def test_reports_over_the_limit_are_refused_with_a_clear_message_and_nothing_typed_is_lost(send, settings):
    settings.JOINEDUP_PUBLIC_REPORT_LIMIT = 2
    assert send().status_code == 302
    assert send().status_code == 302
    refused = send(what_happened="A third worry about the same girl.")
    assert refused.status_code == 429
    page = refused.content.decode()
    assert "Too many reports have been sent from this connection" in page
    assert "A third worry about the same girl.</textarea>" in page
    assert Concern.objects.count() == 2


def test_the_refusal_is_in_the_reporters_language(send, settings):
    settings.JOINEDUP_PUBLIC_REPORT_LIMIT = 1
    send("pl")
    assert "Z tego połączenia wysłano w krótkim czasie zbyt wiele zgłoszeń" in send("pl").content.decode()


def test_the_limit_is_per_address(client, send, settings):
    settings.JOINEDUP_PUBLIC_REPORT_LIMIT = 1
    assert send().status_code == 302
    assert send().status_code == 429
    other = client.post("/report/en/", {"reporter_role": "parent", "what_happened": "Worried."}, REMOTE_ADDR="192.0.2.7")
    assert other.status_code == 302


def test_behind_a_proxy_the_last_forwarded_address_is_the_client(rf, settings):
    settings.JOINEDUP_PUBLIC_CLIENT_IP_HEADER = "X-Forwarded-For"
    request = rf.get("/", HTTP_X_FORWARDED_FOR="203.0.113.9, 198.51.100.4", REMOTE_ADDR="127.0.0.1")
    assert ratelimit.client_address(request) == "198.51.100.4"
    settings.JOINEDUP_PUBLIC_CLIENT_IP_HEADER = ""
    assert ratelimit.client_address(request) == "127.0.0.1"


def test_counts_live_in_the_database_without_the_address(db, settings):
    settings.JOINEDUP_PUBLIC_REPORT_LIMIT = 3
    for _ in range(4):
        allowed = ratelimit.allow(ratelimit.REPORT, "198.51.100.23")
    assert allowed is False
    row = RateCount.objects.get()
    assert row.count == 4
    assert "198.51.100.23" not in row.client


def test_a_new_window_starts_afresh_and_old_windows_are_forgotten(db, settings):
    settings.JOINEDUP_PUBLIC_REPORT_LIMIT = 1
    settings.JOINEDUP_PUBLIC_RATE_WINDOW_SECONDS = 3600
    start = dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC)
    with clock.frozen(start):
        assert ratelimit.allow(ratelimit.REPORT, "198.51.100.1")
        assert not ratelimit.allow(ratelimit.REPORT, "198.51.100.1")
    with clock.frozen(start + dt.timedelta(hours=2)):
        assert ratelimit.allow(ratelimit.REPORT, "198.51.100.1")
    assert RateCount.objects.count() == 1


def test_a_limit_of_zero_turns_it_off(db, settings):
    settings.JOINEDUP_PUBLIC_REPORT_LIMIT = 0
    assert all(ratelimit.allow(ratelimit.REPORT, "198.51.100.1") for _ in range(10))
    assert RateCount.objects.count() == 0


def test_follow_up_attempts_are_limited_too(client, db, settings):
    settings.JOINEDUP_PUBLIC_FOLLOW_UP_LIMIT = 2
    for _ in range(2):
        assert client.post("/report/en/follow-up/", {"reference": "R-2222-3333", "passphrase": "1"}).status_code == 400
    refused = client.post("/report/en/follow-up/", {"reference": "R-2222-3333", "passphrase": "1"})
    assert refused.status_code == 429
    assert "Too many tries from this connection" in refused.content.decode()


@pytest.mark.django_db(transaction=True)
def test_workers_at_the_same_moment_cannot_both_take_the_last_place(settings):
    """Eight threads (each its own database connection, as gunicorn workers are) race for ten places."""
    from django.db import connection

    if connection.vendor == "sqlite" and connection.settings_dict["NAME"].startswith(("file:memorydb", ":memory:")):
        pytest.skip("an in-memory SQLite database is not shared between connections")
    settings.JOINEDUP_PUBLIC_REPORT_LIMIT = 10
    results: list[bool] = []

    def worker():
        from django.db import connections

        try:
            for _ in range(5):
                results.append(ratelimit.allow(ratelimit.REPORT, "198.51.100.77"))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results.count(True) == 10
    assert RateCount.objects.get().count == 40
