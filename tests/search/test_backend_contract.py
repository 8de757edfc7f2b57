"""One contract for every backend that can answer a search: Elasticsearch, the PostgreSQL
fallback and the SQLite embedded default find the same things for the same people, narrowed
and paged the same way (see tests/search/contract.py for how each is run).

Each scenario builds its own content and returns plain values; the test asserts on them for
every backend. Relevance order is each backend's own, so titles are compared sorted unless the
order is what is being pinned (newest first, pages).
"""

import datetime
from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from community.models import Community, ContentStatus
from knowledge.services import library_ensure
from search.backends import SearchBackend, database, elastic
from search.dates import date_bounds
from tests.factories import (
    CommunityFactory,
    ListingFactory,
    OrganisationFactory,
    ServiceAreaFactory,
    SharedServiceFactory,
    UserFactory,
    make_case_study,
    make_member,
    make_moderator,
    make_resource,
    make_story,
    make_thread,
    published_on,
)
from tests.search.contract import (
    ElasticsearchBackend,
    PostgresBackend,
    SqliteBackend,
    manage_embedded,
)

pytestmark = pytest.mark.django_db

ALL_KINDS = (
    "case_study",
    "community",
    "listing",
    "organisation",
    "resource",
    "shared_service",
    "story",
    "thread",
)


@pytest.fixture(scope="module")
def migrated_sqlite(tmp_path_factory):
    """A migrated embedded database, copied fresh for each test: migrating takes a while."""
    database_file = tmp_path_factory.mktemp("contract") / "migrated.sqlite3"
    manage_embedded(database_file, "migrate", "--verbosity", "0")
    return database_file


@pytest.fixture(params=["elasticsearch", "postgresql", "sqlite"])
def backend(request, tmp_path):
    if request.param == "elasticsearch":
        return ElasticsearchBackend(request.getfixturevalue("search_index").client)
    if request.param == "postgresql":
        return PostgresBackend()
    return SqliteBackend(request.getfixturevalue("migrated_sqlite"), tmp_path / "db.sqlite3")


def test_both_backends_declare_the_same_interface():
    assert isinstance(elastic, SearchBackend)
    assert isinstance(database, SearchBackend)


# --- permissions ----------------------------------------------------------------------------


def _permissions(find) -> dict:
    library = library_ensure()
    open_community = CommunityFactory(name="Heron open")
    closed = CommunityFactory(
        name="Heron circle",
        description="Heron wardens compare notes.",
        visibility=Community.Visibility.MEMBERS,
    )
    make_thread(open_community, title="Heron counting in the open")
    make_thread(closed, title="Heron budget in confidence")
    make_thread(open_community, title="Heron rumour", status=ContentStatus.HIDDEN)
    make_case_study(library.case_studies, title="Heron draft", live=False)
    ListingFactory(title="Heron surveyors", expires_on=timezone.localdate() - timedelta(days=1))
    ListingFactory(title="Heron volunteers")
    member = make_member(closed)
    roles = {
        "anonymous": AnonymousUser(),
        "signed_in": UserFactory(),
        "member": member,
        "moderator": make_moderator(closed),
    }
    answers = {role: find("heron", user=user) for role, user in roles.items()}
    return {
        **{role: sorted(answer["titles"]) for role, answer in answers.items()},
        # A members-only community shows its name and nothing more, even to its members.
        "wardens_outsider": find("wardens", user=roles["signed_in"])["titles"],
        "wardens_member": find("wardens", user=member)["titles"],
    }


def test_members_only_content_is_found_by_its_readers_only(backend):
    found = backend.run(_permissions)

    public = ["Heron circle", "Heron counting in the open", "Heron open", "Heron volunteers"]
    assert found["anonymous"] == public
    assert found["signed_in"] == public
    assert found["member"] == sorted([*public, "Heron budget in confidence"])
    assert found["moderator"] == found["member"]
    assert found["wardens_outsider"] == []
    assert found["wardens_member"] == []


# --- kinds ----------------------------------------------------------------------------------


def _kinds(find) -> dict:
    library = library_ensure()
    council = OrganisationFactory(name="Kestrel Council", summary="Kestrel country.")
    service = SharedServiceFactory(name="Kestrel payroll", lead_organisation=council)
    make_case_study(library.case_studies, title="Kestrel revenues merger")
    make_resource(library.resources, title="Kestrel business case")
    community = CommunityFactory(name="Kestrel network")
    make_thread(community, title="Kestrel question")
    make_story(service, title="Kestrel story")
    ListingFactory(title="Kestrel capacity", organisation=council)
    everything = find("kestrel")
    only = find("kestrel", kinds=("thread", "story"))
    return {
        "kinds": sorted(everything["kinds"]),
        "kind_counts": everything["kind_counts"],
        "only": sorted(only["kinds"]),
        "only_total": only["total"],
        "only_kind_counts": only["kind_counts"],
    }


def test_every_kind_is_found_and_the_kind_filter_narrows_to_the_chosen_ones(backend):
    found = backend.run(_kinds)

    assert found["kinds"] == list(ALL_KINDS)
    assert found["kind_counts"] == dict.fromkeys(ALL_KINDS, 1)
    assert found["only"] == ["story", "thread"]
    assert found["only_total"] == 2
    # The kind facet keeps counting every kind, so people can widen their choice again.
    assert found["only_kind_counts"] == dict.fromkeys(ALL_KINDS, 1)


# --- filters --------------------------------------------------------------------------------


