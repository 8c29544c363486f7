"""Pages for restricted records: the break-the-glass page (instead of the child's record), restricting a
record (team managers, from the child's page), the reviews due, and the auditors' list of broken glass."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from joinedup.core.models import User
from joinedup.core.roles import READS_AUDIT
from joinedup.records.access import RestrictedRecord, get_child_for_user, scope
from joinedup.records.models import Child
from joinedup.records.services import RefusedError
from joinedup.restrictions import services
from joinedup.restrictions.models import BreakGlass, Restriction
from joinedup.web.permissions import require_records_access, require_role


class BreakGlassForm(forms.Form):
    reason = forms.CharField(label="Why do you need to open this record now?", max_length=2000,
                             widget=forms.Textarea(attrs={"rows": 3}),
                             error_messages={"required": "Give the reason you need to open this record"})


class RestrictForm(forms.Form):
    reason = forms.CharField(label="Why restrict this record?", max_length=2000, widget=forms.Textarea(attrs={"rows": 3}),
                             error_messages={"required": "Give the reason for restricting the record"})
    members = forms.ModelMultipleChoiceField(
        label="Who else may open it", required=False, widget=forms.CheckboxSelectMultiple,
        queryset=User.objects.filter(is_active=True, role__in=["front_door", "social_worker", "team_manager", "police_officer", "analyst"]).order_by("first_name", "username"),
    )


class ReviewForm(forms.Form):
    keep = forms.ChoiceField(label="Decision", widget=forms.RadioSelect,
                             choices=[("yes", "Keep the restriction until the next review"), ("no", "Lift the restriction")],
                             error_messages={"required": "Choose whether to keep or lift the restriction"})
    note = forms.CharField(label="Why?", max_length=2000, widget=forms.Textarea(attrs={"rows": 3}),
                           error_messages={"required": "Give the reason"})


def _restricted_child(user, pk: int) -> Child:
    """The child, if the record is restricted away from this user (who would otherwise see it); else 404."""
    try:
        get_child_for_user(user, pk)
    except RestrictedRecord as restricted:
        return restricted.child
    raise Http404("No such page")


@require_records_access
def break_glass(request, pk: int):
    child = _restricted_child(request.user, pk)
    form = BreakGlassForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.break_glass(request.user, child, form.cleaned_data["reason"])
            except RefusedError as refusal:
                form.add_error("reason", str(refusal))
            else:
                messages.warning(request, "You have opened a restricted record. The auditors have been told, with your reason.")
                return redirect("child_detail", pk=child.pk)
        status = 400
    return render(request, "restrictions/break_glass.html", {"child": child, "form": form}, status=status)


@require_POST
@require_role(services.RESTRICTS)
def restrict_child(request, pk: int):
    child = get_child_for_user(request.user, pk)
    form = RestrictForm(request.POST)
    if form.is_valid():
        try:
            services.restrict(request.user, child, list(form.cleaned_data["members"]), form.cleaned_data["reason"])
        except RefusedError as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, "The record is restricted to the people named.")
    else:
        messages.error(request, "; ".join(str(e[0]) for e in form.errors.values()))
    return redirect("child_detail", pk=child.pk)


@require_role(services.RESTRICTS)
def restriction_list(request):
    rows = (Restriction.objects.filter(lifted_at__isnull=True, members=request.user)
            .select_related("created_by").prefetch_related("members").order_by("review_due_at"))
    return render(request, "restrictions/list.html", {"rows": rows, "form": ReviewForm()})


@require_POST
@require_role(services.RESTRICTS)
def review_restriction(request, pk: int):
    restriction = get_object_or_404(Restriction, pk=pk, lifted_at__isnull=True, members=request.user)
    form = ReviewForm(request.POST)
    if form.is_valid():
        try:
            services.review(request.user, restriction, form.cleaned_data["keep"] == "yes", form.cleaned_data["note"])
        except RefusedError as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, "Review recorded.")
    else:
        messages.error(request, "; ".join(str(e[0]) for e in form.errors.values()))
    return redirect("restriction_list")


@require_role(READS_AUDIT)
def broken_glass(request):
    rows = BreakGlass.objects.select_related("user", "restriction").order_by("-created_at")[:200]
    return render(request, "restrictions/broken_glass.html", {"rows": rows})


def restriction_navigation(user) -> list[tuple[str, str]]:
    items = []
    if user.role in services.RESTRICTS:
        items.append(("Restrictions", "restriction_list"))
    if user.role in READS_AUDIT:
        items.append(("Broken glass", "broken_glass"))
    return items


__all__ = ["scope"]
