"""The core data set pages: how complete it is by agency (a table per group, with a CSV download), and
recording a disability for a child (child page) or an alleged perpetrator (person entity page)."""

from __future__ import annotations

import csv

from django import forms
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from joinedup.core.roles import RECORDS_CONCERNS, SEES_ADULT_INTELLIGENCE, Role
from joinedup.core.spreadsheet import safe_cell
from joinedup.coredata import completeness, services
from joinedup.coredata.models import Characteristic, FactStatus
from joinedup.identity.models import Entity
from joinedup.records.access import get_child_for_user
from joinedup.records.models import MentionKind
from joinedup.records.services import RefusedError
from joinedup.web.permissions import require_role

# Figures only (counts by agency), never a person's record: for those who close the gaps.
READS_COMPLETENESS = frozenset({Role.ANALYST, Role.FRONT_DOOR, Role.TEAM_MANAGER, Role.ADMINISTRATOR, Role.AUDITOR}
                               | {r for r in Role if r.value == "service_leader"})
LABELS = {"age": "Age or date of birth", "sex": "Sex", "ethnicity": "Ethnicity", "nationality": "Nationality",
          "disability": "Disability"}


class DisabilityForm(forms.Form):
    status = forms.ChoiceField(
        label="Disability", widget=forms.RadioSelect,
        choices=[(FactStatus.RECORDED, "Recorded"), (FactStatus.NOT_STATED, "Not stated: the person declined to say")],
        error_messages={"required": "Choose whether disability was recorded or the person declined to say"},
    )
    value = forms.CharField(label="What was recorded", required=False, max_length=300,
                            help_text='For example "none known", or the disability in the person\'s own words')


def _csv(tables) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="core-data-set-completeness.csv"'
    writer = csv.writer(response)
    writer.writerow(["group", "agency", "people", "characteristic", "recorded", "not_stated", "not_recorded", "percent_recorded"])
    for table in tables:
        for row in table.rows:
            for characteristic, cell in row.cells.items():
                writer.writerow([safe_cell(table.title), safe_cell(row.agency), row.people, characteristic, cell.recorded,
                                 cell.not_stated, cell.not_recorded, cell.percent])
    return response


@require_role(READS_COMPLETENESS)
def completeness_page(request):
    tables = [completeness.children_table(), completeness.perpetrators_table()]
    if request.GET.get("format") == "csv":
        return _csv(tables)
    return render(request, "coredata/completeness.html", {
        "tables": tables, "characteristics": [(c, LABELS[c]) for c in completeness.CHARACTERISTICS],
    })


def _record(request, *, child=None, entity=None):
    form = DisabilityForm(request.POST)
    if form.is_valid():
        try:
            services.record_fact(request.user, characteristic=Characteristic.DISABILITY, status=form.cleaned_data["status"],
                                 value=form.cleaned_data["value"], child=child, entity=entity)
        except RefusedError as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, "Disability recorded.")
    else:
        messages.error(request, next(iter(form.errors.values()))[0])


@require_POST
@require_role(RECORDS_CONCERNS)
def record_child_disability(request, pk: int):
    child = get_child_for_user(request.user, pk)
    _record(request, child=child)
    return redirect("child_detail", pk=child.pk)


@require_POST
@require_role(SEES_ADULT_INTELLIGENCE)
def record_entity_disability(request, pk: int):
    entity = Entity.objects.filter(pk=pk, kind=MentionKind.PERSON).first()
    if entity is None:
        raise Http404("No such person")
    _record(request, entity=entity)
    return redirect("entity_detail", pk=entity.pk)


def coredata_navigation(user) -> list[tuple[str, str]]:
    return [("Data completeness", "core_data_completeness")] if user.role in READS_COMPLETENESS else []
