"""The case study and resource lists: filters that combine, sorting, pages, and bad input."""

import datetime
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from knowledge import queries
from knowledge.models import Licence, ProgrammeStage, ResourceKind
from knowledge.queries import CaseStudyCriteria
from tests.factories import (
    OrganisationFactory,
    ServiceAreaFactory,
    make_case_study,
    make_resource,
    published_on,
)


def result_titles(response) -> list[str]:
    soup = BeautifulSoup(response.content, "html.parser")
    return [link.get_text(strip=True) for link in soup.select(".commons-result h3 a")]


def result_count_heading(response) -> str:
    soup = BeautifulSoup(response.content, "html.parser")
    return soup.select_one("#result-count").get_text(strip=True)


@pytest.fixture
def catalogue(library):
    """Four live case studies that differ on every filter, and a draft that matches them all."""
    waste = ServiceAreaFactory(name="Waste")
    revenues = ServiceAreaFactory(name="Revenues and benefits")
    north = OrganisationFactory(name="Northshire County Council")
    south = OrganisationFactory(name="Southshire District Council")
    parent = library.case_studies
    pages = {
        "partnership": make_case_study(
            parent,
            title="Waste partnership goes live",
            service_areas=[waste],
            organisations=[north],
            tags=["recycling"],
            stage=ProgrammeStage.LIVE,
            annual_savings_pounds=Decimal("600000"),
            savings_percent=Decimal("25"),
        ),
        "idea": make_case_study(
            parent,
            title="Waste collection idea",
            service_areas=[waste],
            organisations=[south],
            tags=["recycling"],
            stage=ProgrammeStage.IDEA,
            annual_savings_pounds=Decimal("100000"),
            savings_percent=Decimal("5"),
        ),
        "revenues": make_case_study(
            parent,
            title="Revenues merger",
            service_areas=[revenues],
            organisations=[north, south],
            tags=["digital"],
            stage=ProgrammeStage.LIVE,
            annual_savings_pounds=Decimal("450000"),
            savings_percent=Decimal("30"),
        ),
        "depot": make_case_study(
            parent,
            title="Waste depot that stopped",
            service_areas=[waste],
            organisations=[north],
            tags=["depots"],
            stage=ProgrammeStage.STOPPED,
            annual_savings_pounds=None,
            savings_percent=None,
        ),
    }
    published_on(pages["partnership"], datetime.date(2024, 3, 1))
    published_on(pages["idea"], datetime.date(2024, 2, 1))
    published_on(pages["revenues"], datetime.date(2024, 1, 1))
    published_on(pages["depot"], datetime.date(2023, 12, 1))
    make_case_study(
        parent,
        title="Secret draft about waste",
        live=False,
        service_areas=[waste],
        organisations=[north],
        tags=["recycling", "draft-only"],
        annual_savings_pounds=Decimal("900000"),
    )
    return pages


def test_the_list_shows_each_live_case_study_with_its_details(client, catalogue):
    response = client.get("/case-studies/")

    assert response.status_code == 200
    assert result_count_heading(response) == "4 case studies"
    html = response.content.decode()
    assert 'href="/case-studies/waste-partnership-goes-live/"' in html
    assert "Three district councils merged" in html  # the summary
    assert "Northshire County Council</a>" in html
    assert "£600,000 a year (25% of the previous cost)" in html
    assert "Stopped" in html


def test_drafts_never_appear_in_the_list_or_its_filter_choices(client, catalogue):
    response = client.get("/case-studies/?service_area=waste&tag=recycling")

    assert "Secret draft about waste" not in response.content.decode()
    assert result_titles(response) == ["Waste partnership goes live", "Waste collection idea"]
    assert 'value="draft-only"' not in client.get("/case-studies/").content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("service_area=waste", ["partnership", "idea", "depot"]),
        ("organisation=southshire-district-council", ["idea", "revenues"]),
        ("tag=recycling", ["partnership", "idea"]),
        ("stage=live", ["partnership", "revenues"]),
        ("savings_min=400000", ["partnership", "revenues"]),
        ("savings_max=450000", ["idea", "revenues"]),
        ("percent_min=10&percent_max=26", ["partnership"]),
        ("stage=idea&stage=stopped", ["idea", "depot"]),
        (
            "service_area=waste&service_area=revenues-and-benefits",
            ["partnership", "idea", "revenues", "depot"],
        ),
    ],
)
def test_each_filter_on_its_own(client, catalogue, query, expected):
    response = client.get(f"/case-studies/?{query}")

    assert result_titles(response) == [catalogue[key].title for key in expected]


def test_filters_combine_so_every_one_must_match(client, catalogue):
    response = client.get(
        "/case-studies/?service_area=waste&tag=recycling&stage=live&stage=idea&savings_min=200000"
    )

    assert result_titles(response) == ["Waste partnership goes live"]
    assert result_count_heading(response) == "1 case study"


