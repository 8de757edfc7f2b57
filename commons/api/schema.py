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


ERROR_SCHEMA = {
    "type": "object",
    "description": "Every error: a sentence, and for a wrong query parameter, what is wrong.",
    "properties": {
        "detail": {"type": "string"},
        "errors": {
            "type": "object",
            "description": "By query parameter name (or __all__): the messages about it.",
            "additionalProperties": {"type": "array", "items": {"type": "string"}},
        },
    },
    "required": ["detail", "errors"],
}
ERRORS = {
    "400": "A query parameter is wrong, such as a slug nothing has.",
    "401": "The API key sent is not recognised, has expired or was revoked.",
    "404": "Nothing public is at this address.",
    "429": "Too many requests: wait the seconds Retry-After says.",
}


def document_errors(result: dict, **kwargs) -> dict:
    """drf-spectacular postprocessing hook: every operation may answer any of ERRORS, in the one
    shape commons.api.errors gives them, so clients (and the contract test) can rely on it."""
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
    reference = {"$ref": "#/components/schemas/Error"}
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            for status, description in ERRORS.items():
                operation["responses"].setdefault(
                    status,
                    {
                        "description": description,
                        "content": {"application/json": {"schema": reference}},
                    },
                )
    return result
