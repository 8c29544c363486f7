"""Forms of follow-through: a decision with its actions, sign-off, and carrying out an action
(complete, cancel, reassign), allocating a case. They check what a person can put right on the page;
the rules themselves are `joinedup.casework.services`, whose refusals are shown as they come."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings

from joinedup.casework.models import DecisionKind
from joinedup.casework.services import ActionSpec
from joinedup.core import clock
from joinedup.core.models import Team, User
from joinedup.web.forms.base import GovukDateField, long_text, text

KIND_HINTS = {
    DecisionKind.NO_FURTHER_ACTION: (
        "Nothing more is needed. Give the rationale. A manager must sign it off for sexual abuse or "
        "exploitation, significant signs of exploitation, or a third concern about the child in a year."
    ),
    DecisionKind.INFORMATION_ADVICE: "Information or advice for the family or the person who raised the concern; no service.",
    DecisionKind.EARLY_HELP: "Support from early help services, with the family's agreement.",
    DecisionKind.CHILD_IN_NEED: "The child may need services: an assessment within 45 working days. Opens a case.",
    DecisionKind.STRATEGY_DISCUSSION: (
        "There is reasonable cause to suspect significant harm: discuss with police and health within "
        "1 working day. Opens a case; police and health are told."
    ),
    DecisionKind.IMMEDIATE_PROTECTION: "The child needs protecting now. Police are told and a strategy discussion follows.",
    DecisionKind.REFERRAL: "Another agency should help. Choose the agency; it must acknowledge the referral.",
    DecisionKind.LINKED_CASE: "The child already has an open case: the concern joins it.",
}

ACTION_ROWS = 3


def end_of_day(day: dt.date) -> dt.datetime:
    """A due date means by the end of that day, local time (as the statutory clocks do)."""
    return dt.datetime.combine(day, dt.time(23, 59, 59), tzinfo=ZoneInfo(settings.JOINEDUP_LOCAL_TIME_ZONE))


def resolve_owner(value: str) -> tuple[User | None, Team | None]:
    """"user:<pk>" or "team:<pk>" (from `follow_through.owner_choices`) to the person or the team."""
    kind, _, pk = value.partition(":")
    if not pk.isdigit():
        return None, None
    if kind == "user":
        return User.objects.filter(pk=int(pk), is_active=True).first(), None
    if kind == "team":
        return None, Team.objects.filter(pk=int(pk)).first()
    return None, None


def _owner_field(label: str, owners, hint: str = "") -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label, help_text=hint, required=False, choices=[("", "Choose a person or a team")] + list(owners)
    )


class DecisionForm(forms.Form):
    kind = forms.ChoiceField(
        label="What happens next?", choices=DecisionKind.choices, widget=forms.RadioSelect,
        error_messages={"required": "Choose what happens next"},
    )
    refer_to = forms.ChoiceField(label="Which agency is it referred to?", required=False)
    rationale = long_text(
        "Rationale", rows=4,
        hint="Why this is the right response for the child. You must give it for no further action.",
    )

    def __init__(self, *args, agencies=(), **kwargs):
        super().__init__(*args, prefix="decision", **kwargs)
        self.fields["refer_to"].choices = [("", "Choose an agency")] + [(str(a.pk), a.name) for a in agencies]
        self.agencies = {str(a.pk): a for a in agencies}

    def kinds(self) -> list[dict]:
        """The radios, each with its hint, and whether it reveals the agency question."""
        return [
            {"choice": choice, "hint": KIND_HINTS.get(choice.data["value"], ""),
             "reveals": choice.data["value"] == DecisionKind.REFERRAL}
            for choice in self["kind"]
        ]

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        if kind == DecisionKind.NO_FURTHER_ACTION and not data.get("rationale"):
            self.add_error("rationale", "Enter the rationale for no further action")
        if kind == DecisionKind.REFERRAL and not data.get("refer_to"):
            self.add_error("refer_to", "Choose the agency the concern is referred to")
        return data

    def refer_to_agency(self):
        if self.cleaned_data.get("kind") != DecisionKind.REFERRAL:
            return None  # the question is ignored unless the decision is a referral
        return self.agencies.get(self.cleaned_data.get("refer_to"))


class ActionRowForm(forms.Form):
    """One action a decision starts. A row left empty is ignored."""

    title = text("What needs to be done", width="30", max_length=300)
    owner = forms.ChoiceField(label="Who will do it", required=False)
    due = GovukDateField(label="Due by", required=False, help_text="For example, 27 3 2025")

    def __init__(self, *args, owners=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"] = _owner_field("Who will do it", owners)
        self.spec: ActionSpec | None = None

    def clean(self):
        data = super().clean()
        if not any(data.get(name) for name in ("title", "owner", "due")) and not self.errors:
            return data
        if not data.get("title") and "title" not in self.errors:
            self.add_error("title", "Enter what needs to be done")
        owner, team = resolve_owner(data.get("owner") or "")
        if owner is None and team is None and "owner" not in self.errors:
            self.add_error("owner", "Choose who will do it: a person or a team")
        due = data.get("due")
        if due is None and "due" not in self.errors:
            self.add_error("due", "Enter the date it is due by")
        elif due is not None and end_of_day(due) <= clock.now():
            self.add_error("due", "The due date must be today or in the future")
        if not self.errors:
            self.spec = ActionSpec(title=data["title"], due_at=end_of_day(due), owner=owner, owner_team=team)
        return data


class _ActionRows(forms.BaseFormSet):
    def specs(self) -> list[ActionSpec]:
        return [form.spec for form in self.forms if form.spec is not None]


ActionRows = forms.formset_factory(ActionRowForm, formset=_ActionRows, extra=ACTION_ROWS, max_num=ACTION_ROWS)


class SignOffForm(forms.Form):
    approved = forms.ChoiceField(
        label="Do you sign off this decision?", widget=forms.RadioSelect,
        choices=[("yes", "Yes, sign it off: the decision takes effect"),
                 ("no", "No, do not sign it off: the concern goes back for a new decision")],
        error_messages={"required": "Say whether you sign off the decision"},
    )
    note = long_text("Your note", required=True, rows=4, hint="What you checked, and why you agree or do not agree.")
    note.error_messages["required"] = "Enter a note"


class ReassignForm(forms.Form):
    owner = forms.ChoiceField(label="Who should do it now?")
    reason = long_text("Why is it being reassigned?", required=True, rows=3, hint="For example, the worker is on leave.")
    reason.error_messages["required"] = "Enter why it is being reassigned"

    def __init__(self, *args, owners=(), **kwargs):
        super().__init__(*args, prefix="reassign", **kwargs)
        self.fields["owner"] = _owner_field("Who should do it now?", owners)
        self.new_owner: tuple[User | None, Team | None] = (None, None)

    def clean(self):
        data = super().clean()
        self.new_owner = resolve_owner(data.get("owner") or "")
        if self.new_owner == (None, None) and "owner" not in self.errors:
            self.add_error("owner", "Choose a person or a team")
        return data


class AllocateForm(forms.Form):
    worker = forms.ChoiceField(label="Allocate to", error_messages={"required": "Choose a worker"})

    def __init__(self, *args, workers=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.workers = {str(w.pk): w for w in workers}
        self.fields["worker"].choices = [("", "Choose a worker")] + [(key, w.display_name) for key, w in self.workers.items()]
