"""One concern: its current version, every earlier version with the reason it was corrected, and
withdrawal (kept, with a reason; never deleted)."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render

from joinedup.core import clock
from joinedup.records.access import get_concern_for_user
from joinedup.records.models import ConcernStatus
from joinedup.records.services import RefusedError, record_concern_view, withdraw_concern
from joinedup.web import queries
from joinedup.web.forms.decisions import ReasonForm
from joinedup.web.permissions import can_withdraw, require_records_access


@require_records_access
def concern_detail(request, pk: int):
    user = request.user
    concern = get_concern_for_user(user, pk)
    record_concern_view(user, concern)
    versions = queries.concern_versions(concern)
    current = next((v for v in versions if v.pk == concern.current_version_id), versions[0] if versions else None)
    context = {
        "concern": concern,
        "current": current,
        "history": [v for v in versions if v is not current],
        "clock": queries.decision_clock(concern.decision_due_at, clock.now()),
        "can_withdraw": concern.status == ConcernStatus.OPEN and can_withdraw(user, concern),
    }
    return render(request, "web/concern_detail.html", context)


@require_records_access
def concern_withdraw(request, pk: int):
    user = request.user
    concern = get_concern_for_user(user, pk)
    if not can_withdraw(user, concern):
        raise Http404("No such page")
    if concern.status != ConcernStatus.OPEN:
        messages.info(request, f"{concern.reference} has already been withdrawn.")
        return redirect("concern_detail", pk=concern.pk)
    form = ReasonForm(
        request.POST if request.method == "POST" else None,
        label="Why are you withdrawing this concern?",
        hint="For example, recorded about the wrong child, or sent twice. The concern is kept, marked withdrawn.",
    )
    if request.method == "POST" and form.is_valid():
        try:
            withdraw_concern(user, concern, form.cleaned_data["reason"])
        except RefusedError as refusal:
            form.add_error("reason", str(refusal))
        else:
            messages.success(request, f"{concern.reference} was withdrawn.")
            return redirect("concern_detail", pk=concern.pk)
    return render(
        request, "web/concern_withdraw.html", {"concern": concern, "form": form, "error_summary": form.error_summary()}
    )
