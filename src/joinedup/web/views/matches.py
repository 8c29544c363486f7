"""Possible matches: two child records that may be the same child. A person decides, with a reason;
"same child" merges the records (reversibly, from the child's page)."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render

from joinedup.core.roles import REVIEWS_MATCHES
from joinedup.records.models import Child
from joinedup.records.services import RefusedError, decide_match, record_child_view
from joinedup.web import queries
from joinedup.web.details import description_rows
from joinedup.web.forms.decisions import MatchDecisionForm
from joinedup.web.permissions import can_review_matches, require_role

PAGE_SIZE = 20


def _reviewer(request):
    if not can_review_matches(request.user):
        raise Http404("No such page")
    return request.user


def _pairs(user, candidates, forms=None) -> list[dict]:
    """Each candidate with both sides' details (each side's view audited)."""
    known = queries.descriptions_by_child(user, [c.candidate_id for c in candidates])
    pairs = []
    for candidate in candidates:
        for child_id in (candidate.child_id, candidate.candidate_id):
            record_child_view(user, Child(pk=child_id))
        existing = known.get(candidate.candidate_id, [])
        pairs.append(
            {
                "candidate": candidate,
                "new_rows": description_rows(candidate.description),
                "existing_rows": description_rows(existing[0]) if existing else [],
                "existing_agencies": sorted({d.agency.name for d in existing}),
                "form": (forms or {}).get(candidate.pk) or MatchDecisionForm(prefix=f"match-{candidate.pk}"),
            }
        )
    return pairs


@require_role(REVIEWS_MATCHES)
def match_list(request):
    user = _reviewer(request)
    page = Paginator(queries.open_matches(user), PAGE_SIZE).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    return render(request, "web/matches.html", {"page": page, "pairs": _pairs(user, list(page)), "params": params})


@require_role(REVIEWS_MATCHES)
def match_detail(request, pk: int):
    """One possible match; deciding it posts here."""
    user = _reviewer(request)
    candidate = queries.open_matches(user).filter(pk=pk).first()
    if candidate is None:
        raise Http404("No such possible match")
    form = MatchDecisionForm(request.POST if request.method == "POST" else None, prefix=f"match-{candidate.pk}")
    if request.method == "POST" and form.is_valid():
        same = form.cleaned_data["decision"] == "same"
        try:
            decide_match(user, candidate, same, form.cleaned_data["reason"])
        except RefusedError as refusal:
            messages.info(request, str(refusal))
        else:
            if same:
                messages.success(request, "Decided: the same child. The two records are now one.")
            else:
                messages.success(request, "Decided: different children. The records stay separate.")
        return redirect("match_list")
    pair = _pairs(user, [candidate], {candidate.pk: form})[0]
    return render(request, "web/match_detail.html", {"pair": pair, "error_summary": form.error_summary()})
