"""Tag, organisation, service area and shared service pages, and what every page tells previews."""

import datetime
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from knowledge.models import Organisation, SharedService
from tests.factories import (
    OrganisationFactory,
    ServiceAreaFactory,
    SharedServiceFactory,
    make_case_study,
    make_resource,
)


def soup_of(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def result_titles(response) -> list[str]:
    return [a.get_text(strip=True) for a in soup_of(response).select(".commons-result h3 a")]


# Tags


def test_the_tags_page_counts_only_live_pages(client, library):
    make_case_study(library.case_studies, title="Shared bins", tags=["recycling", "waste"])
    make_case_study(library.case_studies, title="Shared depots", tags=["recycling"])
    make_resource(library.resources, title="Bin toolkit", tags=["recycling"])
    make_case_study(library.case_studies, title="Draft", live=False, tags=["secret-plans"])

    response = client.get(reverse("knowledge:tags"))

    assert response.status_code == 200
    rows = [
        [cell.get_text(strip=True) for cell in row.find_all(["th", "td"])]
        for row in soup_of(response).select("tbody tr")
    ]
    assert rows == [["recycling", "2", "1"], ["waste", "1", "0"]]


def test_a_tag_page_lists_every_live_kind_of_page_carrying_it(client, library):
    make_case_study(library.case_studies, title="Shared bins", tags=["recycling"])
    make_case_study(library.case_studies, title="Draft bins", live=False, tags=["recycling"])
    make_case_study(library.case_studies, title="Shared payroll", tags=["payroll"])
    make_resource(library.resources, title="Bin toolkit", tags=["recycling"])

    response = client.get(reverse("knowledge:tag", kwargs={"slug": "recycling"}))

    assert response.status_code == 200
    assert result_titles(response) == ["Shared bins", "Bin toolkit"]
    assert 'href="/case-studies/?tag=recycling"' in response.content.decode()


def test_a_popular_tag_shows_the_newest_few_and_links_to_the_rest(
    client, library, django_assert_max_num_queries
):
    for number in range(12):
        make_case_study(library.case_studies, title=f"Bins {number:02}", tags=["recycling"])

    with django_assert_max_num_queries(20):
        response = client.get(reverse("knowledge:tag", kwargs={"slug": "recycling"}))

    html = response.content.decode()
    assert len(result_titles(response)) == 10
    assert "12 case studies and 0 resources" in html
    assert "See all 12 case studies tagged “recycling”" in html


def test_unknown_tags_and_tags_only_drafts_carry_are_not_found(client, library):
    make_case_study(library.case_studies, title="Draft", live=False, tags=["secret-plans"])

    assert client.get("/tags/no-such-tag/").status_code == 404
    assert client.get("/tags/secret-plans/").status_code == 404


# Organisations


def test_organisations_are_grouped_by_kind_and_filter_by_region(client, db):
    OrganisationFactory(name="Northshire County Council", region="north-east")
    OrganisationFactory(name="Southshire Council", region="south-west")
    OrganisationFactory(
        name="Tri-Borough Partnership", kind=Organisation.Kind.PARTNERSHIP, region="north-east"
    )

    everyone = soup_of(client.get("/organisations/"))
    north_east = client.get("/organisations/?region=north-east")

    assert [h.get_text(strip=True) for h in everyone.select("main h2")][1:] == [
        "Councils (2)",
        "Partnerships of councils (1)",
    ]
    assert result_titles(north_east) == ["Northshire County Council", "Tri-Borough Partnership"]


def test_a_bad_organisation_filter_gets_a_message(client, db):
    response = client.get("/organisations/?kind=pirate")

    assert response.status_code == 200
    summary = soup_of(response).select_one(".govuk-error-summary__list a")
    assert summary.get_text(strip=True) == "Choose a kind of organisation from the list"
    assert summary["href"] == "#id_kind"


def test_an_organisation_page_shows_its_work_and_its_shared_services(client, library):
    north = OrganisationFactory(
        name="Northshire County Council",
        website="https://northshire.gov.uk",
        summary="A county council in the north.",
        region="north-east",
    )
    other = OrganisationFactory(name="Eastshire Council")
    make_case_study(library.case_studies, title="Northshire bins", organisations=[north])
    make_case_study(library.case_studies, title="Draft", live=False, organisations=[north])
    make_case_study(library.case_studies, title="Eastshire bins", organisations=[other])
    make_resource(library.resources, title="Northshire toolkit", organisation=north)
    SharedServiceFactory(name="Northern Revenues", lead_organisation=north)
    partnered = SharedServiceFactory(name="Eastern Waste", lead_organisation=other)
    partnered.partners.set([north])
    partnered.save()  # a ParentalManyToManyField is written when its owner is saved
    SharedServiceFactory(name="Unrelated", lead_organisation=other)

    response = client.get(north.get_absolute_url())

    assert response.status_code == 200
    html = response.content.decode()
    assert "A county council in the north." in html
    assert 'href="https://northshire.gov.uk"' in html
    assert "North East" in html
    assert result_titles(response) == ["Northshire bins", "Northshire toolkit"]
    services = [
        [cell.get_text(strip=True) for cell in row.find_all(["th", "td"])][:2]
        for row in soup_of(response).select("tbody tr")
    ]
    assert services == [["Northern Revenues", "Leads"], ["Eastern Waste", "Partner"]]


def test_an_organisation_page_takes_a_bounded_number_of_queries(
    client, library, django_assert_max_num_queries
):
    north = OrganisationFactory(name="Northshire County Council")
    for n in range(12):
        make_case_study(
            library.case_studies,
            title=f"Programme {n}",
            organisations=[north, OrganisationFactory()],
        )
        make_resource(library.resources, title=f"Toolkit {n}", organisation=north)

    # 18 for the page itself, and one for the footer's links to the legal pages.
    with django_assert_max_num_queries(19):
        response = client.get(north.get_absolute_url())

    assert len(result_titles(response)) == 20  # the ten newest of each
    links = [a.get_text(" ", strip=True) for a in soup_of(response).select("main p a")]
    assert "See all 12 case studies from Northshire County Council" in links
    assert "See all 12 resources from Northshire County Council" in links


# Service areas


@pytest.fixture
def waste_area(library):
    waste = ServiceAreaFactory(name="Waste", description="Collecting and disposing of waste.")
    make_case_study(
        library.case_studies,
        title="Big saver",
        service_areas=[waste],
        annual_savings_pounds=Decimal("400000"),
        savings_percent=Decimal("20"),
    )
    make_case_study(
        library.case_studies,
        title="Small saver",
        service_areas=[waste],
        annual_savings_pounds=Decimal("100000"),
        savings_percent=None,
    )
    make_case_study(
        library.case_studies,
        title="Did not say",
        service_areas=[waste],
        annual_savings_pounds=None,
    )
    make_case_study(
        library.case_studies,
        title="Draft saver",
        live=False,
        service_areas=[waste],
        annual_savings_pounds=Decimal("9000000"),
    )
    make_resource(library.resources, title="Waste toolkit", service_areas=[waste])
    SharedServiceFactory(name="Shared waste service", service_area=waste)
    return waste


def test_the_service_areas_page_counts_what_each_holds(client, waste_area):
    ServiceAreaFactory(name="Payroll")

    rows = [
        [cell.get_text(" ", strip=True) for cell in row.find_all(["th", "td"])]
        for row in soup_of(client.get("/service-areas/")).select("tbody tr")
    ]

    assert rows == [
        ["Payroll", "0", "0", "0"],
        ["Waste Collecting and disposing of waste.", "3", "1", "1"],
    ]


def test_a_service_area_page_lists_its_case_studies_resources_and_services(client, waste_area):
    response = client.get(waste_area.get_absolute_url())

    assert response.status_code == 200
    assert result_titles(response) == ["Did not say", "Small saver", "Big saver", "Waste toolkit"]
    assert "Shared waste service</a>" in response.content.decode()
    assert "Draft saver" not in response.content.decode()


def test_a_service_area_page_charts_the_savings_accessibly(client, waste_area):
    page = soup_of(client.get(waste_area.get_absolute_url()))

    svg = page.select_one("svg.commons-chart__svg")
    assert svg["role"] == "img"
    assert svg["aria-labelledby"] == "savings-chart-title savings-chart-desc"
    assert svg.find("title").get_text() == "Annual savings reported by case studies in Waste"
    assert "The largest is Big saver, at £400,000 a year." in svg.find("desc").get_text()
    widths = [rect["width"] for rect in svg.select("rect.commons-chart__bar")]
    assert all(width.endswith("%") for width in widths)
    assert float(widths[0][:-1]) == pytest.approx(4 * float(widths[1][:-1]))
    rows = [
        [cell.get_text(strip=True) for cell in row.find_all(["th", "td"])]
        for row in page.select(".commons-chart__table tbody tr")
    ]
    assert rows == [["Big saver", "£400,000", "20%"], ["Small saver", "£100,000", "Not reported"]]


def test_a_service_area_with_no_reported_savings_says_so(client, library):
    area = ServiceAreaFactory(name="Payroll")
    make_case_study(library.case_studies, service_areas=[area], annual_savings_pounds=None)

    html = client.get(area.get_absolute_url()).content.decode()

    assert "<svg" not in html
    assert "No case study in Payroll has reported its annual savings yet." in html


# Shared services


def test_the_shared_services_list_filters_by_status(client, db):
    SharedServiceFactory(name="Live service", status=SharedService.Status.LIVE)
    SharedServiceFactory(name="Planned service", status=SharedService.Status.PLANNED)

    assert result_titles(client.get("/services/")) == ["Live service", "Planned service"]
    assert result_titles(client.get("/services/?status=planned")) == ["Planned service"]
    assert "Choose a status from the list" in client.get("/services/?status=x").content.decode()


def test_a_shared_service_page_shows_its_partners_and_related_case_studies(client, library):
    lead = OrganisationFactory(name="Northshire County Council")
    partner = OrganisationFactory(name="Southshire Council")
    stranger = OrganisationFactory(name="Westshire Council")
    waste, payroll = ServiceAreaFactory(name="Waste"), ServiceAreaFactory(name="Payroll")
    service = SharedServiceFactory(
        name="Shared waste",
        lead_organisation=lead,
        service_area=waste,
        since=datetime.date(2019, 4, 1),
        description="Two councils, one fleet.",
    )
    service.partners.set([partner])
    service.save()
    make_case_study(
        library.case_studies, title="By the partner", organisations=[partner], service_areas=[waste]
    )
    make_case_study(
        library.case_studies,
        title="Lead, other area",
        organisations=[lead],
        service_areas=[payroll],
    )
    make_case_study(
        library.case_studies, title="Stranger", organisations=[stranger], service_areas=[waste]
    )
    make_case_study(
        library.case_studies,
        title="Draft",
        live=False,
        organisations=[lead],
        service_areas=[waste],
    )

    response = client.get(service.get_absolute_url())

    html = response.content.decode()
    assert response.status_code == 200
    assert "Two councils, one fleet." in html
    assert "Northshire County Council</a>" in html
    assert "Southshire Council</a>" in html
    assert "Running since April 2019" in html
    assert result_titles(response) == ["By the partner"]


@pytest.mark.parametrize(
    "url", ["/organisations/nobody/", "/service-areas/nothing/", "/services/no-such-service/"]
)
def test_unknown_slugs_are_not_found(client, library, url):
    assert client.get(url).status_code == 404


# What every page tells search engines and link previews


def og(response) -> dict[str, str]:
    return {
        tag["property"]: tag["content"] for tag in soup_of(response).select("meta[property^='og:']")
    }


def test_a_case_study_page_describes_itself_for_link_previews(client, library):
    page = make_case_study(library.case_studies, title="Shared bins")

    response = client.get(page.url)
    tags = og(response)

    assert tags["og:title"] == "Shared bins"
    assert tags["og:description"].startswith("Three district councils merged")
    assert tags["og:url"] == "http://testserver/case-studies/shared-bins/"
    assert tags["og:type"] == "article"
    assert tags["og:site_name"]
    assert soup_of(response).select_one("link[rel=canonical]")["href"] == tags["og:url"]
    assert soup_of(response).select_one("meta[name='twitter:card']")["content"] == "summary"


@pytest.mark.parametrize("url", ["/", "/case-studies/", "/resources/", "/organisations/", "/tags/"])
def test_every_page_has_open_graph_tags(client, library, url):
    tags = og(client.get(url))

    assert set(tags) >= {"og:title", "og:description", "og:url", "og:type", "og:site_name"}
    assert all(tags[key] for key in ("og:title", "og:description", "og:url"))
    assert tags["og:type"] == "website"


def test_browse_pages_describe_themselves_with_their_own_title(client, db):
    north = OrganisationFactory(name="Northshire County Council", summary="Up north.")

    tags = og(client.get(north.get_absolute_url()))

    assert tags["og:title"] == "Northshire County Council"
    assert tags["og:description"] == "Up north."
    assert tags["og:url"] == "http://testserver/organisations/northshire-county-council/"
