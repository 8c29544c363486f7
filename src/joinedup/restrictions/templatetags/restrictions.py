"""`{% restriction_panel child %}` on the child's page: who the record is restricted to (for those who may
see it), and the form to restrict it (team managers)."""

from django import template

from joinedup.restrictions import services
from joinedup.restrictions.views import RestrictForm

register = template.Library()


@register.inclusion_tag("restrictions/panel.html", takes_context=True)
def restriction_panel(context, child):
    user = context["request"].user
    restriction = services.active_restriction(child)
    return {
        "child": child, "restriction": restriction, "csrf_token": context.get("csrf_token"),
        "may_restrict": restriction is None and user.role in services.RESTRICTS, "form": RestrictForm(),
    }
