"""The embed builder page (/embed/) and the widget's script (docs/widget.md)."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import URLPattern, path
from django.utils.cache import patch_cache_control

from knowledge import embed
from knowledge.listings import HOME

# Councils' pages load the script on every visit: an hour in their visitors' caches and any CDN
# keeps Commons out of their page loads, and a fix still reaches everyone within the hour.
# A change that could break a council's page gets a new version in the address instead.
WIDGET_MAX_AGE = 60 * 60


def embed_builder(request: HttpRequest) -> HttpResponse:
    # The choices come in the query string, so the address of a preview can be shared.
    chosen = request.GET if request.GET else None
    form = embed.EmbedForm(chosen, initial={"limit": embed.DEFAULT_LIMIT})
    snippet = None
    if form.is_valid():
        snippet = embed.widget_snippet(
            base_url=request.build_absolute_uri("/").rstrip("/"),
            service_area=form.cleaned_data["service_area"],
            tag=form.cleaned_data["tag"],
            limit=form.cleaned_data["limit"],
            accent=form.cleaned_data["accent"],
        )
    return render(
        request,
        "knowledge/embed/builder.html",
        {
            "form": form,
            "snippet": snippet,
            "meta_title": "Show case studies on your website",
            "meta_description": "Copy one snippet into your council's website to show Commons "
            "case studies for a service area or tag. No cookies, no tracking.",
            "breadcrumbs": [HOME],
        },
    )


def widget_script(request: HttpRequest, version: int) -> HttpResponse:
    if version != embed.WIDGET_VERSION:
        raise Http404("There is no widget of that version.")
    response = HttpResponse(embed.widget_source(), content_type="text/javascript; charset=utf-8")
    # Other sites load this file: a shared cache may keep it (it reads nothing of the visitor),
    # and no cross-origin rule of ours may stop a council's page from running it.
    patch_cache_control(response, public=True, max_age=WIDGET_MAX_AGE)
    response["Access-Control-Allow-Origin"] = "*"
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    return response


urlpatterns: list[URLPattern] = [
    path("embed/", embed_builder, name="embed"),
    path("embed/widget-v<int:version>.js", widget_script, name="widget_script"),
]
