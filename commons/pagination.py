"""GOV.UK pagination for every list on the site: a page of results and the links around it."""

from collections.abc import Sequence
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, QueryDict

RESULTS_PER_PAGE = 20


def paginate(
    request: HttpRequest, items: QuerySet | Sequence, *, per_page: int = RESULTS_PER_PAGE
) -> Page:
    """The page of `items` the address asks for."""
    # get_page turns a page number that is not a number, or is past the end, into a real page.
    return Paginator(items, per_page).get_page(request.GET.get("page"))


def pagination_links(request: HttpRequest, results: Page) -> dict[str, Any] | None:
    """The links around a page of a Django `Paginator`, each keeping the rest of the address."""
    return page_links(request.GET, current=results.number, last=results.paginator.num_pages)


def page_links(
    asked: QueryDict, *, current: int, last: int, path: str = ""
) -> dict[str, Any] | None:
    """GOV.UK pagination: first, last, the current page and its neighbours, gaps as ellipses.

    Each link is `path` with what was asked and another page number; no links for one page.
    """
    if last <= 1:
        return None

    def href(number: int) -> str:
        params = asked.copy()
        params["page"] = str(number)
        return f"{path}?{params.urlencode()}"

    shown = sorted({1, last, current - 1, current, current + 1} & set(range(1, last + 1)))
    items: list[dict[str, Any]] = []
    for number in shown:
        if items and number - items[-1]["number"] > 1:
            items.append({"ellipsis": True, "number": number - 1})
        items.append({"number": number, "href": href(number), "current": number == current})
    return {
        "previous": href(current - 1) if current > 1 else None,
        "next": href(current + 1) if current < last else None,
        "items": items,
    }
