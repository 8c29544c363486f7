"""Lockout after repeated wrong passwords (django-axes, by user name and address together): each
lockout is an audit event the auditor sees, a warning in the log, and an email to the auditors and
administrators who have an email address."""

from __future__ import annotations

import logging

from axes.signals import user_locked_out
from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.dispatch import receiver
from django.shortcuts import render

from joinedup.accounts.events import SignInLockedOut
from joinedup.core import audit
from joinedup.core.models import User
from joinedup.core.roles import READS_AUDIT

log = logging.getLogger("joinedup.security")


@receiver(user_locked_out)
def record_lockout(sender, request=None, username=None, ip_address=None, **kwargs):
    username = (username or "")[:150]
    failures = getattr(request, "axes_failures_since_start", 0) or settings.AXES_FAILURE_LIMIT
    minutes = _minutes()
    log.warning("Sign-in locked out for user name %r from %s after %s failures", username, ip_address, failures)
    with transaction.atomic():
        actor = User.objects.filter(username=username).first()
        audit.record(
            SignInLockedOut(username=username, ip_address=ip_address or "", failures=failures, minutes=minutes),
            actor=actor,
        )
        to = list(User.objects.filter(role__in=READS_AUDIT, is_active=True).exclude(email="")
                  .values_list("email", flat=True))
        if to:
            body = (
                f"Signing in to JoinedUp as {username!r} from {ip_address} was paused for {minutes} minutes after "
                f"{failures} wrong passwords.\nIf this was not the person themselves, someone may be trying to "
                "use their account. The audit trail has the details (event: Sign in locked out)."
            )
            transaction.on_commit(lambda: _email(body, to))


def _email(body: str, to: list[str]) -> None:
    """Sent after commit. A mail failure is logged; the audit event stands."""
    try:
        send_mail("JoinedUp: signing in paused after wrong passwords", body, settings.DEFAULT_FROM_EMAIL, to)
    except Exception:  # any transport failure: the audit event and the log line remain
        log.exception("could not email a sign-in lockout alert to %s", to)


def _minutes() -> int:
    return int(settings.AXES_COOLOFF_TIME.total_seconds() // 60) if settings.AXES_COOLOFF_TIME else 0


def lockout_response(request, original_response=None, credentials=None):
    """The plain-English page a locked-out person sees (HTTP 429), for AXES_LOCKOUT_CALLABLE."""
    context = {"failure_limit": settings.AXES_FAILURE_LIMIT, "minutes": _minutes()}
    return render(request, "accounts/locked_out.html", context, status=429)
