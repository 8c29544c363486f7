"""The choices on the "see writing improve" page: how many months, and which kind of text."""

from __future__ import annotations

from django import forms

from joinedup.language.models import RecordKind
from joinedup.language.queries import PERIODS

DEFAULT_MONTHS = 12


class LanguageFiguresForm(forms.Form):
    months = forms.TypedChoiceField(
        label="Months", required=False, coerce=int, empty_value=DEFAULT_MONTHS, initial=str(DEFAULT_MONTHS),
        choices=[(str(n), f"The last {n} months") for n in PERIODS],
    )
    kind = forms.ChoiceField(
        label="Texts", required=False, choices=[("", "All texts"), *RecordKind.choices],
    )

    def choice(self) -> tuple[int, str]:
        """(months, kind): what was asked for, or the defaults for anything not understood."""
        if not self.is_bound or not self.is_valid():
            return DEFAULT_MONTHS, ""
        return self.cleaned_data["months"] or DEFAULT_MONTHS, self.cleaned_data["kind"] or ""
