"""`{% child_plan child %}`: the child's plan section on the child's page (for those who may read it)."""

from __future__ import annotations

from django import template

from joinedup.core import clock
from joinedup.outcomes.plan import plan_for

register = template.Library()


@register.inclusion_tag("outcomes/includes/plan.html", takes_context=True)
def child_plan(context, child):
    request = context.get("request")
    user = getattr(request, "user", None)
    plan = plan_for(user, child, clock.now().date()) if user is not None and user.is_authenticated else None
    return {"plan": plan, "child": child, "request": request}
