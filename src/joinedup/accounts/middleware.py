"""Two gates every page request passes, after the session's user is known:

- IdleTimeoutMiddleware signs out a session that has not been used for JOINEDUP_IDLE_MINUTES and sends
  the person to sign in again with a message.
- SecondFactorMiddleware sends a session signed in with a password only to enter (or set up) a second
  factor before any page its role may not use without one (`accounts.policy`, which is role data).

API requests made with a system token have no session user and pass both untouched.
"""

from __future__ import annotations

import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from joinedup.accounts import policy
from joinedup.accounts.services import has_second_factor

LAST_SEEN = "joinedup_last_seen"
_TOUCH_EVERY = 60  # seconds: the session is written at most once a minute just to keep it alive


def _redirect(request, url: str) -> HttpResponse:
    """A redirect that also works for htmx requests (which would otherwise swap the page into a part)."""
    if request.headers.get("HX-Request"):
        response = HttpResponse(status=204)
        response["HX-Redirect"] = url
        return response
    return HttpResponseRedirect(url)


def _with_next(name: str, request) -> str:
    url = reverse(name)
    if request.method == "GET":
        here = request.get_full_path()
        if url_has_allowed_host_and_scheme(here, allowed_hosts={request.get_host()}):
            url += "?" + urlencode({"next": here})
    return url


@receiver(user_logged_in)
def _signed_in_now(sender, request, user, **kwargs):
    """Signing in is activity: the idle clock starts then."""
    if request is not None and hasattr(request, "session"):
        request.session[LAST_SEEN] = time.time()


class IdleTimeoutMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = time.time()  # the wall clock: idleness is about the person, not a replayed record
            last = request.session.get(LAST_SEEN)
            if last is not None and now - last > settings.JOINEDUP_IDLE_MINUTES * 60:
                logout(request)
                messages.info(
                    request,
                    f"You were signed out because JoinedUp was not used for {settings.JOINEDUP_IDLE_MINUTES} "
                    "minutes. Sign in again to carry on.",
                )
                return _redirect(request, _with_next("login", request))
            if last is None or now - last > _TOUCH_EVERY:
                request.session[LAST_SEEN] = now
        return self.get_response(request)


class SecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and not user.is_verified()
            and not policy.allowed_without_second_factor(user, request.path_info, request.GET)
        ):
            if request.path_info.startswith("/api/"):
                return JsonResponse({"detail": "Enter your second-factor code on the sign-in page first."}, status=403)
            name = "second_factor" if has_second_factor(user) else "second_factor_set_up"
            return _redirect(request, _with_next(name, request))
        return self.get_response(request)


def after_password(user, next_url: str) -> str:
    """Where a successful password sign-in goes: to the code (or to set one up) when the role needs it
    or the person has one; otherwise straight on (a record-only session)."""
    if user.is_authenticated and (has_second_factor(user) or policy.rule_for(user) == policy.REQUIRED):
        name = "second_factor" if has_second_factor(user) else "second_factor_set_up"
        return reverse(name) + "?" + urlencode({"next": next_url})
    return next_url
