"""`export_content` writes everything in the import format, and importing that reproduces it."""

import datetime
import json
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from taggit.models import Tag
from wagtail.documents.models import Document

from knowledge.exporting import export_content
from knowledge.importing import import_content
from knowledge.models import (
    CaseStudyContact,
    CaseStudyPage,
    CaseStudyRevisit,
    DueDiligenceItem,
    Organisation,
    RelatedCaseStudy,
    ResourcePage,
    ServiceArea,
    SharedService,
)
from tests.factories import (
    OrganisationEmailDomainFactory,
    OrganisationFactory,
    ServiceAreaFactory,
    SharedServiceFactory,
    make_case_study,
    make_resource,
)
from tests.knowledge.content_files import counts, good_content


def empty_the_knowledge_base() -> None:
    """What a new, empty database holds: no knowledge records (the page tree's top stays)."""
    for model in [CaseStudyPage, ResourcePage, SharedService, Organisation, ServiceArea]:
        model.objects.all().delete()
    Document.objects.all().delete()
    Tag.objects.all().delete()


def made_by_editors(library) -> None:
    """Content made the way editors make it, not through an import."""
    council = OrganisationFactory(slug="northshire", name="Northshire County Council")
    OrganisationEmailDomainFactory(organisation=council, domain="northshire.gov.uk")
    partner = OrganisationFactory(slug="fleetco", name="Fleetco", kind="partner", region="")
    area = ServiceAreaFactory(slug="waste", name="Waste and recycling")
    SharedServiceFactory(
        slug="joint-fleet", lead_organisation=council, service_area=area, partners=[partner]
    )
    fleet = make_case_study(
        library.case_studies,
        title="A shared waste fleet",
        organisations=[partner, council],
        service_areas=[area],
        tags=["fleet", "depots"],
        investment_pounds=Decimal("250000"),
        staff_change_fte=Decimal("-3"),
        started_on=datetime.date(2022, 4, 1),
    )
    # Saved directly: a ClusterableModel's child managers only hold what they create in memory.
    DueDiligenceItem.objects.create(
        page=fleet, area="capacity", status="problem-found", notes="Depot too small."
    )
    CaseStudyContact.objects.create(
        page=fleet, name="Alex Example", organisation=council, email="alex@example.org"
    )
    CaseStudyRevisit.objects.create(
        page=fleet,
        revisited_on=datetime.date(2023, 4, 1),
        actual_annual_savings_pounds=Decimal("120000"),
        what_went_wrong_since="<p>The depot flooded.</p>",
    )
    make_case_study(library.case_studies, title="Shared legal", live=False, what_went_wrong="")
    other = make_case_study(library.case_studies, title="Joint ICT")
    RelatedCaseStudy.objects.create(page=other, related_page=fleet)
    document = Document(title="Depot plan")
    document.file.save("depot-plan.txt", ContentFile(b"Depot plan\n"), save=False)
    document.save()
    make_resource(
        library.resources,
        title="Depot plan",
        external_url="",
        document=document,
        organisation=council,
        kind="report",
        tags=["depots"],
    )


