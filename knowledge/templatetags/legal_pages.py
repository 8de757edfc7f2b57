"""Links to the legal pages, for the footer of every page and the sign-up form."""

from django import template

from knowledge.models import LegalPage, LegalPageKind
from knowledge.queries import published_legal_pages

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
