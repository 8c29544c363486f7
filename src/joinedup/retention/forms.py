"""The records officers' forms: the child or proposal is named by its reference (nothing in the address)."""

from __future__ import annotations

from django import forms

from joinedup.retention import rules
from joinedup.web.forms.base import GovukDateField


def _number(value: str, prefix: str) -> int | None:
    value = value.strip().upper().removeprefix(prefix).lstrip("0")
    return int(value) if value.isdigit() and len(value) < 13 else None


class ChildReferenceField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("label", "The child's JoinedUp reference")
        kwargs.setdefault("help_text", "For example C-00012")
        kwargs.setdefault("max_length", 20)
        kwargs.setdefault("error_messages", {"required": "Enter the child's reference"})
        super().__init__(**kwargs)

    def clean(self, value):
        number = _number(super().clean(value), "C-")
        if number is None:
            raise forms.ValidationError("Enter a child's reference, like C-00012")
        return number


class ClassifyForm(forms.Form):
    child = ChildReferenceField()
    record_type = forms.ChoiceField(label="Record type", widget=forms.RadioSelect,
                                    error_messages={"required": "Choose the record type"})
    date_of_birth = GovukDateField(label="The child's date of birth (looked-after children)", required=False)
    date_of_death = GovukDateField(label="Date of death, if the child has died", required=False)
    event_date = GovukDateField(label="Date of the adoption order (adoption)", required=False)
    subject_date_of_birth = GovukDateField(label="Date of birth of the member of staff (allegation against staff)", required=False)
    reason = forms.CharField(label="Why this record type?", max_length=2000, widget=forms.Textarea(attrs={"rows": 2}),
                             error_messages={"required": "Give the reason for the classification"})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["record_type"].choices = [(key, f"{rule.label}: {rule.describe()}") for key, rule in rules.current().items()]


class HoldForm(forms.Form):
    child = ChildReferenceField()
    reason = forms.CharField(label="Why must the record be kept?", max_length=2000, widget=forms.Textarea(attrs={"rows": 2}),
                             help_text="For example the inquiry, proceedings or claim it is needed for",
                             error_messages={"required": "Give the reason for the legal hold"})


class ProposeForm(forms.Form):
    child = ChildReferenceField()


class DecideForm(forms.Form):
    proposal = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
    approve = forms.ChoiceField(choices=[("yes", "Approve"), ("no", "Refuse")], widget=forms.HiddenInput)
    reason = forms.CharField(label="Reason", max_length=2000, required=False)
