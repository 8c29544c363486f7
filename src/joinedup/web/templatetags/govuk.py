"""Template helpers: GOV.UK form markup for Django fields, plain-English labels for vocabulary codes,
and the navigation each role sees."""

from __future__ import annotations

import datetime as dt
import json
import re

from django import template
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join

from joinedup.casework.services import SIGNS_OFF
from joinedup.core import clock
from joinedup.core.roles import READS_AUDIT, RECORDS_CONCERNS, REVIEWS_MATCHES, SEES_FRONT_DOOR, Role
from joinedup.coredata.views import coredata_navigation
from joinedup.dataprotection.views import dataprotection_navigation
from joinedup.identity.triage import alert_navigation
from joinedup.language.queries import READS_LANGUAGE_FIGURES
from joinedup.outcomes.access import outcomes_navigation
from joinedup.records import vocabulary
from joinedup.records.access import scope
from joinedup.restrictions.views import restriction_navigation
from joinedup.retention.views import retention_navigation
from joinedup.web.due import due_state
from joinedup.web.raised import raised_navigation

register = template.Library()

_WIDGET_CLASSES = {
    "text": "govuk-input",
    "email": "govuk-input",
    "number": "govuk-input",
    "password": "govuk-input",
    "textarea": "govuk-textarea",
    "select": "govuk-select",
}


def field_ids(field) -> dict[str, str]:
    base = field.auto_id
    return {"hint": f"{base}-hint", "error": f"{base}-error"}


@register.simple_tag
def govuk_widget(field):
    """Render a text input, textarea or select with GOV.UK classes, error state and described-by."""
    return field.as_widget(attrs=widget_attrs(field))


def widget_attrs(field) -> dict[str, str]:
    """The GOV.UK class, error state and described-by of a text input, textarea or select."""
    widget_type = field.widget_type
    base = _WIDGET_CLASSES.get(widget_type, "govuk-input")
    classes = [base, field.field.widget.attrs.get("class", "")]
    described = []
    ids = field_ids(field)
    if field.help_text:
        described.append(ids["hint"])
    if field.errors:
        classes.append(f"{base}--error")
        described.append(ids["error"])
    attrs = {"class": " ".join(c for c in classes if c)}
    if described:
        attrs["aria-describedby"] = " ".join(described)
    return attrs


@register.filter
def error_anchor(field) -> str:
    """The id the error summary links to: the first box of a date or the first checkbox."""
    if field.widget_type in ("checkboxselectmultiple", "radioselect"):
        return f"{field.auto_id}_0"
    if field.widget_type == "govukdate":
        return f"{field.auto_id}_0"
    return field.auto_id


@register.simple_tag
def date_parts(field) -> dict[str, str]:
    """Day, month and year as typed (bound) or from the initial date (unbound)."""
    value = field.value()
    if isinstance(value, dt.date):
        return {"day": str(value.day), "month": str(value.month), "year": str(value.year)}
    if isinstance(value, list | tuple) and len(value) == 3:
        return {"day": value[0] or "", "month": value[1] or "", "year": value[2] or ""}
    return {"day": "", "month": "", "year": ""}


def _time(value: dt.datetime) -> str:
    """GOV.UK style: 9am, 5:30pm, midday, midnight."""
    if value.hour == 0 and value.minute == 0:
        return "midnight"
    if value.hour == 12 and value.minute == 0:
        return "midday"
    hour = value.hour % 12 or 12
    suffix = "am" if value.hour < 12 else "pm"
    return f"{hour}{suffix}" if value.minute == 0 else f"{hour}:{value.minute:02d}{suffix}"


@register.filter
def when(value: dt.datetime | None, style: str = "long") -> str:
    """A date and time in local time, GOV.UK style: "5 March 2024 at 11:59pm" or "5 Mar, 11:59pm"."""
    if value is None:
        return ""
    local = timezone.localtime(value)
    if style == "short":
        return f"{local.day} {local:%b}, {_time(local)}"
    if style == "year":
        return f"{local.day} {local:%b %Y}, {_time(local)}"
    return f"{local.day} {local:%B %Y} at {_time(local)}"


@register.filter
def category_label(code: str) -> str:
    return vocabulary.CATEGORIES.get(code, code.replace("_", " "))


@register.filter
def indicator_label(code: str) -> str:
    return vocabulary.INDICATORS.get(code, (code.replace("_", " "), ""))[0]


@register.filter
def urgency_label(value: int) -> str:
    return vocabulary.URGENCY_LABELS.get(value, "Not assessed")


@register.filter
def urgency_tag(value: int) -> str:
    return {3: "govuk-tag--red", 2: "govuk-tag--orange", 1: "govuk-tag--blue"}.get(value, "govuk-tag--grey")


