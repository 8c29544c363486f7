"""Small forms that record a decision with a reason: withdrawing a concern, deciding a possible match,
undoing a merge."""

from __future__ import annotations

from django import forms

from joinedup.web.forms.base import long_text


class ReasonForm(forms.Form):
    reason = long_text("Reason", required=True, rows=3)

    def __init__(self, *args, label: str = "Reason", hint: str = "", error: str = "Enter a reason", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].label = label
        self.fields["reason"].help_text = hint
        self.fields["reason"].error_messages["required"] = error

    def error_summary(self) -> list[dict[str, str]]:
        if not self.is_bound:
            return []
        from joinedup.web.templatetags.govuk import error_anchor

        return [{"href": f"#{error_anchor(self[name])}", "text": errors[0]} for name, errors in self.errors.items()]


class MatchDecisionForm(ReasonForm):
    decision = forms.ChoiceField(
        label="Are these the same child?",
        choices=[("same", "Same child"), ("different", "Different children")],
        error_messages={"required": "Say whether these are the same child"},
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label", "Why?")
        kwargs.setdefault("hint", "For example, the same NHS number, or a different date of birth on the school's record")
        super().__init__(*args, **kwargs)
