"""Form plumbing shared by every page: GOV.UK date input, and forms that can be redrawn without
showing errors (when someone presses "add another" before finishing)."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.forms.utils import ErrorDict

from joinedup.core import clock


class GovukDateWidget(forms.MultiWidget):
    """Day, month and year boxes (the GOV.UK date input pattern). Rendered by includes/date.html."""

    def __init__(self, attrs=None):
        super().__init__([forms.TextInput, forms.TextInput, forms.TextInput], attrs)

    def decompress(self, value):
        if isinstance(value, dt.date):
            return [str(value.day), str(value.month), str(value.year)]
        return ["", "", ""]


class GovukDateField(forms.MultiValueField):
    """A real date from day, month and year boxes, with GOV.UK error messages."""

    widget = GovukDateWidget

    def __init__(self, *, past: bool = False, **kwargs):
        self.past = past
        fields = (forms.CharField(), forms.CharField(), forms.CharField())
        super().__init__(fields, require_all_fields=False, **kwargs)

    def compress(self, data_list):
        if not data_list or not any(part.strip() for part in data_list if part):
            return None
        day, month, year = (part.strip() if part else "" for part in data_list)
        missing = [name for name, part in (("day", day), ("month", month), ("year", year)) if not part]
        if missing:
            raise forms.ValidationError(f"{self.label} must include a {' and '.join(missing)}")
        try:
            value = dt.date(int(year), int(month), int(day))
        except ValueError:
            raise forms.ValidationError(f"{self.label} must be a real date") from None
        if len(year) != 4:
            raise forms.ValidationError(f"{self.label} must have a 4-digit year")
        if self.past and value > clock.now().date():
            raise forms.ValidationError(f"{self.label} must be today or in the past")
        return value


class QuietForm(forms.Form):
    """A bound form that can be shown again without validating (`quiet=True`)."""

    def __init__(self, *args, quiet: bool = False, **kwargs):
        self.quiet = quiet
        super().__init__(*args, **kwargs)

    def full_clean(self):
        if self.quiet:
            self._errors = ErrorDict()
            self.cleaned_data = {}
            return
        super().full_clean()


class QuietFormSet(forms.BaseFormSet):
    def __init__(self, *args, quiet: bool = False, **kwargs):
        self.quiet = quiet
        kwargs.setdefault("form_kwargs", {})["quiet"] = quiet
        super().__init__(*args, **kwargs)

    def full_clean(self):
        if self.quiet:
            self._errors = [ErrorDict() for _ in self.forms]
            self._non_form_errors = self.error_class(error_class="nonform", renderer=self.renderer)
            return
        super().full_clean()


def text(label: str, *, hint: str = "", width: str = "", required: bool = False, max_length: int = 200,
         autocomplete: str = "off") -> forms.CharField:
    attrs = {"autocomplete": autocomplete}
    if width:
        attrs["class"] = f"govuk-input--width-{width}"
    return forms.CharField(
        label=label, help_text=hint, required=required, max_length=max_length, widget=forms.TextInput(attrs=attrs)
    )


def long_text(label: str, *, hint: str = "", required: bool = False, rows: int = 5) -> forms.CharField:
    return forms.CharField(
        label=label, help_text=hint, required=required, widget=forms.Textarea(attrs={"rows": rows}), strip=True
    )


def error_summary(*forms_or_formsets, messages=()) -> list[dict[str, str]]:
    """The GOV.UK error summary for several forms and formsets, in page order: each field's first error
    linked to the field, then any other messages (a refusal from a service) unlinked."""
    from joinedup.web.templatetags.govuk import error_anchor

    out = []
    for item in forms_or_formsets:
        group = item.forms if isinstance(item, forms.BaseFormSet) else [item]
        for form in group:
            if not form.is_bound:
                continue
            for message in form.non_field_errors():
                out.append({"href": "", "text": message})
            for name, errors in form.errors.items():
                if name != "__all__":
                    out.append({"href": f"#{error_anchor(form[name])}", "text": errors[0]})
    out.extend({"href": "", "text": str(message)} for message in messages)
    return out
