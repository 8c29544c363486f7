"""The retention page for records officers: what is due for disposal, legal holds, proposals awaiting a
second officer's approval and recent decisions; classifying a record, placing and lifting holds,
proposing, approving and refusing. No object ids in addresses; 404 for every other role."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from joinedup.core import clock
from joinedup.records.services import RefusedError
from joinedup.retention import queries, services
from joinedup.retention.forms import ClassifyForm, DecideForm, HoldForm, ProposeForm
from joinedup.web.forms.base import error_summary
from joinedup.web.permissions import require_role


def _page(request, *, classify_form=None, hold_form=None, status=200):
    forms = {"classify_form": classify_form or ClassifyForm(prefix="classify"), "hold_form": hold_form or HoldForm(prefix="hold")}
    bound = next((f for f in forms.values() if f.is_bound and f.errors), None)
    context = {
        "due": queries.due(clock.now()), "holds": queries.holds_in_force(),
        "awaiting": queries.awaiting_proposals(), "decided": queries.recent_decisions(),
        "error_summary": error_summary(bound) if bound else None, **forms,
    }
    return render(request, "retention/overview.html", context, status=status)


@require_role(services.MANAGES_RETENTION)
def overview(request):
    return _page(request)


def _done(request, call, success: str):
    try:
        call()
    except RefusedError as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, success)
    return redirect("retention")


def _submitted(request, form, name: str, act, success) -> HttpResponse:
    """A form on the page: act on its cleaned data and go back to the page with `success(data)`, or show
    the page again with the form's errors (or the refusal) in its error summary."""
    if form.is_valid():
        try:
            act(form.cleaned_data)
        except RefusedError as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, success(form.cleaned_data))
            return redirect("retention")
    return _page(request, **{name: form}, status=400)


@require_POST
@require_role(services.MANAGES_RETENTION)
def classify(request):
    return _submitted(
        request, ClassifyForm(request.POST, prefix="classify"), "classify_form",
        lambda d: services.classify(request.user, d["child"], d["record_type"], reason=d["reason"],
                                    date_of_birth=d["date_of_birth"], date_of_death=d["date_of_death"],
                                    event_date=d["event_date"], subject_date_of_birth=d["subject_date_of_birth"]),
        lambda d: f"C-{d['child']:05d} classified.",
    )


@require_POST
@require_role(services.MANAGES_RETENTION)
def place_hold(request):
    return _submitted(
        request, HoldForm(request.POST, prefix="hold"), "hold_form",
        lambda d: services.place_hold(request.user, d["child"], d["reason"]),
        lambda d: f"C-{d['child']:05d} is on legal hold.",
    )


@require_POST
@require_role(services.MANAGES_RETENTION)
def lift_hold(request):
    hold_id = request.POST.get("hold", "")
    return _done(request, lambda: services.lift_hold(request.user, int(hold_id) if hold_id.isdigit() else 0,
                                                     request.POST.get("reason", "")), "Legal hold lifted.")


@require_POST
@require_role(services.MANAGES_RETENTION)
def propose(request):
    form = ProposeForm(request.POST)
    if not form.is_valid():
        messages.error(request, form.errors["child"][0])
        return redirect("retention")
    return _done(request, lambda: services.propose(request.user, form.cleaned_data["child"]),
                 "Disposal proposed: a different records officer must approve it.")


@require_POST
@require_role(services.MANAGES_RETENTION)
def decide(request):
    form = DecideForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose a proposal and whether to approve or refuse it.")
        return redirect("retention")
    data = form.cleaned_data
    if data["approve"] == "yes":
        return _done(request, lambda: services.approve(request.user, data["proposal"], data["reason"]),
                     "Disposal approved: the record was erased and a tombstone left.")
    return _done(request, lambda: services.refuse(request.user, data["proposal"], data["reason"]), "Disposal refused.")


def retention_navigation(user) -> list[tuple[str, str]]:
    return [("Retention", "retention")] if user.role in services.MANAGES_RETENTION else []
