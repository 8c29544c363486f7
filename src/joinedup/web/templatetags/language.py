"""The textarea of a text that the language checker reads as people write: GOV.UK markup, described by
the findings panel, and (with JavaScript) an htmx request for the findings after a pause in typing."""

from __future__ import annotations

import json

from django import template
from django.urls import reverse

from joinedup.web.templatetags.govuk import widget_attrs

register = template.Library()

LIVE_DELAY = "800ms"


@register.simple_tag
def checked_widget(field, kind: str, concern_id=None):
    attrs = widget_attrs(field)
    panel = f"{field.auto_id}-language"
    attrs["aria-describedby"] = f"{attrs.get('aria-describedby', '')} {panel}".strip()
    values = {"language_field": field.html_name, "language_kind": kind}
    if concern_id:
        values["concern"] = str(concern_id)
    attrs.update({
        "hx-post": reverse("language_check_partial"),
        "hx-trigger": f"input changed delay:{LIVE_DELAY}",
        "hx-target": f"#{panel}",
        "hx-swap": "innerHTML",
        "hx-sync": "this:replace",
        "hx-vals": json.dumps(values),
    })
    return field.as_widget(attrs=attrs)


@register.filter
def percent(share) -> str:
    """A share as a whole percentage ("30%"), or a dash when there is nothing to divide."""
    return "–" if share is None else f"{share * 100:.0f}%"
