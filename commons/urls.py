from django.conf import settings
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from commons import views
from commons.api.urls import api_catch_all
from commons.api.urls import urlpatterns as api_urlpatterns
from community.sitemaps import SITEMAPS as COMMUNITY_SITEMAPS
from knowledge.sitemaps import SITEMAPS as KNOWLEDGE_SITEMAPS

urlpatterns = [
    # Before Wagtail's own URLs, which these replace.
    path("admin/login/", views.sign_in_through_allauth),
    path("_util/login/", views.sign_in_through_allauth),
    path("healthz", views.healthz, name="healthz"),
    path("status/", views.service_status, name="service_status"),
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": {**KNOWLEDGE_SITEMAPS, **COMMUNITY_SITEMAPS}},
        name="sitemap",
    ),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("accounts/", include("allauth.urls")),
    path("", include("community.urls")),
    path("", include("knowledge.urls")),
    path("", include("search.urls")),
    *api_urlpatterns,
    *api_catch_all,
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.DEBUG:
    urlpatterns += [
        re_path(rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.*)$", views.media_in_development)
    ]

# Wagtail's page tree answers everything not matched above, so it comes last.
urlpatterns += [path("", include(wagtail_urls))]

handler500 = "commons.views.server_error"
