"""A readable page of the API's endpoints, made from the same OpenAPI description the site serves,
so the two cannot disagree. Server-rendered: Swagger UI and Redoc need scripts from a CDN, which
the site's content security policy (rightly) forbids."""

from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from drf_spectacular.generators import SchemaGenerator


@dataclass(frozen=True)
class Parameter:
    name: str
    where: str
    description: str


@dataclass(frozen=True)
class Endpoint:
    path: str
    summary: str
    parameters: list[Parameter]


def endpoints(request: HttpRequest) -> list[Endpoint]:
    schema = SchemaGenerator().get_schema(request=None, public=True)
    found = []
    for path, operations in schema["paths"].items():
        get = operations.get("get")
        if get is None:
            continue
        found.append(
            Endpoint(
                path=path,
                summary=(get.get("description") or get.get("summary") or "").strip(),
                parameters=[
                    Parameter(
                        name=parameter["name"],
                        where=parameter["in"],
                        description=parameter.get("description", ""),
                    )
                    for parameter in get.get("parameters", [])
                ],
            )
        )
    return found


def api_docs(request: HttpRequest) -> HttpResponse:
    response = render(request, "api/docs.html", {"endpoints": endpoints(request)})
    # The page carries its own CSP nonce and the signed-in navigation: not for shared caches.
    response["Cache-Control"] = "private, no-cache"
    return response
