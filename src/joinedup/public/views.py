"""The public reporting page: no sign-in. Each URL names its language (`/report/ur/`), so a page can be
linked to, bookmarked and switched without JavaScript; the view runs in that language.

Writes go through `public.services`. A refused or invalid form is shown again with everything typed
still in it; a refusal (too many reports from one address, the hidden field filled in, a body too large)
says so plainly, with the numbers to ring.
"""

from __future__ import annotations

import functools

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.vary import vary_on_headers

from joinedup.public import ratelimit, services
from joinedup.public.forms import (
    HONEYPOT,
    AddInformationForm,
    FollowUpForm,
    ReportForm,
    error_summary,
    reporter_choices,
)
from joinedup.public.languages import BY_CODE, LANGUAGES, best_for
from joinedup.public.models import PublicReport
from joinedup.records.services import RefusedError

SESSION_SENT = "public_sent"
SESSION_REPORT = "public_report"
SESSION_ADDED = "public_added"
FOLLOW_UP_SECONDS = 20 * 60


def in_language(view):
    """Run the view in the language its URL names (404 for any other)."""

    @functools.wraps(view)
    def wrapper(request, lang: str, *args, **kwargs):
        language = BY_CODE.get(lang)
        if language is None:
            raise Http404("No such language")
        with translation.override(language.code):
            request.LANGUAGE_CODE = language.code
            request.public_language = language
            response = view(request, *args, **kwargs)
        response.headers["Content-Language"] = language.code
        response.headers.setdefault("Cache-Control", "no-store")
        return response

    return never_cache(csrf_protect(wrapper))


def _page(request, template: str, context: dict, status: int = 200):
    language = request.public_language
    if template != "public/sent.html":
        # The reporter has left the confirmation page: the passphrase is not shown again.
        request.session.pop(SESSION_SENT, None)
    match = request.resolver_match
    switch = [
        {
            "language": other,
            "url": reverse(match.view_name, kwargs={**match.kwargs, "lang": other.code}),
            "current": other.code == language.code,
        }
        for other in LANGUAGES
    ]
    base = {"language": language, "languages": switch, "home_url": reverse("public:report", kwargs={"lang": language.code})}
    return render(request, template, {**base, **context}, status=status)


@vary_on_headers("Accept-Language")
def choose_language(request):
    """`/report/`: the page in the visitor's browser language, if it is offered in it."""
    return redirect("public:report", lang=best_for(request.headers.get("Accept-Language", "")))


def _body_too_large(request) -> bool:
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return True
    return length > settings.JOINEDUP_PUBLIC_MAX_BODY_BYTES


def _refused(request, message: str, status: int):
    return _page(request, "public/refused.html", {"message": message}, status=status)


def _report_form_page(request, form, *, refusal: str = "", status: int = 200):
    summary = error_summary(form) if form.is_bound and not refusal else []
    context = {
        "form": form, "choices": reporter_choices(), "error_summary": summary, "refusal": refusal,
        "honeypot": HONEYPOT, "max_chars": settings.JOINEDUP_PUBLIC_MAX_CHARS,
    }
    return _page(request, "public/report.html", context, status=400 if summary else status)


@in_language
def report(request):
    if request.method != "POST":
        return _report_form_page(request, ReportForm())
    if _body_too_large(request):
        return _refused(request, _("What you sent is too long for us to accept. Please shorten it and send it again."), 413)
    form = ReportForm(request.POST)
    if form.is_bot:
        return _report_form_page(
            request, form, refusal=_("We could not accept this report. Please check it and send it again."), status=400
        )
    if not form.is_valid():
        return _report_form_page(request, form)
    if not ratelimit.allow(ratelimit.REPORT, ratelimit.client_address(request)):
        return _report_form_page(
            request, form, status=429,
            refusal=_("Too many reports have been sent from this connection in a short time, so we cannot accept "
                      "another one just now. Please try again later. What you wrote is still below."),
        )
    public_report, passphrase = services.submit_report(form.details(request.public_language.code))
    request.session[SESSION_SENT] = {"reference": public_report.reference, "passphrase": passphrase}
    if not request.user.is_authenticated:
        request.session.set_expiry(FOLLOW_UP_SECONDS)
    return redirect("public:sent", lang=request.public_language.code)


@in_language
def sent(request):
    """The reference and passphrase, shown until the reporter leaves this page (so switching language or
    reloading keeps them) or for 20 minutes at most; only the passphrase's hash is stored."""
    shown = request.session.get(SESSION_SENT)
    if shown is None:
        return redirect("public:follow_up", lang=request.public_language.code)
    return _page(request, "public/sent.html", {"reference": shown["reference"], "passphrase": shown["passphrase"]})


@in_language
def follow_up(request):
    if request.method != "POST":
        return _page(request, "public/follow_up.html", {"form": FollowUpForm()})
    if _body_too_large(request):
        return _refused(request, _("What you sent is too long for us to accept. Please shorten it and send it again."), 413)
    form = FollowUpForm(request.POST)
    if not form.is_valid():
        return _page(request, "public/follow_up.html", {"form": form, "error_summary": error_summary(form)}, status=400)
    if not ratelimit.allow(ratelimit.FOLLOW_UP, ratelimit.client_address(request)):
        return _page(
            request, "public/follow_up.html", status=429,
            context={"form": form, "refusal": _("Too many tries from this connection in a short time. Please try "
                                                 "again later.")},
        )
    found = services.find_report(form.cleaned_data["reference"], form.cleaned_data["passphrase"])
    if found is None:
        form.add_error("passphrase", _("The reference and passphrase do not match a report. Check them and try again"))
        return _page(request, "public/follow_up.html", {"form": form, "error_summary": error_summary(form)}, status=400)
    request.session.cycle_key()
    request.session[SESSION_REPORT] = found.pk
    if not request.user.is_authenticated:
        request.session.set_expiry(FOLLOW_UP_SECONDS)
    return redirect("public:progress", lang=request.public_language.code)


@in_language
def progress(request):
    """The report's progress, and the form to add information (after the reference and passphrase)."""
    report_pk = request.session.get(SESSION_REPORT)
    public_report = PublicReport.objects.filter(pk=report_pk).select_related("concern").first() if report_pk else None
    if public_report is None:
        return redirect("public:follow_up", lang=request.public_language.code)
    form = AddInformationForm(request.POST if request.method == "POST" else None)
    refusal = ""
    if request.method == "POST":
        if _body_too_large(request):
            return _refused(request, _("What you sent is too long for us to accept. Please shorten it and send it again."), 413)
        if form.is_valid():
            try:
                services.add_information(public_report, form.cleaned_data["information"])
            except RefusedError:
                refusal = _("You have added information to this report many times. Please call the numbers below "
                            "if you need to tell us more.")
            else:
                request.session[SESSION_ADDED] = True
                return redirect("public:progress", lang=request.public_language.code)
    else:
        services.record_follow_up(public_report)
    context = {
        "progress": services.progress(public_report), "form": form, "refusal": refusal,
        "added": request.session.pop(SESSION_ADDED, False) if request.method != "POST" else False,
        "error_summary": error_summary(form) if form.is_bound else [],
    }
    return _page(request, "public/progress.html", context, status=400 if context["error_summary"] else 200)
