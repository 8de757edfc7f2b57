"""What people search for is counted a day at a time, with nothing personal stored, and editors
(only) can read the counts in the Wagtail admin."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.test import override_settings
from django.utils import timezone

from search import analytics
from search.models import SearchTermDay
from tests.factories import UserFactory, make_verified_user

pytestmark = pytest.mark.django_db

REPORT_URL = "/admin/reports/search-terms/"


@pytest.fixture(autouse=True)
def _database_search():
    # These tests are about counting, not ranking: the database answers them.
    from search import elasticsearch

    elasticsearch._client_for.cache_clear()
    with override_settings(ELASTICSEARCH_URL=""):
        yield


def test_terms_are_normalised_lowercased_and_trimmed():
    assert analytics.normalise_term("  Revenues   and\tBenefits ") == "revenues and benefits"
    assert len(analytics.normalise_term("x" * 500)) == 200


@pytest.mark.parametrize(
    "query",
    [
        "jane.smith@example.org",
        "complaint from Jane@Example.org about bins",
        "07700 900123",
        "call 0161-496-0000",
        "QQ 12 34 56 C",
        "reference 123456789",
    ],
)
def test_terms_that_look_personal_are_not_stored(query):
    assert analytics.record_search(query, found=3) is False
    assert not SearchTermDay.objects.exists()


def test_ordinary_numbers_are_still_counted():
    assert analytics.record_search("budget 2025", found=1)
    assert SearchTermDay.objects.get().term == "budget 2025"


def test_repeated_searches_add_up_on_one_row_per_day():
    analytics.record_search("Waste", found=2)
    analytics.record_search("waste ", found=0)
    analytics.record_search("WASTE", found=0)

    row = SearchTermDay.objects.get()
    assert (row.term, row.day) == ("waste", timezone.localdate())
    assert (row.searches, row.searches_without_results) == (3, 2)


def test_the_search_page_records_first_pages_only_and_no_personal_data(client, library):
    client.force_login(make_verified_user(username="searcher", email="searcher@example.org"))

    client.get("/search/", {"q": "Shared   legal services"})
    client.get("/search/", {"q": "shared legal services", "page": "2"})
    client.get("/search/", {"q": "alice@example.org"})
    client.get("/search/autocomplete/", {"q": "shared leg"})
    client.get("/search/", {"q": ""})

    rows = list(SearchTermDay.objects.values("term", "searches", "searches_without_results"))
    assert rows == [{"term": "shared legal services", "searches": 1, "searches_without_results": 1}]
    stored = " ".join(str(v) for row in SearchTermDay.objects.values() for v in row.values())
    assert "@" not in stored and "searcher" not in stored


def test_the_report_lists_top_terms_and_terms_that_found_nothing():
    today = timezone.localdate()
    old = today - datetime.timedelta(days=45)
    SearchTermDay.objects.create(term="waste", day=today, searches=5, searches_without_results=0)
    SearchTermDay.objects.create(term="waste", day=today - datetime.timedelta(days=1), searches=2)
    SearchTermDay.objects.create(
        term="revs and bens", day=today, searches=3, searches_without_results=3
    )
    SearchTermDay.objects.create(term="ancient", day=old, searches=99, searches_without_results=99)

    report = analytics.report(days=30)

    assert [(t.term, t.searches) for t in report.top_terms] == [("waste", 7), ("revs and bens", 3)]
    assert [(t.term, t.without_results) for t in report.terms_without_results] == [
        ("revs and bens", 3)
    ]


@pytest.fixture
def searched(db):
    SearchTermDay.objects.create(
        term="revs and bens", day=timezone.localdate(), searches=4, searches_without_results=4
    )
    SearchTermDay.objects.create(term="waste", day=timezone.localdate(), searches=9)


@pytest.mark.parametrize("group", ["Editors", "Moderators"])
def test_editors_and_moderators_see_the_search_terms_report(client, searched, group):
    editor = UserFactory(username="editor")
    editor.groups.add(Group.objects.get(name=group))
    client.force_login(editor)

    html = client.get(REPORT_URL).content.decode()
    nothing = client.get(REPORT_URL, {"found": "nothing"}).content.decode()

    assert "Search terms" in html
    assert "revs and bens" in html and "waste" in html
    assert "revs and bens" in nothing and "waste" not in nothing
    assert REPORT_URL in client.get("/admin/").content.decode()  # under Reports in the menu


def test_editors_can_download_the_report_as_a_spreadsheet(client, searched):
    editor = UserFactory(username="editor")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)

    response = client.get(REPORT_URL, {"export": "csv"})

    assert response.status_code == 200
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert lines[0] == "Search term,Searches,Searches that found nothing"
    assert "waste,9,0" in lines and "revs and bens,4,4" in lines


def test_people_who_are_not_editors_cannot_see_the_report(client, searched):
    admin_user = UserFactory(username="someone")
    # Wagtail admin access alone is not enough: the report is for editors and moderators.
    from django.contrib.auth.models import Permission

    admin_user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(admin_user)
    refused = client.get(REPORT_URL)
    client.logout()
    anonymous = client.get(REPORT_URL)

    assert refused.status_code in (302, 403)
    assert "revs and bens" not in refused.content.decode()
    assert anonymous.status_code == 302 and "/login/" in anonymous["Location"]


def test_the_report_is_not_in_the_menu_for_people_who_are_not_editors(client):
    admin_user = UserFactory(username="someone")
    from django.contrib.auth.models import Permission

    admin_user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(admin_user)

    assert REPORT_URL not in client.get("/admin/").content.decode()
