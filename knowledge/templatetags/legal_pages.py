"""Links to the legal pages, for the footer of every page and the sign-up form."""

import logging

from django import template
from wagtail.models import Site

from knowledge.models import LegalPage, LegalPageKind
from knowledge.queries import published_legal_pages

logger = logging.getLogger(__name__)

register = template.Library()


@register.simple_tag(takes_context=True)
def legal_pages(context: template.Context) -> list[LegalPage]:
    # Asked once per request: the footer and the sign-up form both want them.
    request = context.get("request")
    if request is None:
        return published_legal_pages()
    if not hasattr(request, "_legal_pages"):
        request._legal_pages = published_legal_pages()
    return request._legal_pages


@register.filter
def of_kind(pages: list[LegalPage], kind: str) -> LegalPage | None:
    """The first page of a kind, such as the privacy notice, or None when there is none."""
    wanted = LegalPageKind(kind)
    return next((page for page in pages if page.kind == wanted), None)


@register.simple_tag(takes_context=True)
def legal_page_url(context: template.Context, page: LegalPage) -> str:
    """The page's address, as `{% pageurl %}` gives it. Wagtail reads its sites' root paths from
    the shared cache; every page's footer links here, so with Redis gone the address is worked
    out from the page tree instead of failing the whole page."""
    request = context.get("request")
    try:
        return page.get_url(request) or ""
    except Exception:
        logger.warning("Legal page address worked out without the cache", exc_info=True)
    site = Site.find_for_request(request) if request is not None else None
    root_path = site.root_page.url_path if site is not None else "/"
    if not page.url_path.startswith(root_path):
        return ""
    return "/" + page.url_path.removeprefix(root_path)
