"""The public page's forms. Every message is translated; every limit is checked on the server (no
`maxlength` that would cut off pasted text silently), and a refused form comes back filled in."""

from __future__ import annotations

import unicodedata

from django import forms
from django.conf import settings
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from joinedup.public.services import ReportDetails

SHORT = 200
MEDIUM = 500

HONEYPOT = "leave_this_empty"


def reporter_choices() -> list[tuple[str, str]]:
    return [
        ("child", _("I am a child or young person")),
        ("parent", _("I am a parent or carer")),
        ("neighbour", _("I am a neighbour, friend or member of the public")),
        ("community", _("I am from a community or voluntary group")),
        ("other", _("Someone else")),
    ]


def _too_long(limit: int) -> str:
    # A colon, not "N characters": no plural forms to get wrong in any language.
    return gettext("This is too long. Maximum number of characters: %(limit)s") % {"limit": limit}


def _digits(value: str) -> str:
    out = []
    for ch in value.strip():
        digit = unicodedata.digit(ch, None)
        if digit is None:
            return ""
        out.append(str(digit))
    return "".join(out)


class ReportForm(forms.Form):
    reporter_role = forms.ChoiceField(choices=reporter_choices, error_messages={"required": _("Select who you are"), "invalid_choice": _("Select who you are")})
    what_happened = forms.CharField(required=False, strip=True)
    child_name = forms.CharField(required=False, strip=True)
    child_age = forms.CharField(required=False, strip=True)
    where = forms.CharField(required=False, strip=True)
    when = forms.CharField(required=False, strip=True)
    your_name = forms.CharField(required=False, strip=True)
    your_contact = forms.CharField(required=False, strip=True)
    leave_this_empty = forms.CharField(required=False)

    # Field order on the page, for the error summary.
    ORDER = ("reporter_role", "what_happened", "child_name", "child_age", "where", "when", "your_name", "your_contact")
    LIMITS = {"child_name": SHORT, "where": MEDIUM, "when": SHORT, "your_name": SHORT, "your_contact": SHORT}

    def clean_what_happened(self) -> str:
        value = self.cleaned_data["what_happened"]
        if not value:
            raise forms.ValidationError(_("Tell us what you are worried about"))
        if len(value) > settings.JOINEDUP_PUBLIC_MAX_CHARS:
            raise forms.ValidationError(_too_long(settings.JOINEDUP_PUBLIC_MAX_CHARS))
        return value

    def clean_child_age(self) -> int | None:
        value = self.cleaned_data["child_age"]
        if not value:
            return None
        digits = _digits(value)
        if not digits or len(digits) > 2:
            raise forms.ValidationError(_("Enter the child's age as a number, for example 14"))
        if int(digits) > 25:
            raise forms.ValidationError(_("Enter an age of 25 or under"))
        return int(digits)

    def clean(self):
        data = super().clean()
        for name, limit in self.LIMITS.items():
            if len(data.get(name) or "") > limit:
                self.add_error(name, _too_long(limit))
        return data

    @property
    def is_bot(self) -> bool:
        """The hidden field people never see was filled in."""
        return bool((self.data.get(HONEYPOT) or "").strip())

    def details(self, language: str) -> ReportDetails:
        data = self.cleaned_data
        return ReportDetails(
            what_happened=data["what_happened"], reporter_role=data["reporter_role"], language=language,
            child_name=data["child_name"], child_age=data["child_age"], where=data["where"], when=data["when"],
            your_name=data["your_name"], your_contact=data["your_contact"],
        )


class FollowUpForm(forms.Form):
    reference = forms.CharField(required=False, strip=True)
    passphrase = forms.CharField(required=False, strip=True)

    ORDER = ("reference", "passphrase")

    def clean_reference(self) -> str:
        value = self.cleaned_data["reference"]
        if not value:
            raise forms.ValidationError(_("Enter your reference"))
        if len(value) > 40:
            raise forms.ValidationError(_too_long(40))
        return value

    def clean_passphrase(self) -> str:
        value = self.cleaned_data["passphrase"]
        if not value:
            raise forms.ValidationError(_("Enter your passphrase"))
        if len(value) > 60:
            raise forms.ValidationError(_too_long(60))
        return value


class AddInformationForm(forms.Form):
    information = forms.CharField(required=False, strip=True)

    ORDER = ("information",)

    def clean_information(self) -> str:
        value = self.cleaned_data["information"]
        if not value:
            raise forms.ValidationError(_("Enter what you want to add"))
        if len(value) > settings.JOINEDUP_PUBLIC_MAX_CHARS:
            raise forms.ValidationError(_too_long(settings.JOINEDUP_PUBLIC_MAX_CHARS))
        return value


def error_summary(form: forms.Form) -> list[dict]:
    """GOV.UK error summary entries, in page order, each linking to its field."""
    out = []
    for name in form.ORDER:
        for message in form.errors.get(name, []):
            anchor = f"{name}-0" if name == "reporter_role" else name
            out.append({"href": f"#{anchor}", "text": message})
    return out
