"""The filtered lists of case studies and resources that their index pages show.

Not a view module: the index page models call it from `get_context`, and models must not import
views.
"""

from typing import Any

from django.http import HttpRequest
from django_filters import FilterSet

from commons.forms import form_error_list
from commons.pagination import paginate, pagination_links
from knowledge.filters import CaseStudyFilter, ResourceFilter

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
