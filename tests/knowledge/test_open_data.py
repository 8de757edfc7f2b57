"""The open-data page and its downloads: what they answer, and what they never let out."""

import csv
import datetime
import io
import json
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from knowledge.models import CaseStudyRevisit
from knowledge.open_data import DATASETS
from tests.factories import (
    OrganisationFactory,
    ServiceAreaFactory,
    SharedServiceFactory,
    make_case_study,
)

OGL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"


def csv_rows(response) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8"))))


def revisit(page, day: datetime.date, savings: str) -> CaseStudyRevisit:
    return CaseStudyRevisit.objects.create(
        page=page, revisited_on=day, actual_annual_savings_pounds=Decimal(savings)
    )


def test_the_open_data_page_lists_every_dataset_with_its_fields_licence_and_attribution(
    client, library
):
    service = SharedServiceFactory(name="Shared legal services")
    service.partners.add(OrganisationFactory(name="Partner District Council"))
    service.save()  # a cluster's partners are written when it is saved
    make_case_study(library.case_studies, title="Shared legal services in the vale")

    response = client.get("/open-data/")

    assert response.status_code == 200
    page = response.content.decode()
    for dataset in DATASETS:
        assert f'href="/open-data/{dataset.slug}.csv"' in page
        assert f'href="/open-data/{dataset.slug}.json"' in page
        for field in dataset.fields:
            assert f'<code class="commons-field-name">{field.name}</code>' in page
    assert f'href="{OGL}"' in page
    assert "Open Government Licence v3.0" in page
    assert "Contains public sector information licensed under" in page
    # One service with its lead and one partner: two partnership rows.
    assert "2 rows today." in page
    # Its CSP nonce is its own: no shared cache may hand the page to someone else.
    assert "public" not in response.get("Cache-Control", "")


def test_the_page_is_linked_from_every_page_footer_and_the_sitemap(client, library):
    assert 'href="/open-data/"' in client.get("/service-areas/").content.decode()
    assert "/open-data/</loc>" in client.get("/sitemap.xml").content.decode()


def test_a_csv_download_has_its_type_a_filename_and_may_be_cached(client, db):
    SharedServiceFactory(name="Shared revenues", slug="shared-revenues", since=None)

    response = client.get("/open-data/shared-services.csv")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith(
        'attachment; filename="commons-shared-services-'
    )
    assert response["Content-Disposition"].endswith('.csv"')
    assert "public" in response["Cache-Control"] and "max-age=3600" in response["Cache-Control"]
    [row] = csv_rows(response)
    assert row["slug"] == "shared-revenues"
    assert row["since"] == ""
    assert row["url"] == "http://testserver/services/shared-revenues/"


def test_a_json_download_carries_the_licence_and_attribution(client, library):
    make_case_study(
        library.case_studies,
        title="Joint waste collection",
        investment_pounds=Decimal("1250000.50"),
        started_on=datetime.date(2021, 4, 1),
    )

    response = client.get("/open-data/case-study-figures.json")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].endswith('.json"')
    document = json.loads(response.content)
    assert document["licence"] == {"name": "Open Government Licence v3.0", "url": OGL}
    assert document["attribution"].startswith("Contains public sector information")
    assert document["source"] == "http://testserver/open-data/"
    [record] = document["records"]
    assert record["investment_pounds"] == 1250000.5
    assert record["started_on"] == "2021-04-01"


def test_money_is_a_plain_decimal_and_lists_are_slugs_in_the_csv(client, library):
    make_case_study(
        library.case_studies,
        title="Joint waste collection",
        annual_savings_pounds=Decimal("1234567.80"),
        staff_change_fte=Decimal("-12.5"),
        organisations=[OrganisationFactory(slug="vale-council"), OrganisationFactory(slug="hill")],
    )

    [row] = csv_rows(client.get("/open-data/case-study-figures.csv"))

    assert row["annual_savings_pounds"] == "1234567.80"
    assert row["staff_change_fte"] == "-12.5"
    assert row["organisations"] == "hill;vale-council"
    assert row["investment_pounds"] == ""


@pytest.mark.parametrize("suffix", [".csv", ".json"])
def test_an_unknown_dataset_is_not_found(client, db, suffix):
    response = client.get(f"/open-data/members{suffix}")
    assert response.status_code == 404