def test_money_can_be_typed_the_way_people_write_it(client, catalogue):
    response = client.get("/case-studies/?savings_min=£450,000&percent_min=26%25")

    assert result_titles(response) == ["Revenues merger"]


def test_the_selector_answers_the_same_question_without_a_request(catalogue):
    waste = catalogue["partnership"].service_areas.get()
    found = queries.case_studies_for_listing(
        CaseStudyCriteria(service_areas=[waste], savings_min=Decimal("1"), sort="title")
    )

    assert [page.title for page in found] == [
        "Waste collection idea",
        "Waste partnership goes live",
    ]


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("", ["partnership", "idea", "revenues", "depot"]),
        ("newest", ["partnership", "idea", "revenues", "depot"]),
        ("title", ["revenues", "idea", "depot", "partnership"]),
        # Case studies that reported no savings come last, not first.
        ("savings", ["partnership", "revenues", "idea", "depot"]),
    ],
)
def test_sorting_orders(client, catalogue, sort, expected):
    response = client.get(f"/case-studies/?sort={sort}")

    assert result_titles(response) == [catalogue[key].title for key in expected]


def test_the_form_keeps_what_was_asked(client, catalogue):
    html = client.get(
        "/case-studies/?service_area=waste&tag=recycling&savings_min=200000&sort=savings"
    ).content.decode()

    assert (
        'id="id_service_area_1" name="service_area" type="checkbox" value="waste" checked' in html
    )
    assert '<option value="recycling" selected>' in html
    assert '<option value="savings" selected>' in html
    assert (
        'name="savings_min" type="text" inputmode="decimal" spellcheck="false" value="200000"'
        in html
    )
    assert '<a class="govuk-link" href="/case-studies/">Clear filters</a>' in html


@pytest.mark.parametrize(
    ("query", "message", "anchor"),
    [
        ("service_area=no-such-area", "Choose service areas from the list", "id_service_area_0"),
        ("stage=finished", "Choose stages from the list", "id_stage_0"),
        ("organisation=nobody", "Choose an organisation from the list", "id_organisation"),
        ("tag=no-such-tag", "Choose a tag from the list", "id_tag"),
        (
            "savings_min=lots",
            "Enter the minimum annual savings as a number, like 50000",
            "id_savings_min",
        ),
        ("savings_min=-5", "The minimum annual savings cannot be negative", "id_savings_min"),
        (
            "percent_max=150",
            "The maximum savings percentage must be 100% or less",
            "id_percent_max",
        ),
        (
            "savings_min=500000&savings_max=100000",
            "The maximum annual savings must be the same as or more than the minimum",
            "id_savings_max",
        ),
        ("sort=cheapest", "Choose how to sort from the list", "id_sort"),
    ],
)
def test_bad_filter_values_get_a_clear_message_not_an_error(
    client, catalogue, query, message, anchor
):
    response = client.get(f"/case-studies/?{query}")

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    summary_link = soup.select_one(".govuk-error-summary__list a")
    assert summary_link.get_text(strip=True) == message
    assert summary_link["href"] == f"#{anchor}"
    assert soup.find(id=anchor) is not None
    assert soup.title.get_text().startswith("Error: ")
    assert result_titles(response) == []
    assert "Correct the filters to see case studies." in response.content.decode()


def test_a_page_number_that_is_not_a_page_shows_a_real_page(client, catalogue):
    assert client.get("/case-studies/?page=abc").status_code == 200
    assert result_titles(client.get("/case-studies/?page=99")) == result_titles(
        client.get("/case-studies/")
    )


def _many_case_studies(parent, count, **fields):
    return [
        make_case_study(parent, title=f"Programme {n:02d}", slug=f"programme-{n:02d}", **fields)
        for n in range(count)
    ]


def test_results_come_twenty_to_a_page_and_page_links_keep_the_filters(client, library):
    waste = ServiceAreaFactory(name="Waste")
    _many_case_studies(library.case_studies, 23, service_areas=[waste])

    first = client.get("/case-studies/?service_area=waste&sort=title")
    second = client.get("/case-studies/?service_area=waste&sort=title&page=2")

    assert result_count_heading(first) == "23 case studies"
    assert len(result_titles(first)) == 20
    assert result_titles(second) == ["Programme 20", "Programme 21", "Programme 22"]
    soup = BeautifulSoup(first.content, "html.parser")
    next_link = soup.select_one(".govuk-pagination__next a")
    assert next_link["href"] == "?service_area=waste&sort=title&page=2"
    assert soup.select_one(".govuk-pagination__item--current a")["aria-current"] == "page"
    assert BeautifulSoup(second.content, "html.parser").select_one(".govuk-pagination__prev a")


