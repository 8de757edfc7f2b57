"""Page addresses in sitemap.xml, by Wagtail's documented hook (`Page.get_sitemap_urls`)."""

from django.http import HttpRequest

from commons.links import page_url


class RequestedAddressMixin:
    """Mixed into every page model, before `Page`: its sitemap entry uses the address the person
    asked on, port included (`commons.links.page_url`), rather than the Site record's."""

    def get_sitemap_urls(self, request: HttpRequest | None = None) -> list[dict]:
        return [
            {**url_info, "location": page_url(self, request)}
            for url_info in super().get_sitemap_urls(request)
        ]