@pytest.mark.parametrize("suffix", ["csv", "json"])
def test_a_draft_or_private_case_study_and_its_revisits_never_appear(client, library, suffix):
    public = make_case_study(library.case_studies, title="Told to everyone")
    draft = make_case_study(library.case_studies, title="Still a draft", live=False)
    private = make_case_study(library.case_studies, title="For councillors only")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    for page in (public, draft, private):
        revisit(page, datetime.date(2024, 4, 1), "1000")

    figures = client.get(f"/open-data/case-study-figures.{suffix}").content.decode()
    revisits = client.get(f"/open-data/revisits.{suffix}").content.decode()

    assert "told-to-everyone" in figures and "told-to-everyone" in revisits
    for hidden in ("still-a-draft", "for-councillors-only"):
        assert hidden not in figures
        assert hidden not in revisits
    assert "1 row today." in client.get("/open-data/").content.decode()  # the revisits


def _queries_for_every_download(client) -> dict[str, int]:
    counts = {}
    for dataset in DATASETS:
        for suffix in ("csv", "json"):
            with CaptureQueriesContext(connection) as queries:
                assert client.get(f"/open-data/{dataset.slug}.{suffix}").status_code == 200
            counts[f"{dataset.slug}.{suffix}"] = len(queries)
    return counts


def _add_rows(library, n: int) -> None:
    area = ServiceAreaFactory()
    for i in range(n):
        lead = OrganisationFactory()
        service = SharedServiceFactory(lead_organisation=lead, service_area=area)
        service.partners.add(OrganisationFactory(), OrganisationFactory())
        service.save()
        page = make_case_study(
            library.case_studies,
            title=f"Case study {n}-{i}",
            organisations=[lead],
            service_areas=[area],
            started_on=datetime.date(2020, 1, 1),
        )
        revisit(page, datetime.date(2021, 1, 1), "100")
        revisit(page, datetime.date(2022, 1, 1), "200")


def test_the_number_of_queries_does_not_grow_with_the_number_of_rows(client, library):
    _add_rows(library, 1)
    with_few = _queries_for_every_download(client)
    _add_rows(library, 5)
    with_many = _queries_for_every_download(client)

    assert with_many == with_few
    assert max(with_many.values()) <= 6


def test_a_lead_also_ticked_as_a_partner_is_one_partnership_row_not_two(client, db):
    lead = OrganisationFactory(slug="vale-council")
    service = SharedServiceFactory(slug="vale-legal", lead_organisation=lead)
    service.partners.add(lead, OrganisationFactory(slug="hill-council"))
    service.save()

    rows = csv_rows(client.get("/open-data/partnerships.csv"))

    assert [(row["organisation"], row["role"]) for row in rows] == [
        ("vale-council", "lead"),
        ("hill-council", "partner"),
    ]
    assert "2 rows today." in client.get("/open-data/").content.decode()


def test_a_title_a_spreadsheet_would_run_as_a_formula_is_text_in_the_csv_and_as_written_in_json(
    client, library
):
    make_case_study(
        library.case_studies,
        title='=HYPERLINK("https://example.org","Savings")',
        slug="formula-title",
        staff_change_fte=Decimal("-3"),
    )

    [row] = csv_rows(client.get("/open-data/case-study-figures.csv"))
    [record] = json.loads(client.get("/open-data/case-study-figures.json").content)["records"]

    assert row["title"] == '\'=HYPERLINK("https://example.org","Savings")'
    assert row["staff_change_fte"] == "-3.0"  # a number, not text: left as it is
    assert record["title"] == '=HYPERLINK("https://example.org","Savings")'


def test_the_data_package_is_served_beside_the_files_it_describes(client, db):
    response = client.get("/open-data/datapackage.json")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert "public" in response["Cache-Control"]
    package = response.json()
    assert [resource["name"] for resource in package["resources"]] == [
        dataset.slug for dataset in DATASETS
    ]
    for resource, dataset in zip(package["resources"], DATASETS, strict=True):
        # Each path is relative to the package's own address, so it names the file beside it.
        assert client.get(f"/open-data/{resource['path']}").status_code == 200
        assert [field["name"] for field in resource["schema"]["fields"]] == [
            field.name for field in dataset.fields
        ]
    assert 'href="/open-data/datapackage.json"' in client.get("/open-data/").content.decode()


def test_organisations_are_listed_with_their_kind_region_and_page(client, db):
    OrganisationFactory(
        name="Northshire County Council",
        slug="northshire",
        kind="council",
        region="north-east",
        website="https://www.northshire.gov.uk/",
    )

    records = json.loads(client.get("/open-data/organisations.json").content)["records"]

    assert records == [
        {
            "slug": "northshire",
            "name": "Northshire County Council",
            "kind": "council",
            "kind_name": "Council",
            "region": "north-east",
            "region_name": "North East",
            "website": "https://www.northshire.gov.uk/",
            "url": "http://testserver/organisations/northshire/",
        }
    ]
