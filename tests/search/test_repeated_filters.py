"""A filter value repeated thousands of times in the address (issue #13, item 7: 3,000 repeats took
`/search/` 11-15 s) means the same as giving it once: it reaches the search once, and the page's
links are built from the distinct values, not once per repeat. Measured as work (values reaching
the search, links and their parameters), never as a time."""

import re
from html import unescape
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.http import QueryDict

from search.forms import MAX_VALUES_PER_FILTER, SearchForm
from tests.factories import make_case_study

pytestmark = pytest.mark.django_db

REPEATS = 3_000


def repeated(**values: str) -> str:
    """A query string with each value given REPEATS times."""
    return "&".join(f"{name}={value}" for name, value in values.items() for _ in range(REPEATS))


def search_links(html: str) -> list[list[tuple[str, str]]]:
    """The parameters of every link on the page back to the search page."""
    hrefs = re.findall(r'href="(/search/\?[^"]*)"', html)
    return [parse_qsl(urlsplit(unescape(href)).query) for href in hrefs]


def test_thousands_of_repeats_reach_the_search_as_one_value_each():
    form = SearchForm(QueryDict(repeated(kind="case_study", region="north-east", tag="Waste")))

    assert form.is_valid(), form.errors
    filters = form.filters()
    assert filters.kinds == ("case_study",)
    assert filters.regions == ("north-east",)
    assert filters.tags == ("Waste",)


def test_more_distinct_values_than_the_cap_is_a_clear_error():
    tags = "&".join(f"tag=t{n}" for n in range(MAX_VALUES_PER_FILTER + 1))

    form = SearchForm(QueryDict(tags))

    assert not form.is_valid()
    assert form.errors["tag"] == [f"Choose no more than {MAX_VALUES_PER_FILTER} tags at once."]


def test_the_page_builds_its_links_from_the_distinct_values(client, library, search_index):
    waste = make_case_study(library.case_studies, title="Shared waste collection", tags=["Waste"])
    search_index.add(waste)

    response = client.get(f"/search/?q=waste&{repeated(tag='Waste', kind='case_study')}")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Shared waste collection" in html
    assert html.count(">Remove <") == 2  # one per distinct filter chosen
    links = search_links(html)
    assert links
    for params in links:
        assert len(params) == len(set(params)) <= 4, params
