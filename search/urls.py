from django.urls import path

from search import api, views

app_name = "search"

urlpatterns = [
    path("search/", views.search_page, name="page"),
    path("search/autocomplete/", views.autocomplete, name="autocomplete"),
    path("api/search/", api.search_api, name="api"),
]
