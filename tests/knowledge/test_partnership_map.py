"""The map page of partnerships and savings by region: served, described and linked."""

import re
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import OrganisationFactory, SharedServiceFactory, make_case_study


def table_row(page: str, region: str) -> list[str]:
    """The cells of the table row headed `region`."""
    row = re.search(
        rf'<th scope="row" class="govuk-table__header">{region}</th>(.*?)</tr>', page, re.S
    )
    assert row, region
    return re.findall(r'<td class="govuk-table__cell[^"]*">([^<]*)</td>', row.group(1))


def two_partnerships_in_wales(library) -> None:
    cardiff = OrganisationFactory(name="Vale of Glamorgan Council", region="wales")
    partner = OrganisationFactory(name="Bridgend County Borough Council", region="wales")
    service = SharedServiceFactory(name="Regulatory services", lead_organisation=cardiff)
    service.partners.add(partner, OrganisationFactory(name="Supplier Ltd", region="uk-wide"))
    service.save()
    SharedServiceFactory(name="Shared ICT", lead_organisation=partner)
    make_case_study(
        library.case_studies,
        title="Shared regulatory services",
        organisations=[cardiff, partner],
        annual_savings_pounds=Decimal("1250000"),
    )
    make_case_study(
        library.case_studies,
        title="A draft with savings",
        organisations=[cardiff],
        annual_savings_pounds=Decimal("999"),
        live=False,
    )


def test_the_map_page_draws_the_regions_and_tables_their_figures(client, library):
    two_partnerships_in_wales(library)

    response = client.get("/open-data/map/")

    assert response.status_code == 200
    page = response.content.decode()
    assert '<svg class="commons-map__svg" role="img" aria-labelledby="map-title map-desc"' in page
    assert page.count('<rect class="commons-map__tile') == 12
    assert "Wales: 2 partnerships, 2 organisations, £1,250,000 a year in reported savings" in page
    assert "schematic" in page.lower()
    assert "in the region of its lead organisation" in page
    # The draft's savings are nobody's yet.
    assert table_row(page, "Wales") == ["2", "2", "£1,250,000", "1"]
    assert table_row(page, "UK-wide") == ["0", "1", "£0", "0"]
    assert table_row(page, "All regions") == ["2", "3", "£1,250,000", "1"]
    assert "public" not in response.get("Cache-Control", "")


def test_the_map_reads_the_same_few_queries_however_many_partnerships(client, library):
    two_partnerships_in_wales(library)
    client.get("/open-data/map/")  # the site and its branding, read once and then cached
    with CaptureQueriesContext(connection) as few:
        client.get("/open-data/map/")
    for n in range(5):
        lead = OrganisationFactory(region="london")
        SharedServiceFactory(lead_organisation=lead)
        make_case_study(library.case_studies, title=f"London {n}", organisations=[lead])
    with CaptureQueriesContext(connection) as many:
        client.get("/open-data/map/")

    assert len(many) == len(few)


def test_the_map_is_linked_from_open_data_service_areas_shared_services_and_the_sitemap(
    client, library
):
    for path in ("/open-data/", "/service-areas/", "/services/"):
        assert 'href="/open-data/map/"' in client.get(path).content.decode(), path
    assert "/open-data/map/</loc>" in client.get("/sitemap.xml").content.decode()
