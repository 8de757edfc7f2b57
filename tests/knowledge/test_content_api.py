"""The partners' content API (/api/v1/): only what anyone may read, paged, filtered by slug, with
caching headers and JSON errors, at a number of queries that does not grow with the page."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from knowledge.models import Organisation
from tests.factories import (
    OrganisationFactory,
    ServiceAreaFactory,
    SharedServiceFactory,
    make_case_study,
    make_resource,
)

pytestmark = pytest.mark.django_db


def restricted(page):
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="councillors-only"
    )
    return page


def titles(response) -> list[str]:
    assert response.status_code == 200, response.content
    return sorted(
        item["title"] if "title" in item else item["name"] for item in response.json()["results"]
    )


def test_case_studies_are_the_live_public_ones_with_their_figures(client, library):
    revenues = ServiceAreaFactory(name="Revenues and benefits", slug="revenues")
    northshire = OrganisationFactory(name="Northshire", slug="northshire")
    make_case_study(
        library.case_studies,
        title="Northshire shares revenues",
        organisations=[northshire],
        service_areas=[revenues],
        tags=["Council tax"],
    )
    make_case_study(library.case_studies, title="A draft nobody may read", live=False)
    restricted(make_case_study(library.case_studies, title="Behind a password"))

    response = client.get("/api/v1/case-studies/")

    assert titles(response) == ["Northshire shares revenues"]
    [item] = response.json()["results"]
    assert item["service_areas"] == [{"slug": "revenues", "name": "Revenues and benefits"}]
    assert item["organisations"] == [{"slug": "northshire", "name": "Northshire"}]
    assert item["tags"] == ["council-tax"]
    assert item["figures"]["annual_savings_pounds"] == "450000.00"
    assert item["figures"]["savings_percent"] == "30.00"
    assert item["url"].startswith("http://testserver/")
    assert response.json()["count"] == 1


def test_a_hidden_case_study_is_a_json_404_by_its_id(client, library):
    draft = make_case_study(library.case_studies, title="A draft", live=False)
    private = restricted(make_case_study(library.case_studies, title="Private"))

    for page in (draft, private):
        response = client.get(f"/api/v1/case-studies/{page.pk}/")
        assert response.status_code == 404
        assert response["Content-Type"] == "application/json"
        assert response.json()["detail"]


def test_case_studies_filter_by_service_area_organisation_tag_region_and_date(client, library):
    waste = ServiceAreaFactory(name="Waste", slug="waste")
    lowdale = OrganisationFactory(name="Lowdale", slug="lowdale", region="wales")
    make_case_study(
        library.case_studies,
        title="Waste in Lowdale",
        service_areas=[waste],
        organisations=[lowdale],
        tags=["Recycling"],
    )
    make_case_study(library.case_studies, title="Something else")

    for query in (
        {"service_area": "waste"},
        {"organisation": "lowdale"},
        {"tag": "recycling"},
        {"region": "wales"},
    ):
        assert titles(client.get("/api/v1/case-studies/", query)) == ["Waste in Lowdale"], query
    tomorrow = (datetime.date.today() + datetime.timedelta(days=1)).isoformat()
    assert titles(client.get("/api/v1/case-studies/", {"updated_since": tomorrow})) == []


def test_an_unknown_slug_is_a_400_naming_the_parameter(client, library):
    for parameter in ("service_area", "organisation", "tag", "region"):
        response = client.get("/api/v1/case-studies/", {parameter: "no-such-thing"})
        assert response.status_code == 400, parameter
        assert response["Content-Type"] == "application/json"
        answer = response.json()
        assert list(answer["errors"]) == [parameter]
        assert "no-such-thing" in answer["errors"][parameter][0]
        assert answer["detail"]


def test_a_bad_date_is_a_400_in_plain_english(client, library):
    response = client.get("/api/v1/resources/", {"updated_since": "last tuesday"})

    assert response.status_code == 400
    assert response.json()["errors"]["updated_since"] == [
        "Enter the date as YYYY-MM-DD, for example 2025-04-01"
    ]


def test_resources_are_the_live_public_ones(client, library):
    make_resource(library.resources, title="Business case template")
    make_resource(library.resources, title="Draft toolkit", live=False)
    restricted(make_resource(library.resources, title="Private guide"))

    response = client.get("/api/v1/resources/")

    assert titles(response) == ["Business case template"]
    assert response.json()["results"][0]["link"] == "https://example.org/business-case-template"


def test_organisations_and_shared_services_are_listed_with_filters(client, db):
    revenues = ServiceAreaFactory(name="Revenues", slug="revenues")
    northshire = OrganisationFactory(name="Northshire", slug="northshire", region="north-east")
    OrganisationFactory(name="Lowdale", slug="lowdale", region="wales")
    SharedServiceFactory(
        name="Shared revenues", lead_organisation=northshire, service_area=revenues
    )
    SharedServiceFactory(name="Shared waste")

    assert titles(client.get("/api/v1/organisations/", {"region": "north-east"})) == ["Northshire"]
    assert titles(client.get("/api/v1/shared-services/", {"organisation": "northshire"})) == [
        "Shared revenues"
    ]
    assert titles(client.get("/api/v1/shared-services/", {"service_area": "revenues"})) == [
        "Shared revenues"
    ]
    detail = client.get(f"/api/v1/organisations/{northshire.slug}/").json()
    assert detail["kind"] == Organisation.Kind.COUNCIL
    assert "email_domains" not in detail


def test_pages_are_limited_and_a_page_too_large_is_cut_to_the_maximum(client, db):
    for number in range(3):
        OrganisationFactory(name=f"Council {number}", slug=f"council-{number}")

    first = client.get("/api/v1/organisations/", {"limit": 2}).json()
    second = client.get("/api/v1/organisations/", {"limit": 2, "offset": 2}).json()
    huge = client.get("/api/v1/organisations/", {"limit": 100000})

    assert first["count"] == 3
    assert len(first["results"]) == 2 and first["next"]
    assert len(second["results"]) == 1 and second["next"] is None
    assert huge.status_code == 200


def test_anonymous_answers_are_cacheable_and_a_repeat_with_the_etag_is_a_304(client, db):
    OrganisationFactory(name="Northshire", slug="northshire")

    response = client.get("/api/v1/organisations/")
    again = client.get("/api/v1/organisations/", HTTP_IF_NONE_MATCH=response["ETag"])

    assert "public" in response["Cache-Control"]
    assert "max-age" in response["Cache-Control"]
    assert "Cookie" not in response.get("Vary", "")  # one cached copy serves everyone
    assert again.status_code == 304
    assert again.content == b""


def test_cors_lets_any_site_read_but_not_write(client, db):
    response = client.get("/api/v1/organisations/", HTTP_ORIGIN="https://partner.example")
    preflight = client.options(
        "/api/v1/organisations/",
        HTTP_ORIGIN="https://partner.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
    )
    page = client.get("/search/", HTTP_ORIGIN="https://partner.example")

    assert response["Access-Control-Allow-Origin"] == "*"
    assert "POST" not in preflight["Access-Control-Allow-Methods"]
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    assert "Access-Control-Allow-Origin" not in page


def test_writing_is_a_json_405_and_an_unknown_address_a_json_404(client, db):
    post = client.post("/api/v1/organisations/", {"name": "Mine"})
    missing = client.get("/api/v1/no-such-endpoint/")

    assert post.status_code == 405
    assert post["Content-Type"] == "application/json"
    assert post.json()["detail"]
    assert missing.status_code == 404
    assert missing["Content-Type"] == "application/json"
    assert missing.json()["errors"] == {}


def test_a_page_of_case_studies_costs_the_same_queries_however_many_it_holds(client, library):
    def queries_for_page() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/api/v1/case-studies/").status_code == 200
        return len(queries)

    def add_case_study(number: int) -> None:
        make_case_study(
            library.case_studies,
            title=f"Case study {number}",
            organisations=[OrganisationFactory()],
            service_areas=[ServiceAreaFactory()],
            tags=[f"tag {number}"],
        )

    add_case_study(0)
    one = queries_for_page()
    for number in range(1, 5):
        add_case_study(number)

    assert queries_for_page() == one


def test_the_schema_is_served_as_json_and_yaml(client, db):
    as_json = client.get("/api/v1/schema/", {"format": "json"})
    as_yaml = client.get("/api/v1/schema/")

    assert as_json.json()["openapi"].startswith("3.")
    assert "/api/v1/case-studies/" in as_json.json()["paths"]
    assert "/api/v1/search/" in as_json.json()["paths"]
    assert b"openapi: 3." in as_yaml.content


def test_the_docs_page_lists_every_endpoint(client, db):
    response = client.get("/api/v1/docs/")

    assert response.status_code == 200
    for address in (
        "/api/v1/case-studies/",
        "/api/v1/stories/",
        "/api/v1/search/",
        "/api/v1/schema/",
    ):
        assert address in response.content.decode()
