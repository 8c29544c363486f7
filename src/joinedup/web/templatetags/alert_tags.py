"""The line on a concern's page when the concern is part of a pattern JoinedUp found. Those who work
alerts get a link to it; everyone else (a school, health or youth worker) only learns that it is being
acted on, never who or what else is in it."""

from __future__ import annotations

from django import template

from joinedup.identity.triage import WORKS_ALERTS
from joinedup.web.alerts_queries import concern_in_live_pattern

register = template.Library()


@register.inclusion_tag("web/includes/alert_pattern.html", takes_context=True)
def alert_pattern(context, concern) -> dict:
    request = context.get("request")
    user = getattr(request, "user", None)
    pattern = concern_in_live_pattern(concern.pk) if user is not None else None
    return {"pattern": pattern, "pattern_link": pattern is not None and user.role in WORKS_ALERTS}
