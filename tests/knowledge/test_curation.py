"""Editors' picks on the home page and themed collections: only what anyone may read, at a cost
that does not grow with the number of picks."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from knowledge.models import HomeFeaturedItem, ThemeItem, ThemePage
from tests.factories import make_case_study, publish


def restricted(page):
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="councillors-only"
    )
    return page


def feature(home, *pages) -> None:
    start = home.featured_items.count()
    for number, page in enumerate(pages, start=start):
        HomeFeaturedItem.objects.create(page=home, item=page, sort_order=number)


def collection(library, *pages) -> ThemePage:
    theme = ThemePage(title="Starting a shared service", slug="starting")
    library.themes.add_child(instance=theme)
    for number, page in enumerate(pages):
        ThemeItem.objects.create(page=theme, item=page, sort_order=number)
    return publish(theme)


def queries_to_get(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def test_a_featured_page_behind_a_view_restriction_keeps_its_title_off_the_home_page(
    client, library
):
    open_page = make_case_study(library.case_studies, title="Open to all: a shared HR service")
    private = restricted(
        make_case_study(library.case_studies, title="Private: the councillors' briefing")
    )
    feature(library.home, private, open_page)

    html = client.get("/").content.decode()

    assert "Open to all: a shared HR service" in html
    assert "councillors&#x27; briefing" not in html
    assert "councillors' briefing" not in html


def test_featured_pages_keep_the_editors_order(client, library):
    first = make_case_study(library.case_studies, title="Read this one first")
    second = make_case_study(library.case_studies, title="Then this one")
    feature(library.home, second, first)

    html = client.get("/").content.decode()
    featured = html[html.index('id="featured"') :]

    assert featured.index("Then this one") < featured.index("Read this one first")


def test_the_home_page_costs_the_same_queries_for_one_featured_page_or_four(client, library):
    pages = [
        make_case_study(library.case_studies, title=f"Shared service {number}")
        for number in range(4)
    ]
    feature(library.home, pages[0])
    client.get("/")  # caches (site root paths, branding) filled once, outside the count
    with_one = queries_to_get(client, "/")

    feature(library.home, *pages[1:])
    with_four = queries_to_get(client, "/")

    assert with_four == with_one


def test_a_collection_leaves_out_an_item_behind_a_view_restriction(client, library):
    open_page = make_case_study(library.case_studies, title="Open to all: a shared HR service")
    private = restricted(
        make_case_study(library.case_studies, title="Private: the councillors' briefing")
    )
    theme = collection(library, private, open_page)

    html = client.get(theme.url).content.decode()

    assert "Open to all: a shared HR service" in html
    assert "councillors&#x27; briefing" not in html
    assert "councillors' briefing" not in html


def test_a_collection_costs_the_same_queries_for_one_item_or_four(client, library):
    pages = [
        make_case_study(library.case_studies, title=f"Shared service {number}")
        for number in range(4)
    ]
    theme = collection(library, pages[0])
    client.get(theme.url)
    with_one = queries_to_get(client, theme.url)

    for number, page in enumerate(pages[1:], start=1):
        ThemeItem.objects.create(page=theme, item=page, sort_order=number)
    with_four = queries_to_get(client, theme.url)

    assert with_four == with_one
