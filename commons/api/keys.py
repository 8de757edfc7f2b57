"""Partners send their key as `Authorization: Api-Key <key>`. A key only raises the rate limit:
everything the API serves is public, so there is no user behind it."""

from django.contrib.auth.models import AnonymousUser
from rest_framework import authentication, exceptions
from rest_framework.request import Request

from commons.models import PartnerApiKey

KEYWORD = "Api-Key"
UNKNOWN_KEY = (
    "This API key is not recognised, has expired or has been revoked. "
    "Ask the Commons editors for a new one, or send no key to use the public limit."
)


class ApiKeyAuthentication(authentication.BaseAuthentication):
    def authenticate(self, request: Request) -> tuple[AnonymousUser, PartnerApiKey] | None:
        scheme, _, key = request.META.get("HTTP_AUTHORIZATION", "").partition(" ")
        if scheme.lower() != KEYWORD.lower():
            return None
        try:
            api_key = PartnerApiKey.objects.get_from_key(key.strip())
        except PartnerApiKey.DoesNotExist:
            raise exceptions.AuthenticationFailed(UNKNOWN_KEY) from None
        if api_key.has_expired:
            raise exceptions.AuthenticationFailed(UNKNOWN_KEY)
        return AnonymousUser(), api_key

    def authenticate_header(self, request: Request) -> str:
        # Makes a refused key a 401 (with WWW-Authenticate), not a 403.
        return KEYWORD
