"""The second step of signing in: enter a code, or set up an authenticator app (QR code and key shown
here, made on this server) and be given backup codes once."""

from __future__ import annotations

import django_otp
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache

from joinedup.accounts import policy, qr, services
from joinedup.accounts.forms import CodeForm


def _next(request) -> str:
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url and url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()},
                                               require_https=request.is_secure()):
        return url
    return reverse(settings.LOGIN_REDIRECT_URL)


def _errors(form) -> list[dict]:
    return [{"href": "#id_code", "text": errors[0]} for errors in form.errors.values()]


def _verified(request, device):
    request.session.cycle_key()  # a new session id for the stronger sign-in
    django_otp.login(request, device)


@never_cache
@login_required
def second_factor(request):
    """Enter the code from the authenticator app (or a backup code)."""
    user = request.user
    if not services.has_second_factor(user):
        return redirect(reverse("second_factor_set_up") + "?" + request.GET.urlencode())
    if user.is_verified():
        return redirect(_next(request))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = services.check_code(user, form.cleaned_data["code"])
        if device is not None:
            _verified(request, device)
            return redirect(_next(request))
        form.add_error("code", "The code is not right. Enter the 6-digit code your authenticator app shows now,"
                               " or one of your backup codes")
    return render(request, "accounts/enter_code.html", {
        "form": form, "next": _next(request), "error_summary": _errors(form),
        "record_only": policy.rule_for(user) == policy.RECORD_ONLY,
    })


@never_cache
@login_required
def second_factor_set_up(request):
    """Set up an authenticator app. Someone who already has a second factor enters its code instead
    (a password alone must never be enough to replace it)."""
    user = request.user
    if services.has_second_factor(user):
        return redirect(reverse("second_factor") + "?" + request.GET.urlencode())
    device = services.pending_app(user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = services.confirm_app(user, device, form.cleaned_data["code"])
        if codes is not None:
            _verified(request, device)
            return render(request, "accounts/backup_codes.html", {"codes": codes, "next": _next(request)})
        form.add_error("code", "The code is not right. Enter the 6-digit code your authenticator app shows now")
    return render(request, "accounts/set_up.html", {
        "form": form, "next": _next(request), "error_summary": _errors(form),
        "qr_svg": qr.svg(device.config_url), "secret": services.secret_text(device),
        "record_only": policy.rule_for(user) == policy.RECORD_ONLY,
    })
