"""`{% core_data child=child %}` / `{% core_data entity=entity %}`: the disability facts recorded about a
person, and the form to record one (for those who may)."""

from django import template

from joinedup.core.roles import RECORDS_CONCERNS, SEES_ADULT_INTELLIGENCE
from joinedup.coredata import services
from joinedup.coredata.views import DisabilityForm

register = template.Library()


@register.inclusion_tag("coredata/facts.html", takes_context=True)
def core_data(context, child=None, entity=None):
    user = context["request"].user
    may_record = user.agency_id is not None and (
        (child is not None and user.role in RECORDS_CONCERNS)
        or (entity is not None and entity.kind == "person" and user.role in SEES_ADULT_INTELLIGENCE)
    )
    shown = child is not None or (entity is not None and entity.kind == "person")
    return {
        "shown": shown, "child": child, "entity": entity, "may_record": may_record, "form": DisabilityForm(),
        "facts": services.latest_facts(child=child, entity=entity) if shown else [], "csrf_token": context.get("csrf_token"),
    }
