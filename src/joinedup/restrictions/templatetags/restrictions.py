"""`{% restriction_panel child %}` on the child's page: who the record is restricted to (for those who may
see it), and the form to restrict it (team managers). `{% restricted_waiting_notice %}` (front door, Team
page) and `{% restricted_work %}` (My work): concerns about restricted records waiting for a decision."""

from django import template

from joinedup.core import clock
from joinedup.restrictions import services, waiting
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


@register.inclusion_tag("restrictions/waiting_notice.html", takes_context=True)
def restricted_waiting_notice(context):
    """On the front door and the Team page: how many concerns the user cannot open because of a restriction
    are waiting for a decision (a count only), and how many are waiting for the user, if named."""
    user = context["request"].user
    now = clock.now()
    return {"hidden": waiting.hidden_waiting(user, now), "mine": waiting.waiting_for(user).count()}


@register.inclusion_tag("restrictions/my_work.html", takes_context=True)
def restricted_work(context):
    """On My work, for people named on a restriction: its concerns waiting for a decision, and (for a team
    manager) its work held by people who cannot open it."""
    user = context["request"].user
    return {"concerns": list(waiting.waiting_for(user)[:200]), "stranded": list(waiting.stranded_work(user)[:200])}
