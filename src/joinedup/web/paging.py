"""One page of a long list, and the query string to keep on the other pages' links."""

from __future__ import annotations

from django.core.paginator import Page, Paginator
from django.http import QueryDict


def page_of(request, rows, size: int) -> tuple[Page, QueryDict]:
    page = Paginator(rows, size).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    return page, params
