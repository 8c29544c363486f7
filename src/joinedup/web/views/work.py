"""My work: the actions a person answers for, soonest due first, and what their agency has been told
and must acknowledge. One action's page: its concern, child, rule and deadline, who has held it, and
the forms to complete, cancel or reassign it."""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from joinedup.casework.models import ActionKind, ActionStatus, Notification
from joinedup.casework.services import acknowledge, cancel_action, complete_action, reassign_action
from joinedup.language.models import RecordKind
from joinedup.records.access import concerns_visible_to
from joinedup.records.services import RefusedError, record_concern_view
from joinedup.restrictions.waiting import hidden_concern_ids
from joinedup.web import due, follow_through, wording
from joinedup.web.forms.base import error_summary
from joinedup.web.forms.casework import ReassignForm
from joinedup.web.forms.decisions import ReasonForm
from joinedup.web.paging import page_of
from joinedup.web.permissions import (
    get_action_for_user,
    may_change_action,
    may_reassign_action,
    require_records_access,
)

PAGE_SIZE = 50


@require_records_access
def my_work(request):
    user = request.user
    page, params = page_of(request, follow_through.my_actions(user), PAGE_SIZE)
    actions = list(page)
    names = follow_through.child_names(user, [a.child_id for a in actions])
    restricted = hidden_concern_ids(user, [a.concern_id for a in actions])
    notifications = list(follow_through.notifications_to_acknowledge(user)[:PAGE_SIZE])
    visible = set(
        concerns_visible_to(user).filter(pk__in=[n.concern_id for n in notifications]).values_list("pk", flat=True)
    )
    context = {
        "page": page,
        "entries": [
            {"action": a, "child_name": names.get(a.child_id, ""), "restricted": a.concern_id in restricted}
            for a in actions
        ],
        "notifications": [{"note": n, "linked": n.concern_id in visible} for n in notifications],
        "params": params,
    }
    return render(request, "web/my_work.html", context)


@require_records_access
@require_POST
def acknowledge_notification(request, pk: int):
    user = request.user
    note = Notification.objects.filter(pk=pk, to_agency_id=user.agency_id).select_related("concern").first()
    if note is None:
        raise Http404("No such notification")
    try:
        acknowledge(user, note)
    except RefusedError as refusal:
        messages.info(request, str(refusal))
    else:
        messages.success(request, f"Acknowledged: {note.get_purpose_display().lower()} about {note.concern.reference}.")
    return redirect("my_work")


def _forms(action, user, data=None, which=""):
    """The three forms, one of them bound to what was sent."""
    owners = follow_through.owner_choices() if may_reassign_action(user, action) else []
    return {
        "complete_form": ReasonForm(
            data if which == "complete" else None, prefix="complete", label="What was done?",
            hint="This is kept on the child's record.", error="Enter what was done",
        ),
        "cancel_form": ReasonForm(
            data if which == "cancel" else None, prefix="cancel", label="Why is it no longer needed?",
            error="Enter why the action is being cancelled",
        ),
        "reassign_form": ReassignForm(data if which == "reassign" else None, owners=owners),
    }


def _render_action(request, action, forms=None, refusals=(), language_review=None):
    user = request.user
    record_concern_view(user, action.concern)
    forms = forms or _forms(action, user)
    names = follow_through.child_names(user, [action.child_id])
    is_open = action.status == ActionStatus.OPEN
    set_by = action.created_by.display_name if action.created_by else ""
    may_change = is_open and may_change_action(user, action) and action.kind != ActionKind.SIGN_OFF
    if language_review is not None and language_review.must_show and not may_change:
        # Held back to check its words, and meanwhile closed by someone else.
        refusals = [*refusals, "This action can no longer be completed here."]
    context = {
        "action": action,
        "child_name": names.get(action.child_id, ""),
        "rule": due.rule_text(action.due_rule, action.due_rule_params, set_by),
        "reassignments": follow_through.reassignments_of(action),
        "may_change": may_change,
        "may_reassign": is_open and may_reassign_action(user, action),
        "error_summary": error_summary(*forms.values(), messages=refusals),
        "language_review": language_review,
        **forms,
    }
    return render(request, "web/action_detail.html", context)


@require_records_access
def action_detail(request, pk: int):
    return _render_action(request, get_action_for_user(request.user, pk))


def _change(request, pk: int, which: str, run, checked: str = ""):
    """Run one of the three changes; `run` returns the message to show when it is done. With `checked`
    (a language.models.RecordKind), the form's reason is language-checked before it is saved."""
    user = request.user
    action = get_action_for_user(user, pk)
    forms = _forms(action, user, request.POST, which)
    form = forms[f"{which}_form"]
    review = wording.review(form["reason"], checked, wording.concern_context(action.concern), user) if checked else None
    if not form.is_valid() or (review is not None and review.must_show):
        return _render_action(request, action, forms, language_review=review)
    try:
        with transaction.atomic():
            done = run(user, action, form)
            if review is not None:
                review.record(user, action.pk, child_ids=[action.child_id])
    except RefusedError as refusal:
        return _render_action(request, action, forms, refusals=[refusal], language_review=review)
    messages.success(request, done)
    return redirect("action_detail", pk=action.pk)


@require_records_access
@require_POST
def action_complete(request, pk: int):
    def run(user, action, form):
        complete_action(user, action, form.cleaned_data["reason"])
        return f"Done: “{action.title}” is complete."

    return _change(request, pk, "complete", run, checked=RecordKind.ACTION_NOTE)


@require_records_access
@require_POST
def action_cancel(request, pk: int):
    def run(user, action, form):
        cancel_action(user, action, form.cleaned_data["reason"])
        return f"“{action.title}” was cancelled."

    return _change(request, pk, "cancel", run)


@require_records_access
@require_POST
def action_reassign(request, pk: int):
    def run(user, action, form):
        person, team = form.new_owner
        action = reassign_action(user, action, to_owner=person, to_team=team, reason=form.cleaned_data["reason"])
        return f"“{action.title}” was reassigned to {action.owner_label}."

    return _change(request, pk, "reassign", run)
