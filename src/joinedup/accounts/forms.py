"""The code box (an authenticator app's six digits, or a backup code)."""

from __future__ import annotations

from django import forms


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code",
        max_length=20,
        error_messages={"required": "Enter the code"},
        widget=forms.TextInput(attrs={
            "class": "govuk-input--width-10", "autocomplete": "one-time-code", "spellcheck": "false",
            "autocapitalize": "none",
        }),
    )
