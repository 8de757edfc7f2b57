"""The open-data page and its downloads (the rows and their spelling: knowledge.open_data), and
the map of partnerships by region (its figures and geometry: knowledge.regional_map)."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import URLPattern, path, reverse
from django.utils.cache import patch_cache_control

from knowledge import open_data, regional_map
from knowledge.listings import HOME

# The files change when an editor publishes; an hour old is fresh enough for open data, and
# caches in front of the site can then answer most downloads.
DOWNLOAD_MAX_AGE = 60 * 60


def _dataset_or_404(slug: str) -> open_data.Dataset:
    dataset = open_data.dataset_named(slug)
    if dataset is None:
        raise Http404("There is no open dataset by that name.")
    return dataset


def _cached_for_everyone(response: HttpResponse, max_age: int) -> HttpResponse:
    # The files read nothing of the person asking, so a shared cache may keep them.
    patch_cache_control(response, public=True, max_age=max_age)
    return response


def open_data_page(request: HttpRequest) -> HttpResponse:
    datasets = [
        {"dataset": dataset, "row_count": dataset.count()} for dataset in open_data.DATASETS
    ]
    # The HTML pages are not marked for shared caches: each carries its own CSP nonce.
    return render(
        request,
        "knowledge/open_data/open_data.html",
        {
            "datasets": datasets,
            "licence_name": open_data.LICENCE_NAME,
            "licence_url": open_data.LICENCE_URL,
            "attribution": open_data.ATTRIBUTION,
            "list_delimiter": open_data.LIST_DELIMITER,
            "meta_title": "Open data",
            "meta_description": "Download the network's organisations, shared services, "
            "partnerships and case-study figures as CSV or JSON, under the Open Government "
            "Licence.",
            "breadcrumbs": [HOME],
        },
    )


def dataset_csv(request: HttpRequest, dataset: str) -> HttpResponse:
    chosen = _dataset_or_404(dataset)
    response = HttpResponse(
        open_data.as_csv(chosen, chosen.rows(request)), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{chosen.csv_filename()}"'
    return _cached_for_everyone(response, DOWNLOAD_MAX_AGE)


def dataset_json(request: HttpRequest, dataset: str) -> HttpResponse:
    chosen = _dataset_or_404(dataset)
    body = open_data.as_json(
        chosen,
        chosen.rows(request),
        source_url=request.build_absolute_uri(reverse("knowledge:open_data")),
    )
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{chosen.json_filename()}"'
    return _cached_for_everyone(response, DOWNLOAD_MAX_AGE)


def data_package(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(
        open_data.DATA_PACKAGE.read_bytes(), content_type="application/json; charset=utf-8"
    )
    return _cached_for_everyone(response, DOWNLOAD_MAX_AGE)


def partnership_map(request: HttpRequest) -> HttpResponse:
    figures = regional_map.regional_figures()
    return render(
        request,
        "knowledge/open_data/partnership_map.html",
        {
            "figures": figures,
            "all_regions": regional_map.all_regions(figures),
            "map": regional_map.regional_map(figures),
            "meta_title": "Partnerships and savings by region",
            "meta_description": "A map of the network's shared-service partnerships and the "
            "annual savings case studies report, region by region, with every figure in a table.",
            "breadcrumbs": [HOME, {"text": "Open data", "href": reverse("knowledge:open_data")}],
        },
    )


urlpatterns: list[URLPattern] = [
    path("open-data/", open_data_page, name="open_data"),
    path("open-data/map/", partnership_map, name="partnership_map"),
    # Before the datasets' own pattern, which would take "datapackage" for a dataset's name.
    path("open-data/datapackage.json", data_package, name="open_data_package"),
    path("open-data/<slug:dataset>.csv", dataset_csv, name="open_data_csv"),
    path("open-data/<slug:dataset>.json", dataset_json, name="open_data_json"),
]
