"""The Team page, for team managers: what is overdue and whose it is, each worker's caseload against
the safe limit, cases waiting for a worker, and what has been escalated."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from joinedup.casework.services import allocate_case
from joinedup.core import clock
from joinedup.core.roles import Role
from joinedup.records.services import RefusedError
from joinedup.restrictions.waiting import hidden_concern_ids
from joinedup.web import follow_through
from joinedup.web.forms.casework import AllocateForm
from joinedup.web.permissions import require_role

MANAGES = {Role.TEAM_MANAGER}


def safe_caseload() -> int:
    return getattr(settings, "JOINEDUP_SAFE_CASELOAD", 18)


@require_role(MANAGES)
def team(request):
    manager = request.user
    picture = follow_through.team_picture(manager, clock.now())
    _mark_restricted(manager, picture)
    limit = safe_caseload()
    workers = [
        {"worker": w, "over": w.caseload > limit, "at_limit": w.caseload == limit} for w in picture.workers
    ]
    members = [w.user for w in picture.workers]
    cases = [
        {"case": case, "name": picture.names.get(case.child_id, ""),
         "form": AllocateForm(workers=members, auto_id=f"id_case{case.pk}_%s")}
        for case in picture.unallocated
    ]
    context = {
        "team": manager.team,
        "limit": limit,
        "workers": workers,
        "overdue_count": sum(len(w.overdue) for w in picture.workers) + len(picture.team_overdue),
        "team_overdue": picture.team_overdue,
        "names": picture.names,
        "cases": cases,
        "escalations": picture.escalations,
    }
    return render(request, "web/team.html", context)


def _mark_restricted(manager, picture) -> None:
    """Work and escalations about a record restricted away from the manager are listed without the child,
    the concern or a link (which would only be "Page not found")."""
    overdue = [a for w in picture.workers for a in w.overdue] + picture.team_overdue
    hidden = hidden_concern_ids(manager, [a.concern_id for a in overdue] + [e.concern_id for e in picture.escalations])
    for item in overdue + picture.escalations:
        item.restricted = item.concern_id in hidden


@require_role(MANAGES)
@require_POST
def allocate(request, pk: int):
    manager = request.user
    case = follow_through.unallocated_cases(manager).filter(pk=pk).first()
    if case is None:
        raise Http404("No such case")
    form = AllocateForm(request.POST, workers=follow_through.team_members(manager))
    if not form.is_valid():
        messages.info(request, "Choose a worker to allocate the case to.")
        return redirect("team")
    worker = form.workers[form.cleaned_data["worker"]]
    try:
        allocate_case(manager, case, worker)
    except RefusedError as refusal:
        messages.info(request, str(refusal))
    else:
        messages.success(request, f"The case for C-{case.child_id:05d} is allocated to {worker.display_name}.")
    return redirect("team")
