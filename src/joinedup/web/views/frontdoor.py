"""The front door: one queue of concerns from every agency waiting for a decision, most urgent first,
each with the clock for its decision, and how many decisions are overdue."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.shortcuts import render

from joinedup.core import clock
from joinedup.core.roles import SEES_FRONT_DOOR
from joinedup.web import follow_through, queries
from joinedup.web.forms.filters import QueueFilterForm
from joinedup.web.permissions import require_role

PAGE_SIZE = 50


@require_role(SEES_FRONT_DOOR)
def front_door(request):
    user = request.user
    agencies = list(queries.queue_agencies(user))
    form = QueueFilterForm(request.GET or None, agencies=agencies)
    rows = queries.front_door_queue(user, **form.filters()) if form.is_bound else queries.front_door_queue(user)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    now = clock.now()
    overdue = follow_through.overdue_decisions(user, now)
    entries = [
        {"concern": concern, "clock": queries.decision_clock(concern.decision_due_at, now)} for concern in page
    ]
    params = request.GET.copy()
    params.pop("page", None)
    return render(
        request,
        "web/front_door.html",
        {"form": form, "page": page, "entries": entries, "params": params, "overdue": overdue,
         "filtered": any(form.filters().values()) if form.is_bound else False},
    )
