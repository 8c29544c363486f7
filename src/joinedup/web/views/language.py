"""Language that believes children: the findings as someone types (htmx), and the "see writing
improve" figures for team managers, auditors and administrators, as a page, a chart and a CSV."""

from __future__ import annotations

import csv

from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_POST

from joinedup.core import clock
from joinedup.core.spreadsheet import safe_cell
from joinedup.language.models import RecordKind
from joinedup.language.queries import READS_LANGUAGE_FIGURES, Report, language_report
from joinedup.language.services import check_text
from joinedup.records.access import get_concern_for_user
from joinedup.web import language_chart, wording
from joinedup.web.forms.language import LanguageFiguresForm
from joinedup.web.permissions import require_records_access, require_role

MAX_LIVE_TEXT = 20_000


@require_records_access
@require_POST
def language_check_partial(request):
    """htmx: the findings in one text as it is being written (nothing is saved or audited). The text
    and what the writer has been shown come from the form the box is in."""
    if not request.htmx:
        return HttpResponseBadRequest("The language check is sent by the page as you type.")
    data = request.POST
    name = wording.live_field_name(data.get("language_field", ""))
    kind = data.get("language_kind", "")
    if name is None or kind not in RecordKind.values:
        raise Http404("No such text")
    concern = data.get("concern", "")
    if concern:
        if not concern.isdigit():
            raise Http404("No such concern")
        context = wording.concern_context(get_concern_for_user(request.user, int(concern)))
    else:
        context = wording.form_context(data)
    text = data.get(name, "")[:MAX_LIVE_TEXT].strip()
    user = request.user
    review = wording.Review(
        kind=kind, field_id=f"id_{name}", text=text, findings=check_text(text, context),
        seen=wording.read_seen(data.get(wording.SEEN_FIELD, ""), user.pk, kind), user_id=user.pk,
    )
    return render(request, "web/partials/language_live.html", {"review": review})


def _report(request) -> tuple[LanguageFiguresForm, Report, int, str]:
    form = LanguageFiguresForm(request.GET or None)
    months, kind = form.choice()
    return form, language_report(clock.now(), months=months, kind=kind), months, kind


@require_role(READS_LANGUAGE_FIGURES)
@require_GET
def language_figures(request):
    form, report, months, kind = _report(request)
    context = {
        "form": form,
        "report": report,
        "chart": language_chart.build(report),
        "months": months,
        "kind_label": dict(RecordKind.choices).get(kind, "All texts"),
        "query": request.GET.urlencode(),
    }
    return render(request, "web/language_figures.html", context)


def _share(share: float | None) -> str:
    return "" if share is None else f"{share * 100:.1f}"


@require_role(READS_LANGUAGE_FIGURES)
@require_GET
def language_figures_csv(request):
    _form, report, months, kind = _report(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="language-{kind or "all"}-{months}-months.csv"'
    writer = csv.writer(response)
    writer.writerow(["month", "agency", "team", "texts", "flagged", "flagged_percent", "kept", "kept_percent"])
    for row in report.rows:
        f = row.figures
        writer.writerow([
            f"{row.month:%Y-%m}", safe_cell(row.agency), safe_cell(row.team), f.texts, f.flagged, _share(f.flagged_share),
            f.kept, _share(f.kept_share),
        ])
    return response