def _filters(find) -> dict:
    library = library_ensure()
    north = OrganisationFactory(name="Osprey North Council", region="north-west")
    south = OrganisationFactory(name="Osprey South Council", region="south-east")
    payroll = ServiceAreaFactory(name="Payroll")
    waste = ServiceAreaFactory(name="Waste")
    make_case_study(
        library.case_studies,
        title="Osprey payroll merger",
        organisations=[north],
        service_areas=[payroll],
        tags=["payroll"],
    )
    make_case_study(
        library.case_studies,
        title="Osprey waste fleet",
        organisations=[south],
        service_areas=[waste],
        tags=["fleet"],
    )
    birders = CommunityFactory(name="Birders")
    make_thread(birders, title="Osprey thread")
    make_thread(CommunityFactory(name="Others"), title="Osprey elsewhere")

    def titles(**filters) -> list[str]:
        return sorted(find("osprey", **filters)["titles"])

    return {
        "tag": titles(tags=("payroll",)),
        "organisation": titles(organisations=(south.slug,)),
        "service_area": titles(service_areas=(payroll.slug,)),
        "region": titles(regions=("south-east",)),
        "community": titles(communities=(birders.slug,)),
        "either_tag": titles(tags=("payroll", "fleet")),
        "both_facets": titles(tags=("payroll",), regions=("south-east",)),
        "site": titles(site_organisation=north.slug),
    }


def test_filters_narrow_alike_on_every_backend(backend):
    found = backend.run(_filters)

    assert found["tag"] == ["Osprey payroll merger"]
    # The organisation itself is found by its own filter, as its document names it.
    assert found["organisation"] == ["Osprey South Council", "Osprey waste fleet"]
    assert found["service_area"] == ["Osprey payroll merger"]
    assert found["region"] == ["Osprey South Council", "Osprey waste fleet"]
    assert found["community"] == ["Osprey thread"]
    assert found["either_tag"] == ["Osprey payroll merger", "Osprey waste fleet"]
    assert found["both_facets"] == []
    assert found["site"] == ["Osprey North Council", "Osprey payroll merger"]


# --- dates ----------------------------------------------------------------------------------


def _dates(find) -> dict:
    library = library_ensure()
    today = timezone.localdate()
    for title, days in (("Plover recent", 10), ("Plover this year", 100), ("Plover old", 800)):
        page = make_case_study(library.case_studies, title=title)
        published_on(page, today - timedelta(days=days))
    return {
        key: sorted(find("plover", date=key)["titles"])
        for key in ("past-month", "past-year", "older")
    } | {"newest": find("plover", sort="newest")["titles"]}


def test_date_filters_and_newest_first_agree_on_every_backend(backend):
    found = backend.run(_dates)

    assert found["past-month"] == ["Plover recent"]
    assert found["past-year"] == ["Plover recent", "Plover this year"]
    assert found["older"] == ["Plover old"]
    assert found["newest"] == ["Plover recent", "Plover this year", "Plover old"]


@pytest.mark.parametrize(
    ("now", "month_start", "year_start"),
    [
        # A calendar month, as Elasticsearch's `now-1M/d` means it, not thirty days.
        (
            datetime.datetime(2027, 3, 31, 15),
            datetime.date(2027, 2, 28),
            datetime.date(2026, 3, 31),
        ),
        (datetime.datetime(2027, 7, 31, 9), datetime.date(2027, 6, 30), datetime.date(2026, 7, 31)),
        (
            datetime.datetime(2028, 2, 29, 23),
            datetime.date(2028, 1, 29),
            datetime.date(2027, 2, 28),
        ),
    ],
)
def test_the_past_month_is_a_calendar_month_from_the_start_of_today(now, month_start, year_start):
    now = timezone.make_aware(now)

    since_month, before_month = date_bounds("past-month", now=now)
    since_year, _ = date_bounds("past-year", now=now)
    since_older, before_older = date_bounds("older", now=now)

    assert timezone.localtime(since_month) == timezone.make_aware(
        datetime.datetime.combine(month_start, datetime.time.min)
    )
    assert before_month is None
    assert timezone.localtime(since_year).date() == year_start
    assert (since_older, before_older) == (None, since_year)


# --- pagination -----------------------------------------------------------------------------


def _pages(find) -> dict:
    library = library_ensure()
    for day in range(5):
        page = make_case_study(library.case_studies, title=f"Curlew report {day}")
        published_on(page, timezone.localdate() - timedelta(days=day + 1))
    pages = [find("curlew", sort="newest", page=number, per_page=2) for number in (1, 2, 3)]
    beyond = find("curlew", sort="newest", page=99, per_page=2)
    return {
        "pages": [answer["titles"] for answer in pages],
        "totals": [answer["total"] for answer in pages],
        "page_counts": [answer["page_count"] for answer in pages],
        "beyond_titles": beyond["titles"],
        "beyond_total": beyond["total"],
    }


def test_pages_split_the_results_without_gaps_or_repeats(backend):
    found = backend.run(_pages)

    assert found["pages"] == [
        ["Curlew report 0", "Curlew report 1"],
        ["Curlew report 2", "Curlew report 3"],
        ["Curlew report 4"],
    ]
    assert found["totals"] == [5, 5, 5]
    assert found["page_counts"] == [3, 3, 3]
    assert found["beyond_titles"] == []
    assert found["beyond_total"] == 5


# --- which backend answered -----------------------------------------------------------------


def _answered_by(find) -> dict:
    make_thread(CommunityFactory(name="Godwit network"), title="Godwit migration")
    answer = find("godwit migration")
    return {"backend": answer["backend"], "degraded": answer["degraded"]}


def test_results_say_which_backend_answered_and_whether_it_was_a_fallback(backend):
    found = backend.run(_answered_by)

    assert found == {"backend": backend.backend, "degraded": backend.degraded}