def test_the_number_of_queries_does_not_grow_with_the_number_of_results(
    client, library, django_assert_max_num_queries
):
    areas = [ServiceAreaFactory(name="Waste")]
    organisations = [OrganisationFactory(), OrganisationFactory()]
    _many_case_studies(library.case_studies, 2, service_areas=areas, organisations=organisations)
    client.get("/case-studies/")  # warm per-process caches (content types, site root paths)
    with CaptureQueriesContext(connection) as few:
        client.get("/case-studies/?service_area=waste")

    for n in range(2, 20):
        make_case_study(
            library.case_studies,
            title=f"More {n}",
            service_areas=areas,
            organisations=[OrganisationFactory()],
            tags=[f"tag-{n}"],
        )
    with django_assert_max_num_queries(len(few)):
        response = client.get("/case-studies/?service_area=waste")

    assert len(result_titles(response)) == 20


def test_the_list_links_to_its_feeds(client, library):
    html = client.get("/case-studies/").content.decode()

    assert (
        '<link rel="alternate" type="application/rss+xml" title="New case studies (RSS)" '
        'href="/case-studies/feed/rss/">' in html
    )
    assert 'type="application/atom+xml"' in html


# Resources


@pytest.fixture
def shelf(library):
    waste = ServiceAreaFactory(name="Waste")
    north = OrganisationFactory(name="Northshire County Council")
    parent = library.resources
    items = {
        "toolkit": make_resource(
            parent,
            title="Waste toolkit",
            kind=ResourceKind.TOOLKIT,
            service_areas=[waste],
            organisation=north,
            tags=["recycling"],
            licence=Licence.OGL,
        ),
        "template": make_resource(
            parent,
            title="Business case template",
            kind=ResourceKind.TEMPLATE,
            tags=["business-case"],
            licence=Licence.CC_BY,
        ),
        "report": make_resource(
            parent,
            title="Annual waste report",
            kind=ResourceKind.REPORT,
            service_areas=[waste],
            tags=["recycling"],
            licence=Licence.CC_BY,
        ),
    }
    published_on(items["toolkit"], datetime.date(2024, 3, 1))
    published_on(items["template"], datetime.date(2024, 2, 1))
    published_on(items["report"], datetime.date(2024, 1, 1))
    make_resource(parent, title="Draft waste guide", live=False, service_areas=[waste])
    return items


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["toolkit", "template", "report"]),
        ("kind=toolkit&kind=report", ["toolkit", "report"]),
        ("service_area=waste", ["toolkit", "report"]),
        ("organisation=northshire-county-council", ["toolkit"]),
        ("tag=recycling", ["toolkit", "report"]),
        ("licence=cc-by-4.0", ["template", "report"]),
        ("service_area=waste&licence=cc-by-4.0&tag=recycling", ["report"]),
        ("sort=title", ["report", "template", "toolkit"]),
    ],
)
def test_resource_filters_and_sorting(client, shelf, query, expected):
    response = client.get(f"/resources/?{query}")

    assert response.status_code == 200
    assert result_titles(response) == [shelf[key].title for key in expected]
    assert "Draft waste guide" not in response.content.decode()


def test_resource_list_shows_kind_organisation_and_licence(client, shelf):
    html = client.get("/resources/?kind=toolkit").content.decode()

    assert "1 resource<" in html
    assert "Toolkit" in html
    assert "Northshire County Council</a>" in html
    assert "Open Government Licence v3.0" in html
    assert 'href="/resources/feed/atom/"' in html


def test_a_bad_resource_filter_gets_a_message(client, shelf):
    response = client.get("/resources/?kind=poster&licence=stolen")

    soup = BeautifulSoup(response.content, "html.parser")
    messages = [a.get_text(strip=True) for a in soup.select(".govuk-error-summary__list a")]
    assert response.status_code == 200
    assert messages == ["Choose kinds of resource from the list", "Choose a licence from the list"]


def test_a_resource_published_today_is_newest(client, shelf, library):
    make_resource(library.resources, title="Fresh guide", kind=ResourceKind.GUIDE)

    assert result_titles(client.get("/resources/"))[0] == "Fresh guide"
    assert queries.newest_resources()[0].first_published_at <= timezone.now()


def test_the_resource_list_takes_the_same_queries_for_few_or_many(client, library):
    area = ServiceAreaFactory(name="Waste")
    for n in range(2):
        make_resource(library.resources, title=f"Guide {n}", service_areas=[area])
    client.get("/resources/")
    with CaptureQueriesContext(connection) as few:
        client.get("/resources/")
    for n in range(2, 15):
        make_resource(
            library.resources,
            title=f"Guide {n}",
            service_areas=[area, ServiceAreaFactory()],
            organisation=OrganisationFactory(),
            tags=[f"tag-{n}"],
        )

    with CaptureQueriesContext(connection) as many:
        response = client.get("/resources/")

    assert len(result_titles(response)) == 15
    assert len(many) == len(few)
