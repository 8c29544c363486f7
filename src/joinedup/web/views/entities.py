"""Entity pages: one vehicle, phone, person, place or online account with every child and concern linked
to it (and how each link was made, to confirm or reject), and the most connected entities and places
(hotspots). Intelligence about adults: only the roles in `identity.triage.WORKS_ALERTS` may open these
pages; everyone else gets a 404. Every view of an entity is audited."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from joinedup.identity import entity_events, triage
from joinedup.identity import services as identity_services
from joinedup.identity.models import MentionLink
from joinedup.records.services import RefusedError
from joinedup.web import entity_queries
from joinedup.web.alerts_queries import KIND_WORDS
from joinedup.web.permissions import require_role

KIND_FILTERS = [("", "All kinds"), *KIND_WORDS.items()]


def _entity_or_404(pk: int):
    entity = entity_queries.entity_for_page(pk)
    if entity is None:
        raise Http404("No such entity")
    return entity


@require_role(triage.WORKS_ALERTS)
def entity_list(request):
    """The most connected entities (by distinct children through links that count); `?kind=place`: hotspots."""
    kind = request.GET.get("kind", "")
    if kind not in KIND_WORDS:
        kind = ""
    return render(request, "web/entity_list.html", {
        "rows": entity_queries.most_connected(kind or None), "kind": kind, "kind_filters": KIND_FILTERS,
        "limit": entity_queries.MOST_CONNECTED,
    })


@require_role(triage.WORKS_ALERTS)
def entity_detail(request, pk: int):
    entity = _entity_or_404(pk)
    entity_events.record_entity_view(request.user, entity)
    return render(request, "web/entity_detail.html", {
        "entity": entity, "kind_word": KIND_WORDS.get(entity.kind, entity.kind), "picture": entity_queries.entity_picture(entity),
    })


@require_POST
@require_role(triage.WORKS_ALERTS)
def entity_judge_link(request, pk: int, link_pk: int):
    """Confirm or reject one link between a mention and this entity (a reason is required)."""
    entity = _entity_or_404(pk)
    link = get_object_or_404(MentionLink.objects.select_related("entity"), pk=link_pk, entity=entity)
    decision = request.POST.get("judgement")
    if decision not in ("confirm", "reject"):
        messages.info(request, "Choose whether to confirm or reject the link.")
    else:
        try:
            identity_services.judge_link(request.user, link, decision == "confirm", request.POST.get("reason", ""))
        except RefusedError as refusal:
            messages.info(request, str(refusal))
        else:
            messages.success(request, f"Link {'confirmed' if decision == 'confirm' else 'rejected'}.")
    return redirect(reverse("entity_detail", args=[entity.pk]) + f"#link-{link.pk}")
