"""The open-data files of the demo network validate against the schemas in docs/open-data/ and
read back as the database holds it: every organisation, service, partnership, figure and
revisit, with the same values."""

import json
from decimal import Decimal
from pathlib import Path

import frictionless
import jsonschema
import pytest
from django.core.management import call_command
from django.utils import timezone

from knowledge.models import CaseStudyRevisit, Organisation, SharedService
from knowledge.queries import live_case_studies

DOCS = Path(__file__).resolve().parents[2] / "docs" / "open-data"
PACKAGE = json.loads((DOCS / "datapackage.json").read_text())


@pytest.fixture
def demo(db):
    call_command("load_demo", verbosity=0, stdout=None)


def downloaded(client, name: str) -> tuple[list[dict], list[dict]]:
    """The dataset's CSV and JSON records, each checked against its schema first."""
    resource = next(r for r in PACKAGE["resources"] if r["name"] == name)
    csv_body = client.get(f"/open-data/{name}.csv").content
    table = frictionless.Resource(
        data=csv_body,
        format="csv",
        encoding="utf-8",
        schema=frictionless.Schema.from_descriptor(resource["schema"]),
    )
    report = table.validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    with frictionless.Resource(
        data=csv_body,
        format="csv",
        encoding="utf-8",
        schema=frictionless.Schema.from_descriptor(resource["schema"]),
    ) as reading:
        from_csv = [row.to_dict() for row in reading.row_stream]

    document = json.loads(client.get(f"/open-data/{name}.json").content)
    schema = json.loads((DOCS / f"{name}.schema.json").read_text())
    jsonschema.validate(document, schema, format_checker=jsonschema.FormatChecker())
    return from_csv, document["records"]


def money(value) -> Decimal | None:
    """A figure from either file as a Decimal: JSON numbers arrive as floats."""
    return None if value is None else Decimal(str(value))


def same_in_both(from_csv: list[dict], from_json: list[dict], key) -> dict:
    """The records by `key`, once it is checked that the CSV and the JSON agree."""
    assert len(from_csv) == len(from_json)
    by_key = {}
    for csv_row, json_row in zip(from_csv, from_json, strict=True):
        for name, value in json_row.items():
            csv_value = csv_row[name]
            if isinstance(csv_value, Decimal):
                assert csv_value == money(value), name
            elif isinstance(csv_value, list) or name in ("organisations", "service_areas"):
                assert (csv_value or []) == value, name
            elif hasattr(csv_value, "isoformat"):
                assert csv_value.isoformat() == value, name
            else:
                # A text a spreadsheet would run as a formula has an apostrophe before it in
                # the CSV only (docs/open-data.md).
                if (csv_value or "").startswith(("'=", "'+", "'-", "'@")):
                    csv_value = csv_value[1:]
                assert (csv_value or "") == (value or ""), name
        by_key[key(json_row)] = csv_row
    return by_key


def test_the_demo_shared_services_and_partnerships_round_trip(demo, client):
    services = same_in_both(*downloaded(client, "shared-services"), key=lambda r: r["slug"])
    partnerships = same_in_both(
        *downloaded(client, "partnerships"),
        key=lambda r: (r["shared_service"], r["organisation"]),
    )

    expected_partnerships = {}
    in_db = SharedService.objects.select_related("lead_organisation", "service_area")
    assert len(services) == in_db.count() >= 5
    for service in in_db.prefetch_related("partners"):
        row = services[service.slug]
        assert row["name"] == service.name
        assert row["service_area"] == service.service_area.slug
        assert row["lead_organisation"] == service.lead_organisation.slug
        assert row["lead_organisation_name"] == service.lead_organisation.name
        assert row["status"] == service.status
        assert row["since"] == service.since
        assert row["url"] == f"http://testserver/services/{service.slug}/"
        expected_partnerships[(service.slug, service.lead_organisation.slug)] = (
            "lead",
            service.lead_organisation.region or None,
        )
        for partner in service.partners.all():
            expected_partnerships[(service.slug, partner.slug)] = (
                "partner",
                partner.region or None,
            )
    assert any(role == "partner" for role, _ in expected_partnerships.values())
    assert {key: (row["role"], row["region"]) for key, row in partnerships.items()} == (
        expected_partnerships
    )


def test_the_demo_case_study_figures_and_revisits_round_trip(demo, client):
    figures = same_in_both(*downloaded(client, "case-study-figures"), key=lambda r: r["slug"])
    revisits = same_in_both(
        *downloaded(client, "revisits"), key=lambda r: (r["case_study"], r["revisited_on"])
    )

    pages = live_case_studies().prefetch_related("organisations", "service_areas")
    assert len(figures) == pages.count() >= 10
    for page in pages:
        row = figures[page.slug]
        assert row["title"] == page.title
        assert row["url"].endswith(page.url_path.removeprefix("/home"))
        assert row["stage"] == page.stage
        assert row["started_on"] == page.started_on
        assert row["ended_on"] == page.ended_on
        assert row["published_on"] == timezone.localdate(page.first_published_at)
        assert row["investment_pounds"] == page.investment_pounds
        assert row["annual_savings_pounds"] == page.annual_savings_pounds
        assert row["savings_percent"] == page.savings_percent
        assert row["staff_change_fte"] == page.staff_change_fte
        assert (row["organisations"] or []) == sorted(o.slug for o in page.organisations.all())
        assert (row["service_areas"] or []) == sorted(a.slug for a in page.service_areas.all())

    in_db = CaseStudyRevisit.objects.filter(page__in=pages).select_related("page")
    assert len(revisits) == in_db.count() >= 2
    for revisit in in_db:
        row = revisits[(revisit.page.slug, revisit.revisited_on.isoformat())]
        assert row["actual_annual_savings_pounds"] == revisit.actual_annual_savings_pounds
        assert row["actual_costs_to_date_pounds"] == revisit.actual_costs_to_date_pounds


def test_the_demo_organisations_round_trip_and_name_every_identifier_the_others_use(demo, client):
    organisations = same_in_both(*downloaded(client, "organisations"), key=lambda r: r["slug"])
    partnerships, _ = downloaded(client, "partnerships")
    figures, _ = downloaded(client, "case-study-figures")

    in_db = Organisation.objects.all()
    assert len(organisations) == in_db.count() >= 7
    for organisation in in_db:
        row = organisations[organisation.slug]
        assert row["name"] == organisation.name
        assert row["kind"] == organisation.kind
        assert row["kind_name"] == organisation.get_kind_display()
        assert row["region"] == (organisation.region or None)
        assert row["region_name"] == (organisation.get_region_display() or None)
        assert row["website"] == (organisation.website or None)
        assert row["url"] == f"http://testserver/organisations/{organisation.slug}/"
    used = {row["organisation"] for row in partnerships}
    used |= {slug for row in figures for slug in row["organisations"] or []}
    assert used and used <= set(organisations)
