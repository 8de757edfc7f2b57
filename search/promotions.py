"""Results editors recommend for chosen searches (Wagtail's search promotions, edited at
/admin/searchpicks/). Only pages that are live and public are recommended: a promotion never
leads anyone to a draft or a restricted page."""

from dataclasses import dataclass

from django.db.models import Q
from django.http import HttpRequest
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string


@dataclass(frozen=True)
class Promotion:
    title: str
    url: str
    description: str


def promotions_for(query: str, request: HttpRequest | None = None) -> list[Promotion]:
    """The editors' picks for this search, in the editors' order."""
    query_string = normalise_query_string(query)
    if not query_string:
        return []
    public_pages = Page.objects.live().public()
    picks = (
        SearchPromotion.objects.filter(query__query_string=query_string)
        .filter(Q(page__in=public_pages) | Q(page__isnull=True, external_link_url__gt=""))
        .select_related("page")
        .order_by("sort_order", "pk")
    )
    promotions = []
    for pick in picks:
        if pick.page is not None:
            url = pick.page.get_url(request)
            title = pick.page.title
        else:
            url, title = pick.external_link_url, pick.external_link_text or pick.external_link_url
        if url:
            promotions.append(Promotion(title=title, url=url, description=pick.description))
    return promotions
