"""commons.links.absolute_url: the site the person used, or the public address without a request."""

from commons.links import absolute_url


def test_without_a_request_a_link_starts_with_the_public_address(settings):
    settings.PUBLIC_BASE_URL = "https://commons.example.org"

    assert absolute_url("/communities/") == "https://commons.example.org/communities/"


def test_with_a_request_a_link_goes_to_the_site_the_person_used_as_the_proxy_reports_it(
    settings, rf
):
    settings.PUBLIC_BASE_URL = "https://commons.example.org"
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    request = rf.get("/", headers={"host": "northshire.localhost", "x-forwarded-proto": "https"})

    assert absolute_url("/communities/", request) == "https://northshire.localhost/communities/"
