"""Sign-off: decisions that a team manager must agree before they take effect ("no further action" on
exploitation, on significant signs, or on a third concern in a year). The manager sees the child's
whole history and the reasons, and signs off or sends the concern back for a new decision."""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render

from joinedup.casework.models import Decision, DecisionStatus
from joinedup.casework.services import SIGNS_OFF, child_ids_of, sign_off
from joinedup.language.models import RecordKind
from joinedup.records.access import concerns_visible_to, get_child_for_user
from joinedup.records.models import ConcernChild
from joinedup.records.services import RefusedError, record_child_view
from joinedup.web import queries, timeline, wording
from joinedup.web.follow_through import awaiting_sign_off
from joinedup.web.forms.base import error_summary
from joinedup.web.forms.casework import SignOffForm
from joinedup.web.paging import page_of
from joinedup.web.permissions import require_role
from joinedup.web.views.children import timeline_for

PAGE_SIZE = 50


@require_role(SIGNS_OFF)
def sign_off_list(request):
    page, params = page_of(request, awaiting_sign_off(request.user), PAGE_SIZE)
    return render(request, "web/sign_offs.html", {"page": page, "decisions": list(page), "params": params})


def _histories(user, decision: Decision) -> list[dict]:
    """Each child the concern is about, with their whole chronology (each view audited)."""
    described = ConcernChild.objects.filter(version_id=decision.concern.current_version_id).order_by("position")
    out = []
    for number, row in enumerate(described, start=1):
        child = get_child_for_user(user, row.child_id)
        record_child_view(user, child)
        concerns = queries.chronology(user, child)
        out.append({
            "child": child, "name": row.display_name, "concerns": concerns, "timeline": timeline_for(concerns),
            "timeline_id": f"timeline-{number}",
        })
    return out


@require_role(SIGNS_OFF)
def sign_off_detail(request, pk: int):
    user = request.user
    decision = (
        Decision.objects.filter(pk=pk, concern__in=concerns_visible_to(user))
        .select_related("concern__agency", "concern__current_version", "created_by__agency", "sign_off__created_by")
        .first()
    )
    if decision is None:
        raise Http404("No such decision")
    waiting = decision.status == DecisionStatus.AWAITING_SIGN_OFF
    form = SignOffForm(request.POST if request.method == "POST" else None)
    refusals = []
    review = None
    if request.method == "POST" and waiting:  # else the service refuses, and says why
        review = wording.review(form["note"], RecordKind.SIGN_OFF_NOTE, wording.concern_context(decision.concern), user)
    if request.method == "POST" and form.is_valid() and not (review is not None and review.must_show):
        approved = form.cleaned_data["approved"] == "yes"
        try:
            with transaction.atomic():
                record = sign_off(user, decision, approved, form.cleaned_data["note"])
                if review is not None:
                    review.record(user, record.pk, child_ids=child_ids_of(decision.concern))
        except RefusedError as refusal:
            refusals.append(refusal)
        else:
            outcome = "signed off: it is now in effect" if approved else "not signed off: the concern is back at the front door"
            messages.success(request, f"The decision on {decision.concern.reference} was {outcome}.")
            return redirect("sign_off_list")
    context = {
        "decision": decision,
        "concern": decision.concern,
        "version": decision.concern.current_version,
        "waiting": waiting,
        "own_decision": decision.created_by_id == user.pk,
        "form": form,
        "histories": _histories(user, decision),
        "urgency_styles": [(level, *timeline.URGENCY_STYLE[level]) for level in (3, 2, 1)],
        "error_summary": error_summary(form, messages=refusals),
        "language_review": review if waiting else None,
    }
    return render(request, "web/sign_off_detail.html", context)
