"""The OpenAPI description's view of our API: only /api/v1/ (Wagtail's admin API is DRF too,
and is no business of partners), and how a key is sent."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension

API_PREFIX = "/api/v1/"


def only_the_public_api(endpoints: list[tuple], **kwargs) -> list[tuple]:
    """drf-spectacular preprocessing hook: drop every endpoint outside /api/v1/."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith(API_PREFIX)]


class ApiKeyScheme(OpenApiAuthenticationExtension):
    target_class = "commons.api.keys.ApiKeyAuthentication"
    name = "ApiKey"
    optional = True  # every endpoint answers without a key, at the anonymous limit

    def get_security_definition(self, auto_schema) -> dict:
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": "Optional. `Api-Key <key>`, for a higher rate limit (docs/api.md).",
        }
