"""Limits on how often one client address may use the public page, kept in the database so that every
gunicorn worker (and every app server behind a proxy) counts against the same limit.

A fixed window per address and per part of the page ("report", "follow_up"): the first use in a window
creates a counter row, later uses add one to it in a single UPDATE (row-locked on PostgreSQL, the
write lock on SQLite), so two workers cannot both take the last place. Refused attempts count too, so a
client hammering the page stays refused until the window ends. Addresses are never stored: the key is a
keyed hash of the address.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F

from joinedup.core import clock
from joinedup.public.models import RateCount

REPORT = "report"
FOLLOW_UP = "follow_up"


def client_address(request) -> str:
    """The client's address: REMOTE_ADDR, or (behind our own reverse proxy) the last address in the
    header the proxy sets, named by JOINEDUP_PUBLIC_CLIENT_IP_HEADER."""
    header = settings.JOINEDUP_PUBLIC_CLIENT_IP_HEADER
    if header:
        value = request.headers.get(header, "")
        addresses = [part.strip() for part in value.split(",") if part.strip()]
        if addresses:
            return addresses[-1][:100]
    return request.META.get("REMOTE_ADDR", "")[:100]


def client_key(address: str) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()[:64]


def limit_for(bucket: str) -> int:
    return {REPORT: settings.JOINEDUP_PUBLIC_REPORT_LIMIT, FOLLOW_UP: settings.JOINEDUP_PUBLIC_FOLLOW_UP_LIMIT}[bucket]


def _window_start(now: dt.datetime, seconds: int) -> dt.datetime:
    epoch = int(now.timestamp())
    return dt.datetime.fromtimestamp(epoch - epoch % seconds, tz=dt.UTC)


def allow(bucket: str, address: str) -> bool:
    """Count one use of `bucket` by `address`; False if that goes over the limit for this window."""
    limit = limit_for(bucket)
    if limit <= 0:
        return True
    seconds = max(1, settings.JOINEDUP_PUBLIC_RATE_WINDOW_SECONDS)
    start = _window_start(clock.now(), seconds)
    key = client_key(address)
    rows = RateCount.objects.filter(bucket=bucket, client=key, window_start=start)
    with transaction.atomic():
        if not rows.update(count=F("count") + 1):
            try:
                with transaction.atomic():
                    RateCount.objects.create(bucket=bucket, client=key, window_start=start, count=1)
            except IntegrityError:  # another worker created it first
                rows.update(count=F("count") + 1)
            else:
                # A new window for this client: forget windows that have ended (not case data).
                RateCount.objects.filter(window_start__lt=start - dt.timedelta(seconds=seconds)).delete()
        count = rows.values_list("count", flat=True).get()
    return count <= limit
