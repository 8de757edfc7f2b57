"""PostgreSQL's own full-text search (the degraded-mode fallback) works on the real server."""

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection

from knowledge.models import HomePage


def test_english_full_text_search_matches_stemmed_words(home_page):
    home_page.add_child(instance=HomePage(title="Councils sharing revenues services", slug="a"))
    home_page.add_child(instance=HomePage(title="Waste collection in rural districts", slug="b"))
    home_page.add_child(instance=HomePage(title="A shared service for councils", slug="c"))

    vector = SearchVector("title", config="english")
    query = SearchQuery("council share service", config="english")
    found = (
        HomePage.objects.annotate(document=vector, rank=SearchRank(vector, query))
        .filter(document=query)
        .order_by("-rank", "title")
        .values_list("title", flat=True)
    )

    assert connection.vendor == "postgresql"
    assert sorted(found) == ["A shared service for councils", "Councils sharing revenues services"]
