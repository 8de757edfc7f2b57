"""Full addresses in templates, by the one rule in commons.links."""

from django import template
from wagtail.models import Page

from commons.links import page_url

register = template.Library()


@register.simple_tag(takes_context=True)
def full_page_url(context: template.Context, page: Page) -> str:
    """The page's full address: on the site of the request being answered, or in an email
    (which has none) on PUBLIC_BASE_URL, never Wagtail's Site record."""
    return page_url(page, context.get("request")) or ""
