"""A child's page: their details as each agency knows them, and one chronology across every agency the
user may see (a picture and a list). Finding a child. Undoing a merge of two records."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone

from joinedup.casework.services import DECIDES, close_case
from joinedup.core.roles import REVIEWS_MATCHES, Role
from joinedup.records.access import RestrictedRecord, get_child_for_user, scope
from joinedup.records.models import ChildLinkEvent, LinkEventKind
from joinedup.records.services import RefusedError, record_child_search, record_child_view, undo_merge
from joinedup.screening.queries import police_warnings, screen_child
from joinedup.web import follow_through, queries, timeline
from joinedup.web.details import details_by_agency
from joinedup.web.forms.base import error_summary
from joinedup.web.forms.decisions import ReasonForm
from joinedup.web.permissions import can_review_matches, require_records_access, require_role


def timeline_for(concerns) -> timeline.Timeline | None:
    return timeline.build(
        [
            timeline.Entry(
                at=timezone.localtime(concern.received_at),
                lane=concern.agency.name,
                urgency=concern.current_version.urgency,
                withdrawn=concern.status == "withdrawn",
                title=f"{concern.reference}, {concern.agency.name}, {timezone.localtime(concern.received_at):%-d %b %Y}",
            )
            for concern in concerns
        ]
    )


@require_records_access
def child_detail(request, pk: int):
    user = request.user
    try:
        child = get_child_for_user(user, pk)
    except RestrictedRecord:
        return redirect("break_glass", pk=pk)
    if child.pk != pk:  # the record was merged into another: show the child under one address
        return redirect("child_detail", pk=child.pk)
    record_child_view(user, child)
    concerns = queries.chronology(user, child)
    descriptions = queries.child_descriptions(user, child)
    reviews = can_review_matches(user)
    newest = max(descriptions, key=lambda d: (d.version.concern.received_at, d.pk), default=None)
    context = {
        "child": child,
        "name": newest.display_name if newest else child.reference,
        "agencies": details_by_agency(descriptions),
        "concerns": concerns,
        "timeline": timeline_for(concerns),
        "urgency_styles": [(level, *timeline.URGENCY_STYLE[level]) for level in (3, 2, 1)],
        "matches": queries.open_matches_for_child(user, child),
        "merges": queries.merges_into(user, child) if reviews else [],
        "can_review": reviews,
        **_casework(user, child),
        **_screening(user, child),
    }
    return render(request, "web/child_detail.html", context)


def _casework(user, child) -> dict:
    """The child's open case and open actions, for the safeguarding roles (not own-agency roles)."""
    if scope(user) != "all":
        return {}
    case = follow_through.open_case(child)
    return {
        "show_casework": True,
        "case": case,
        "open_actions": follow_through.open_actions_for_child(child),
        "links_actions": user.role in DECIDES,
        "may_close": case is not None and user.role in DECIDES,
        "close_form": ReasonForm(prefix="close", label="Why is the case closing?", error="Enter why the case is closing"),
    }


def _screening(user, child) -> dict:
    """Screening for exploitation, recomputed on each view, for roles that see every agency's concerns;
    for a police officer, the warning before acting when the child may be a victim."""
    if scope(user) != "all":
        return {}
    screening = screen_child(child)
    context: dict = {"screening": screening}
    if user.role == Role.POLICE_OFFICER:
        context["police_warnings"] = police_warnings([child.pk], screenings={child.pk: screening})
    return context


@require_role(DECIDES)
def close_case_view(request, pk: int):
    """Close the child's open case, with a reason. Refused while the child has open actions."""
    user = request.user
    child = get_child_for_user(user, pk)
    case = follow_through.open_case(child)
    if case is None:
        raise Http404("No open case")
    form = ReasonForm(
        request.POST if request.method == "POST" else None, prefix="close", label="Why is the case closing?",
        error="Enter why the case is closing",
    )
    refusals = []
    if request.method == "POST" and form.is_valid():
        try:
            close_case(user, case, form.cleaned_data["reason"])
        except RefusedError as refusal:
            refusals.append(refusal)
        else:
            messages.success(request, f"The case for {child.reference} is closed.")
            return redirect("child_detail", pk=child.pk)
    return render(
        request, "web/close_case.html",
        {"child": child, "case": case, "form": form, "error_summary": error_summary(form, messages=refusals)},
    )


@require_records_access
def find_child(request):
    query = queries.search_words(request.GET.get("q", ""))
    results = None
    if query:
        results = queries.search_children(request.user, query)
        record_child_search(request.user, query, len(results))
    template = "web/find_child.html#results" if request.htmx else "web/find_child.html"
    return render(request, template, {"query": query, "results": results})


@require_role(REVIEWS_MATCHES)
def undo_merge_view(request, pk: int, event_pk: int):
    """Confirm, with a reason, that a merge was wrong; the records go back to how they were."""
    user = request.user
    if not can_review_matches(user):
        raise Http404("No such page")
    child = get_child_for_user(user, pk)
    event = ChildLinkEvent.objects.filter(pk=event_pk, kind=LinkEventKind.MERGE, to_child=child).first()
    if event is None:
        raise Http404("No such merge")
    form = ReasonForm(request.POST if request.method == "POST" else None, label="Why were these records wrongly merged?")
    if request.method == "POST" and form.is_valid():
        try:
            undo_merge(user, event, form.cleaned_data["reason"])
        except RefusedError as refusal:
            form.add_error("reason", str(refusal))
        else:
            messages.success(request, f"The merge was undone. {event.from_child.reference} is a separate record again.")
            return redirect("child_detail", pk=child.pk)
    return render(
        request, "web/undo_merge.html", {"child": child, "event": event, "form": form, "error_summary": form.error_summary()}
    )
