"""The search page and its autocomplete. Views read the request, call `search.services` and
render; the rules live in forms.py (what was asked), analytics.py and promotions.py."""

import logging
from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe
from wagtail.models import Site

from commons.pagination import page_links
from commons.ratelimits import Decision, request_limit_check
from commons.text import without_control_characters
from knowledge.curation import site_organisation as branded_organisation
from knowledge.models import Organisation
from search import analytics, services
from search.forms import FILTER_PARAMETERS, SearchForm
from search.promotions import promotions_for
from search.types import SCOPE_NETWORK, Facet, FacetValue, SearchResults

logger = logging.getLogger(__name__)

AUTOCOMPLETE_MIN_LENGTH = 2
AUTOCOMPLETE_MAX_LENGTH = 100
AUTOCOMPLETE_LIMIT = 8
RESULTS_PER_PAGE = services.PER_PAGE


def site_organisation(request: HttpRequest) -> Organisation | None:
    """The organisation behind this site's branding: what "this council only" searches."""
    return branded_organisation(Site.find_for_request(request))


def search_form(request: HttpRequest) -> SearchForm:
    # Looked up only when the form needs it (the scope switch is shown or "this site only" is
    # asked for), so a plain API search costs no database query for it.
    return SearchForm(request.GET, site_organisation=lambda: site_organisation(request))


def run_search(request: HttpRequest, form: SearchForm) -> SearchResults:
    """The search the (valid) form describes, as the signed-in person (or nobody)."""
    return services.search(
        form.query,
        user=request.user,
        filters=form.filters(),
        sort=form.chosen_sort,
        page=form.page_number,
        per_page=RESULTS_PER_PAGE,
    )


def should_record(form: SearchForm) -> bool:
    """Count a search once, when it is asked: not each page of it."""
    return bool(form.query) and form.page_number == 1


def searched_too_often(request: HttpRequest, decision: Decision) -> HttpResponse:
    """The search page, with what was typed still in the box, saying to wait (429)."""
    context = {
        "form": search_form(request),
        "query": request.GET.get("q", "").strip(),
        "meta_title": "Search",
        "error_list": [{"href": "#search-query", "text": decision.message}],
    }
    response = render(request, "search/search.html", context, status=429)
    response["Retry-After"] = str(decision.retry_after)
    return response


@require_safe
def search_page(request: HttpRequest) -> HttpResponse:
    decision = request_limit_check("search_page", request)
    if not decision.allowed:
        return searched_too_often(request, decision)
    form = search_form(request)
    context: dict[str, Any] = {
        "form": form,
        "query": request.GET.get("q", "").strip(),
        "meta_title": "Search",
        "meta_description": "Search case studies, resources, communities and discussions "
        "across the Commons network.",
        "site_organisation": form.site_organisation,
    }
    if not form.is_valid():
        context["error_list"] = form.error_list()
        return render(request, "search/search.html", context, status=400)
    if not form.query and form.filters().is_empty():
        return render(request, "search/search.html", context)  # nothing asked yet
    results = run_search(request, form)
    asked = form.query_params()  # built once: every link below starts from it
    # A search stopped for taking too long found nothing because it gave up: not a gap in content.
    if should_record(form) and not results.timed_out:
        analytics.record_search(form.query, found=results.total)
    context.update(
        {
            "results": results,
            "facets": facets_keeping_choices(form, results.facets),
            "selected": selected_filters(asked, results.facets),
            "filters_applied": not form.filters().is_empty() or form.chosen_scope != SCOPE_NETWORK,
            "sort": form.chosen_sort,
            "scope": form.chosen_scope,
            "promotions": promotions_for(form.query, request) if form.page_number == 1 else [],
            "pagination": page_links(
                asked, current=results.page, last=results.page_count, path=reverse("search:page")
            ),
            "did_you_mean_href": did_you_mean_href(asked, results),
        }
    )
    response = render(request, "search/search.html", context)
    if request.user.is_authenticated:
        # A member's results can include members-only discussions: never for shared caches.
        response["Cache-Control"] = "private, no-store"
    return response


def _href(asked: QueryDict, **changes: Any) -> str:
    params = asked.copy()
    for name, value in changes.items():
        if value is None:
            params.pop(name, None)
        else:
            params[name] = str(value)
    return f"{reverse('search:page')}?{params.urlencode()}"


def facets_keeping_choices(form: SearchForm, facets: list[Facet]) -> list[Facet]:
    """The facets to show, with every value the person chose still ticked, even one that no
    longer has results, so applying the filters again never silently drops a choice."""
    chosen = {name: form.cleaned_data.get(name) or () for name in FILTER_PARAMETERS}
    shown = []
    for facet in facets:
        values = list(facet.values)
        present = {value.value for value in values}
        for value in chosen.get(facet.name, ()):
            if value not in present:
                values.append(FacetValue(value=value, label=value, count=0, selected=True))
        if values:
            shown.append(Facet(name=facet.name, label=facet.label, values=tuple(values)))
    return shown


def did_you_mean_href(asked: QueryDict, results: SearchResults) -> str:
    if not results.did_you_mean:
        return ""
    return _href(asked, q=results.did_you_mean, page=None)


def selected_filters(asked: QueryDict, facets: list[Facet]) -> list[dict[str, str]]:
    """Each filter in use, with a link that removes just that one (GOV.UK "selected filters").
    `asked` is the form's `query_params()`: each value once, so the links grow with the
    distinct values chosen (at most a few dozen), not with the length of the address."""
    labels = {
        (facet.name, value.value): (facet.label, value.label)
        for facet in facets
        for value in facet.values
    }
    selected = []
    for name in [*FILTER_PARAMETERS, "date"]:
        for value in asked.getlist(name):
            params = asked.copy()
            params.setlist(name, [other for other in params.getlist(name) if other != value])
            facet_label, value_label = labels.get((name, value), (name.replace("_", " "), value))
            selected.append(
                {
                    "facet": facet_label,
                    "label": value_label,
                    "remove_href": f"{reverse('search:page')}?{params.urlencode()}",
                }
            )
    return selected


@require_safe
def autocomplete(request: HttpRequest) -> JsonResponse:
    """Titles and tags that start with what has been typed so far, for the search box."""
    typed = without_control_characters(request.GET.get("q", ""))
    prefix = " ".join(typed.split())[:AUTOCOMPLETE_MAX_LENGTH]
    decision = request_limit_check("autocomplete", request)
    if not decision.allowed:
        refused = JsonResponse(
            {"query": prefix, "suggestions": [], "error": decision.message}, status=429
        )
        refused["Retry-After"] = str(decision.retry_after)
        return refused
    suggestions = []
    if len(prefix) >= AUTOCOMPLETE_MIN_LENGTH:
        suggestions = services.autocomplete(prefix, user=request.user, limit=AUTOCOMPLETE_LIMIT)
    response = JsonResponse(
        {
            "query": prefix,
            "suggestions": [
                {"text": s.text, "kind": s.kind, "url": s.url, "search_url": _search_url(s.text)}
                for s in suggestions
            ],
        }
    )
    response["Cache-Control"] = "private, max-age=0"
    return response


def _search_url(text: str) -> str:
    params = QueryDict(mutable=True)
    params["q"] = text
    return f"{reverse('search:page')}?{params.urlencode()}"
