"""Forms of the child's plan and of the posts page. The services check the rules; the forms check the
shapes (numbers are numbers, dates are real dates)."""

from __future__ import annotations

from django import forms

from joinedup.outcomes.models import GoalState, MentalHealthSupport
from joinedup.outcomes.services import Measures
from joinedup.web.forms.base import GovukDateField, long_text, text


def _number(label: str, hint: str = "", *, max_value: int = 1000) -> forms.IntegerField:
    return forms.IntegerField(
        label=label, help_text=hint, required=False, min_value=0, max_value=max_value,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-3", "autocomplete": "off"}),
        error_messages={"invalid": f"{label} must be a whole number", "min_value": f"{label} cannot be below 0",
                        "max_value": f"{label} must be {max_value} or less"},
    )


class GoalForm(forms.Form):
    words = long_text("The goal, in the child's words", required=True, rows=3,
                      hint="Write it as the child said it, for example: \"I want to stop going to the flats.\"")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["words"].error_messages["required"] = "Write the goal in the child's words"


class GoalChangeForm(GoalForm):
    state = forms.ChoiceField(label="Where is the goal now?", choices=GoalState.choices,
                              error_messages={"required": "Choose where the goal is now"})
    reason = long_text("Why has it changed?", required=True, rows=2)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].error_messages["required"] = "Say why the goal changed"


class ReviewForm(forms.Form):
    held_on = GovukDateField(label="When was the review held?", past=True,
                             error_messages={"required": "Enter the date of the review"})
    child_view = long_text("The child's view, in their words", required=True, rows=5,
                           hint="What the child said about how things are going and what they want next")
    missing_episodes = _number("Times missing since the last review")
    attendance_percent = _number("School attendance since the last review (percent)", max_value=100)
    mental_health_support = forms.ChoiceField(
        label="Mental-health support", required=False, choices=[("", "Not asked")] + list(MentalHealthSupport.choices),
    )
    mental_health_referred_on = GovukDateField(label="Date referred for mental-health support", past=True, required=False,
                                               help_text="If the child has been referred. For example, 27 3 2024")
    mental_health_first_seen_on = GovukDateField(label="Date first seen", past=True, required=False,
                                                 help_text="Leave empty if the child has not been seen yet")
    safe_score = _number("How safe the child feels, on their scale")
    safe_scale_top = _number("The top of the child's scale", "For example 10 if the child chose 0 to 10", max_value=100)
    safe_scale_words = text("The scale as the child describes it", max_length=300,
                            hint="For example: \"0 is scared all the time, 10 is safe as houses\"")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["child_view"].error_messages["required"] = "Write the child's view, in their words"

    def measures(self) -> Measures:
        values = {name: self.cleaned_data.get(name) for name in Measures.__dataclass_fields__}
        for name in ("mental_health_support", "safe_scale_words"):  # text: empty, never None
            values[name] = values[name] or ""
        return Measures(**values)


class PostsForm(forms.Form):
    funded_posts = _number("Funded posts", max_value=500)
    note = text("Note", max_length=300, hint="For example: the budget for 2026 to 2027")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["funded_posts"].required = True
        self.fields["funded_posts"].error_messages["required"] = "Enter the number of funded posts"
