"""Filters for the front-door queue and the audit trail (GET forms: bookmarkable, no JavaScript)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings

from joinedup.core.audit import AuditEventData
from joinedup.records import vocabulary
from joinedup.web.forms.base import GovukDateField, text
from joinedup.web.queries import AGE_BANDS, CHILD_REFERENCE, QUEUE_AGES


class QueueFilterForm(forms.Form):
    agency = forms.ChoiceField(label="Agency", required=False)
    category = forms.ChoiceField(
        label="Kind of concern", required=False, choices=[("", "Any")] + list(vocabulary.CATEGORIES.items())
    )
    received = forms.ChoiceField(
        label="Received", required=False, choices=[("", "Any time")] + [(k, v[0]) for k, v in QUEUE_AGES.items()]
    )
    age_band = forms.ChoiceField(
        label="Child's age", required=False, choices=[("", "Any age")] + [(k, v[0]) for k, v in AGE_BANDS.items()]
    )

    def __init__(self, *args, agencies=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].choices = [("", "Any agency")] + [(str(a.pk), a.name) for a in agencies]

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "agency_id": int(data["agency"]) if data.get("agency") else None,
            "category": data.get("category", ""),
            "received": data.get("received", ""),
            "age_band": data.get("age_band", ""),
        }


def _event_choices() -> list[tuple[str, str]]:
    # Asked each time, so events that other apps define later are offered too.
    events = {event.name for event in AuditEventData.__subclasses__() if event.name}
    choices = [(name, name.replace("_", " ").capitalize()) for name in events]
    return [("", "Any event")] + sorted(choices, key=lambda c: c[1])


class AuditSearchForm(forms.Form):
    user = text("User", hint="Part of their username, name or agency", width="20")
    child = text("Child reference", hint="For example, C-00012", width="10", max_length=20)
    event = forms.ChoiceField(label="Event", required=False, choices=_event_choices)
    since = GovukDateField(label="From", required=False, help_text="For example, 1 3 2024")
    until = GovukDateField(label="To (inclusive)", required=False, help_text="For example, 31 3 2024")

    def clean_child(self):
        value = self.cleaned_data.get("child", "").strip()
        if not value:
            return None
        match = CHILD_REFERENCE.match(value)
        if not match:
            raise forms.ValidationError("Enter a child reference like C-00012")
        return int(match.group(1))

    def clean(self):
        data = super().clean()
        since, until = data.get("since"), data.get("until")
        if since and until and until < since:
            self.add_error("until", "The end date must be on or after the start date")
        return data

    def filters(self) -> dict:
        data = self.cleaned_data
        zone = ZoneInfo(settings.TIME_ZONE)
        since = data.get("since")
        until = data.get("until")
        return {
            "user_text": data.get("user", "").strip(),
            "child_id": data.get("child"),
            "event": data.get("event", ""),
            "since": dt.datetime.combine(since, dt.time(), tzinfo=zone) if since else None,
            "until": dt.datetime.combine(until + dt.timedelta(days=1), dt.time(), tzinfo=zone) if until else None,
        }

    def audited_query(self) -> dict:
        """What was searched for, as the audit event records it."""
        data = self.cleaned_data
        out = {
            "user": data.get("user", ""),
            "child": f"C-{data['child']:05d}" if data.get("child") else "",
            "event": data.get("event", ""),
            "since": data["since"].isoformat() if data.get("since") else "",
            "until": data["until"].isoformat() if data.get("until") else "",
        }
        return {key: value for key, value in out.items() if value}
