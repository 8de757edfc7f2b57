"""The filtered lists of case studies and resources that their index pages show, and the parts
of a list page the other lists share: the error summary and GOV.UK pagination.

Not a view module: the index page models call it from `get_context`, and models must not import
views.
"""

from typing import Any

from django import forms
from django.core.paginator import Page, Paginator
from django.http import HttpRequest
from django_filters import FilterSet

from knowledge.filters import CaseStudyFilter, ResourceFilter

RESULTS_PER_PAGE = 20
HOME = {"text": "Home", "href": "/"}


def case_study_listing_context(request: HttpRequest) -> dict[str, Any]:
    """What the case study list page shows for this query string: results or what to fix."""
    return _listing_context(request, CaseStudyFilter(request.GET), "case study", "case studies")


def resource_listing_context(request: HttpRequest) -> dict[str, Any]:
    """What the resource list page shows for this query string: results or what to fix."""
    return _listing_context(request, ResourceFilter(request.GET), "resource", "resources")


def _listing_context(
    request: HttpRequest, filterset: FilterSet, noun: str, plural: str
) -> dict[str, Any]:
    context: dict[str, Any] = {
        "filter": filterset,
        "form": filterset.form,
        "filters_applied": any(key != "page" for key in request.GET),
        "noun": noun,
        "noun_plural": plural,
        "breadcrumbs": [HOME],
    }
    if not filterset.is_valid():
        # Better no list than a list that silently ignores part of what was asked for.
        return {**context, "results": None, "error_list": form_error_list(filterset.form)}
    results = paginate(request, filterset.qs)
    return {
        **context,
        "results": results,
        "result_count": results.paginator.count,
        "pagination": pagination_links(request, results),
        "error_list": [],
    }


def form_error_list(form: forms.Form) -> list[dict[str, str]]:
    """The error summary's lines, each linking to the field to fix (the first box of a group)."""
    lines = []
    for name, messages in form.errors.items():
        if name in form.fields:
            bound = form[name]
            anchor = bound.auto_id
            if isinstance(bound.field.widget, forms.CheckboxSelectMultiple):
                anchor += "_0"
        else:
            anchor = "filters"
        lines.extend({"href": f"#{anchor}", "text": message} for message in messages)
    return lines


def paginate(request: HttpRequest, items) -> Page:
    # get_page turns a page number that is not a number, or is past the end, into a real page.
    return Paginator(items, RESULTS_PER_PAGE).get_page(request.GET.get("page"))


def _page_href(request: HttpRequest, number: int) -> str:
    params = request.GET.copy()
    params["page"] = str(number)
    return f"?{params.urlencode()}"


def pagination_links(request: HttpRequest, results: Page) -> dict[str, Any] | None:
    """GOV.UK pagination: first, last, the current page and its neighbours, gaps as ellipses."""
    paginator = results.paginator
    if paginator.num_pages <= 1:
        return None
    current = results.number
    shown = sorted(
        {1, paginator.num_pages, current - 1, current, current + 1} & set(paginator.page_range)
    )
    items: list[dict[str, Any]] = []
    for number in shown:
        if items and number - items[-1]["number"] > 1:
            items.append({"ellipsis": True, "number": number - 1})
        items.append(
            {"number": number, "href": _page_href(request, number), "current": number == current}
        )
    return {
        "previous": _page_href(request, current - 1) if results.has_previous() else None,
        "next": _page_href(request, current + 1) if results.has_next() else None,
        "items": items,
    }
