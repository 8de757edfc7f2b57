from django.urls import path

from search import api, views

app_name = "search"

urlpatterns = [
    path("search/", views.search_page, name="page"),
    path("search/autocomplete/", views.autocomplete, name="autocomplete"),
    path("api/v1/search/", api.search_api, name="api"),
    # The first address, before the content API had versions: partners still call it.
    path("api/search/", api.search_api, name="api_unversioned"),
]
