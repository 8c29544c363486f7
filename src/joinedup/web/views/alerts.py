"""The analyst's workspace: the queue of alerts (patterns across agencies: one adult, car, phone or place
around several children), one alert's network, timeline and evidence, judging its links, triage with a
rationale, and a team manager's sign-off of "no action". Intelligence about adults: only the roles in
`identity.triage.WORKS_ALERTS` (sign-off: team managers) may open these pages; everyone else gets a 404.
Every view of an alert is audited."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from joinedup.identity import services as identity_services
from joinedup.identity import triage
from joinedup.identity.models import AlertStatus, MentionLink, TriageDecision
from joinedup.records.services import RefusedError
from joinedup.web import alerts_queries
from joinedup.web.forms.base import error_summary, long_text
from joinedup.web.forms.decisions import ReasonForm
from joinedup.web.paging import page_of
from joinedup.web.permissions import require_role

PAGE_SIZE = 25
STATUS_FILTERS = [("open", "Open"), ("actioned", "Actioned"), ("closed", "Closed"), ("all", "All")]


class TriageForm(forms.Form):
    decision = forms.ChoiceField(
        label="What will happen about this alert?", choices=triage.TRIAGE_CHOICES, widget=forms.RadioSelect,
        error_messages={"required": "Choose what will happen about this alert"},
    )
    share_with = forms.ModelChoiceField(
        label="Agency to share with", queryset=alerts_queries.share_agencies(), required=False,
        help_text="Only when sharing with an agency", empty_label="Choose an agency",
    )
    rationale = long_text("Why?", hint="Your rationale is kept with the decision and shown to everyone who opens this alert",
                          required=True, rows=4)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rationale"].error_messages["required"] = "Give the reasons for your decision"

    def clean(self):
        data = super().clean()
        if data.get("decision") == TriageDecision.SHARE and not data.get("share_with"):
            self.add_error("share_with", "Choose the agency to share this alert with")
        return data


class SignOffForm(ReasonForm):
    agree = forms.ChoiceField(
        label="Do you agree that no action is needed?", choices=[("yes", "Yes, close the alert"), ("no", "No, it needs a new decision")],
        widget=forms.RadioSelect, error_messages={"required": "Say whether you agree"},
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label", "Why?")
        super().__init__(*args, **kwargs)


def _alert_or_404(pk: int):
    alert = alerts_queries.alert_for_page(pk)
    if alert is None:
        raise Http404("No such alert")
    return alert


@require_role(triage.WORKS_ALERTS)
def alert_list(request):
    status = request.GET.get("status", "open")
    if status not in dict(STATUS_FILTERS):
        status = "open"
    page, params = page_of(request, alerts_queries.alert_queue(status), PAGE_SIZE)
    agencies = alerts_queries.agencies_by_alert([a.pk for a in page])
    rows = [{"alert": a, "agencies": agencies.get(a.pk, [])} for a in page]
    return render(request, "web/alert_list.html", {
        "page": page, "params": params, "rows": rows, "status": status, "status_filters": STATUS_FILTERS,
    })


def _render_alert(request, alert, *, form=None, refusals=(), status=200):
    triage.record_alert_view(request.user, alert)
    triages = alerts_queries.alert_triages(alert)
    pending = triage.pending_no_action(alert, triages)
    may_triage = alert.status == AlertStatus.OPEN and pending is None
    if may_triage and form is None:
        form = TriageForm()
    picture = alerts_queries.alert_picture(alert)
    return render(request, "web/alert_detail.html", {
        "alert": alert,
        "picture": picture,
        "network": picture.network_data(),
        "triages": triages,
        "pending": pending,
        "may_triage": may_triage,
        "form": form if may_triage else None,
        "urgency_styles": [(3, "#d4351c", 8), (2, "#f47738", 6.5), (1, "#1d70b8", 5)],
        "path_fields": [("start", "From", 1), ("end", "To", len(picture.children))],
        "error_summary": error_summary(*([form] if may_triage and form is not None else []), messages=refusals),
    }, status=status)


@require_role(triage.WORKS_ALERTS)
def alert_detail(request, pk: int):
    """One alert; triaging it posts here."""
    alert = _alert_or_404(pk)
    if request.method != "POST":
        return _render_alert(request, alert)
    form = TriageForm(request.POST)
    if not form.is_valid():
        return _render_alert(request, alert, form=form, status=400)
    try:
        triage.triage_alert(request.user, alert, form.cleaned_data["decision"], form.cleaned_data["rationale"],
                            form.cleaned_data.get("share_with"))
    except RefusedError as refusal:
        return _render_alert(request, _alert_or_404(pk), form=form, refusals=[str(refusal)], status=400)
    if form.cleaned_data["decision"] == TriageDecision.NO_ACTION:
        messages.success(request, "Decided: no action. The alert stays open until a team manager signs this off.")
    else:
        messages.success(request, f"Decided: {dict(triage.TRIAGE_CHOICES)[form.cleaned_data['decision']].lower()}.")
    return redirect("alert_detail", pk=alert.pk)


@require_POST
@require_role(triage.WORKS_ALERTS)
def alert_judge_link(request, pk: int, link_pk: int):
    """Confirm or reject one link between a mention and an entity in this alert (a reason is required)."""
    alert = _alert_or_404(pk)
    entity_ids = alert.entities.values_list("entity_id", flat=True)
    link = get_object_or_404(MentionLink.objects.select_related("entity"), pk=link_pk, entity_id__in=entity_ids)
    decision = request.POST.get("judgement")
    if decision not in ("confirm", "reject"):
        messages.info(request, "Choose whether to confirm or reject the link.")
    else:
        try:
            identity_services.judge_link(request.user, link, decision == "confirm", request.POST.get("reason", ""))
        except RefusedError as refusal:
            messages.info(request, str(refusal))
        else:
            messages.success(request, f"Link {'confirmed' if decision == 'confirm' else 'rejected'}.")
    return redirect(reverse("alert_detail", args=[alert.pk]) + f"#link-{link.pk}")


@require_role(triage.SIGNS_OFF_NO_ACTION)
def alert_sign_off_list(request):
    page, params = page_of(request, alerts_queries.awaiting_sign_off(), PAGE_SIZE)
    agencies = alerts_queries.agencies_by_alert([a.pk for a in page])
    rows = [{"alert": a, "agencies": agencies.get(a.pk, [])} for a in page]
    return render(request, "web/alert_sign_offs.html", {"page": page, "params": params, "rows": rows})


@require_role(triage.SIGNS_OFF_NO_ACTION)
def alert_sign_off(request, pk: int):
    """A team manager agrees or not with a decision of no action on an alert."""
    alert = _alert_or_404(pk)
    pending = triage.pending_no_action(alert)
    if pending is None:
        raise Http404("Nothing to sign off")
    form = SignOffForm(request.POST if request.method == "POST" else None)
    refusals = []
    if request.method == "POST" and form.is_valid():
        try:
            triage.sign_off_no_action(request.user, alert, form.cleaned_data["agree"] == "yes", form.cleaned_data["reason"])
        except RefusedError as refusal:
            refusals.append(str(refusal))
        else:
            agreed = form.cleaned_data["agree"] == "yes"
            messages.success(request, "Signed off: the alert is closed." if agreed else "Not signed off: the alert needs a new decision.")
            return redirect("alert_sign_off_list")
    triage.record_alert_view(request.user, alert)
    agencies = alerts_queries.agencies_by_alert([alert.pk]).get(alert.pk, [])
    return render(request, "web/alert_sign_off.html", {
        "alert": alert, "pending": pending, "form": form, "agencies": agencies,
        "error_summary": error_summary(form, messages=refusals),
    }, status=400 if request.method == "POST" else 200)
