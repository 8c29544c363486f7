"""Pages for subject-access requests (information governance and team managers): the list with each
request's deadline, logging a request, the export to read (with third parties' information marked and
items withheld under the serious-harm exemption), the JSON download, and recording that it was sent."""

from __future__ import annotations

import json

from django import forms
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from joinedup.dataprotection import export, services
from joinedup.dataprotection.models import Requester, SubjectAccessRequest
from joinedup.records.models import Child
from joinedup.records.services import RefusedError
from joinedup.web.forms.base import error_summary
from joinedup.web.permissions import require_role


class LogForm(forms.Form):
    child = forms.CharField(label="The child's JoinedUp reference", max_length=20, help_text="For example C-00012",
                            error_messages={"required": "Enter the child's reference"})
    requester_name = forms.CharField(label="Who is asking", max_length=200, error_messages={"required": "Enter who is asking"})
    requester = forms.ChoiceField(label="In what capacity", choices=Requester.choices, widget=forms.RadioSelect,
                                  error_messages={"required": "Choose in what capacity they ask"})
    authority = forms.CharField(label="How was their right to act established?", widget=forms.Textarea(attrs={"rows": 3}),
                                error_messages={"required": "Say how their right to act was established"})

    def clean_child(self):
        value = self.cleaned_data["child"].strip().upper().removeprefix("C-").lstrip("0")
        child = Child.objects.filter(pk=int(value), merged_into=None).first() if value.isdigit() else None
        if child is None:
            raise forms.ValidationError("There is no child with that reference")
        return child


@require_role(services.HANDLES_REQUESTS)
def request_list(request):
    form = LogForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            sar = services.log_request(request.user, data["child"], requester_name=data["requester_name"],
                                       requester=data["requester"], authority=data["authority"])
        except RefusedError as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, f"Request {sar.reference} logged: respond by {sar.due_at:%-d %B %Y}.")
            return redirect("subject_access_detail", pk=sar.pk)
    rows = SubjectAccessRequest.objects.select_related("completed_by").order_by("completed_at", "due_at")
    return render(request, "dataprotection/list.html", {"rows": rows, "form": form,
                                                        "error_summary": error_summary(form) if form.is_bound else None},
                  status=400 if form.is_bound and form.errors else 200)


def _request_or_404(pk: int) -> SubjectAccessRequest:
    return get_object_or_404(SubjectAccessRequest.objects.select_related("child", "completed_by"), pk=pk)


@require_role(services.HANDLES_REQUESTS)
def request_detail(request, pk: int):
    sar = _request_or_404(pk)
    services.record_export(request.user, sar, "page")
    return render(request, "dataprotection/detail.html", {"sar": sar, "items": export.items_for(sar)})


@require_role(services.HANDLES_REQUESTS)
def request_json(request, pk: int):
    sar = _request_or_404(pk)
    services.record_export(request.user, sar, "json")
    response = HttpResponse(json.dumps(export.export_json(sar), indent=2, ensure_ascii=False), content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="{sar.reference}.json"'
    return response


@require_POST
@require_role(services.HANDLES_REQUESTS)
def decide_item(request, pk: int):
    sar = _request_or_404(pk)
    key = request.POST.get("item_key", "")
    if key not in {item.key for item in export.items_for(sar)}:
        raise Http404("No such item")
    try:
        services.decide_item(request.user, sar, key, withheld=request.POST.get("withheld") == "yes",
                             reason=request.POST.get("reason", ""))
    except RefusedError as refusal:
        messages.error(request, str(refusal))
    return redirect("subject_access_detail", pk=sar.pk)


@require_POST
@require_role(services.HANDLES_REQUESTS)
def complete_request(request, pk: int):
    sar = _request_or_404(pk)
    try:
        services.complete(request.user, sar, request.POST.get("note", ""))
    except RefusedError as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, f"Request {sar.reference} answered.")
    return redirect("subject_access_detail", pk=sar.pk)


def dataprotection_navigation(user) -> list[tuple[str, str]]:
    return [("Subject access", "subject_access_list")] if user.role in services.HANDLES_REQUESTS else []
