from __future__ import annotations

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from joinedup.core.models import Agency
from joinedup.core.roles import RECORDS_CONCERNS
from joinedup.records.access import get_concern_for_user
from joinedup.records.services import RefusedError
from joinedup.sharing.services import record_sharing
from joinedup.web.permissions import require_role


class SharingForm(forms.Form):
    agency = forms.ModelChoiceField(label="Agency", queryset=Agency.objects.order_by("name"),
                                    error_messages={"required": "Choose the agency"})
    shared = forms.ChoiceField(label="Was the information shared?", widget=forms.RadioSelect,
                               choices=[("yes", "Shared"), ("no", "Deliberately not shared")],
                               error_messages={"required": "Say whether the information was shared"})
    what = forms.CharField(label="What was shared (or would have been)", required=False, max_length=2000,
                           widget=forms.Textarea(attrs={"rows": 2}))
    reason = forms.CharField(label="Why?", max_length=4000, widget=forms.Textarea(attrs={"rows": 3}),
                             error_messages={"required": "Give the reason for sharing or not sharing"})


@require_POST
@require_role(RECORDS_CONCERNS)
def record_sharing_decision(request, pk: int):
    concern = get_concern_for_user(request.user, pk)
    form = SharingForm(request.POST)
    if not form.is_valid():
        messages.error(request, "; ".join(str(e[0]) for e in form.errors.values()))
        return redirect("concern_detail", pk=concern.pk)
    try:
        record_sharing(request.user, concern, form.cleaned_data["agency"], shared=form.cleaned_data["shared"] == "yes",
                       reason=form.cleaned_data["reason"], what=form.cleaned_data["what"])
    except RefusedError as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, "Sharing decision recorded.")
    return redirect("concern_detail", pk=concern.pk)
