"""The "record a concern" form: the child (or two), what happened, the child's own words, categories,
indicators, and the people, vehicles, phones, places and online accounts mentioned."""

from __future__ import annotations

from django import forms

from joinedup.records import vocabulary
from joinedup.records.models import Sex
from joinedup.web.forms.base import GovukDateField, QuietForm, QuietFormSet, long_text, text

SEX_CHOICES = [(value, label) for value, label in Sex.choices]

# The identifier fields that are enough, on their own, to say which child this is.
CHILD_IDENTIFIERS = ("given_name", "family_name", "ref", "nhs_number", "upn")


class ChildForm(QuietForm):
    """One child as the recording agency knows them. Every field is optional, but there must be a
    name or an identifier."""

    given_name = text("Given name", width="20")
    family_name = text("Family name", width="20")
    dob = GovukDateField(label="Date of birth", required=False, past=True, help_text="For example, 14 7 2010")
    approx_age = forms.IntegerField(
        label="Approximate age, if you do not know the date of birth", required=False, min_value=0, max_value=25,
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-3", "inputmode": "numeric"}),
        error_messages={"min_value": "Age must be 0 or more", "max_value": "Age must be 25 or less",
                        "invalid": "Age must be a whole number, like 14"},
    )
    sex = forms.ChoiceField(label="Sex", choices=SEX_CHOICES, required=False, widget=forms.RadioSelect)
    address = text("Address", max_length=500)
    postcode = text("Postcode", width="10", max_length=20)
    school = text("School", width="20")
    ethnicity = text("Ethnicity", width="20", hint="As the child or family describe it. Leave blank if nobody asked.")
    nationality = text("Nationality", width="20")
    nhs_number = text("NHS number", width="10", max_length=20)
    upn = text("Unique pupil number (UPN)", width="20", max_length=20)
    ref = text("Your agency's reference for this child", width="20")
    # The JoinedUp child picked after searching (records.services.submit_concern checks the user may see it).
    known_child = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    def __init__(self, *args, optional: bool = False, **kwargs):
        self.optional = optional
        if optional:
            kwargs["empty_permitted"] = True
            kwargs["use_required_attribute"] = False
        super().__init__(*args, **kwargs)

    def clean(self):
        data = super().clean()
        if not any(data.get(name) for name in CHILD_IDENTIFIERS) and not self.errors:
            self.add_error(
                "given_name", "Enter the child's name, or a reference, NHS number or pupil number if you do not know it"
            )
        return data

    def is_empty(self) -> bool:
        return self.optional and not self.has_changed()

    def has_details_open(self) -> bool:
        """Whether the "identifiers and other details" section should start open."""
        names = ("ethnicity", "nationality", "nhs_number", "upn", "ref")
        return any(self[name].value() for name in names) or any(name in self.errors for name in names)


class WhatHappenedForm(QuietForm):
    summary = long_text(
        "What happened", required=True, rows=6,
        hint="What you saw, heard or were told, and when. Describe what adults did, not what the child 'chose'.",
    )
    summary.error_messages["required"] = "Enter what happened"
    child_words = long_text(
        "The child's own words", rows=3,
        hint="Exactly what the child said, if they said anything. It is kept word for word.",
    )
    categories = forms.MultipleChoiceField(
        label="What kind of concern is it?", required=False, widget=forms.CheckboxSelectMultiple,
        choices=list(vocabulary.CATEGORIES.items()), help_text="Select all that apply.",
    )
    indicators = forms.MultipleChoiceField(
        label="What signs are there?", required=False, widget=forms.CheckboxSelectMultiple,
        choices=[(code, label) for code, (label, _weight) in vocabulary.INDICATORS.items()],
        help_text="Select all that apply.",
    )

    WEIGHT_HEADINGS = {
        "significant": "Significant signs of exploitation",
        "moderate": "Other warning signs",
        "vulnerability": "What makes the child more vulnerable",
    }

    def indicator_groups(self) -> list[tuple[str, list]]:
        """The indicator checkboxes grouped by weight class, in the vocabulary's order."""
        groups: dict[str, list] = {weight: [] for weight in self.WEIGHT_HEADINGS}
        for box in self["indicators"]:
            groups[vocabulary.INDICATORS[box.data["value"]][1]].append(box)
        return [(self.WEIGHT_HEADINGS[weight], boxes) for weight, boxes in groups.items()]


# --- mentions --------------------------------------------------------------------------------------

MENTION_KIND_LABELS = {
    "person": ("People", "person"),
    "vehicle": ("Vehicles", "vehicle"),
    "phone": ("Phone numbers", "phone number"),
    "place": ("Places", "place"),
    "online": ("Online accounts", "online account"),
}

