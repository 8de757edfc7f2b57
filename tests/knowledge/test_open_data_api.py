"""The open-data datasets in the partners' API: the same records as the downloads, paged, with
the licence, and nothing a draft or a private case study says."""

import datetime
import json
from decimal import Decimal

import pytest

from knowledge.models import CaseStudyRevisit
from tests.factories import OrganisationFactory, SharedServiceFactory, make_case_study, publish
from tests.knowledge.test_content_api import restricted

pytestmark = pytest.mark.django_db

LICENCE = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"


def test_the_index_names_every_dataset_with_its_fields_links_and_licence(client):
    response = client.get("/api/v1/open-data/")

    assert response.status_code == 200
    body = response.json()
    assert body["licence"]["url"] == LICENCE
    slugs = [dataset["slug"] for dataset in body["datasets"]]
    assert slugs == [
        "organisations",
        "shared-services",
        "partnerships",
        "case-study-figures",
        "revisits",
    ]
    revisits = body["datasets"][4]
    assert revisits["records"] == "http://testserver/api/v1/open-data/revisits/"
    assert revisits["csv"] == "http://testserver/open-data/revisits.csv"
    assert [field["name"] for field in revisits["fields"]][:2] == ["case_study", "revisited_on"]
    assert LICENCE in response["Link"]


def test_partnerships_are_paged_with_the_lead_first_and_the_licence_in_a_link_header(client):
    lead = OrganisationFactory(name="Northshire", slug="northshire", region="north-east")
    partners = [OrganisationFactory(name=f"Partner {n}", slug=f"partner-{n}") for n in range(3)]
    service = SharedServiceFactory(name="Shared revenues", slug="revs", lead_organisation=lead)
    service.partners.set(partners)
    service.save()  # a ParentalManyToManyField keeps the change in memory until then

    first = client.get("/api/v1/open-data/partnerships/", {"limit": 2})
    rest = client.get(first.json()["next"])

    assert first.status_code == rest.status_code == 200
    assert first.json()["count"] == 4
    records = first.json()["results"] + rest.json()["results"]
    assert records[0] == {
        "shared_service": "revs",
        "shared_service_name": "Shared revenues",
        "organisation": "northshire",
        "organisation_name": "Northshire",
        "role": "lead",
        "region": "north-east",
        "region_name": "North East",
    }
    assert sorted(record["organisation"] for record in records[1:]) == [
        "partner-0",
        "partner-1",
        "partner-2",
    ]
    assert LICENCE in first["Link"]


def test_revisits_come_only_from_live_public_case_studies_with_money_as_decimal_strings(
    client, library
):
    shown = make_case_study(
        library.case_studies, title="Shown", started_on=datetime.date(2022, 1, 1)
    )
    hidden = restricted(
        make_case_study(library.case_studies, title="Hidden", started_on=datetime.date(2022, 1, 1))
    )
    for page in (shown, hidden):
        page.revisits.add(
            CaseStudyRevisit(
                revisited_on=datetime.date(2023, 1, 1),
                actual_annual_savings_pounds=Decimal("123456.50"),
            )
        )
        publish(page)

    records = client.get("/api/v1/open-data/revisits/").json()["results"]

    assert records == [
        {
            "case_study": shown.slug,
            "revisited_on": "2023-01-01",
            "actual_annual_savings_pounds": "123456.50",
            "actual_costs_to_date_pounds": None,
        }
    ]


def test_an_unknown_dataset_is_a_json_404(client):
    response = client.get("/api/v1/open-data/budgets/")

    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")


def test_a_page_of_case_study_figures_is_the_same_slice_of_rows_as_the_download(client, library):
    for number in range(5):
        make_case_study(library.case_studies, title=f"Shared service {number}")
    download = json.loads(client.get("/open-data/case-study-figures.json").content)["records"]

    page = client.get("/api/v1/open-data/case-study-figures/?limit=2&offset=2").json()

    assert page["count"] == 5
    assert [record["slug"] for record in page["results"]] == [
        record["slug"] for record in download[2:4]
    ]
    assert page["results"][0]["organisations"] == download[2]["organisations"]
    past_the_end = client.get("/api/v1/open-data/case-study-figures/?offset=9").json()
    assert (past_the_end["count"], past_the_end["results"]) == (5, [])
