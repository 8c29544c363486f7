"""Record a concern: find a known child (or enter a new one), say what happened, and get a reference.

Works without JavaScript: searching reloads the page with the results, "add another" posts the form
back with one more row. With htmx the same controls update just the part of the page that changes.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from joinedup.core.roles import RECORDS_CONCERNS
from joinedup.language.models import RecordKind
from joinedup.language.services import context_from_record
from joinedup.records.access import (
    children_visible_to,
    concerns_visible_to,
    get_child_for_user,
    get_concern_for_user,
)
from joinedup.records.interchange import RecordError
from joinedup.records.models import Channel
from joinedup.records.services import record_child_search, record_child_view, submit_concern
from joinedup.web import queries, wording
from joinedup.web.forms.concern import MENTION_FORMS, MENTION_KIND_LABELS, ChildForm
from joinedup.web.permissions import require_role
from joinedup.web.recording import ConcernEntry, child_initial

TEMPLATE = "web/record_concern.html"


def _user_with_agency(request):
    if request.user.agency_id is None:
        raise Http404("No agency to record for")
    return request.user


@require_role(RECORDS_CONCERNS)
def record_concern(request):
    user = _user_with_agency(request)
    if request.method == "POST":
        return _post(request, user)
    query = queries.search_words(request.GET.get("q", ""))
    initial, picked = _picked_child(request)
    entry = ConcernEntry(initial_child=initial)
    results = _search(user, query) if query else None
    return _render(request, entry, query=query, results=results, picked=picked)


def _post(request, user):
    kind = request.POST.get("add_mention", "")
    if kind in MENTION_FORMS:
        entry = ConcernEntry.with_another_row(request.POST, kind)
        return _render(request, entry, language_review=wording.review(entry.what["summary"], RecordKind.CONCERN, None, user))
    entry = ConcernEntry(request.POST)
    already = concerns_visible_to(user).filter(agency_id=user.agency_id, source_ref=entry.form_ref).first()
    if already is not None:  # the same form sent twice: one concern, not two
        return redirect("concern_recorded", pk=already.pk)
    valid = entry.is_valid()
    record = entry.to_record(user) if valid else None
    # The summary is checked as the record has it (the child's age, the people mentioned); the child's
    # own words never are.
    context = context_from_record(record) if record else wording.form_context(request.POST)
    review = wording.review(entry.what["summary"], RecordKind.CONCERN, context, user)
    if valid and not review.must_show:
        try:
            with transaction.atomic():
                result = submit_concern(user, record, channel=Channel.FORM, known_children=entry.known_children())
                review.record(user, result.concern_id, child_ids=result.child_ids)
        except RecordError as error:
            entry.add_record_error(error)
        else:
            return redirect("concern_recorded", pk=result.concern_id)
    return _render(request, entry, error_summary=entry.error_summary(), language_review=review)


def _render(request, entry: ConcernEntry, **context):
    context.setdefault("query", "")
    if "picked" not in context and entry.bound:  # shown again: keep saying which known child this is
        known = entry.child1["known_child"].value()
        if known and str(known).isdigit():
            context["picked"] = children_visible_to(request.user).filter(pk=int(known)).first()
    mention_sections = [
        {"kind": kind, "heading": MENTION_KIND_LABELS[kind][0], "noun": MENTION_KIND_LABELS[kind][1], "formset": formset}
        for kind, formset in entry.mentions.items()
    ]
    return render(request, TEMPLATE, {"entry": entry, "mention_sections": mention_sections, **context})


def _picked_child(request):
    """The starting details when a known child was picked from the search (?child=<id>)."""
    raw = request.GET.get("child", "")
    if not raw.isdigit():
        return {}, None
    child = get_child_for_user(request.user, int(raw))
    description = queries.newest_description(request.user, child)
    record_child_view(request.user, child)
    if description is None:
        return {}, child
    initial = child_initial(description)
    if description.agency_id == request.user.agency_id and description.ref:
        initial["ref"] = description.ref
    return initial, child


def _search(user, query: str) -> list[queries.FoundChild]:
    results = queries.search_children(user, query)
    record_child_search(user, query, len(results))
    return results


@require_role(RECORDS_CONCERNS)
@require_GET
def find_child_partial(request):
    """htmx: the search results only."""
    query = queries.search_words(request.GET.get("q", ""))
    if not request.htmx:
        return redirect(f"{reverse('record_concern')}?{urlencode({'q': query})}")
    user = _user_with_agency(request)
    results = _search(user, query) if query else None
    return render(request, f"{TEMPLATE}#search_results", {"query": query, "results": results})


@require_role(RECORDS_CONCERNS)
@require_GET
def child_details_partial(request):
    """htmx: the child's fieldset, filled in from what is known about the picked child."""
    if not request.htmx:
        return redirect(f"{reverse('record_concern')}?{urlencode({'child': request.GET.get('child', '')})}")
    _user_with_agency(request)
    initial, picked = _picked_child(request)
    form = ChildForm(prefix="child1", initial=initial)
    return render(request, "web/includes/child_fields.html", {"form": form, "picked": picked, "number": 1})


@require_role(RECORDS_CONCERNS)
@require_GET
def mention_row_partial(request):
    """htmx: one more empty row of people, vehicles, phones, places or online accounts."""
    kind = request.GET.get("add_mention", "")
    if kind not in MENTION_FORMS:
        raise Http404("No such kind of mention")
    if not request.htmx:
        return redirect("record_concern")
    try:
        index = max(0, min(int(request.GET.get(f"{kind}-TOTAL_FORMS", "0")), 29))
    except ValueError:
        index = 0
    form = MENTION_FORMS[kind](prefix=f"{kind}-{index}")
    context = {"form": form, "kind": kind, "index": index, "noun": MENTION_KIND_LABELS[kind][1], "total": index + 1}
    return render(request, "web/includes/mention_row_added.html", context)


@require_role(RECORDS_CONCERNS)
def concern_recorded(request, pk: int):
    """The receipt: a confirmation panel with the reference, at once."""
    concern = get_concern_for_user(request.user, pk)
    return render(request, "web/concern_recorded.html", {"concern": concern})