# The fields the form offers for each kind (the interchange allows a few more, e.g. a person's date of
# birth, which people rarely know when recording).
MENTION_FORM_FIELDS = {
    "person": ["given_name", "family_name", "nickname", "approx_age", "sex", "ethnicity", "nationality",
               "phone", "address", "postcode", "description"],
    "vehicle": ["plate", "colour", "make", "model", "taxi_firm"],
    "phone": ["number"],
    "place": ["name", "venue_type", "address", "postcode"],
    "online": ["platform", "handle"],
}

EMPTY_ROWS = {"person": 2, "vehicle": 1, "phone": 1, "place": 1, "online": 1}

_MENTION_LABELS = {
    "given_name": ("Given name", "", "10"), "family_name": ("Family name", "", "10"),
    "nickname": ("Nickname or street name", "", "10"), "ethnicity": ("Ethnicity", "", "10"),
    "nationality": ("Nationality", "", "10"), "phone": ("Phone number", "", "10"),
    "address": ("Address", "", ""), "postcode": ("Postcode", "", "10"),
    "description": ("What they look like, or anything else", "", ""),
    "plate": ("Number plate", "Write ? for any character you are not sure of, for example YK6? H?D", "10"),
    "colour": ("Colour", "", "10"), "make": ("Make", "", "10"), "model": ("Model", "", "10"),
    "taxi_firm": ("Taxi firm, if it is a taxi", "", "10"),
    "number": ("Phone number", "", "20"), "name": ("Name of the place", "For example, Golden Spice takeaway", "20"),
    "platform": ("App or website", "For example, Snapchat", "10"), "handle": ("Username", "", "20"),
}


def _role_choices(kind: str) -> list[tuple[str, str]]:
    return [("", "Choose")] + [(role, vocabulary.role_label(role).capitalize()) for role in vocabulary.MENTION_ROLES[kind]]


def _mention_field(name: str) -> forms.Field:
    if name == "approx_age":
        return forms.IntegerField(
            label="Approximate age", required=False, min_value=0, max_value=120,
            widget=forms.NumberInput(attrs={"class": "govuk-input--width-3", "inputmode": "numeric"}),
            error_messages={"invalid": "Age must be a whole number, like 35"},
        )
    if name == "sex":
        return forms.ChoiceField(label="Sex", required=False, choices=[("", "Not known")] + SEX_CHOICES[:3])
    if name == "venue_type":
        choices = [("", "Choose")] + [(v, v.replace("_", " ").capitalize()) for v in vocabulary.VENUE_TYPES]
        return forms.ChoiceField(label="Type of place", required=False, choices=choices)
    label, hint, width = _MENTION_LABELS[name]
    return text(label, hint=hint, width=width, max_length=500 if name in ("address", "description") else 200)


# Fields shown under "More about this ..." so that a row stays short.
MENTION_SECONDARY = {"person": ["ethnicity", "nationality", "address", "postcode", "description"]}


class MentionForm(QuietForm):
    """One person, vehicle, phone, place or online account. A row left empty is ignored."""

    kind: str = ""

    def primary_fields(self) -> list:
        secondary = MENTION_SECONDARY.get(self.kind, [])
        return [self[name] for name in MENTION_FORM_FIELDS[self.kind] if name not in secondary]

    def secondary_fields(self) -> list:
        return [self[name] for name in MENTION_SECONDARY.get(self.kind, [])]

    def secondary_open(self) -> bool:
        return any(field.value() or field.errors for field in self.secondary_fields())

    def clean(self):
        data = super().clean()
        filled = [name for name in MENTION_FORM_FIELDS[self.kind] if data.get(name) not in (None, "")]
        if filled and not data.get("role"):
            noun = MENTION_KIND_LABELS[self.kind][1]
            self.add_error("role", f"Say how this {noun} is connected to the child")
        return data

    def to_record(self) -> dict | None:
        data = self.cleaned_data
        out = {name: data[name] for name in MENTION_FORM_FIELDS[self.kind] if data.get(name) not in (None, "")}
        if not out and not data.get("role"):
            return None
        return {"kind": self.kind, "role": data["role"], **out}


def _mention_form_class(kind: str) -> type[MentionForm]:
    fields: dict[str, forms.Field] = {
        "role": forms.ChoiceField(label="How they are connected to the child", required=False, choices=_role_choices(kind)),
    }
    for name in MENTION_FORM_FIELDS[kind]:
        fields[name] = _mention_field(name)
    return type(f"{kind.title()}MentionForm", (MentionForm,), {"kind": kind, **fields})


MENTION_FORMS = {kind: _mention_form_class(kind) for kind in MENTION_FORM_FIELDS}
MENTION_FORMSETS = {
    kind: forms.formset_factory(MENTION_FORMS[kind], formset=QuietFormSet, extra=EMPTY_ROWS[kind], max_num=30)
    for kind in MENTION_FORM_FIELDS
}
