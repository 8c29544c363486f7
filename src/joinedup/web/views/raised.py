"""Concerns we raised: every concern the user's agency sent, newest first, with what the front door
decided about it (at the level the raising agency is entitled to, as on the concern's own page)."""

from __future__ import annotations

from django.shortcuts import render

from joinedup.core.roles import RECORDS_CONCERNS
from joinedup.web.paging import page_of
from joinedup.web.permissions import require_role
from joinedup.web.raised import concerns_raised_by, outcome

PAGE_SIZE = 50


@require_role(RECORDS_CONCERNS)
def concerns_raised(request):
    page, params = page_of(request, concerns_raised_by(request.user), PAGE_SIZE)
    entries = [{"concern": concern, "outcome": outcome(concern)} for concern in page]
    return render(request, "web/concerns_raised.html", {"page": page, "entries": entries, "params": params})