def test_export_lists_every_kind_sorted_by_slug_in_the_documented_shape(library):
    made_by_editors(library)

    content = export_content()

    assert (content["format"], content["version"]) == ("commons-content", 1)
    assert [r["slug"] for r in content["organisations"]] == ["fleetco", "northshire"]
    assert [r["slug"] for r in content["case_studies"]] == [
        "a-shared-waste-fleet",
        "joint-ict",
        "shared-legal",
    ]
    assert content["shared_services"][0]["partners"] == ["fleetco"]
    assert content["organisations"][1]["email_domains"] == ["northshire.gov.uk"]
    assert content["case_studies"][0] == {
        "slug": "a-shared-waste-fleet",
        "title": "A shared waste fleet",
        "summary": "Three district councils merged their revenues and benefits teams.",
        "organisations": ["fleetco", "northshire"],
        "service_areas": ["waste"],
        "stage": "live",
        "started_on": "2022-04-01",
        "ended_on": None,
        "investment_pounds": "250000.00",
        "annual_savings_pounds": "450000.00",
        "savings_percent": "30.00",
        "staff_change_fte": "-3.0",
        "outcomes": "",
        "what_went_wrong": "<p>The data migration ran three months late.</p>",
        "lessons_learned": "",
        "target_operating_model": "",
        "culture_and_leadership": "",
        "due_diligence": [
            {"area": "capacity", "status": "problem-found", "notes": "Depot too small."}
        ],
        "contacts": [
            {"name": "Alex Example", "role": "", "organisation": "northshire",
             "email": "alex@example.org"}
        ],
        "revisits": [
            {"revisited_on": "2023-04-01", "actual_annual_savings_pounds": "120000.00",
             "actual_costs_to_date_pounds": None, "what_changed": "",
             "what_went_wrong_since": "<p>The depot flooded.</p>"}
        ],
        "related": [],
        "tags": ["depots", "fleet"],
        "owner": None,
        "last_reviewed": None,
        "review_by": None,
        "published": True,
        "first_published_at": CaseStudyPage.objects.get(
            slug="a-shared-waste-fleet"
        ).first_published_at.astimezone(datetime.UTC).isoformat(),
    }  # fmt: skip
    assert content["case_studies"][1]["related"] == ["a-shared-waste-fleet"]
    resource = content["resources"][0]
    assert resource["document"] == {
        "title": "Depot plan",
        "file_name": "depot-plan.txt",
        "content_base64": "RGVwb3QgcGxhbgo=",
    }
    assert (resource["external_url"], resource["organisation"]) == ("", "northshire")


def test_a_draft_is_exported_as_its_latest_revision_and_unpublished(library):
    draft = make_case_study(library.case_studies, title="Shared legal", live=False)
    draft.title = "Shared legal services, second draft"
    draft.save_revision()

    exported = export_content()["case_studies"][0]

    assert exported["title"] == "Shared legal services, second draft"
    assert (exported["published"], exported["first_published_at"]) == (False, None)


def test_export_then_import_into_an_empty_database_gives_identical_json(library):
    import_content(good_content())
    first = export_content()
    before = counts()
    empty_the_knowledge_base()
    assert CaseStudyPage.objects.count() == Organisation.objects.count() == 0

    import_content(first)

    assert export_content() == first
    assert counts()["CaseStudyPage"] == before["CaseStudyPage"]
    assert counts()["ResourcePage"] == before["ResourcePage"]


def test_content_made_by_editors_survives_the_round_trip(library):
    made_by_editors(library)
    first = export_content()
    empty_the_knowledge_base()

    import_content(first)

    assert export_content() == first
    draft = CaseStudyPage.objects.get(slug="shared-legal")
    assert (draft.live, draft.what_went_wrong) == (False, "")


def test_importing_an_export_over_its_own_database_changes_nothing(library):
    made_by_editors(library)
    before = counts()

    report = import_content(export_content())

    assert counts() == before
    assert all(tally.created == tally.updated == 0 for tally in report.tallies.values())


def test_the_command_writes_json_to_standard_output_or_to_a_file(library, tmp_path, capsys):
    made_by_editors(library)
    path = tmp_path / "export.json"

    call_command("export_content")
    printed = capsys.readouterr().out
    call_command("export_content", str(path))

    assert json.loads(printed) == export_content()
    assert json.loads(path.read_text(encoding="utf-8")) == export_content()
    assert capsys.readouterr().out.startswith("Exported 1 service areas, 2 organisations, ")


def test_a_document_whose_file_is_gone_is_refused_by_the_command(library):
    made_by_editors(library)
    document = Document.objects.get(title="Depot plan")
    document.file.storage.delete(document.file.name)

    with pytest.raises(CommandError) as refused:
        call_command("export_content")

    assert 'The file of the document "Depot plan"' in str(refused.value)
    assert str(refused.value).endswith("is missing.")
