"""The audit trail: who did and read what, and why they were allowed to. Searching it is audited too."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.shortcuts import render

from joinedup.core.roles import READS_AUDIT
from joinedup.web import queries
from joinedup.web.auditing import record_audit_search
from joinedup.web.forms.filters import AuditSearchForm
from joinedup.web.permissions import require_role

PAGE_SIZE = 50


@require_role(READS_AUDIT)
def audit_search(request):
    form = AuditSearchForm(request.GET or None)
    page = None
    error_summary = []
    if not form.is_bound or form.is_valid():
        filters = form.filters() if form.is_bound else {}
        query = form.audited_query() if form.is_bound else {}
        record_audit_search(request.user, {**query, "page": request.GET.get("page", "1")})
        page = Paginator(queries.audit_events(**filters), PAGE_SIZE).get_page(request.GET.get("page"))
    else:
        from joinedup.web.templatetags.govuk import error_anchor

        error_summary = [{"href": f"#{error_anchor(form[name])}", "text": errors[0]} for name, errors in form.errors.items()]
    params = request.GET.copy()
    params.pop("page", None)
    return render(
        request, "web/audit_search.html", {"form": form, "page": page, "params": params, "error_summary": error_summary}
    )
