"""GOV.UK pagination from commons/pagination.py, shared by the lists, the communities and search."""

from django.test import RequestFactory

from commons.pagination import page_links, paginate, pagination_links


def test_a_page_links_to_its_neighbours_and_both_ends_with_gaps_between():
    request = RequestFactory().get("/case-studies/", {"tag": "waste", "page": "5"})
    results = paginate(request, list(range(200)), per_page=20)

    links = pagination_links(request, results)

    assert results.number == 5
    assert [item["number"] for item in links["items"]] == [1, 3, 4, 5, 6, 9, 10]
    assert [bool(item.get("ellipsis")) for item in links["items"]] == [
        False,
        True,
        False,
        False,
        False,
        True,
        False,
    ]
    assert links["previous"] == "?tag=waste&page=4"
    assert links["next"] == "?tag=waste&page=6"
    assert [item["number"] for item in links["items"] if item.get("current")] == [5]


def test_a_page_number_past_the_end_or_not_a_number_gives_a_real_page():
    past_the_end = RequestFactory().get("/", {"page": "99"})
    not_a_number = RequestFactory().get("/", {"page": "two"})

    assert paginate(past_the_end, list(range(30)), per_page=20).number == 2
    assert paginate(not_a_number, list(range(30)), per_page=20).number == 1


def test_one_page_needs_no_pagination():
    request = RequestFactory().get("/")

    assert pagination_links(request, paginate(request, list(range(20)), per_page=20)) is None
    assert page_links(request.GET, current=1, last=1) is None


def test_links_can_point_at_another_address_and_end_at_the_last_page():
    asked = RequestFactory().get("/search/", {"q": "payroll"}).GET

    links = page_links(asked, current=3, last=3, path="/search/")

    assert links["previous"] == "/search/?q=payroll&page=2"
    assert links["next"] is None
    assert [item["href"] for item in links["items"]] == [
        "/search/?q=payroll&page=1",
        "/search/?q=payroll&page=2",
        "/search/?q=payroll&page=3",
    ]
