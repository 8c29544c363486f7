"""One concern: its current version, every earlier version with the reason it was corrected,
withdrawal (kept, with a reason; never deleted), and the decision on it: what was decided, by whom,
with its actions and the agencies told, and the form to decide."""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from joinedup.casework.models import DecisionStatus
from joinedup.casework.services import DECIDES, child_ids_of, record_decision
from joinedup.core import clock
from joinedup.core.roles import Role
from joinedup.language.models import RecordKind
from joinedup.records.access import get_concern_for_user, scope
from joinedup.records.models import ConcernStatus
from joinedup.records.services import RefusedError, may_withdraw, record_concern_view, withdraw_concern
from joinedup.screening.queries import police_warnings
from joinedup.web import follow_through, queries, wording
from joinedup.web.forms.base import error_summary
from joinedup.web.forms.casework import ActionRows, DecisionForm
from joinedup.web.forms.decisions import ReasonForm
from joinedup.web.permissions import require_records_access, require_role
from joinedup.web.templatetags.govuk import plain_reason


def _decision_forms(user, data=None) -> tuple[DecisionForm, ActionRows]:
    form = DecisionForm(data, agencies=follow_through.referral_agencies(user))
    rows = ActionRows(data, prefix="action", form_kwargs={"owners": follow_through.owner_choices()})
    return form, rows


def _render_concern(request, concern, *, decision_form=None, action_rows=None, refusals=(), language_review=None,
                    status=200):
    user = request.user
    record_concern_view(user, concern)
    versions = queries.concern_versions(concern)
    current = next((v for v in versions if v.pk == concern.current_version_id), versions[0] if versions else None)
    decisions = follow_through.decisions_on(concern)
    live = next((d for d in decisions if d.status in follow_through.LIVE_DECISION), None)
    may_decide = user.role in DECIDES and concern.status == ConcernStatus.OPEN and live is None
    context = {
        "concern": concern,
        "current": current,
        "history": [v for v in versions if v is not current],
        "clock": queries.decision_clock(concern.decision_due_at, clock.now()),
        "can_withdraw": concern.status == ConcernStatus.OPEN and may_withdraw(user, concern),
        "decisions": decisions,
        "live_decision": live,
        "full_decisions": scope(user) == "all",
        "links_actions": user.role in DECIDES,
        "may_decide": may_decide,
        "language_review": language_review if may_decide else None,
    }
    if user.role == Role.POLICE_OFFICER and current is not None:  # before acting: the child may be a victim
        context["police_warnings"] = police_warnings(d.child_id for d in current.children.all())
    if may_decide:
        if decision_form is None:
            decision_form, action_rows = _decision_forms(user)
        context.update(decision_form=decision_form, action_rows=action_rows)
    if language_review is not None and language_review.must_show and not may_decide:
        # Held back to check its words, and meanwhile decided or withdrawn by someone else.
        refusals = [*refusals, "This concern is no longer waiting for a decision."]
    # A refusal is shown even when the form is not (someone else decided first).
    context["error_summary"] = error_summary(*([decision_form, action_rows] if may_decide else []), messages=refusals)
    return render(request, "web/concern_detail.html", context, status=status)


@require_records_access
def concern_detail(request, pk: int):
    return _render_concern(request, get_concern_for_user(request.user, pk))


@require_role(DECIDES)
@require_POST
def concern_decide(request, pk: int):
    """Record the decision (and any actions) from the form on the concern's page."""
    user = request.user
    concern = get_concern_for_user(user, pk)
    form, rows = _decision_forms(user, request.POST)
    review = wording.review(form["rationale"], RecordKind.DECISION, wording.concern_context(concern), user)
    if not (form.is_valid() and rows.is_valid()) or review.must_show:
        return _render_concern(request, concern, decision_form=form, action_rows=rows, language_review=review)
    try:
        with transaction.atomic():
            decision = record_decision(
                user, concern, form.cleaned_data["kind"], form.cleaned_data.get("rationale", ""),
                refer_to=form.refer_to_agency(), actions=rows.specs(),
            )
            review.record(user, decision.pk, child_ids=child_ids_of(concern))
    except RefusedError as refusal:
        return _render_concern(
            request, concern, decision_form=form, action_rows=rows, refusals=[refusal], language_review=review
        )
    if decision.status == DecisionStatus.AWAITING_SIGN_OFF:
        messages.success(
            request, f"Decision recorded: {decision.get_kind_display()}. A manager must sign it off before it "
            f"takes effect, because {' and '.join(plain_reason(r) for r in decision.sign_off_reasons)}.",
        )
    else:
        messages.success(request, f"Decision recorded: {decision.get_kind_display()}.")
    return redirect("concern_detail", pk=concern.pk)


@require_records_access
def concern_withdraw(request, pk: int):
    user = request.user
    concern = get_concern_for_user(user, pk)
    if not may_withdraw(user, concern):
        raise Http404("No such page")
    if concern.status != ConcernStatus.OPEN:
        messages.info(request, f"{concern.reference} has already been withdrawn.")
        return redirect("concern_detail", pk=concern.pk)
    form = ReasonForm(
        request.POST if request.method == "POST" else None,
        label="Why are you withdrawing this concern?",
        hint="For example, recorded about the wrong child, or sent twice. The concern is kept, marked withdrawn.",
    )
    review = None
    if request.method == "POST":
        review = wording.review(form["reason"], RecordKind.WITHDRAWAL, wording.concern_context(concern), user)
    if request.method == "POST" and form.is_valid() and not review.must_show:
        try:
            with transaction.atomic():
                withdraw_concern(user, concern, form.cleaned_data["reason"])
                review.record(user, concern.pk, child_ids=child_ids_of(concern))
        except RefusedError as refusal:
            form.add_error("reason", str(refusal))
        else:
            messages.success(request, f"{concern.reference} was withdrawn.")
            return redirect("concern_detail", pk=concern.pk)
    context = {"concern": concern, "form": form, "error_summary": form.error_summary(), "language_review": review}
    return render(request, "web/concern_withdraw.html", context)