@register.filter
def role_label(code: str) -> str:
    return vocabulary.role_label(code)


@register.filter
def joined_labels(codes, kind: str = "category") -> str:
    label = category_label if kind == "category" else indicator_label
    return ", ".join(label(code) for code in codes)


@register.filter
def child_reference(child_id) -> str:
    return f"C-{child_id:05d}" if child_id else ""


@register.filter
def detail_text(detail) -> str:
    """An audit event's details as "name: value; ..." (nested values as compact JSON), blanks left out."""
    if not isinstance(detail, dict):
        return str(detail)
    parts = []
    for key, value in detail.items():
        if value in ("", None, [], {}):
            continue
        shown = json.dumps(value, ensure_ascii=False) if isinstance(value, dict | list) else str(value)
        parts.append(f"{key.replace('_', ' ')}: {shown}")
    return "; ".join(parts)


@register.simple_tag(takes_context=True)
def navigation(context) -> list[dict]:
    """The pages the signed-in user's role may use, in the order they are needed."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return []
    items = []
    if user.role in SEES_FRONT_DOOR:
        items.append(("Front door", "front_door"))
    if user.role in RECORDS_CONCERNS:
        items.append(("Record a concern", "record_concern"))
    items.extend(raised_navigation(user))  # partners: the outcome of what they raised
    if scope(user) != "none":
        items.append(("Find a child", "find_child"))
    if user.role in REVIEWS_MATCHES:
        items.append(("Possible matches", "match_list"))
    items.extend(alert_navigation(user))
    if user.role in READS_AUDIT:
        items.append(("Audit trail", "audit_search"))
    if scope(user) != "none":
        items.insert(0, ("My work", "my_work"))
    if user.role in SIGNS_OFF:
        items.append(("Sign-offs", "sign_off_list"))
    if user.role == Role.TEAM_MANAGER:
        items.append(("Team", "team"))
    if user.role in READS_LANGUAGE_FIGURES:
        items.append(("Language", "language_figures"))
    items.extend(coredata_navigation(user))
    items.extend(restriction_navigation(user))
    items.extend(dataprotection_navigation(user))
    items.extend(retention_navigation(user))
    items.extend(outcomes_navigation(user))
    path = request.path
    out = []
    for label, name in items:
        url = reverse(name)
        out.append({"label": label, "url": url, "active": path == url or path.startswith(url) and url != "/"})
    return out


@register.simple_tag
def query_string(params, **changes) -> str:
    """The current query string with some values changed (for pagination links)."""
    query = params.copy()
    for key, value in changes.items():
        query[key] = value
    return query.urlencode()


@register.simple_tag
def definition_rows(rows):
    """GOV.UK summary list rows from (label, value) pairs, skipping empty values."""
    return format_html_join(
        "",
        '<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{}</dt>'
        '<dd class="govuk-summary-list__value">{}</dd></div>',
        ((label, value) for label, value in rows if value not in ("", None)),
    )


@register.filter
def due(due_at: dt.datetime | None):
    """How a deadline stands now: `.text` ("Overdue by 2 days", "Due today"), `.overdue`, `.tag`."""
    return due_state(due_at, clock.now()) if due_at else None


@register.simple_tag
def due_tag(due_at: dt.datetime | None):
    """A GOV.UK tag for a deadline: red when overdue, yellow when due today or tomorrow."""
    if due_at is None:
        return ""
    state = due_state(due_at, clock.now())
    return format_html('<strong class="govuk-tag {}" data-due="{}">{}</strong>', state.tag,
                       "overdue" if state.overdue else "due", state.text)


@register.simple_tag
def status_tag(status: str, label: str):
    """A GOV.UK tag for a decision's or an action's status."""
    colour = {
        "effective": "govuk-tag--green", "done": "govuk-tag--green", "awaiting_sign_off": "govuk-tag--yellow",
        "not_signed_off": "govuk-tag--red", "cancelled": "govuk-tag--grey", "open": "govuk-tag--blue",
    }.get(status, "govuk-tag--grey")
    return format_html('<strong class="govuk-tag {}">{}</strong>', colour, label)


_CODE = re.compile(r"\b[a-z]+(?:_[a-z]+)+\b")


@register.filter
def plain_reason(text: str) -> str:
    """A sign-off reason with any indicator or category code in it read as its label."""

    def label(match: re.Match) -> str:
        code = match.group(0)
        if code in vocabulary.INDICATORS:
            name = vocabulary.INDICATORS[code][0]
        elif code in vocabulary.CATEGORIES:
            name = vocabulary.CATEGORIES[code]
        else:
            return code
        return name[:1].lower() + name[1:]

    return _CODE.sub(label, text)
