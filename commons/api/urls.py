"""/api/v1/: the partners' content API. The root URLconf's exception to "dependencies point one
way" (like commons.urls itself): it gathers each app's endpoints under one version."""

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView

from commons.api.docs import api_docs
from commons.api.errors import api_not_found

urlpatterns = [
    path("api/v1/", include("knowledge.api.urls")),
    path("api/v1/", include("community.api")),
    path("api/v1/schema/", SpectacularAPIView.as_view(), name="api_schema"),
    path("api/v1/docs/", api_docs, name="api_docs"),
]
# After every app's API addresses (search's included), before Wagtail's page tree.
api_catch_all = [re_path(r"^api/", api_not_found)]
