"""`{% sharing_by_concern concerns as sharing %}` (one query for a whole chronology), `{{ sharing|for_concern:id }}`,
and `{% sharing_panel concern %}` (a concern page: its decisions and the form)."""

from collections import defaultdict

from django import template

from joinedup.core.roles import RECORDS_CONCERNS
from joinedup.sharing.models import SharingDecision

register = template.Library()


@register.simple_tag
def sharing_by_concern(concerns) -> dict:
    rows = defaultdict(list)
    for row in SharingDecision.objects.filter(concern_id__in=[c.pk for c in concerns]).select_related("agency").order_by("created_at", "pk"):
        rows[row.concern_id].append(row)
    return rows


@register.filter
def for_concern(sharing: dict, concern_id: int) -> list:
    return sharing.get(concern_id, [])


@register.inclusion_tag("sharing/panel.html", takes_context=True)
def sharing_panel(context, concern):
    from joinedup.sharing.views import SharingForm

    user = context["request"].user
    return {
        "concern": concern, "csrf_token": context.get("csrf_token"), "form": SharingForm(),
        "decisions": list(SharingDecision.objects.filter(concern=concern).select_related("agency", "created_by").order_by("created_at", "pk")),
        "may_record": user.role in RECORDS_CONCERNS,
    }
